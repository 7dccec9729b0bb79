/**
 * The report workbook the command line writes: a Summary sheet (one line per rule, plus the
 * what-if figures in effect) and the findings sheet (REPORT_SHEET_NAME), whose rows are the same
 * reportTable rows the task pane writes. Each finding's Cell links to the offending cell in the
 * validated workbook. The validated workbook itself is never written.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Writable } from "node:stream";
import { storedCellText } from "../model/cell-text";
import { VARIANT_INFO, type Variants } from "../model/config";
import { count } from "../model/messages/core";
import { statusWord } from "../model/validate/families";
import { quoteSheet, REPORT_HEADER, REPORT_SHEET_NAME, reportRow, rowValues, SEVERITY_WORDS } from "../model/validate/report-table";
import type { ValidationReport } from "../model/validate/types";
import { FileWriteError, writeFileSafely } from "./safe-write";
import { writeXlsx, type Cell, type CellStyle, type SheetSpec } from "./xlsx/write";

export const SUMMARY_SHEET_NAME = "Summary";

export class ReportWriteError extends Error {
  override readonly name = "ReportWriteError";
  constructor(
    readonly reason: "sameAsInput" | "notXlsx" | "exists" | "folder" | "unwritable",
    message: string,
    /** The operating system's code, when there was one (for --verbose and tests). */
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface ReportOptions {
  /** The validated workbook's path; links in the report point into it. */
  readonly input: string;
  /** Where to write the report (.xlsx). */
  readonly output: string;
  /** Variants switched on, shown on the Summary sheet. */
  readonly variants?: Partial<Variants>;
  /** Replace an existing report (--force); without it an existing file is left alone. */
  readonly replace?: boolean;
}

/**
 * Excel's HYPERLINK formula to a cell of the validated workbook, relative to the report's folder:
 * =HYPERLINK("[division.xlsx]'Caseload'!F12","F12"). HYPERLINK's "[file]sheet!cell" form is
 * Excel's documented way to open another workbook at a cell; a hyperlink object would need a
 * relationship target with a location, which ExcelJS does not write.
 */
export function cellLink(input: string, output: string, sheet: string, cell: string, text = cell): string {
  return linkTo(input, output)(sheet, cell, text);
}

/** cellLink for many cells of one input from one report: the relative path worked out once. */
function linkTo(input: string, output: string): (sheet: string, cell: string, text?: string) => string {
  const rel = path.relative(path.dirname(path.resolve(output)), path.resolve(input)).split(path.sep).join("/");
  const q = (s: string) => s.replace(/"/g, '""');
  return (sheet, cell, text = cell) => `HYPERLINK("${q(`[${rel}]${quoteSheet(sheet)}!${cell.toUpperCase()}`)}","${q(text)}")`;
}

/** Whether two paths name the same file: same path, or (through links or case) the same file on disk. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  if ((process.platform === "win32" || process.platform === "darwin") && ra.toLowerCase() === rb.toLowerCase()) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** The report's cell styles; a cell's style number is its index here plus one. */
const STYLES: readonly CellStyle[] = [
  { bold: true, fill: "FFD9E1F2" }, // 1 header
  { bold: true }, // 2 label
  { fill: "FFFFC7CE" }, // 3 error, fail
  { fill: "FFFFEB9C" }, // 4 warning
  { fill: "FFDDEBF7" }, // 5 info
  { fill: "FFC6EFCE" }, // 6 pass
  { fill: "FFEDEDED" }, // 7 not checked
  { color: "FF0563C1", underline: true }, // 8 link
  { wrap: true }, // 9 message
];
const HEADER = 1;
const LABEL = 2;
const SEVERITY_STYLE: ReadonlyMap<string, number> = new Map([["error", 3], ["warning", 4], ["info", 5]]);
const STATUS_STYLE: ReadonlyMap<string, number> = new Map([["fail", 3], ["warning", 4], ["pass", 6], ["information", 7], ["not checked", 7]]);
const LINK = 8;
const WRAP = 9;

/** A text cell as the report stores it (never a formula, never past Excel's limit), with a style. */
function text(v: string, style = 0): Cell {
  return style === 0 ? storedCellText(v) : { text: storedCellText(v), style };
}

/** A value from the report's tables: numbers as they are, text made safe, "" a blank cell. */
function value(v: string | number | undefined): Cell {
  return v === undefined || v === "" ? null : typeof v === "number" ? v : text(v);
}

/** Column widths from the longest value in each column, between a minimum and a maximum. */
function widthsOf(rows: Iterable<readonly (string | number | undefined)[]>, min: readonly number[], max: readonly number[]): number[] {
  const longest = min.map(() => 0);
  for (const row of rows)
    row.forEach((v, i) => {
      const len = v === undefined ? 0 : String(v).length;
      if (len > (longest[i] ?? 0)) longest[i] = len;
    });
  return min.map((m, i) => Math.min(Math.max(m, longest[i]! + 2), max[i] ?? 60));
}

function summarySheet(report: ValidationReport, opts: ReportOptions): SheetSpec {
  const header = ["Rule", "Check", "Status", "Figure", "Target", "Source", "Errors", "Warnings", "Info"];
  const table = report.summaries.map((s) => [s.rule, s.label, statusWord(s.status), s.figure, s.target, s.source, s.counts.error, s.counts.warning, s.counts.info]);
  const rows: Cell[][] = [header.map((h) => text(h, HEADER))];
  report.summaries.forEach((s, n) => rows.push(table[n]!.map((v, i) => (i === 2 ? text(String(v), STATUS_STYLE.get(s.status) ?? 0) : value(v)))));

  const total = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) total[f.severity]++;
  const on = Object.entries(opts.variants ?? {}).filter(([, v]) => v) as [keyof Variants, boolean][];
  const meta: [string, string][] = [
    ["Validated workbook", path.basename(opts.input)],
    ["Findings", `${count(total.error, "error")}, ${count(total.warning, "warning")}, ${total.info} for information`],
    ["Findings sheet", REPORT_SHEET_NAME],
    ["Policy variants", on.length === 0 ? "none (the operating model as written)" : on.map(([k]) => `${k}: ${VARIANT_INFO[k].label}`).join("; ")],
  ];
  rows.push([]);
  for (const [k, v] of meta) rows.push([text(k, LABEL), text(v)]);
  rows.push([]);
  if (report.overrides.length === 0) {
    rows.push([text("What-if figures", LABEL), text("none: every figure is the model's own")]);
  } else {
    rows.push([text("What-if figures in effect (these results are NOT the operating model as written)", LABEL)]);
    rows.push(["Figure", "Meaning", "Model value", "Value used", "Source"].map((h) => text(h, HEADER)));
    for (const o of report.overrides) rows.push([o.key, o.label, o.from, o.to, o.source].map(value));
  }
  return {
    name: SUMMARY_SHEET_NAME,
    widths: widthsOf([header, ...table], [24, 30, 10, 14, 14, 20, 8, 10, 6], [40, 60, 12, 40, 30, 40, 8, 10, 6]),
    frozenRows: 1,
    filter: true,
    rows,
    rowCount: table.length + 1,
    columnCount: header.length,
  };
}

