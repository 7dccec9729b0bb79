/**
 * Validation rules for the "Court reports" sheet — NPS Operating Model ch.1 and ch.2 (NPS Operating Model v1.0).
 * The mix is worked out by `reportMix` in src/model/reports.ts, the same code REPORT_MIX calls.
 */
import { problem } from "../../problem";
import { parseReportType, percent, points, reportMix, type MixLine, type ReportMix, type ReportType } from "../../reports";
import { isBlank, type Grade } from "../../values";
import type { Finding, Rule, RuleContext, Severity, Table, TableRow } from "../types";

const SHEET = "courtReports" as const;

/** The reports of the sheet as the mix sees them: readable types, and readable author grades. */
export function readReports(t: Table): { types: ReportType[]; authors: Grade[] } {
  const types: ReportType[] = [];
  const authors: Grade[] = [];
  for (const row of t.rows) {
    const ty = parseReportType(row.raw("reportType"), "Report type");
    if (ty.ok && ty.value !== undefined) types.push(ty.value);
    const g = row.get("authorGrade");
    if (g === "PO" || g === "PSO") authors.push(g);
  }
  return { types, authors };
}

function mixOf(ctx: RuleContext): { table: Table; mix: ReportMix } | undefined {
  const table = ctx.table(SHEET);
  if (!table) return undefined;
  const { types, authors } = readReports(table);
  return { table, mix: reportMix(types, authors, ctx.config) };
}

const WHAT: Readonly<Record<string, string>> = {
  Oral: "Oral reports",
  FDR: "Written FDRs",
  SDR: "SDRs",
  "Short format": "Short format reports (oral and FDR)",
  PO: "Reports written by POs",
  PSO: "Reports written by PSOs",
};

function shareFindings(rule: string, table: Table, lines: readonly MixLine[], tolerance: number): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    if ((l.status !== "above target" && l.status !== "below target") || l.target === undefined) continue;
    const p = problem("report.shareOff", {
      what: WHAT[l.key] ?? l.key,
      share: l.share,
      count: l.count,
      total: l.total,
      target: l.target,
      tolerance,
      source: l.source,
    });
    out.push({ rule, severity: "warning", sheet: table.sheet, message: p.message, source: l.source, figure: l.share, target: l.target });
  }
  return out;
}

/** "60.0% oral / 30.0% FDR / 10.0% SDR" against "60/30/10 ±5"; a `whole` line (the short format) follows in brackets. */
function summary(lines: readonly MixLine[], tolerance: number, names: Readonly<Record<string, string>>, whole?: MixLine) {
  const targets = lines.filter((l) => l.target !== undefined);
  const total = targets[0]?.total ?? 0;
  const name = (l: MixLine) => names[l.key] ?? l.key;
  return {
    figure: total === 0 ? "no reports" : targets.map((l) => `${percent(l.share)} ${name(l)}`).join(" / ") + (whole ? ` (${percent(whole.share)} ${name(whole)})` : ""),
    target: `${targets.map((l) => points(l.target!)).join("/")}${whole?.target !== undefined ? ` (${points(whole.target)} ${name(whole)})` : ""} ±${points(tolerance)}`,
  };
}

/**
 * The report type mix: 60% oral on the day, 30% written FDR, 10% SDR (NPS Operating Model v1.0, ch.2; figures
 * reportOralShare, reportFdrShare, reportSdrShare), each a share of the delivered reports, and the
 * short format (oral and FDR together) against 90% ("The ambition is for 90% of all court reports to
 * be short format reports", ch.2; the target is reportOralShare + reportFdrShare), each within
 * reportMixTolerance (a default: the Operating Model gives targets, not tolerances). One warning per
 * share outside tolerance; the summary gives the three types, then the short format.
 */
export const reportTypeMixRule: Rule = {
  id: "reports.typeMix",
  label: (c) => `Court report types (${Math.round(c.reportOralShare * 100)}% oral / ${Math.round(c.reportFdrShare * 100)}% FDR / ${Math.round(c.reportSdrShare * 100)}% SDR)`,
  source: "NPS Operating Model v1.0, ch.2",
  needs: [SHEET],
  check(ctx) {
    const m = mixOf(ctx);
    return m ? shareFindings("reports.typeMix", m.table, [...m.mix.types, m.mix.shortFormat], m.mix.tolerance) : [];
  },
  summarise(ctx) {
    const m = mixOf(ctx);
    return m ? summary(m.mix.types, m.mix.tolerance, { Oral: "oral", FDR: "FDR", SDR: "SDR", "Short format": "short format" }, m.mix.shortFormat) : undefined;
  },
};

/**
 * The report author mix: 35% of reports by POs, 65% by PSOs (NPS Operating Model v1.0, ch.1-2; figures
 * reportPoShare, reportPsoShare), each within reportMixTolerance.
 */
export const reportAuthorMixRule: Rule = {
  id: "reports.authorMix",
  label: (c) => `Court report authors (${Math.round(c.reportPoShare * 100)}% PO / ${Math.round(c.reportPsoShare * 100)}% PSO)`,
  source: "NPS Operating Model v1.0, ch.1-2",
  needs: [SHEET],
  check(ctx) {
    const m = mixOf(ctx);
    return m ? shareFindings("reports.authorMix", m.table, m.mix.authors, m.mix.tolerance) : [];
  },
  summarise(ctx) {
    const m = mixOf(ctx);
    return m ? summary(m.mix.authors, m.mix.tolerance, { PO: "PO", PSO: "PSO" }) : undefined;
  },
};

/**
 * Every report in the log counts in the mix (NPS Operating Model v1.0, ch.2): a report type that is not Oral, FDR
 * or SDR is an error (the report is left out of the mix); a report with no type, or a typed report
 * with no author grade, is a warning. Unreadable grades ("SPO") are the engine's to report, once.
 * Rows blank in both columns are ignored.
 */
export const reportRowsRule: Rule = {
  id: "reports.rows",
  label: "Court report log: every report has a known type and an author grade",
  source: "NPS Operating Model v1.0, ch.2",
  needs: [SHEET],
  check(ctx) {
    const table = ctx.table(SHEET);
    if (!table) return [];
    const out: Finding[] = [];
    const flag = (row: TableRow, field: string, severity: Severity, message: string, source: string) => {
      const cell = row.cell(field);
      out.push({ rule: "reports.rows", severity, sheet: table.sheet, row: row.row, ...(cell !== undefined ? { cell } : {}), message, source });
    };
    for (const row of table.rows) {
      const type = row.raw("reportType");
      const grade = row.raw("authorGrade");
      if (isBlank(type) && isBlank(grade)) continue;
      if (isBlank(type)) flag(row, "reportType", "warning", problem("report.rowNoType", {}).message, "NPS Operating Model v1.0, ch.2");
      else if (!parseReportType(type, "Report type").ok)
        flag(row, "reportType", "error", problem("report.rowUnknownType", { got: type }).message, "NPS Operating Model v1.0, ch.2");
      if (isBlank(grade) && !isBlank(type)) flag(row, "authorGrade", "warning", problem("report.rowNoGrade", {}).message, "NPS Operating Model v1.0, ch.1-2");
    }
    return out;
  },
};

export const REPORT_RULES: Rule[] = [reportTypeMixRule, reportAuthorMixRule, reportRowsRule];
