/**
 * The command line's text summary of a validation: the sheets recognised, the what-if figures and
 * variants in effect, each check with its figure and target, then the worst findings by severity
 * and the result with its exit code.
 */
import { VARIANT_INFO, type Variants } from "../model/config";
import { sourceToShow } from "../model/sources";
import { quoteSheet } from "../model/validate/report-table";
import { FIRST_RULES } from "../model/validate";
import type { Finding, Severity, ValidationReport } from "../model/validate/types";

/** How many findings of each severity the text summary lists. */
const SHOW = { error: 20, warning: 20, info: 10 } as const;
/** Shown before anything else, as the engine orders them (the percent hazard, what-if errors). */
const FIRST = new Set(FIRST_RULES);
/** Findings that mean nothing could be checked: the run exits 2, as for unreadable input. */
const NOTHING_CHECKED = new Set(["layout.empty", "layout.noneRecognised"]);

/** Whether the report checked nothing (an empty workbook, or no sheet recognised). */
export function nothingChecked(report: ValidationReport): boolean {
  return report.findings.some((f) => NOTHING_CHECKED.has(f.rule));
}

export const VARIANT_KEYS = Object.keys(VARIANT_INFO) as (keyof Variants)[];

function where(f: Finding): string {
  if (f.sheet === undefined) return "workbook";
  const s = /^[A-Za-z0-9_]+$/.test(f.sheet) ? f.sheet : quoteSheet(f.sheet);
  return f.cell !== undefined ? `${s}!${f.cell}` : f.row !== undefined ? `${s} row ${f.row}` : s;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 error, 2 warnings, 3 info", leaving out the zeros. */
function countText(c: Readonly<Record<Severity, number>>): string {
  return [c.error > 0 && plural(c.error, "error"), c.warning > 0 && plural(c.warning, "warning"), c.info > 0 && `${c.info} info`].filter(Boolean).join(", ");
}

export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

export function formatText(report: ValidationReport, file: string, variants: Partial<Variants>): string {
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;

  out.push(`NPS Operating Model validation of ${file}`);
  const recognised = report.layout.sheets.filter((s) => s.kind !== undefined).map((s) => `${s.sheet} (${s.kind})`);
  out.push(`Sheets recognised: ${recognised.length > 0 ? recognised.join(", ") : "none"}`);

  if (report.overrides.length > 0) {
    out.push("", "WHAT-IF FIGURES IN EFFECT: these results are not the operating model as written.");
    for (const o of report.overrides) out.push(`  ${o.key}: ${o.from} -> ${o.to}   (${o.label}; model figure from ${o.source})`);
  }
  const on = VARIANT_KEYS.filter((k) => variants[k]);
  if (on.length > 0) {
    out.push("", "Policy variants switched on:");
    for (const k of on) out.push(`  ${k}: ${VARIANT_INFO[k].label} - ${VARIANT_INFO[k].source}`);
  }

  out.push("", "Checks:");
  const statusWidth = 8;
  const notChecked = report.summaries.filter((s) => s.status === "not checked");
  for (const s of report.summaries) {
    if (s.status === "not checked") continue;
    const fig = s.figure !== undefined ? `: ${s.figure}` : "";
    const tgt = s.target !== undefined ? ` (target ${s.target})` : "";
    const c = countText(s.counts);
    out.push(`  ${pad(s.status.toUpperCase(), statusWidth)}${s.label}${fig}${tgt}${c ? `  [${c}]` : ""} - ${s.source}`);
  }
  if (notChecked.length > 0) {
    out.push(`  Not checked, as a sheet they need is missing (${notChecked.length}):`);
    for (const s of notChecked) out.push(`    ${s.label}`);
  }

  out.push("", `Findings: ${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info.`);
  const byRule = new Map<string, Record<Severity, number>>();
  for (const f of report.findings) {
    const c = byRule.get(f.rule) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    byRule.set(f.rule, c);
  }
  if (byRule.size > 0) {
    const w = Math.max(...[...byRule.keys()].map((k) => k.length));
    for (const [rule, c] of byRule)
      out.push(`  ${pad(rule, w)}  ${countText(c)}`);
  }

  const line = (f: Finding) => {
    const source = sourceToShow(f.message, f.source);
    return `  ${where(f)}: ${f.message} [${f.rule}${source ? `; ${source}` : ""}]`;
  };
  const first = report.findings.filter((f) => FIRST.has(f.rule));
  if (first.length > 0) {
    out.push("", "Read these first:");
    for (const f of first.slice(0, SHOW.error)) out.push(`  ${f.severity.toUpperCase()} ${line(f).trimStart()}`);
    if (first.length > SHOW.error) out.push(`  ... and ${first.length - SHOW.error} more`);
  }
  for (const sev of ["error", "warning", "info"] as const) {
    const list = report.findings.filter((f) => f.severity === sev && !FIRST.has(f.rule));
    if (list.length === 0) continue;
    const title = sev === "error" ? "Errors" : sev === "warning" ? "Warnings" : "Information";
    out.push("", list.length > SHOW[sev] ? `${title} (first ${SHOW[sev]} of ${list.length}):` : `${title}:`);
    for (const f of list.slice(0, SHOW[sev])) out.push(line(f));
    if (list.length > SHOW[sev]) out.push(`  ... and ${list.length - SHOW[sev]} more (use --report out.xlsx or --json for all)`);
  }

  out.push(
    "",
    nothingChecked(report)
      ? "Result: nothing could be checked (exit code 2)."
      : counts.error > 0
      ? `Result: ${plural(counts.error, "error")} found (exit code 1).`
      : `Result: no errors${counts.warning > 0 ? `; ${plural(counts.warning, "warning")} to review` : ""} (exit code 0).`,
    "Exit codes: 0 no errors, 1 errors found, 2 the input could not be read or checked, or the command line was wrong.",
  );
  return out.join("\n") + "\n";
}
