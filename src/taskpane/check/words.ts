/**
 * The Check tab's words: counts with their grammar ("1 error", "2 warnings"), severities as headings,
 * and rules by their titles, never by their ids.
 */
import type { Finding, RuleSummary, Severity } from "../../model/validate/types";
import { count as plural } from "../../model/messages/core";
import { countsInWords, FAMILIES } from "../../model/validate/families";

export { count as plural } from "../../model/messages/core";
export { countsInWords } from "../../model/validate/families";

/** "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Severities as the findings list heads them and the severity filter offers them. */
export const SEVERITY_HEADING: Readonly<Record<Severity, string>> = { error: "Errors", warning: "Warnings", info: "Information" };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** What the "Validation finished" notice says: "4 findings: 1 error, 2 warnings, 1 note." */
export function finishedText(findings: readonly Finding[]): string {
  if (findings.length === 0) return "No findings: every check that could run passed.";
  return `${plural(findings.length, "finding")}: ${countsInWords(countBySeverity(findings))}.`;
}

/** Titles of findings' rules that have no summary line (the engine's own checks of the layout and data). */
const OWN_TITLES: Readonly<Record<string, string>> = {
  "layout.missingSheet": "Sheets the workbook lacks",
  "layout.missingField": "Columns a sheet lacks",
  "layout.unrecognisedSheet": "Sheets not recognised",
  "layout.unknownColumn": "Columns not read",
  "layout.totalsRow": "Totals rows",
  "layout.duplicateKind": "Sheets holding the same table",
  "layout.badMapping": "Column mappings ignored",
  "layout.empty": "Empty workbook",
  "layout.noneRecognised": "No sheet recognised",
  "data.uncalculated": "Formulas with no saved value",
  "data.unreadable": "Cells that could not be read",
  "data.errorValue": "Cells holding Excel errors",
  "config.override": "What-if figures refused",
};

/** "psoCompetent" -> "pso competent". */
const words = (id: string) => id.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/**
 * A rule's title for a reader: its summary line's label, else the engine's own title for a layout or
 * data check, else its family and name in words ("Caseload: new rule").
 */
export function ruleTitle(rule: string, labels: ReadonlyMap<string, string>): string {
  const label = labels.get(rule) ?? OWN_TITLES[rule];
  if (label !== undefined) return label;
  const [prefix = "", ...rest] = rule.split(".");
  const family = FAMILIES.find((f) => f.prefix === prefix)?.label ?? capitalise(words(prefix));
  return rest.length > 0 ? `${family}: ${words(rest.join(" "))}` : family;
}

/** rule id -> its summary line's label. */
export function summaryLabels(summaries: readonly RuleSummary[]): Map<string, string> {
  return new Map(summaries.map((s) => [s.rule, s.label]));
}
