/**
 * Staffing what-ifs for analysts, and the arithmetic the staffing validation rules reuse:
 *
 * - case administrators: 1:4 in OM teams, 1:3 in court teams, on FTE (Employer's reply on the E3 Phase 2 Blueprint, ch.4 Administration);
 * - SPO line management span: 1:10 (Employer's reply on the E3 Phase 2 Blueprint, ch.3);
 * - complex LDU clusters: ranked by complexity, the top 25% have a SOSM (NPS Operating Model v1.0, ch.8);
 * - YOS secondments: NPS PO resource equal to about 10% of the YOS caseload (NPS Operating Model v1.0, ch.7);
 * - PAROM countersignature: may be lifted after three successive reports assessed Good (NPS Operating Model v1.0, ch.4;
 *   in ./parom.ts, re-exported here).
 *
 * Every figure comes from a ModelConfig (src/model/config.ts). The computing functions take values
 * already read and checked (the parsers below, or the validation engine's readers, do that and
 * return problems for bad cells); an impossible input to them (NaN, a negative FTE) is a
 * programmer mistake and throws.
 */
import { roundBy, type ModelConfig, type Rounding } from "./config";
import { fail, ok, problem, type Problem, type Result } from "./problem";
import { isBlank, isErrorText, type CellValue } from "./values";

/**
 * Keep results clean of floating-point dust (0.1 × 3 is 0.30000000000000004) by rounding to nine
 * decimals. A number too large for that to matter is returned unchanged: once n × 1e9 reaches 2^53
 * it is a whole number already, so rounding changes nothing (and near 1e300 it would overflow to
 * Infinity). Infinity and NaN are returned unchanged too.
 */
function tidy(n: number): number {
  const scaled = n * 1e9;
  return Math.abs(scaled) < 2 ** 53 ? Math.round(scaled) / 1e9 : n;
}

