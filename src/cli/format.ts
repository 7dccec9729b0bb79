/**
 * The command line's text summary of a validation, for a business manager: the sheets read, the
 * what-if figures and variants in effect, the result in one sentence, each family of checks with
 * its rules (figure against target), what was not checked and why, then the findings by severity,
 * each a sentence with its place and its source once. --verbose adds rule ids, sheet kinds and
 * exit codes, for whoever scripts it.
 */
import { showFigure, VARIANT_INFO, type Variants } from "../model/config";
import { LAYOUT } from "../model/layout";
import { findingText } from "../model/sources";
import { quoteSheet } from "../model/validate/report-table";
import { count } from "../model/messages/core";
import { capacityText, pct } from "../model/messages/workload";
import { problem } from "../model/problem";
import { countsInWords, familySummaries, FIRST_RULES, statusWord } from "../model/validate";
import type { Finding, RuleSummary, Severity, ValidationReport } from "../model/validate/types";

/** How many findings of each severity the text summary lists. */
const SHOW = { error: 20, warning: 20, info: 10 } as const;
/** Shown before anything else, as the engine orders them (the percent hazard, what-if errors). */
const FIRST = new Set(FIRST_RULES);
/** The Workload family's per-team spread, which the capacity block shows. */
const SPREAD = "workload.spread";
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

/** C0 and C1 controls, DEL, and the bidi marks and overrides that can reorder or rewrite what a terminal shows. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: ReadonlyMap<string, string> = new Map([
  ["\n", "\\n"],
  ["\r", "\\r"],
  ["\t", "\\t"],
]);

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
  write('{\n  "findings": [');
  const n = report.findings.length;
  const CHUNK = 1000;
  for (let start = 0; start < n; start += CHUNK) {
    const parts: string[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) parts.push(`${i === 0 ? "" : ","}\n    ${indent(JSON.stringify(report.findings[i], null, 2), "    ")}`);
    write(jsonSafe(parts.join("")));
  }
  write(`${n === 0 ? "" : "\n  "}],\n  "summaries": ${jsonSafe(indent(JSON.stringify(report.summaries, null, 2), "  "))},\n`);
  write(`  "overrides": ${jsonSafe(indent(JSON.stringify(report.overrides, null, 2), "  "))}${report.workload !== undefined ? "," : ""}\n`);
  if (report.workload !== undefined) write(`  "workload": ${jsonSafe(indent(JSON.stringify(report.workload, null, 2), "  "))}\n`);
  write("}\n");
}

export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

/** How the summary is written: for a manager (the default), or with rule ids, sheet kinds and exit codes. */
export interface TextOptions {
  readonly verbose?: boolean;
}

const SEVERITY_TITLE: Readonly<Record<Severity, string>> = {
  error: "Errors",
  warning: "Warnings",
  info: "For information",
};

/** "Fail" padded to the widest status word, so the check labels line up. */
const STATUS_WIDTH = Math.max(...(["pass", "fail", "warning", "information", "not checked"] as const).map((s) => statusWord(s).length)) + 2;

