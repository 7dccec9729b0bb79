/**
 * Rule families: the summary's top level, one line each in the pane and the command line, expanding
 * to their rules. A rule belongs to the family its id starts with ("caseload.tier" is Caseload).
 */
import { count } from "../messages/core";
import type { RuleSummary, Severity, Status } from "./types";

/** In the order the summary lists them. */
export const FAMILIES: readonly { readonly prefix: string; readonly label: string }[] = [
  { prefix: "caseload", label: "Caseload" },
  { prefix: "reports", label: "Court reports" },
  { prefix: "staffing", label: "Staffing ratios" },
  { prefix: "structure", label: "Line management and LDU clusters" },
  { prefix: "yos", label: "Youth offending services" },
  { prefix: "ap", label: "Approved Premises" },
  { prefix: "parom", label: "PAROM countersignature" },
  { prefix: "upw", label: "Unpaid work" },
  { prefix: "workload", label: "Workload and capacity" },
];

const BY_PREFIX: ReadonlyMap<string, string> = new Map(FAMILIES.map((f) => [f.prefix, f.label]));

/** The family a rule id belongs to; a rule outside the list is its own family, named by its id's first part. */
export function familyOf(ruleId: string): string {
  const prefix = ruleId.split(".")[0]!;
  return BY_PREFIX.get(prefix) ?? prefix;
}

export interface FamilySummary {
  readonly family: string;
  /** The worst of its checked rules (fail, warning, pass, information); "not checked" when none was checked. */
  readonly status: Status;
  readonly counts: Readonly<Record<Severity, number>>;
  /** How many of its rules were checked, of how many (information lines count as checked). */
  readonly checked: number;
  readonly rules: readonly RuleSummary[];
}

const RANK: Readonly<Record<Status, number>> = { fail: 4, warning: 3, pass: 2, information: 1, "not checked": 0 };

/** The report's summaries gathered by family, in FAMILIES order, each with its worst status and its counts. */
export function familySummaries(summaries: readonly RuleSummary[]): FamilySummary[] {
  const groups = new Map<string, RuleSummary[]>();
  for (const f of FAMILIES) groups.set(f.label, []);
  for (const s of summaries) {
    const list = groups.get(s.family) ?? [];
    list.push(s);
    groups.set(s.family, list);
  }
  const out: FamilySummary[] = [];
  for (const [family, rules] of groups) {
    if (rules.length === 0) continue;
    let status: Status = "not checked";
    const counts = { error: 0, warning: 0, info: 0 };
    let checked = 0;
    for (const r of rules) {
      if (RANK[r.status] > RANK[status]) status = r.status;
      if (r.status !== "not checked") checked++;
      counts.error += r.counts.error;
      counts.warning += r.counts.warning;
      counts.info += r.counts.info;
    }
    out.push({ family, status, counts, checked, rules });
  }
  return out;
}

/** The status as a reader says it: "Pass", "Fail", "Warning", "For information", "Not checked". */
export function statusWord(status: Status): string {
  switch (status) {
    case "pass":
      return "Pass";
    case "fail":
      return "Fail";
    case "warning":
      return "Warning";
    case "information":
      return "For information";
    case "not checked":
      return "Not checked";
  }
}

const COUNT_WORD: Readonly<Record<Severity, string>> = { error: "error", warning: "warning", info: "note" };

/** "1 error, 2 warnings, 1 note" (information findings are notes); a severity with none is left out; "" when there are none. */
export function countsInWords(counts: Readonly<Record<Severity, number>>): string {
  return (["error", "warning", "info"] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => count(counts[s], COUNT_WORD[s]))
    .join(", ");
}
