/**
 * nps-om validate --report: the report is never lost or left half-written, an existing one is
 * replaced only with --force, the findings are printed whatever happens to the report, and text
 * from the user's cells cannot rewrite the terminal. The compiled command line (bin/nps-om.js) is
 * run as a user runs it, so signals and concurrent runs are real.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { EXIT_FINDINGS, EXIT_USAGE, EXIT_WRITE_FAILED } from "../../src/cli/main";
import { REPORT_SHEET_NAME } from "../../src/model/validate";
import { divisionWithErrors, tempDir, writeBook } from "../workbook/fixtures";
import { runCli } from "../support/cli";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const BIN = path.resolve(__dirname, "../../bin/nps-om.js");

const run = runCli;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

function started(...args: string[]): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, out, err })));
  return { child, exit };
}

/** A caseload whose every row has unreadable cells: about 240,000 findings, a report that takes seconds to write. */
async function manyFindings(file: string, rows: number): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet("Caseload");
  ws.addRow(["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "MAPPA category", "MAPPA level", "Tier"]).commit();
  for (let i = 0; i < rows; i++) ws.addRow([`C${i}`, "A", "PO", "T", "bogus", "x", "y", "z", "w", "Q"]).commit();
  ws.commit();
  await wb.commit();
  return file;
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".nps-om-tmp"));

/** Wait until the run has started writing its temporary file in `dir`. */
async function writing(dir: string, exit: Promise<Exit>): Promise<void> {
  let done = false;
  void exit.then(() => (done = true));
  while (temps(dir).length === 0) {
    if (done) throw new Error("the run finished before its report was seen being written");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function readable(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(REPORT_SHEET_NAME)!.rowCount;
}

let big: string;
let medium: string;
let errors: string;
beforeAll(async () => {
  big = await manyFindings(tmp.file("big.xlsx"), 40_000);
  medium = await manyFindings(tmp.file("medium.xlsx"), 5_000);
  errors = await writeBook(tmp.file("errors.xlsx"), divisionWithErrors());
}, 60_000);

let n = 0;
function folder(): string {
  const dir = tmp.file(`out-${++n}`);
  mkdirSync(dir);
  return dir;
}

describe("a report interrupted while it is written leaves the previous report as it was", () => {
  it.each([
    ["killed (SIGKILL)", "SIGKILL"],
    ["stopped with Ctrl+C (SIGINT)", "SIGINT"],
  ] as const)("%s: the old report survives byte for byte, and no partial report is left under its name", async (_what, signal) => {
    const dir = folder();
    const report = path.join(dir, "report.xlsx");
    await run("validate", errors, "--report", report);
    const before = readFileSync(report);

    const { child, exit } = started("validate", big, "--report", report, "--force");
    await writing(dir, exit);
    child.kill(signal);
    const r = await exit;
    expect(r.signal).toBe(signal);
    expect(readFileSync(report).equals(before)).toBe(true);
    expect(await readable(report)).toBeGreaterThan(1);
    // Ctrl+C removes its temporary file; a killed run cannot, and the next run that writes there does.
    if (signal === "SIGINT") expect(temps(dir)).toEqual([]);
    else expect(temps(dir)).toHaveLength(1);
    const next = await run("validate", errors, "--report", report, "--force");
    expect(next.code).toBe(EXIT_FINDINGS);
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
  }, 120_000);
});

describe("two runs writing the same report at once", () => {
  it("with --force: each writes its own temporary file, each says the file it wrote, and the report is one complete workbook", async () => {
    const dir = folder();
    const report = path.join(dir, "report.xlsx");
    const [a, b] = await Promise.all([started("validate", medium, "--report", report, "--force").exit, started("validate", medium, "--report", report, "--force").exit]);
    for (const r of [a, b]) {
      expect(r.code).toBe(EXIT_FINDINGS);
      expect(r.out).toContain(`Report written to ${report}\n`);
    }
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
    const json = await run("validate", medium, "--json");
    expect(await readable(report)).toBe((JSON.parse(json.out) as { findings: unknown[] }).findings.length + 1);
  }, 60_000);

  it("without --force: one writes the report; the other says it exists and writes nothing", async () => {
    const dir = folder();
    const report = path.join(dir, "report.xlsx");
    const runs = await Promise.all([started("validate", errors, "--report", report).exit, started("validate", errors, "--report", report).exit]);
    const wrote = runs.filter((r) => r.out.includes(`Report written to ${report}`));
    const refused = runs.filter((r) => !r.out.includes("Report written"));
    expect(wrote).toHaveLength(1);
    expect(refused).toHaveLength(1);
    // Refused before it validated (exit 2), or when it came to put its report in place (exit 3).
    expect([EXIT_USAGE, EXIT_WRITE_FAILED]).toContain(refused[0]!.code);
    expect(refused[0]!.err).toMatch(/report\.xlsx (exists|was created by another program while this run was writing); choose another name or add --force/);
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
    expect(await readable(report)).toBeGreaterThan(1);
  }, 60_000);
});

describe("an existing report, and reports that cannot be written", () => {
  it("an existing report is replaced only with --force, as template asks", async () => {
    const dir = folder();
    const report = path.join(dir, "findings.xlsx");
    writeFileSync(report, "keep me");
    const r = await run("validate", errors, "--report", report);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.out).toBe("");
    expect(r.err).toBe(`nps-om: --report ${report} exists; choose another name or add --force to replace it.\n`);
    expect(readFileSync(report, "utf8")).toBe("keep me");
    const forced = await run("validate", errors, "--report", report, "--force");
    expect(forced.code).toBe(EXIT_FINDINGS);
    expect(await readable(report)).toBeGreaterThan(1);
  });

  it("a folder that does not exist: the findings are still printed, then the reason in words, exit 3", async () => {
    const report = path.join(folder(), "no such folder", "r.xlsx");
    const r = await run("validate", errors, "--report", report);
    expect(r.code).toBe(EXIT_WRITE_FAILED);
    expect(r.out).toMatch(/Errors \(\d+\):/);
    expect(r.out).not.toMatch(/Report written/);
    expect(r.err).toBe(`nps-om: --report ${report} cannot be written: the folder does not exist. The findings above are complete; no report file was written or changed.\n`);
  });

  it("a folder named like the report is said in words, never EISDIR", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, "report.xlsx"));
    const r = await run("validate", errors, "--report", path.join(dir, "report.xlsx"), "--force");
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toBe(`nps-om: --report ${path.join(dir, "report.xlsx")} is a folder; give a file name.\n`);
  });

  it("--json with a report that cannot be written: the JSON is complete on stdout, the reason on stderr, exit 3", async () => {
    const report = path.join(folder(), "missing", "r.xlsx");
    const r = await run("validate", errors, "--json", "--report", report);
    expect(r.code).toBe(EXIT_WRITE_FAILED);
    expect((JSON.parse(r.out) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    expect(r.err).toMatch(/the folder does not exist/);
  });

  // A real full disk: a 1 MB tmpfs, where the test may mount one (as root); the injected ENOSPC in
  // test/workbook/safe-write.test.ts covers the same path everywhere.
  const mountable = (() => {
    if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
    const probe = mkdtempSync(path.join(tmpdir(), "nps-om-tmpfs-"));
    const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]).status === 0;
    if (ok) spawnSync("umount", [probe]);
    rmSync(probe, { recursive: true, force: true });
    return ok;
  })();
  (mountable ? it : it.skip)("a full disk (a 1 MB tmpfs): the previous report survives, no partial file, “the disk is full”, exit 3", async () => {
    const disk = folder();
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]).status).toBe(0);
    try {
      const report = path.join(disk, "report.xlsx");
      await run("validate", errors, "--report", report);
      const before = readFileSync(report);
      const r = await run("validate", big, "--report", report, "--force");
      expect(r.code).toBe(EXIT_WRITE_FAILED);
      expect(r.out).toMatch(/Result: /);
      expect(r.err).toBe(`nps-om: --report ${report} cannot be written: the disk is full. The findings above are complete; no report file was written or changed.\n`);
      expect(readFileSync(report).equals(before)).toBe(true);
      expect(readdirSync(disk)).toEqual(["report.xlsx"]);
    } finally {
      spawnSync("umount", [disk]);
    }
  }, 120_000);
});

