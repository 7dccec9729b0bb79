/**
 * The report workbook the command line writes: a Summary sheet (one line per rule, plus the
 * what-if figures in effect) and the findings sheet (REPORT_SHEET_NAME), whose rows are the same
 * reportTable rows the task pane writes. Each finding's Cell links to the offending cell in the
 * validated workbook. The validated workbook itself is never written.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { VARIANT_INFO, type Variants } from "../model/config";
import { quoteSheet, REPORT_SHEET_NAME, reportTable, rowValues, type ReportRow } from "../model/validate/report-table";
import type { ValidationReport } from "../model/validate/types";

export const SUMMARY_SHEET_NAME = "Summary";

export class ReportWriteError extends Error {
  override readonly name = "ReportWriteError";
  constructor(
    readonly reason: "sameAsInput" | "notXlsx" | "unwritable",
    message: string,
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
}

/**
 * Excel's HYPERLINK formula to a cell of the validated workbook, relative to the report's folder:
 * =HYPERLINK("[division.xlsx]'Caseload'!F12","F12"). HYPERLINK's "[file]sheet!cell" form is
 * Excel's documented way to open another workbook at a cell; a hyperlink object would need a
 * relationship target with a location, which ExcelJS does not write.
 */
export function cellLink(input: string, output: string, sheet: string, cell: string, text = cell): string {
  const rel = path.relative(path.dirname(path.resolve(output)), path.resolve(input)).split(path.sep).join("/");
  const q = (s: string) => s.replace(/"/g, '""');
  return `HYPERLINK("${q(`[${rel}]${quoteSheet(sheet)}!${cell.toUpperCase()}`)}","${q(text)}")`;
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

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const SEVERITY_FILL: Record<string, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
const STATUS_FILL: Record<string, string> = { fail: "FFFFC7CE", warning: "FFFFEB9C", pass: "FFC6EFCE", "not checked": "FFEDEDED" };

function styleHeader(ws: ExcelJS.Worksheet, row: number, cols: number): void {
  const r = ws.getRow(row);
  for (let c = 1; c <= cols; c++) {
    const cell = r.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  }
}

function widths(ws: ExcelJS.Worksheet, values: readonly (readonly unknown[])[], min: number[], max: number[]): void {
  const w = min.slice();
  for (const row of values)
    row.forEach((v, i) => {
      const len = v === null || v === undefined ? 0 : String(v).length;
      if (len + 2 > (w[i] ?? 0)) w[i] = len + 2;
    });
  w.forEach((x, i) => (ws.getColumn(i + 1).width = Math.min(x, max[i] ?? 60)));
}

function summarySheet(wb: ExcelJS.Workbook, report: ValidationReport, opts: ReportOptions): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  const header = ["Rule", "Check", "Status", "Figure", "Target", "Source", "Errors", "Warnings", "Info"];
  const rows = report.summaries.map((s) => [s.rule, s.label, s.status, s.figure ?? "", s.target ?? "", s.source, s.counts.error, s.counts.warning, s.counts.info]);
  ws.addRow(header);
  styleHeader(ws, 1, header.length);
  for (const r of rows) {
    const added = ws.addRow(r);
    const fill = STATUS_FILL[String(r[2])];
    if (fill) added.getCell(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: header.length } };

  const total = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) total[f.severity]++;
  ws.addRow([]);
  const meta: (string | number)[][] = [
    ["Validated workbook", path.basename(opts.input)],
    ["Findings", `${total.error} errors, ${total.warning} warnings, ${total.info} info`],
    ["Findings sheet", REPORT_SHEET_NAME],
  ];
  const on = Object.entries(opts.variants ?? {}).filter(([, v]) => v) as [keyof Variants, boolean][];
  meta.push(["Policy variants", on.length === 0 ? "none (the operating model as written)" : on.map(([k]) => `${k}: ${VARIANT_INFO[k].label}`).join("; ")]);
  for (const m of meta) ws.addRow(m).getCell(1).font = { bold: true };

  ws.addRow([]);
  if (report.overrides.length === 0) {
    ws.addRow(["What-if figures", "none: every figure is the model's own"]).getCell(1).font = { bold: true };
  } else {
    ws.addRow(["What-if figures in effect (these results are NOT the operating model as written)"]).getCell(1).font = { bold: true };
    const oh = ws.addRow(["Figure", "Meaning", "Model value", "Value used", "Source"]);
    styleHeader(ws, oh.number, 5);
    for (const o of report.overrides) ws.addRow([o.key, o.label, o.from, o.to, o.source]);
  }
  widths(ws, [header, ...rows], [24, 30, 10, 14, 14, 20, 8, 10, 6], [40, 60, 12, 40, 30, 40, 8, 10, 6]);
}

function findingsSheet(wb: ExcelJS.Workbook, rowsIn: readonly ReportRow[], header: readonly string[], opts: ReportOptions): void {
  const ws = wb.addWorksheet(REPORT_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...header]);
  styleHeader(ws, 1, header.length);
  const cellCol = header.indexOf("Cell") + 1;
  const table: (string | number | null)[][] = [];
  for (const r of rowsIn) {
    // "" (no sheet, no cell, no figure) is written as a truly blank cell.
    const values = rowValues(r).map((v) => (v === "" ? null : v));
    table.push(values);
    const row = ws.addRow(values);
    const fill = SEVERITY_FILL[r.severity];
    if (fill) row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    row.getCell(5).alignment = { wrapText: true, vertical: "top" };
    if (r.link && cellCol > 0) {
      const text = r.cell !== "" ? r.cell : `${r.link.sheet}!${r.link.cell}`;
      const cell = row.getCell(cellCol);
      cell.value = { formula: cellLink(opts.input, opts.output, r.link.sheet, r.link.cell, text), result: text };
      cell.font = { color: { argb: "FF0563C1" }, underline: true };
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rowsIn.length + 1), column: header.length } };
  widths(ws, [header, ...table], [9, 24, 14, 8, 60, 20, 8, 8], [10, 36, 30, 12, 90, 36, 12, 12]);
}

/** The report as an ExcelJS workbook (no file written). */
export function reportWorkbook(report: ValidationReport, opts: ReportOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "NPS Operating Model";
  summarySheet(wb, report, opts);
  const { header, rows } = reportTable(report);
  findingsSheet(wb, rows, header, opts);
  return wb;
}

/** Write the report workbook. Refuses to write over the validated workbook or to a non-.xlsx name. */
export async function writeReport(report: ValidationReport, opts: ReportOptions): Promise<void> {
  if (await sameFile(opts.input, opts.output))
    throw new ReportWriteError("sameAsInput", `--report ${opts.output}: that is the workbook being validated; choose another file name (it is never overwritten).`);
  if (!/\.xlsx$/i.test(opts.output)) throw new ReportWriteError("notXlsx", `--report ${opts.output}: the report is an Excel workbook; give a file name ending in .xlsx.`);
  const wb = reportWorkbook(report, opts);
  try {
    await wb.xlsx.writeFile(opts.output);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "the folder does not exist" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EBUSY" ? "the file is open in another program (close it in Excel)" : (code ?? "unknown error");
    throw new ReportWriteError("unwritable", `--report ${opts.output}: the report cannot be written (${why}).`);
  }
}