function requireAmount(n: number, what: string): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be a finite number of 0 or more; got ${String(n)}`);
}

// --- case administrators (Employer's reply on the E3 Phase 2 Blueprint, ch.4) -------------------------------------------------------

export const TEAM_TYPES = ["OM", "Court"] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

/**
 * A team type: OM (offender management team) or Court. Accepts "OM team", "OM teams", "Offender
 * management", "Court team", "Courts", in any case.
 */
export function parseTeamType(v: CellValue, arg: string): Result<TeamType | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  if (typeof v !== "string") return fail("staffing.teamType", { arg, got: v });
  const s = v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .replace(/ teams?$/, "");
  if (s === "om" || s === "oms" || s === "offender management" || s === "offender manager" || s === "offender managers") return ok("OM");
  if (s === "court" || s === "courts") return ok("Court");
  return fail("staffing.teamType", { arg, got: v });
}

/** The figure in force for a team type: staff per case administrator. */
export function adminRatio(teamType: TeamType, config: ModelConfig): number {
  return teamType === "OM" ? config.omAdminRatio : config.courtAdminRatio;
}

/**
 * Case administrator FTE a team needs: staff FTE ÷ the ratio (Employer's reply on the E3 Phase 2 Blueprint, ch.4: 1:4 in OM teams,
 * 1:3 in court teams). Reading (rule book §5): the ratio is on FTE, so two 0.5 FTE OMs count as one.
 * Unrounded, so 11 OM FTE needs 2.75 CA FTE; a rule compares this with the CA FTE in post.
 */
export function adminNeeded(staffFte: number, teamType: TeamType, config: ModelConfig): number {
  requireAmount(staffFte, "staff FTE");
  return tidy(staffFte / adminRatio(teamType, config));
}

export interface AdminGap {
  /** CA FTE the ratio asks for. */
  readonly needed: number;
  /** CA FTE in post. */
  readonly have: number;
  /** needed − have when positive, else 0. */
  readonly short: number;
}

/** CA FTE in post against the ratio: how far short the team is (0 when it meets or beats 1:4 / 1:3). */
export function adminGap(staffFte: number, adminFte: number, teamType: TeamType, config: ModelConfig): AdminGap {
  requireAmount(adminFte, "case administrator FTE");
  const needed = adminNeeded(staffFte, teamType, config);
  return { needed, have: adminFte, short: Math.max(0, tidy(needed - adminFte)) };
}

// --- SPO line management span (Employer's reply on the E3 Phase 2 Blueprint, ch.3) --------------------------------------------------

export interface SpoNeed {
  /** staff ÷ span, unrounded: 11 staff at 1:10 is 1.1. */
  readonly exact: number;
  /** Whole SPOs, rounded up so that no SPO manages more than the span: 11 staff need 2. */
  readonly whole: number;
}

/**
 * SPOs needed to line manage `staffCount` POs and PSOs at 1:10 (Employer's reply on the E3 Phase 2 Blueprint, ch.3).
 * Reading: the span counts people (headcount), not FTE, since line management (supervision,
 * appraisal, absence) is per person whatever their hours; the whole number rounds up, the reading
 * that never has an SPO managing more than the span. Programme and treatment managers run at less
 * than 1:10 (Employer's reply on the E3 Phase 2 Blueprint, ch.3): use a smaller `spoSpan` for them.
 */
export function spoNeeded(staffCount: number, config: ModelConfig): SpoNeed {
  requireAmount(staffCount, "staff headcount");
  if (!Number.isInteger(staffCount)) throw new RangeError(`staff headcount must be a whole number; got ${String(staffCount)}`);
  const exact = tidy(staffCount / config.spoSpan);
  return { exact, whole: roundBy(exact, "up") };
}

// --- complex LDU clusters (NPS Operating Model v1.0, ch.8) -------------------------------------------------------

/** The six measures NPS Operating Model v1.0, ch.8 names, in its order. */
export const CLUSTER_MEASURES = ["caseloadVolume", "caseloadComplexity", "partnerships", "geography", "courts", "offices"] as const;
export type ClusterMeasure = (typeof CLUSTER_MEASURES)[number];

/** The weight figure of each measure in ModelConfig. */
export const MEASURE_WEIGHT_KEYS = {
  caseloadVolume: "weightCaseloadVolume",
  caseloadComplexity: "weightCaseloadComplexity",
  partnerships: "weightPartnerships",
  geography: "weightGeography",
  courts: "weightCourts",
  offices: "weightOffices",
} as const satisfies Record<ClusterMeasure, keyof ModelConfig>;

/** How a measure is named in messages unless the caller names it (a function argument, a column header). */
export const MEASURE_LABELS: Readonly<Record<ClusterMeasure, string>> = {
  caseloadVolume: "caseload volume",
  caseloadComplexity: "caseload complexity",
  partnerships: "local partnerships",
  geography: "geography",
  courts: "courts",
  offices: "offices",
};

/** One cluster's measures as read; undefined is a blank cell (a problem: no measure is guessed). */
export type ClusterMeasures = { readonly name: string } & { readonly [M in ClusterMeasure]: number | undefined };

export interface RankedCluster {
  readonly name: string;
  /** Weighted complexity from 0 to 1 (see rankClusters). */
  readonly score: number;
  /** 1 is the most complex; tied clusters share a rank (1, 2, 2, 4). */
  readonly rank: number;
  /** In the top share: has a SOSM. */
  readonly complex: boolean;
}

export interface ClusterRanking {
  /** In the input order. */
  readonly clusters: readonly RankedCluster[];
  /** The share × number of clusters, rounded as configured: how many clusters the top share is. */
  readonly target: number;
  /** How many are flagged complex: more than `target` when clusters tie at the cut-off. */
  readonly complexCount: number;
}

export interface RankOptions {
  /** Names for the measures in messages (the function's arguments, the sheet's headers). */
  readonly labels?: Partial<Record<ClusterMeasure, string>>;
  /** Overrides of config.complexClusterShare / complexClusterRounding for one call. */
  readonly share?: number;
  readonly rounding?: Rounding;
}

/**
 * Rank LDU clusters by complexity and flag the top share as complex (NPS Operating Model v1.0, ch.8: "Clusters have
 * been ranked in order of complexity. The top 25% will have a Senior Operational Support Manager").
 *
 * Readings (rule book §5; the Operating Model names the measures, not how they combine):
 * - each measure is normalised by dividing by its largest value across the clusters, so that a
 *   measure counted in thousands (caseload) does not swamp one counted in units (courts); a
 *   measure that is 0 for every cluster contributes 0;
 * - score = Σ weight × normalised measure ÷ Σ weights, from 0 to 1 (weights: config weight*,
 *   1 each by default);
 * - rank 1 is the most complex; equal scores share a rank (competition ranking 1, 2, 2, 4) and the
 *   clusters keep their input order;
 * - the top share is share × number of clusters rounded by complexClusterRounding (default up:
 *   7 clusters give 2); a cluster is complex when its rank is within that number, so clusters tied
 *   at the cut-off are all complex: the reading that does not under-provide SOSMs.
 *
 * Blank or negative measures are problems naming the cluster and the measure; all are returned.
 */
export function rankClusters(
  clusters: readonly ClusterMeasures[],
  config: ModelConfig,
  options: RankOptions = {},
): { ranking?: ClusterRanking; problems: Problem[] } {
  const label = (m: ClusterMeasure) => options.labels?.[m] ?? MEASURE_LABELS[m];
  const problems: Problem[] = [];
  if (clusters.length === 0) return { problems: [problem("staffing.clustersEmpty", { arg: "the cluster list" }, "notAvailable")] };
  for (const c of clusters)
    for (const m of CLUSTER_MEASURES) {
      const v = c[m];
      if (v === undefined) problems.push(problem("staffing.clusterMeasureBlank", { arg: label(m), cluster: c.name }));
      else if (!Number.isFinite(v) || v < 0) problems.push(problem("staffing.clusterMeasureNegative", { arg: label(m), cluster: c.name, got: v }));
    }
  const weights = CLUSTER_MEASURES.map((m) => config[MEASURE_WEIGHT_KEYS[m]]);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  if (totalWeight <= 0) problems.push(problem("staffing.weightsZero", {}));
  if (problems.length > 0) return { problems };

  const value = (c: ClusterMeasures, m: ClusterMeasure) => c[m] ?? 0;
  // The largest of each measure by a loop: Math.max(...values) overflows the call stack on a long list.
  const max = CLUSTER_MEASURES.map((m) => {
    let top = 0;
    for (const c of clusters) top = Math.max(top, value(c, m));
    return top;
  });
  const scores = clusters.map((c) =>
    tidy(CLUSTER_MEASURES.reduce((sum, m, i) => sum + (max[i]! > 0 ? (weights[i]! * value(c, m)) / max[i]! : 0), 0) / totalWeight),
  );
  const share = options.share ?? config.complexClusterShare;
  const target = roundBy(share * clusters.length, options.rounding ?? config.complexClusterRounding);
  const ranks = competitionRanks(scores);
  const ranked = clusters.map((c, i) => {
    const rank = ranks[i]!;
    return { name: c.name, score: scores[i]!, rank, complex: rank <= target };
  });
  let complexCount = 0;
  for (const r of ranked) if (r.complex) complexCount += 1;
  return { ranking: { clusters: ranked, target, complexCount }, problems: [] };
}

/**
 * Competition ranks of `scores`, highest first, in the input order: rank = 1 + the number of scores
 * strictly greater, so equal scores share a rank (1, 2, 2, 4). O(n log n): the indices sorted by
 * score descending, each run of equal scores taking the position of its first.
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const ranks = new Array<number>(scores.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    ranks[i] = k > 0 && scores[order[k - 1]!] === scores[i] ? ranks[order[k - 1]!]! : k + 1;
  }
  return ranks;
}

// --- YOS secondments (NPS Operating Model v1.0, ch.7) ------------------------------------------------------------

export interface YosResource {
  /** The share of the YOS caseload the NPS resource covers: caseload × yosCaseloadShare. */
  readonly cases: number;
  /** Seconded PO FTE: cases ÷ yosCasesPerPo. */
  readonly fte: number;
}

/**
 * The NPS seconded PO resource for a YOS (NPS Operating Model v1.0, ch.7: "The resource contribution for each YOS
 * will equate to approximately 10% of the YOS caseload").
 * Reading (rule book §5): 10% of the YOS caseload is the number of cases the NPS resource covers;
 * turning cases into FTE needs a cases-per-PO figure the Operating Model does not give, so yosCasesPerPo is a
 * configurable default (40). 300 cases → 30 cases → 0.75 FTE.
 */
export function yosFte(yosCaseload: number, config: ModelConfig): YosResource {
  requireAmount(yosCaseload, "YOS caseload");
  const cases = tidy(yosCaseload * config.yosCaseloadShare);
  return { cases, fte: tidy(cases / config.yosCasesPerPo) };
}

// --- PAROM countersignature (NPS Operating Model v1.0, ch.4): src/model/parom.ts ----------------------------

export { PAROM_ASSESSMENTS, paromCountersign, paromCountersignBefore, parseParomAssessment, type ParomAssessment, type ParomCountersign } from "./parom";