describe("text from the user's cells in the terminal", () => {
  it("control and bidi characters are shown escaped, in the summary and in JSON", async () => {
    const sheets = divisionWithErrors();
    const caseload = sheets["Caseload"]!.map((r) => [...r]);
    const rosh = caseload[0]!.indexOf("RoSH");
    caseload[1]![rosh] = "Hi\rgh\u009b2J\u202eevil";
    const file = await writeBook(tmp.file("controls.xlsx"), { ...sheets, Caseload: caseload });
    const text = await run("validate", file);
    expect(text.out).toContain("Hi\\rgh\\u009B2J\\u202Eevil");
    expect(text.out).not.toMatch(/[\r\u009b\u202e]/);
    const json = await run("validate", file, "--json");
    expect(json.out).not.toMatch(/[\r\u009b\u202e]/);
    const parsed = JSON.parse(json.out) as { findings: { message: string }[] };
    expect(parsed.findings.some((f) => f.message.includes("Hi\rgh\u009b2J\u202eevil"))).toBe(true);
  });

  it("--json is written in pieces but reads exactly as one JSON.stringify of the report", async () => {
    const r = await run("validate", errors, "--json");
    const parsed = JSON.parse(r.out) as unknown;
    expect(r.out).toBe(JSON.stringify(parsed, null, 2) + "\n");
  });
});
