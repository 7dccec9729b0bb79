/**
 * Reading court report cells (NPS Operating Model v1.0, ch.2): a report type as people write it
 * ("Oral PSR", "Fast Delivery Report"), and the indicative RoSH of a kind of offending.
 * src/model/reports.ts re-exports these, so callers import them from there.
 */
import { fail, ok, type Result } from "./problem";
import type { ReportAdvice, ReportType } from "./reports";
import { isBlank, isErrorText, parseRosh, type CellValue, type Rosh } from "./values";

/**
 * The words each report type is written as, normalised. A Map, never an object literal: a lookup
 * by what a user typed must not find Object.prototype's members ("constructor", "toString").
 */
const TYPE_ALIASES: ReadonlyMap<string, ReportAdvice> = new Map<string, ReportAdvice>([
  ["oral", "Oral"],
  ["oral report", "Oral"],
  ["oral psr", "Oral"],
  ["fdr", "FDR"],
  ["fast delivery report", "FDR"],
  ["written fdr", "FDR"],
  ["sdr", "SDR"],
  ["standard delivery report", "SDR"],
  ["adjourn", "Adjourn"],
  ["adjourned", "Adjourn"],
  ["adjournment", "Adjourn"],
]);

function normText(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

/**
 * A delivered report type: Oral, FDR or SDR, also written out ("Fast Delivery Report", "Oral PSR").
 * Adjourn is refused here: a report log records delivered reports.
 */
export function parseReportType(v: CellValue, arg: string): Result<ReportType | undefined> {
  const r = parseReportAdvice(v, arg);
  if (!r.ok) return r.problem.code === "report.typeOrAdjourn" ? fail("report.type", { arg, got: v }) : r;
  return r.value === "Adjourn" ? fail("report.type", { arg, got: v }) : ok(r.value);
}

/** A report type or Adjourn (what REPORT_TYPE gives under Napo's variant). */
export function parseReportAdvice(v: CellValue, arg: string): Result<ReportAdvice | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  const hit = typeof v === "string" ? TYPE_ALIASES.get(normText(v)) : undefined;
  return hit !== undefined ? ok(hit) : fail("report.typeOrAdjourn", { arg, got: v });
}

/**
 * An indicative RoSH level for a kind of offending (DV, sexual), blank when there is none. Excel
 * desktop passes a blank cell as 0, so 0 and FALSE read as blank; "Yes" is refused rather than
 * guessed at a level.
 */
export function parseRiskLevel(v: CellValue, arg: string): Result<Rosh | undefined> {
  if (v === 0 || v === false) return ok(undefined);
  if (typeof v === "number" || typeof v === "boolean") return fail("report.riskLevel", { arg, got: v });
  const r = parseRosh(v, arg);
  return r.ok ? r : isErrorText(v) ? r : fail("report.riskLevel", { arg, got: v });
}
