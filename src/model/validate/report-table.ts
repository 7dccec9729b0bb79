/**
 * The rows of a written report, shared by the command line's report workbook and the task pane's
 * report sheet, so both say the same thing in the same order.
 */
import { findingText } from "../sources";
import type { Finding, Severity, ValidationReport } from "./types";

/** The sheet the task pane writes its report to (created or replaced, never appended to); never validated itself. */
export const REPORT_SHEET_NAME = "NPS validation report";

export const REPORT_HEADER = ["Severity", "Rule", "Sheet", "Cell", "Message", "Source", "Figure", "Target"] as const;

/** Severities as a reader says them, in the report's Severity column. */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { error: "Error", warning: "Warning", info: "Information" };

export interface ReportRow {
  readonly severity: Finding["severity"];
  readonly rule: string;
  readonly sheet: string;
  /** The offending cell's address ("F12"), or "" when the finding is about a sheet or the workbook. */
  readonly cell: string;
  readonly message: string;
  readonly source: string;
  readonly figure: number | "";
  readonly target: number | "";
  /** Where a link in this row should point, when the finding has a cell or a sheet. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

/** Row values in REPORT_HEADER order, for writers that want plain arrays. */
export function rowValues(r: ReportRow): (string | number)[] {
  return [SEVERITY_WORDS[r.severity], r.rule, r.sheet, r.cell, r.message, r.source, r.figure, r.target];
}

/** A sheet name quoted for a formula or link: 'Court reports'!A1 (quotes inside doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** One finding as a report row: its sentence without the citation its Source column gives. */
export function reportRow(f: Finding): ReportRow {
  const link = f.sheet !== undefined ? { sheet: f.sheet, cell: f.cell ?? (f.row !== undefined ? `A${f.row}` : "A1") } : undefined;
  return {
    severity: f.severity,
    rule: f.rule,
    sheet: f.sheet ?? "",
    cell: f.cell ?? "",
    message: findingText(f.message, f.source).text,
    source: f.source,
    figure: f.figure ?? "",
    target: f.target ?? "",
    ...(link ? { link } : {}),
  };
}

export function reportTable(report: ValidationReport): { header: readonly string[]; rows: ReportRow[] } {
  return { header: REPORT_HEADER, rows: report.findings.map(reportRow) };
}
