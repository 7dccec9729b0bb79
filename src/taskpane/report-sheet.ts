/** The report sheet the pane writes: the engine's reportTable rows under REPORT_SHEET_NAME, with links. */
import { REPORT_SHEET_NAME, reportTable, rowValues } from "../model/validate/report-table";
import type { ValidationReport } from "../model/validate/types";
import type { ReportSheet } from "./excel-adapter";

export function reportSheet(report: ValidationReport): ReportSheet {
  const t = reportTable(report);
  return { name: REPORT_SHEET_NAME, header: t.header, rows: t.rows.map(rowValues), links: t.rows.map((r) => r.link) };
}
