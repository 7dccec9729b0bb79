/**
 * The report workbook is written streaming and its text stays text: read back by readers this
 * project did not write (ExcelJS; openpyxl where installed, as it is in CI) and by the project's own
 * reader, a report quoting users' cells never holds a formula the project did not write, never
 * starts a text cell with = + - @ tab or CR, and never holds more than Excel's 32,767 characters.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { afterAll, describe, expect, it } from "@jest/globals";
import { CELL_TEXT_MAX, startsLikeFormula } from "../../src/model/cell-text";
import { REPORT_SHEET_NAME, validateWorkbook } from "../../src/model/validate";
import type { Finding, ValidationReport } from "../../src/model/validate/types";
import { readWorkbook } from "../../src/workbook/read";
import { streamReport, SUMMARY_SHEET_NAME } from "../../src/workbook/report";
import { book, sheet } from "../support/book";
import { counted } from "../support/counted";
import { tempDir } from "./fixtures";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const HOSTILE = [
  '=HYPERLINK("http://example.org/x","click")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1)",
  "\t=1+1",
  "\r=1+1",
  "=1+1",
];
const LONG = "x".repeat(40_000);

function reportOf(findings: Finding[]): ValidationReport {
  return { findings, summaries: [], overrides: [], layout: { sheets: [] } } as unknown as ValidationReport;
}

const hostileReport = () =>
  reportOf([
    ...HOSTILE.map((h, i): Finding => ({ rule: "data.unreadable", severity: "error", sheet: h.slice(0, 31), cell: `B${i + 2}`, message: h, source: h })),
    { rule: "data.unreadable", severity: "warning", sheet: "Caseload", cell: "C9", message: LONG, source: "Add-in workbook layout" },
  ]);

async function write(report: ValidationReport, name: string): Promise<string> {
  const file = tmp.file(name);
  const out = createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => out.once("close", () => resolve()).once("error", reject));
  await streamReport(report, { input: tmp.file("division.xlsx"), output: file }, out);
  await closed;
  return file;
}

function expectSafe(text: string): void {
  expect(startsLikeFormula(text)).toBe(false);
  expect(text.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
}

describe("report text cells stay text (CSV injection), within Excel's 32,767 characters", () => {
  it("ExcelJS reads every hostile value back as text starting with an apostrophe, and the only formulas are the project's links", async () => {
    const file = await write(hostileReport(), "hostile.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME, REPORT_SHEET_NAME]);
    const ws = wb.getWorksheet(REPORT_SHEET_NAME)!;
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "string") texts.push(v);
        else if (v && typeof v === "object" && "formula" in v) expect(v.formula).toMatch(/^HYPERLINK\("\[division\.xlsx\]/);
      }),
    );
    for (const t of texts) expectSafe(t);
    for (const h of HOSTILE) expect(texts).toContain(`'${h}`);
    const long = texts.find((t) => t.startsWith("xxx"))!;
    expect(long).toHaveLength(CELL_TEXT_MAX);
    expect(long.endsWith("…")).toBe(true);
  });

  it("the project's own reader gives the same text back, CR and all", async () => {
    const file = await write(hostileReport(), "hostile-own.xlsx");
    const r = await readWorkbook(file);
    if (!r.ok) throw r.error;
    const findings = r.value.sheets.find((s) => s.name === REPORT_SHEET_NAME)!;
    const messages = findings.rows.slice(1).map((row) => row[4]);
    expect(messages.slice(0, HOSTILE.length)).toEqual(HOSTILE.map((h) => `'${h}`));
    for (const row of findings.rows) for (const v of row) if (typeof v === "string") expectSafe(v);
  });

  const python = "/usr/bin/python3";
  const hasOpenpyxl = spawnSync(python, ["-c", "import openpyxl"]).status === 0;
  // CI installs python3-openpyxl (.ci/run), so there this never skips.
  (hasOpenpyxl || process.env.CI ? it : it.skip)("openpyxl reads every cell as a string (data type s), none starting like a formula", async () => {
    const file = await write(hostileReport(), "hostile-openpyxl.xlsx");
    const script = [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "out = []",
      "for ws in wb.worksheets:",
      "  for row in ws.iter_rows():",
      "    for c in row:",
      "      if c.value is not None: out.append([ws.title, c.data_type, c.value if isinstance(c.value, str) else str(c.value)])",
      "print(json.dumps(out))",
    ].join("\n");
    const run = spawnSync(python, ["-c", script, file], { encoding: "utf8", maxBuffer: 1 << 26 });
    expect(run.stderr).toBe("");
    const cells = JSON.parse(run.stdout) as [string, string, string][];
    const findingTexts = cells.filter(([s, t]) => s === REPORT_SHEET_NAME && t === "s").map(([, , v]) => v);
    for (const h of HOSTILE) expect(findingTexts).toContain(`'${h}`);
    // Formulas (data type f) are only the links in the Cell column.
    for (const [, t, v] of cells) if (t === "f") expect(v).toMatch(/^=HYPERLINK\("\[division\.xlsx\]/);
    for (const [, t, v] of cells) if (t === "s") expectSafe(v);
  });
});

/** The rows of the findings sheet in a written report, counted from the zip as it is inflated (yauzl). */
function countRows(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.readEntry();
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== "xl/worksheets/sheet2.xml") return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          let rows = 0;
          let tail = "";
          stream.on("data", (chunk: Buffer) => {
            const s = tail + chunk.toString("latin1");
            rows += s.split("</row>").length - 1;
            tail = s.slice(-5);
          });
          stream.on("end", () => {
            zip.close();
            resolve(rows);
          });
        });
      });
    });
  });
}