export function formatText(report: ValidationReport, file: string, variants: Partial<Variants>, options: TextOptions = {}): string {
  const verbose = options.verbose === true;
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;

  out.push(`NPS Operating Model check of ${file}`);
  const read = report.layout.sheets
    .filter((s) => s.kind !== undefined)
    .map((s) => {
      const name = LAYOUT.find((d) => d.kind === s.kind)?.name ?? s.kind!;
      if (verbose) return `${s.sheet} (${s.kind})`;
      return s.sheet === name ? s.sheet : `${s.sheet} (read as ${name})`;
    });
  out.push(`Sheets read: ${read.length > 0 ? read.join(", ") : "none"}`);

  if (report.overrides.length > 0) {
    out.push("", "WHAT-IF FIGURES IN EFFECT: these results are not the operating model as written.");
    for (const o of report.overrides) out.push(`  ${o.label}: ${showFigure(o.key, o.to)} instead of ${showFigure(o.key, o.from)} (${o.source})${verbose ? ` [--set ${o.key}]` : ""}`);
  }
  const on = VARIANT_KEYS.filter((k) => variants[k]);
  if (on.length > 0) {
    out.push("", "Policy variants switched on:");
    for (const k of on) out.push(`  ${VARIANT_INFO[k].label} (${VARIANT_INFO[k].source})${verbose ? ` [--variant ${k}]` : ""}`);
  }

  out.push("", resultLine(report, counts, verbose));

  out.push("", "Checks:");
  const allWhy = [...new Set(report.summaries.map((r) => (r.status === "not checked" ? r.why : "")))];
  if (report.summaries.length > 0 && allWhy.length === 1 && allWhy[0] !== undefined && allWhy[0] !== "") {
    out.push(`  None could be run, as ${allWhy[0]}.`);
  } else {
    const notChecked: RuleSummary[] = [];
    for (const fam of familySummaries(report.summaries)) {
      const c = countsInWords(fam.counts);
      const part = fam.checked < fam.rules.length && fam.checked > 0 ? `; ${fam.checked} of ${fam.rules.length} checks run` : "";
      const whys = [...new Set(fam.rules.map((r) => r.why))];
      if (fam.checked === 0 && whys.length === 1 && whys[0] !== undefined) {
        // A whole family not checked, for one reason: one line says so.
        out.push(`  ${fam.family}: ${statusWord(fam.status)}, as ${whys[0]}${verbose ? `  [${fam.rules.map((r) => r.rule).join(", ")}]` : ""}`);
        continue;
      }
      out.push(`  ${fam.family}: ${statusWord(fam.status)}${c ? ` (${c})` : ""}${part}`);
      for (const s of fam.rules) {
        if (s.status === "not checked") {
          notChecked.push(s);
          continue;
        }
        out.push(`    ${pad(statusWord(s.status), STATUS_WIDTH)}${s.label}${figureText(s)}${verbose ? `  [${s.rule}; ${s.source}]` : ""}`);
      }
    }
    if (notChecked.length > 0) {
      out.push("", `Not checked (${notChecked.length}):`);
      for (const s of notChecked) out.push(`  ${s.label}: ${s.why ?? "not checked"}.${verbose ? `  [${s.rule}]` : ""}`);
    }
  }

  if (report.workload !== undefined && report.workload.teams.length > 0) {
    const w = report.workload;
    out.push("", `Capacity per team (workload points ÷ available points; over ${pct(w.threshold)} is flagged):`);
    for (const t of w.teams) {
      const over = t.oms.filter((o) => o.capacity > w.threshold).length;
      const spread = problem("workload.teamSpread", { team: t.team, oms: t.oms.length, lowest: t.lowest, median: t.median, highest: t.highest }).message;
      out.push(`  ${over > 0 ? `${spread.slice(0, -1)}; ${over} over ${pct(w.threshold)}.` : spread}`);
      if (verbose) for (const o of t.oms) out.push(`    ${o.name}${o.grade !== undefined ? ` (${o.grade})` : ""}: ${capacityText(o)}`);
    }
  }

  if (verbose && report.findings.length > 0) {
    out.push("", "Findings by rule:");
    const byRule = new Map<string, Record<Severity, number>>();
    for (const f of report.findings) {
      const c = byRule.get(f.rule) ?? { error: 0, warning: 0, info: 0 };
      c[f.severity]++;
      byRule.set(f.rule, c);
    }
    const w = Math.max(...[...byRule.keys()].map((k) => k.length));
    for (const [rule, c] of byRule) out.push(`  ${pad(rule, w)}  ${countsInWords(c)}`);
  }

  const line = (f: Finding) => {
    const { text, source } = findingText(f.message, f.source);
    return `  ${where(f)}: ${text} (${source})${verbose ? ` [${f.rule}]` : ""}`;
  };
  const first = report.findings.filter((f) => FIRST.has(f.rule));
  if (first.length > 0) {
    out.push("", "Read these first:");
    for (const f of first.slice(0, SHOW.error)) out.push(`  ${SEVERITY_WORD[f.severity]} ${line(f).trimStart()}`);
    if (first.length > SHOW.error) out.push(`  ... and ${first.length - SHOW.error} more`);
  }
  // The spread per team is the capacity block above, line for line: not listed twice.
  const shownAbove = report.workload !== undefined ? SPREAD : undefined;
  for (const sev of ["error", "warning", "info"] as const) {
    const list = report.findings.filter((f) => f.severity === sev && !FIRST.has(f.rule) && f.rule !== shownAbove);
    if (list.length === 0) continue;
    const title = SEVERITY_TITLE[sev];
    out.push("", list.length > SHOW[sev] ? `${title} (first ${SHOW[sev]} of ${list.length}):` : `${title} (${list.length}):`);
    for (const f of list.slice(0, SHOW[sev])) out.push(line(f));
    if (list.length > SHOW[sev]) out.push(`  ... and ${list.length - SHOW[sev]} more (use --report out.xlsx for all of them)`);
  }

  out.push("", "Each check and its source is described in the rule book, docs/operating-model.md.");
  if (verbose) out.push("Exit codes: 0 no errors, 1 errors found, 2 the input could not be read or checked, or the command line was wrong, 3 the report could not be written.");
  return out.map(terminalSafe).join("\n") + "\n";
}

const SEVERITY_WORD: Readonly<Record<Severity, string>> = {
  error: "Error:",
  warning: "Warning:",
  info: "For information:",
};

/** ": 1 of 3001 recorded tiers differ (target 0)". */
function figureText(s: RuleSummary): string {
  if (s.figure === undefined) return "";
  return `: ${s.figure}${s.target !== undefined ? ` (target ${s.target})` : ""}`;
}

/** The result in one sentence, first, so a reader knows at once whether there is work to do. */
function resultLine(report: ValidationReport, counts: Readonly<Record<Severity, number>>, verbose: boolean): string {
  const info = counts.info > 0 ? `; ${count(counts.info, "finding")} for information` : "";
  const [text, code] = nothingChecked(report)
    ? ["Result: nothing could be checked; see below.", 2]
    : counts.error > 0
      ? [`Result: ${count(counts.error, "error")} to put right${counts.warning > 0 ? ` and ${count(counts.warning, "warning")} to review` : ""}${info}.`, 1]
      : counts.warning > 0
        ? [`Result: no errors; ${count(counts.warning, "warning")} to review${info}.`, 0]
        : [`Result: no errors and no warnings${info}.`, 0];
  return verbose ? `${text.slice(0, -1)} (exit code ${code}).` : text;
}