function* findingRows(report: ValidationReport, opts: ReportOptions): Generator<Cell[]> {
  yield REPORT_HEADER.map((h) => text(h, HEADER));
  const cellCol = REPORT_HEADER.indexOf("Cell");
  const link = linkTo(opts.input, opts.output);
  for (const f of report.findings) {
    const r = reportRow(f);
    const row = rowValues(r).map(value);
    row[0] = text(SEVERITY_WORDS[r.severity], SEVERITY_STYLE.get(r.severity) ?? 0);
    row[4] = text(r.message, WRAP);
    if (r.link && cellCol >= 0) {
      const shown = r.cell !== "" ? r.cell : `${r.link.sheet}!${r.link.cell}`;
      // The one formula in a report, written by the project: a link back to the finding's cell.
      row[cellCol] = { formula: link(r.link.sheet, r.link.cell, shown), result: storedCellText(shown), style: LINK };
    }
    yield row;
  }
}

function findingsSheet(report: ValidationReport, opts: ReportOptions): SheetSpec {
  function* plain() {
    yield REPORT_HEADER as readonly string[];
    for (const f of report.findings) yield rowValues(reportRow(f));
  }
  return {
    name: REPORT_SHEET_NAME,
    widths: widthsOf(plain(), [9, 24, 14, 8, 60, 20, 8, 8], [10, 36, 30, 12, 90, 36, 12, 12]),
    frozenRows: 1,
    filter: true,
    rows: findingRows(report, opts),
    rowCount: report.findings.length + 1,
    columnCount: REPORT_HEADER.length,
  };
}

/**
 * Write the report workbook to `out`, streaming: rows go into the zip as they are made, so memory
 * does not grow with the number of findings beyond the report itself.
 */
export async function streamReport(report: ValidationReport, opts: ReportOptions, out: Writable): Promise<void> {
  await writeXlsx(out, [summarySheet(report, opts), findingsSheet(report, opts)], STYLES);
}

/**
 * Write the report workbook, safely: to a temporary file in the report's folder, then renamed into
 * place, so a failed or interrupted run leaves any previous report as it was. An existing report is
 * replaced only with `replace` (--force). Refuses to write over the validated workbook or to a
 * non-.xlsx name. Resolves with the absolute path written.
 */
export async function writeReport(report: ValidationReport, opts: ReportOptions): Promise<string> {
  if (await sameFile(opts.input, opts.output))
    throw new ReportWriteError("sameAsInput", `--report ${opts.output}: that is the workbook being validated; choose another file name (it is never overwritten).`);
  if (!/\.xlsx$/i.test(opts.output)) throw new ReportWriteError("notXlsx", `--report ${opts.output}: the report is an Excel workbook; give a file name ending in .xlsx.`);
  try {
    return await writeFileSafely(opts.output, { replace: opts.replace ?? false }, (out) => streamReport(report, opts, out));
  } catch (e) {
    if (e instanceof FileWriteError) throw new ReportWriteError(e.reason === "failed" ? "unwritable" : e.reason, `--report ${e.message}`, e.code);
    throw e;
  }
}