describe("a million findings: validated and reported without a stack overflow, rows streamed with backpressure", () => {
  // 200,000 cases with five unreadable cells each, as a reader would hand them over.
  const header = ["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "MAPPA category", "MAPPA level"];
  const rows = Array.from({ length: 200_000 }, (_, i) => [`C${i}`, "A", "PO", "T", "bogus", "x", "y", "z", "w"]);
  let report: ValidationReport;

  it("validates to over 1,000,000 findings", () => {
    report = validateWorkbook(book(sheet("Caseload", header, rows)));
    expect(report.findings.length).toBeGreaterThanOrEqual(1_000_000);
  });

  it("writes them all: the findings sheet holds one row per finding plus the header", async () => {
    const file = await write(report, "million.xlsx");
    expect(await countRows(file)).toBe(report.findings.length + 1);
  }, 120_000);

  it("does not run ahead of a slow disk: while the output takes nothing, only a bounded part of the rows is made", async () => {
    let taken = 0;
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const sink = new Writable({
      highWaterMark: 1 << 16,
      write(chunk: Buffer, _enc, done) {
        taken += chunk.length;
        void blocked.then(() => done());
      },
    });
    const findings = counted(report.findings);
    const writing = streamReport({ ...report, findings: findings.array }, { input: "d.xlsx", output: "r.xlsx" }, sink);
    // The column widths come from one pass over every finding, before anything is written.
    expect(findings.furthest()).toBe(report.findings.length);
    findings.reset();
    // Then the rows: once the first chunk has reached the sink (deflate runs on libuv's thread pool,
    // so on a loaded machine that takes a while), let the writer run on against a sink that never
    // completes a write.
    while (taken === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 0; i < 100; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(findings.furthest()).toBeGreaterThan(0);
    expect(findings.furthest()).toBeLessThan(100_000);
    // A disk that then fails: the writer stops with the error rather than making the other rows.
    sink.destroy(Object.assign(new Error("no space left on device"), { code: "ENOSPC" }));
    release();
    await expect(writing).rejects.toMatchObject({ code: "ENOSPC" });
    expect(findings.furthest()).toBeLessThan(100_000);
    expect(taken).toBeGreaterThan(0);
  }, 120_000);
});

it("one finding per row in a real file: the same rows give the same bytes (fixed dates inside the zip)", async () => {
  const a = await write(hostileReport(), "same-a.xlsx");
  const b = await write(hostileReport(), "same-b.xlsx");
  const bytes = async (f: string) => Buffer.concat(await createReadStream(f).toArray());
  expect((await bytes(a)).equals(await bytes(b))).toBe(true);
});
