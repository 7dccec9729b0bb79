/**
 * Workload and capacity as the HMPPS Workload Management Tool (WMT) measures them: beyond the
 * operating model, which allocates by grade; WMT measures each OM's workload in points against the
 * points their hours make available. One implementation for the custom functions and the validator.
 *
 *  - points of a case: the points table's figure for its tier and case type (community, licence,
 *    custody); court reports and PAROMs in the last 30 days count their own points;
 *  - available points = nominal target × (contracted hours − reduction hours) ÷ default hours,
 *    truncated to a whole number (37 h with a 1.8 h reduction gives 2,070);
 *  - capacity = points ÷ available points (0 when either is 0);
 *  - reductions: hours off contracted hours, from an allowance table or given by hand, never more
 *    than the contracted hours.
 * The points table is figures of the model config (pointsCommunityA …), so the task pane's what-if
 * and a division's own table both replace the documented default.
 */
import {
  POINTS_TIERS,
  pointsKey,
  reportPointsKey,
  WMT_SOURCE,
  WORKLOAD_CASE_TYPES,
  WORKLOAD_REPORTS,
  type FigureKey,
  type ModelConfig,
  type WorkloadCaseType,
  type WorkloadReport,
} from "./config";
import { fail, ok, problem, type Problem, type Result } from "./problem";
import { isBlank, isErrorText, numberText, parseTier, type CellValue, type Grade, type Tier } from "./values";

export { WORKLOAD_CASE_TYPES, WORKLOAD_REPORTS, type WorkloadCaseType, type WorkloadReport };

/** A tier for points: one of the seven, or untiered (which WMT counts at 0 points). */
export type PointsTier = Tier | "untiered";

/** What an item of work is, for its points: a case of a type, or a report. */
export type WorkloadItem = { readonly kind: "case"; readonly type: WorkloadCaseType } | { readonly kind: "report"; readonly type: WorkloadReport | "Oral" };

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The words each item is written as, normalised. A Map, so "constructor" finds nothing. */
const ITEM_WORDS: ReadonlyMap<string, WorkloadItem> = new Map<string, WorkloadItem>([
  ...(
    [
      ["community", "community"],
      ["community order", "community"],
      ["community sentence", "community"],
      ["co", "community"],
      ["suspended sentence order", "community"],
      ["suspended sentence", "community"],
      ["sso", "community"],
      ["licence", "licence"],
      ["license", "licence"],
      ["on licence", "licence"],
      ["post sentence supervision", "licence"],
      ["pss", "licence"],
      ["custody", "custody"],
      ["in custody", "custody"],
      ["custodial", "custody"],
      ["pre release", "custody"],
    ] as const
  ).map(([w, type]) => [w, { kind: "case", type }] as const),
  ...(
    [
      ["sdr", "SDR"],
      ["standard delivery report", "SDR"],
      ["fdr", "FDR"],
      ["fast delivery report", "FDR"],
      ["parom", "PAROM"],
      ["parom1", "PAROM"],
      ["parole report", "PAROM"],
      ["oral", "Oral"],
      ["oral report", "Oral"],
    ] as const
  ).map(([w, type]) => [w, { kind: "report", type }] as const),
]);

export const ITEM_EXPECTED = "Community, Licence or Custody for a case; SDR, FDR, PAROM or Oral for a report";

/** A case type or report kind; undefined for blank. */
export function parseWorkloadItem(v: CellValue, arg: string): Result<WorkloadItem | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  const hit = typeof v === "string" ? ITEM_WORDS.get(norm(v)) : undefined;
  return hit ? ok(hit) : fail("value.choice", { arg, got: v, choices: [ITEM_EXPECTED] });
}

/**
 * The case type a Caseload's sentence type gives, for points: Community, Licence or Custody (and
 * their usual spellings); undefined for a sentence that does not say (life, indeterminate, blank or
 * anything else), which the validator counts at the highest of the three.
 */
export function caseTypeOfSentence(v: unknown): WorkloadCaseType | undefined {
  if (typeof v !== "string") return undefined;
  const hit = ITEM_WORDS.get(norm(v));
  return hit?.kind === "case" ? hit.type : undefined;
}

const UNTIERED: ReadonlySet<string> = new Set(["untiered", "u", "none", "not tiered", "no tier"]);

