/**
 * Court reports (NPS Operating Model v1.0, ch.1-2; Napo Napo's feedback on the Operating Model, ch.2) and victim work weighting (NPS Operating Model v1.0, ch.1, ch.5).
 * Messages name the argument or field and say what was expected.
 */
import { show, type Arg, type Got } from "./core";

function pct(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

export const REPORT_MESSAGES = {
  // --- reading report cells -----------------------------------------------------------
  "report.type": (p: Got) => `${p.arg}: expected a report type Oral, FDR or SDR; got ${show(p.got)}.`,
  "report.typeOrAdjourn": (p: Got) => `${p.arg}: expected a report type Oral, FDR, SDR or Adjourn; got ${show(p.got)}.`,
  "report.riskLevel": (p: Got) =>
    `${p.arg}: expected the indicative RoSH level Low, Medium, High or Very High (blank when there is none); got ${show(p.got)}.`,

  // --- REPORT_MIX -------------------------------------------------------------------------
  "report.mixRow": (p: Arg & { row: number; detail: string }) => `Row ${p.row} of ${p.arg}: ${p.detail}`,
  "report.mixPartBlank": (p: Arg & { given: string; got: unknown }) =>
    `${p.arg} is blank but ${p.given} holds ${show(p.got)}; every report needs both its type and its author's grade.`,

  // --- validation findings (sheet "Court reports") -------------------------------------
  "report.shareOff": (p: { what: string; share: number; count: number; total: number; target: number; tolerance: number; source: string }) =>
    `${p.what} are ${pct(p.share)} of the ${p.total} court reports (${p.count}); the target is ${pct(p.target)} ` +
    `(±${(Math.round(p.tolerance * 1000) / 10).toString()} points) (${p.source}).`,
  "report.rowUnknownType": (p: { got: unknown }) =>
    `Report type ${show(p.got)} is not Oral, FDR or SDR, so this report is left out of the report mix (NPS Operating Model v1.0, ch.2).`,
  "report.rowNoType": (_p: Record<string, never>) =>
    `This report has no report type, so it is left out of the report mix; give Oral, FDR or SDR (NPS Operating Model v1.0, ch.2).`,
  "report.rowNoGrade": (_p: Record<string, never>) =>
    `This report has no author grade, so it is left out of the PO/PSO mix; give PO or PSO (NPS Operating Model v1.0, ch.1-2).`,

  // --- victim work weighting (NPS Operating Model v1.0, ch.1, ch.5) -----------------------------------
  "vlo.caseType": (p: Got & { known: readonly string[] }) =>
    `${p.arg}: the weights table has no case type ${show(p.got)}; expected one of ${p.known.join(", ")}.`,
  "vlo.tableShape": (p: Arg & { rows: number; cols: number }) =>
    `${p.arg}: expected a table of three columns, a header row Kind | Name | Weight and then one row per case type or activity; ` +
    `got ${p.rows} rows by ${p.cols} columns.`,
  "vlo.tableHeader": (p: Arg & { got: string }) =>
    `${p.arg}: expected the header row Kind | Name | Weight first; got ${p.got}.`,
  "vlo.tableKind": (p: Got & { row: number }) =>
    `${p.arg} row ${p.row}: expected the kind "case type" or "activity"; got ${show(p.got)}.`,
  "vlo.tableName": (p: Arg & { row: number }) => `${p.arg} row ${p.row}: the name is blank; name the case type or activity.`,
  "vlo.tableActivity": (p: Got & { row: number; known: readonly string[] }) =>
    `${p.arg} row ${p.row}: unknown activity ${show(p.got)}; expected one of ${p.known.join(", ")}.`,
  "vlo.tableWeight": (p: Got & { row: number; name: string }) =>
    `${p.arg} row ${p.row}: the weight of ${show(p.name)} must be a number of 0 or more; got ${show(p.got)}.`,
  "vlo.tableDuplicate": (p: Arg & { row: number; name: string }) =>
    `${p.arg} row ${p.row}: ${show(p.name)} is listed twice; give each case type and activity one weight.`,
  "vlo.tableMissingActivity": (p: Arg & { missing: readonly string[] }) =>
    `${p.arg}: no weight for the activities ${p.missing.join(", ")}; give every activity a weight (0 if it does not count), ` +
    `so that no work is silently left out.`,
  "vlo.tableNoCaseTypes": (p: Arg) => `${p.arg}: the table has no case types; add at least one row of kind "case type".`,
} as const;
