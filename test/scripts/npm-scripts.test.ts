/**
 * The npm scripts around the add-in: which way `npm start`/`npm stop` go (Excel desktop or not),
 * the office-addin-debugging command they run, and `npm run validate` with and without a network.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { debuggingArgs, findExcel } from "../../scripts/excel-host";
import { ours } from "../../scripts/dev-server";

const ROOT = join(__dirname, "..", "..");
const EXCEL_WIN = "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE";

describe("npm start/stop: is Excel desktop here?", () => {
  const none = () => false;
  it("Mac with Microsoft Excel.app in /Applications: found", () => {
    const where = "/Applications/Microsoft Excel.app";
    expect(findExcel({ platform: "darwin", env: {}, exists: (p) => p === where, home: "/Users/spo" })).toEqual({ found: true, where });
  });
  it("Mac with Excel in the user's own Applications folder: found", () => {
    const where = "/Users/spo/Applications/Microsoft Excel.app";
    expect(findExcel({ platform: "darwin", env: {}, exists: (p) => p === where, home: "/Users/spo" })).toEqual({ found: true, where });
  });
  it("Mac without Excel: not found, and says why", () => {
    expect(findExcel({ platform: "darwin", env: {}, exists: none, home: "/Users/spo" })).toEqual({ found: false, why: expect.stringMatching(/Excel\.app is not in \/Applications/) });
  });
  it("Windows with Excel registered under App Paths (quoted path): found", () => {
    const registry = (key: string) => (key.startsWith("HKLM") ? `"${EXCEL_WIN}"` : undefined);
    expect(findExcel({ platform: "win32", env: {}, exists: (p) => p === EXCEL_WIN, registry })).toEqual({ found: true, where: EXCEL_WIN });
  });
  it("Windows with a stale registry entry whose file is gone: not found", () => {
    expect(findExcel({ platform: "win32", env: {}, exists: none, registry: () => EXCEL_WIN })).toMatchObject({ found: false });
  });
  it("Linux: not found (Excel desktop does not run there), so npm start serves instead", () => {
    expect(findExcel({ platform: "linux", env: {}, exists: () => true })).toEqual({ found: false, why: "Excel desktop does not run on Linux" });
  });
  it("NPS_EXCEL=none serves only, even where Excel is installed", () => {
    expect(findExcel({ platform: "darwin", env: { NPS_EXCEL: "none" }, exists: () => true })).toMatchObject({ found: false, why: expect.stringContaining("NPS_EXCEL=none") });
  });
});

describe("npm start/stop with Excel: the office-addin-debugging command", () => {
  const help = (command: string) => spawnSync(process.execPath, [debuggingArgs("start")[0]!, command, "--help"], { cwd: ROOT, encoding: "utf8" }).stdout;
  it("start sideloads manifest.xml into Excel desktop, starting `npm run dev-server` on port 3000", () => {
    const [, ...args] = debuggingArgs("start");
    expect(args.slice(0, 3)).toEqual(["start", "manifest.xml", "desktop"]);
    expect(args.join(" ")).toContain("--app excel --dev-server npm run dev-server --dev-server-port 3000");
  });
  it("passes only options the installed office-addin-debugging knows", () => {
    const known = help("start");
    for (const option of debuggingArgs("start").filter((a) => a.startsWith("--"))) expect(known).toContain(option);
  });
  it("stop unloads the same manifest", () => {
    expect(debuggingArgs("stop").slice(1)).toEqual(["stop", "manifest.xml", "desktop"]);
    expect(help("stop")).toContain("<manifest-path>");
  });
});

describe("npm stop stops only the add-in's own server", () => {
  const linux = process.platform === "linux";
  (linux ? it : it.skip)("a process id reused by another program is not taken for the server (Linux shows command lines)", () => {
    expect(ours(process.pid)).toBe(false);
    expect(ours(2 ** 22 + 1)).toBe(false);
  });
  (linux ? it : it.skip)("a process running scripts/start.js or scripts/dev-server.js is", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)", join(ROOT, "scripts", "dev-server.js")]);
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(ours(child.pid!)).toBe(true);
    } finally {
      child.kill();
    }
  });
});

describe("npm run validate (office-addin-manifest, Microsoft's service)", () => {
  const dir = mkdtempSync(join(tmpdir(), "nps-validate-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // NODE_OPTIONS carries the offline preload into the office-addin-manifest process the script starts.
  const offline = { ...process.env, NODE_OPTIONS: `--require ${join(__dirname, "..", "support", "offline.js")}` };
  const validate = (args: string[]) => spawnSync(process.execPath, [join(ROOT, "scripts", "validate-manifest.js"), ...args], { cwd: ROOT, encoding: "utf8", env: offline });

  it("with no network: says plainly the manifest was NOT validated, and exits 0", () => {
    const run = validate([]);
    expect(run.stdout).toMatch(/^Offline: Microsoft's manifest validation service could not be reached, so manifest\.xml was NOT validated by it\./);
    expect(run.stdout).toContain("(no network in this test)"); // the real tool ran, and its lookup was the offline one
    expect(run.status).toBe(0);
  });
  it("a manifest that is not XML: office-addin-manifest's own reason, exit 1", () => {
    const bad = join(dir, "bad.xml");
    writeFileSync(bad, "<OfficeApp><Id>x");
    const run = validate([bad]);
    expect(run.stdout + run.stderr).toMatch(/Unable to parse the manifest file/);
    expect(run.stderr).toMatch(/bad\.xml: office-addin-manifest found problems/);
    expect(run.status).toBe(1);
  });
  it("no manifest at the path given: exit 2, naming the path", () => {
    const run = validate([join(dir, "gone.xml")]);
    expect(run.stderr).toContain(`no manifest at ${join(dir, "gone.xml")}`);
    expect(run.status).toBe(2);
  });
});