/** A tier, or "Untiered" (WMT counts untiered cases at 0 points); undefined for blank. */
export function parsePointsTier(v: CellValue, arg: string): Result<PointsTier | undefined> {
  if (typeof v === "string" && UNTIERED.has(norm(v))) return ok("untiered");
  const t = parseTier(v, arg);
  if (!t.ok) return fail("workload.tier", { arg, got: v });
  return t;
}

/** The points of a case of `type` at `tier` in the table in force; untiered cases count 0 (WMT). */
export function casePoints(tier: PointsTier, type: WorkloadCaseType, config: ModelConfig): number {
  return tier === "untiered" ? 0 : config[pointsKey(type, tier)];
}

/** The points of a report in the last 30 days; an oral report has none in WMT's table. */
export function reportPoints(report: WorkloadReport | "Oral", config: ModelConfig): number {
  return report === "Oral" ? 0 : config[reportPointsKey(report)];
}

/** Points of any item: a case by its tier and type, a report by its kind. */
export function itemPoints(item: WorkloadItem, tier: PointsTier | undefined, config: ModelConfig, arg = "tier"): Result<number> {
  if (item.kind === "report") return ok(reportPoints(item.type, config));
  if (tier === undefined) return fail("workload.tierRequired", { arg });
  return ok(casePoints(tier, item.type, config));
}

/** Case points when the case type is not known: the highest of the three, the reading that never under-counts. */
export function highestCasePoints(tier: PointsTier, config: ModelConfig): number {
  let best = 0;
  for (const t of WORKLOAD_CASE_TYPES) best = Math.max(best, casePoints(tier, t, config));
  return best;
}

/** Drops floating-point dust before truncating or comparing (2176 × 28.2 ÷ 37 is 1,658.46, never 1,658.4599…). */
function clean(x: number): number {
  return Math.abs(x) < 2 ** 53 / 1e9 ? Math.round(x * 1e9) / 1e9 : x;
}

/**
 * Available points (WMT): nominal target × (contracted − reduction hours) ÷ default hours, truncated
 * to a whole number; 0 when contracted or default hours are 0. Reductions beyond the contracted
 * hours take them to 0, never below. Inputs are checked by the callers (0 or more).
 */
export function availablePoints(contractedHours: number, reductionHours: number, nominalTarget: number, defaultHours: number): number {
  if (!(contractedHours > 0) || !(defaultHours > 0)) return 0;
  const hours = contractedHours - Math.min(Math.max(reductionHours, 0), contractedHours);
  return Math.trunc(clean((nominalTarget * hours) / defaultHours));
}

/** Capacity (WMT): points ÷ available points, a fraction Excel shows as a percentage; 0 when either is 0. */
export function capacity(points: number, available: number): number {
  if (!(points > 0) || !(available > 0)) return 0;
  return clean(points / available);
}

/** Court reports and PAROMs count towards workload for this many days up to the as-of date (WMT). */
export const REPORT_DAYS = 30;

/**
 * Whether a dated item counts on `asOf` (Excel serial dates): dated from 30 days before it up to it,
 * both included. A later date is not yet work done; an earlier one no longer counts.
 */
export function countsOn(date: number, asOf: number): boolean {
  return date <= asOf && date >= asOf - REPORT_DAYS;
}

// --- reductions ---------------------------------------------------------------------------

export interface ReductionReason {
  readonly name: string;
  /** The allowance as a share of contracted hours; absent for reasons whose hours are given. */
  readonly share?: number;
  /** For hours given by hand: the most they may be, as a share of contracted hours. */
  readonly upTo?: number;
  /** How long the allowance lasts, in months, when WMT says. */
  readonly months?: number;
  readonly words: readonly string[];
}

/** The allowances WMT applies (reductions are hours off contracted hours). */
export const REDUCTION_REASONS: readonly ReductionReason[] = [
  { name: "Long-term sickness", share: 1, words: ["long term sickness", "lts", "long term sick", "sickness"] },
  { name: "Trade union facility time", upTo: 0.5, words: ["trade union facility time", "trade union", "facility time", "tu facility time", "union duties"] },
  { name: "Newly qualified officer", share: 0.2, months: 9, words: ["newly qualified officer", "newly qualified", "nqo"] },
  { name: "PSO learning and development", share: 0.2, months: 6, words: ["pso learning and development", "pso l d", "learning and development", "pso training"] },
];
export const REDUCTION_SOURCE = WMT_SOURCE;

