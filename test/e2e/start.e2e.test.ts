/**
 * `npm start` and `npm stop` on a machine without Excel desktop (README "Set-up"): start validates the
 * sample division and prints its findings, says it serves because there is no Excel desktop, builds
 * and serves the add-in on https://localhost:3000 and says so; stop stops that server and says so.
 * This runs the real scripts (as `npm start` and `npm stop` do) and fetches what Excel would load
 * when the manifest is sideloaded. HOME is a temporary folder, so no certificate lands in the real one.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { expectAs } from "../support/expect-as";

const ROOT = join(__dirname, "..", "..");
let child: ChildProcess | undefined;
const home = mkdtempSync(join(tmpdir(), "nps-start-home-"));
// Linux has no Excel desktop; elsewhere, ask for the same (serve-only) path.
const env = { ...process.env, HOME: home, ...(process.platform === "linux" ? {} : { NPS_EXCEL: "none" }) };

afterAll(() => {
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  rmSync(home, { recursive: true, force: true });
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
  it("validates the sample division, then serves the add-in on https://localhost:3000 and says so; npm stop stops it", async () => {
    child = spawn(process.execPath, [join(ROOT, "scripts", "start.js")], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
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
    expect(out).toMatch(/Fail +High and Very High RoSH cases are held by POs/);
    expect(out).toMatch(/Result: \d+ errors to put right/);
    // It says which way it went, and which certificate it serves with.
    if (process.platform === "linux") expect(out).toContain("No Excel desktop here (Excel desktop does not run on Linux): serving the add-in for you to sideload");
    expect(out).toMatch(/Certificate: (a self-signed one|office-addin-dev-certs' localhost certificate)/);

    const page = await get("https://localhost:3000/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.body).toContain("taskpane");
    const meta = await get("https://localhost:3000/functions.json");
    expect(meta.status).toBe(200);
    expect((JSON.parse(meta.body) as { functions: { id: string }[] }).functions.map((f) => f.id)).toContain("TIER");
    const manifest = await get("https://localhost:3000/manifest.xml");
    expect(manifest.status).toBe(200);

    // npm stop stops that server: the start process ends cleanly and the port is closed.
    const stop = spawnSync(process.execPath, [join(ROOT, "scripts", "stop.js")], { cwd: ROOT, env, encoding: "utf8" });
    expect(stop.status).toBe(0);
    if (process.platform === "linux") expect(stop.stdout).toContain("No Excel desktop here (Excel desktop does not run on Linux): no add-in to unload.");
    expect(stop.stdout).toContain(`Stopped the add-in server on https://localhost:3000 (process ${String(child.pid)}).`);
    expect(await exited).toBe(0);
    await expect(get("https://localhost:3000/taskpane.html")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    const again = spawnSync(process.execPath, [join(ROOT, "scripts", "stop.js")], { cwd: ROOT, env, encoding: "utf8" });
    expect(again.stdout).toContain("No add-in server was running.");
  }, 120_000);
});
