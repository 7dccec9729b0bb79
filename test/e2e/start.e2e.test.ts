/**
 * `npm start` on a machine without Excel (README "Set-up"): it validates the sample division and
 * prints its findings, then builds and serves the add-in on https://localhost:3000 and says so.
 * This runs the real script (`node scripts/start.js`, as `npm start` does) and fetches what
 * Excel would load when the manifest is sideloaded.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:https";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { expectAs } from "../support/expect-as";

const ROOT = join(__dirname, "..", "..");
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid !== undefined) process.kill(-child.pid, "SIGTERM");
});

/** GET over https, accepting the development server's self-signed certificate (as a test may). */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("npm start (the main job)", () => {
  it("validates the sample division, then serves the add-in on https://localhost:3000 and says so", async () => {
    child = spawn(process.execPath, [join(ROOT, "scripts", "start.js")], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on("exit", resolve));
    const served = new Promise<void>((resolve) => {
      const check = () => (out.includes("built and served on https://localhost:3000") ? resolve() : setTimeout(check, 200));
      check();
    });
    const first = await Promise.race([served.then(() => "served" as const), exited.then((code) => `exited ${String(code)}`)]);
    expectAs(first, `stdout:\n${out}\nstderr:\n${err}`).toBe("served");

    // The findings of the sample were printed before serving (the validator's summary).
    expect(out).toMatch(/Validating .*sample-division\.xlsx/);
    expect(out).toContain("caseload.highRoshPso");
    expect(out).toMatch(/Result: \d+ errors found \(exit code 1\)/);

    const page = await get("https://localhost:3000/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.body).toContain("taskpane");
    const meta = await get("https://localhost:3000/functions.json");
    expect(meta.status).toBe(200);
    expect((JSON.parse(meta.body) as { functions: { id: string }[] }).functions.map((f) => f.id)).toContain("TIER");
    const manifest = await get("https://localhost:3000/manifest.xml");
    expect(manifest.status).toBe(200);
  }, 120_000);
});