const REASON_WORDS: ReadonlyMap<string, ReductionReason> = new Map(REDUCTION_REASONS.flatMap((r) => [[norm(r.name), r] as const, ...r.words.map((w) => [norm(w), r] as const)]));

/** A reason from the allowance table, or undefined for any other reason (whose hours are given by hand). */
export function reductionReason(text: string): ReductionReason | undefined {
  return REASON_WORDS.get(norm(text));
}

export interface Reduction {
  readonly hours: number;
  /** The hours asked for were more than the reason or the contracted hours allow, and were cut to `hours`. */
  readonly capped: boolean;
}

/**
 * The hours a reduction takes off contracted hours. A reason of the allowance table gives its share
 * of the contracted hours (long-term sickness 100%); trade union facility time and any other reason
 * take the hours given (`hours`), up to 50% for facility time; never more than the contracted hours.
 * A fixed-share reason with hours given as well is a problem, not a silent choice between them.
 */
export function reductionHours(reason: string | undefined, contracted: number, hours: number | undefined, args = { reason: "reason", hours: "hours" }): Result<Reduction> {
  const known = reason === undefined ? undefined : reductionReason(reason);
  if (known?.share !== undefined) {
    const allowance = clean(contracted * known.share);
    if (hours !== undefined && hours > 0 && clean(hours) !== allowance)
      return fail("workload.reductionFixed", { arg: args.hours, reason: known.name, share: known.share, allowance, contracted });
    return ok({ hours: allowance, capped: false });
  }
  if (hours === undefined) return fail("workload.reductionHours", { arg: args.hours, reason: reason ?? "", known: REDUCTION_REASONS.filter((r) => r.share !== undefined).map((r) => r.name) });
  const most = known?.upTo !== undefined ? clean(contracted * known.upTo) : contracted;
  return hours > most ? ok({ hours: most, capped: true }) : ok({ hours, capped: false });
}

// --- the points table from a range -----------------------------------------------------------

const HEADER_TYPES: ReadonlyMap<string, WorkloadCaseType> = new Map(WORKLOAD_CASE_TYPES.map((t) => [t, t] as const));

function cellText(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v);
}

/**
 * A division's points table from a range: a header row Tier | Community | Licence | Custody (in any
 * order), a row per tier A to D2 (every one: a missing tier would count its cases at the default
 * without saying so), and optional rows SDR, FDR and PAROM whose points sit in the first points
 * column. Points are numbers of 0 or more; wholly blank rows are skipped. Returns the table as
 * figure overrides, so that it replaces the table in force for the call; every problem is returned.
 */
export function readPointsTable(rows: readonly (readonly CellValue[])[], arg: string): { overrides?: Partial<Record<FigureKey, number>>; problems: Problem[] } {
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2 || width !== 4 || rows.some((r) => r.length !== width)) return { problems: [problem("workload.tableShape", { arg, rows: rows.length, cols: width })] };
  const header = rows[0]!.map((c) => norm(cellText(c)));
  const columns = header.slice(1).map((h) => HEADER_TYPES.get(h === "license" ? "licence" : h));
  if (header[0] !== "tier" || columns.some((c) => c === undefined) || new Set(columns).size !== 3)
    return { problems: [problem("workload.tableHeader", { arg, got: rows[0]!.map((c) => `"${cellText(c)}"`).join(" | ") })] };
  const problems: Problem[] = [];
  const overrides: Partial<Record<FigureKey, number>> = {};
  const seen = new Set<string>();
  const points = (v: CellValue): number => (typeof v === "number" ? v : typeof v === "string" && !isErrorText(v) ? numberText(v) : NaN);
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.every((c) => isBlank(c))) return;
    const label = cellText(r[0]).trim();
    const report = WORKLOAD_REPORTS.find((x) => norm(x) === norm(label));
    const tier = report === undefined ? parseTier(r[0] ?? null, arg) : undefined;
    if (report === undefined && (tier === undefined || !tier.ok || tier.value === undefined)) {
      problems.push(problem("workload.tableRow", { arg, row, got: r[0] }));
      return;
    }
    const name = report ?? (tier as { value: Tier }).value;
    if (seen.has(name)) {
      problems.push(problem("workload.tableDuplicate", { arg, row, name }));
      return;
    }
    seen.add(name);
    const cells = report !== undefined ? [r[1]] : r.slice(1);
    cells.forEach((c, j) => {
      const n = points(c ?? null);
      if (!Number.isFinite(n) || n < 0) problems.push(problem("workload.tablePoints", { arg, row, name, column: report !== undefined ? "points" : columns[j]!, got: c }));
      else overrides[report !== undefined ? reportPointsKey(report) : pointsKey(columns[j]!, name as (typeof POINTS_TIERS)[number])] = n;
    });
  });
  const missing = POINTS_TIERS.filter((t) => !seen.has(t));
  if (missing.length > 0) problems.push(problem("workload.tableMissing", { arg, missing }));
  return problems.length > 0 ? { problems } : { overrides, problems };
}

