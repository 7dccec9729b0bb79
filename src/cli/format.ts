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

/** C0 and C1 controls, DEL, and the bidi marks and overrides that can reorder or rewrite what a terminal shows. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: ReadonlyMap<string, string> = new Map([["\n", "\\n"], ["\r", "\\r"], ["\t", "\\t"]]);

/**
 * Text for the terminal: control and bidi characters shown escaped (\r, \u202E), so a cell's
 * content cannot move the cursor, send terminal commands or reverse the line it is printed in.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED.get(c) ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** DEL, C1 controls and bidi marks, which JSON.stringify leaves raw (it escapes the C0 controls itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The same characters as JSON escapes, so printed JSON cannot rewrite the terminal either. */
function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The report as JSON { findings, summaries, overrides }, written in pieces: the same text as
 * JSON.stringify(…, null, 2) without building one string, which a million findings would exceed.
 */
export function writeJson(report: ValidationReport, write: (s: string) => void): void {
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  write("{\n  \"findings\": [");
  const n = report.findings.length;
  const CHUNK = 1000;
  for (let start = 0; start < n; start += CHUNK) {
    const parts: string[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) parts.push(`${i === 0 ? "" : ","}\n    ${indent(JSON.stringify(report.findings[i], null, 2), "    ")}`);
    write(jsonSafe(parts.join("")));
  }
  write(`${n === 0 ? "" : "\n  "}],\n  "summaries": ${jsonSafe(indent(JSON.stringify(report.summaries, null, 2), "  "))},\n`);
  write(`  "overrides": ${jsonSafe(indent(JSON.stringify(report.overrides, null, 2), "  "))}\n}\n`);
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
    "Exit codes: 0 no errors, 1 errors found, 2 the input could not be read or checked, or the command line was wrong, 3 the report could not be written.",
  );
  return out.map(terminalSafe).join("\n") + "\n";
}