// --- who can take the next case --------------------------------------------------------------

export interface OmCapacity {
  readonly name: string;
  readonly grade: Grade | undefined;
  /** Points held now. */
  readonly points: number;
  readonly available: number;
  readonly team?: string | undefined;
}

export type BestOm = { readonly name: string; readonly capacityAfter: number } | { readonly none: string };

const COLLATOR = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });

/** Per grade and team: who has the most room before the threshold, and how many could be asked. */
interface Pool {
  readonly best: OmCapacity | undefined;
  /** threshold × available − points of `best`: the most points a new case may bring. */
  readonly room: number;
  readonly ofGrade: number;
  readonly withHours: number;
}

/**
 * The OM to take a new case: among OMs of the advised grade (and of the team, when one is given),
 * the one with the most headroom after taking it, headroom being threshold × available − (points +
 * the case's points). Only OMs who stay at or under the threshold after the case can take it; ties
 * go to the first name in alphabetical order. None, with the reason, when nobody can. OMs of the
 * other grade are never considered: the advice decides the grade, workload only who.
 *
 * The case's points are the same for every OM, so the OM with the most room before the case is the
 * one with the most after it: each grade and team is weighed once, and each case is one comparison.
 */
export function bestOmChooser(oms: readonly OmCapacity[], threshold: number): (grade: Grade, casePoints: number, team?: string) => BestOm {
  const pools = new Map<string, Pool>();
  const pool = (grade: Grade, wanted: string | undefined): Pool => {
    const k = `${grade}|${wanted ?? ""}`;
    const hit = pools.get(k);
    if (hit) return hit;
    let best: OmCapacity | undefined;
    let room = -Infinity;
    let ofGrade = 0;
    let withHours = 0;
    for (const om of oms) {
      if (om.grade !== grade) continue;
      if (wanted !== undefined && (om.team === undefined || norm(om.team) !== wanted)) continue;
      ofGrade++;
      if (!(om.available > 0)) continue;
      withHours++;
      const r = clean(threshold * om.available - om.points);
      if (best === undefined || r > room || (r === room && COLLATOR.compare(om.name, best.name) < 0)) {
        best = om;
        room = r;
      }
    }
    const p = { best, room, ofGrade, withHours };
    pools.set(k, p);
    return p;
  };
  const pct = `${Math.round(threshold * 1000) / 10}%`;
  return (grade, casePoints, team) => {
    const p = pool(grade, team === undefined ? undefined : norm(team));
    const where = team === undefined ? "" : ` in ${team}`;
    if (p.best !== undefined && clean(p.room - casePoints) >= 0) return { name: p.best.name, capacityAfter: capacity(p.best.points + casePoints, p.best.available) };
    if (p.ofGrade === 0) return { none: `None: no ${grade}${where}` };
    if (p.withHours === 0) return { none: `None: no ${grade}${where} has available points` };
    return { none: `None: every ${grade}${where} would be over ${pct} with ${casePoints.toLocaleString("en-GB")} more points` };
  };
}

/** One new case's OM (see bestOmChooser). */
export function bestOm(grade: Grade, casePoints: number, oms: readonly OmCapacity[], threshold: number, team?: string): BestOm {
  return bestOmChooser(oms, threshold)(grade, casePoints, team);
}
