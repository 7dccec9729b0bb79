/**
 * Every figure of the operating model lives here, once, with its source. Rules and functions
 * read figures from a resolved ModelConfig; an analyst's what-if overrides a figure by key and
 * every override is reported back (see `resolveConfig`).
 *
 * "Add-in default" in a source means the sources do not give the figure and the add-in takes a
 * documented, configurable default (docs/operating-model.md: "it never invents certainty").
 */
import { fail, ok, type Problem, type Result } from "./problem";
import { numberText } from "./values";

export type Rounding = "up" | "nearest" | "down";
export const ROUNDINGS: readonly Rounding[] = ["up", "nearest", "down"];

interface FigureDef<T> {
  readonly value: T;
  readonly label: string;
  readonly source: string;
  /** For numbers: the allowed range of an override. */
  readonly min?: number;
  readonly max?: number;
  /** For counts: only whole numbers. */
  readonly integer?: boolean;
  /** A share held as a fraction (0.6) that people read and type as a percentage (60%). */
  readonly percent?: boolean;
  /** A percent figure that is a distance between shares, read in points (0.05 is "5 points"). */
  readonly points?: boolean;
}

function figure<T>(value: T, label: string, source: string, range: { min?: number; max?: number; integer?: boolean; percent?: boolean; points?: boolean } = {}): FigureDef<T> {
  return { value, label, source, ...range };
}

/** Where the workload figures come from, as a reader names it. */
export const WMT_SOURCE = "HMPPS Workload Management Tool";
/** The points table: WMT's seed data of 2017, the only public seven-tier table, so a default to replace. */
export const WMT_POINTS_SOURCE = "HMPPS Workload Management Tool, points of 2017 (seven tiers): a default to replace with the division's own";

/** Tiers as the points table lists them, from the heaviest. */
export const POINTS_TIERS = ["A", "B1", "B2", "C1", "C2", "D1", "D2"] as const;
type PointsTier = (typeof POINTS_TIERS)[number];
/** WMT's case types, as the points table's columns. */
export const WORKLOAD_CASE_TYPES = ["community", "licence", "custody"] as const;
export type WorkloadCaseType = (typeof WORKLOAD_CASE_TYPES)[number];
/** The report kinds WMT gives points to. */
export const WORKLOAD_REPORTS = ["SDR", "FDR", "PAROM"] as const;
export type WorkloadReport = (typeof WORKLOAD_REPORTS)[number];

const DEFAULT_POINTS: Readonly<Record<WorkloadCaseType, Readonly<Record<PointsTier, number>>>> = {
  community: { A: 150, B1: 106, B2: 93, C1: 57, C2: 45, D1: 36, D2: 24 },
  licence: { A: 150, B1: 100, B2: 90, C1: 50, C2: 40, D1: 30, D2: 20 },
  custody: { A: 150, B1: 100, B2: 90, C1: 50, C2: 40, D1: 30, D2: 20 },
};
const DEFAULT_REPORT_POINTS: Readonly<Record<WorkloadReport, number>> = { SDR: 132, FDR: 41, PAROM: 123 };
const CASE_TYPE_KEY = { community: "Community", licence: "Licence", custody: "Custody" } as const;

/** The figure key of a case type's points at a tier: pointsCommunityB1. */
export function pointsKey(type: WorkloadCaseType, tier: PointsTier): `points${(typeof CASE_TYPE_KEY)[WorkloadCaseType]}${PointsTier}` {
  return `points${CASE_TYPE_KEY[type]}${tier}`;
}
/** The figure key of a report's points: pointsSdr. */
export function reportPointsKey(report: WorkloadReport): "pointsSdr" | "pointsFdr" | "pointsParom" {
  return report === "SDR" ? "pointsSdr" : report === "FDR" ? "pointsFdr" : "pointsParom";
}

function pointsFigures() {
  const out: Record<string, FigureDef<number>> = {};
  for (const type of WORKLOAD_CASE_TYPES)
    for (const tier of POINTS_TIERS)
      out[pointsKey(type, tier)] = figure(DEFAULT_POINTS[type][tier], `Points per ${type} case, tier ${tier} (${DEFAULT_POINTS[type][tier]})`, WMT_POINTS_SOURCE, { min: 0, max: 10_000 });
  const names: Record<WorkloadReport, string> = { SDR: "Points per SDR in the last 30 days", FDR: "Points per FDR in the last 30 days", PAROM: "Points per PAROM in the last 30 days" };
  for (const r of WORKLOAD_REPORTS) out[reportPointsKey(r)] = figure(DEFAULT_REPORT_POINTS[r], `${names[r]} (${DEFAULT_REPORT_POINTS[r]})`, WMT_POINTS_SOURCE, { min: 0, max: 10_000 });
  return out as Record<ReturnType<typeof pointsKey> | ReturnType<typeof reportPointsKey>, FigureDef<number>>;
}

export const FIGURES = {
  omAdminRatio: figure(4, "OMs per case administrator in OM teams (1:4, on FTE)", "Employer's reply on the E3 Phase 2 Blueprint, ch.4 Administration", { min: 0.1, max: 100 }),
  courtAdminRatio: figure(3, "Court staff per case administrator in court teams (1:3, on FTE)", "Employer's reply on the E3 Phase 2 Blueprint, ch.4 Administration", { min: 0.1, max: 100 }),
  spoSpan: figure(10, "Staff per SPO line manager (1:10)", "Employer's reply on the E3 Phase 2 Blueprint, ch.3", { min: 1, max: 100 }),
  complexClusterShare: figure(0.25, "Share of LDU clusters that are complex and have a SOSM (top 25%)", "NPS Operating Model v1.0, ch.8", { min: 0, max: 1, percent: true }),
  complexClusterRounding: figure<Rounding>("up", "How the top share of clusters rounds to a whole number (default: up, so 7 clusters give 2)", "Add-in default: NPS Operating Model v1.0, ch.8, gives no rounding"),
  weightCaseloadVolume: figure(1, "Complexity weight: caseload volume", "Add-in default: NPS Operating Model v1.0, ch.8, names the measure, not its weight", { min: 0, max: 1000 }),
  weightCaseloadComplexity: figure(1, "Complexity weight: caseload complexity", "Add-in default: NPS Operating Model v1.0, ch.8, names the measure, not its weight", { min: 0, max: 1000 }),
  weightPartnerships: figure(1, "Complexity weight: local partnerships", "Add-in default: NPS Operating Model v1.0, ch.8, names the measure, not its weight", { min: 0, max: 1000 }),
  weightGeography: figure(1, "Complexity weight: geography", "Add-in default: NPS Operating Model v1.0, ch.8, names the measure, not its weight", { min: 0, max: 1000 }),
  weightCourts: figure(1, "Complexity weight: courts", "Add-in default: NPS Operating Model v1.0, ch.8, names the measure, not its weight", { min: 0, max: 1000 }),
  weightOffices: figure(1, "Complexity weight: offices", "Add-in default: NPS Operating Model v1.0, ch.8, names the measure, not its weight", { min: 0, max: 1000 }),
  reportOralShare: figure(0.6, "Court reports delivered orally on the day (60%)", "NPS Operating Model v1.0, ch.2", { min: 0, max: 1, percent: true }),
  reportFdrShare: figure(0.3, "Court reports as written FDRs (30%)", "NPS Operating Model v1.0, ch.2", { min: 0, max: 1, percent: true }),
  reportSdrShare: figure(0.1, "Court reports as SDRs (10%)", "NPS Operating Model v1.0, ch.2", { min: 0, max: 1, percent: true }),
  reportPoShare: figure(0.35, "Court reports written by POs (35%)", "NPS Operating Model v1.0, ch.1-2", { min: 0, max: 1, percent: true }),
  reportPsoShare: figure(0.65, "Court reports written by PSOs (65%)", "NPS Operating Model v1.0, ch.1-2", { min: 0, max: 1, percent: true }),
  reportMixTolerance: figure(0.05, "How far a report share may sit from its target before it is flagged (5 points)", "Add-in default: NPS Operating Model v1.0 gives targets, not tolerances", { min: 0, max: 1, percent: true, points: true }),
  yosCaseloadShare: figure(0.1, "NPS PO resource in a YOS, as a share of the YOS caseload (about 10%)", "NPS Operating Model v1.0, ch.7", { min: 0, max: 1, percent: true }),
  yosCasesPerPo: figure(40, "Cases one seconded PO FTE carries, to turn the 10% of the YOS caseload into FTE", "Add-in default: NPS Operating Model v1.0, ch.7, gives no cases-per-PO figure", { min: 1, max: 1000 }),
  yosSecondmentYears: figure(3, "Length of a YOS secondment, years", "NPS Operating Model v1.0, ch.7", { min: 0, max: 50 }),
  apCaFte: figure(0.5, "Case administrator FTE in each Approved Premises", "NPS Operating Model v1.0, ch.6", { min: 0, max: 10 }),
  apWakingStaff: figure(2, "Waking staff on site at all times in an Approved Premises", "NPS Operating Model v1.0, ch.6", { min: 0, max: 20, integer: true }),
  apPurposefulHours: figure(6, "Purposeful activity per resident per week, hours", "NPS Operating Model v1.0, ch.6", { min: 0, max: 168 }),
  apFinanceAdminPerAreaManager: figure(1, "Full-time financial administrators per AP area manager", "NPS Operating Model v1.0, ch.6", { min: 0, max: 10 }),
  paromGoodRun: figure(3, "Successive PAROMs assessed Good before routine SPO countersignature may be lifted", "NPS Operating Model v1.0, ch.4", { min: 1, max: 50, integer: true }),
  upwStartBusinessDays: figure(20, "Unpaid work starts within this many working days of sentence", "NPS FAQ on the future of probation, June 2020, unpaid work", { min: 1, max: 365, integer: true }),
  upwCompleteMonths: figure(12, "Unpaid work completed within this many months", "NPS FAQ on the future of probation, June 2020, unpaid work", { min: 1, max: 120, integer: true }),
  upwMaxTravelMinutes: figure(90, "Most travel to an unpaid work placement, minutes each way", "NPS FAQ on the future of probation, June 2020, unpaid work", { min: 1, max: 600 }),
  upwEducationShare: figure(0.2, "Most of an unpaid work order spent on education or training (20%)", "NPS FAQ on the future of probation, June 2020, unpaid work", { min: 0, max: 1, percent: true }),
  // Workload and capacity: the HMPPS Workload Management Tool (WMT), beyond the operating model.
  wmtNominalTarget: figure(2176, "Nominal target: available points of a PO or PSO on the default hours (2,176)", WMT_SOURCE, { min: 1, max: 100_000, integer: true }),
  wmtDefaultHours: figure(37, "Default contracted hours a week, on which the nominal target is set (37)", WMT_SOURCE, { min: 1, max: 100 }),
  capacityThreshold: figure(1, "Capacity over which an OM is flagged (100%)", "Add-in default: HMPPS Workload Management Tool shows capacity as a percentage and sets no limit, so the division sets its own", { min: 0.01, max: 5, percent: true }),
  ...pointsFigures(),
} as const;

export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

/** The resolved figures: plain values, read by rules and functions. */
export type ModelConfig = { readonly [K in FigureKey]: (typeof FIGURES)[K]["value"] extends number ? number : Rounding };

/** Policy variants from the staff side (Napo), off by default. */
export interface Variants {
  /** Napo ch.3: domestic violence counts as an additional factor in tiering. */
  readonly napoDomesticViolence: boolean;
  /** Napo ch.3: life and indeterminate sentences always go to a PO. */
  readonly napoIndeterminateToPo: boolean;
  /** Napo ch.2: adjourn for police and social services information on the listed triggers. */
  readonly napoAdjournments: boolean;
}

export const DEFAULT_VARIANTS: Variants = { napoDomesticViolence: false, napoIndeterminateToPo: false, napoAdjournments: false };

export const VARIANT_INFO: { readonly [K in keyof Variants]: { readonly label: string; readonly source: string } } = {
  napoDomesticViolence: { label: "Domestic violence counts as an additional factor in tiering", source: "Napo's feedback on the Operating Model, ch.3" },
  napoIndeterminateToPo: { label: "Life and indeterminate sentences always allocated to a PO", source: "Napo's feedback on the Operating Model, ch.3" },
  napoAdjournments: { label: "Adjourn for police and social services information on Napo's triggers", source: "Napo's feedback on the Operating Model, ch.2" },
};

export type Overrides = Partial<Record<FigureKey, number | string>>;

export interface Override {
  readonly key: FigureKey;
  readonly label: string;
  readonly from: number | string;
  readonly to: number | string;
  readonly source: string;
}

export interface ResolvedConfig {
  readonly config: ModelConfig;
  /** Every figure that differs from the model's own, to show in any output. */
  readonly overrides: readonly Override[];
}

export const DEFAULT_CONFIG: ModelConfig = Object.fromEntries(FIGURE_KEYS.map((k) => [k, FIGURES[k].value])) as ModelConfig;

/** The figures' keys, for checking a key a user gave: a Set, so "constructor" or "toString" is never a figure. */
const FIGURE_KEY_SET: ReadonlySet<string> = new Set(FIGURE_KEYS);

export function isFigureKey(k: string): k is FigureKey {
  return FIGURE_KEY_SET.has(k);
}

/** Apply a what-if. Unknown keys and out-of-range values are problems, never ignored. */
export function resolveConfig(overrides: Overrides = {}): { config: ResolvedConfig; problems: Problem[] } {
  const values: Record<string, number | string> = { ...DEFAULT_CONFIG };
  const applied: Override[] = [];
  const problems: Problem[] = [];
  for (const [key, raw] of Object.entries(overrides)) {
    if (raw === undefined) continue;
    const r = checkOverride(key, raw);
    if (!r.ok) {
      problems.push(r.problem);
      continue;
    }
    const k = key as FigureKey;
    const def = FIGURES[k];
    if (r.value !== def.value) {
      values[k] = r.value;
      applied.push({ key: k, label: def.label, from: def.value, to: r.value, source: def.source });
    }
  }
  return { config: { config: values as unknown as ModelConfig, overrides: applied }, problems };
}

/** A what-if value for a figure, checked against its range; `arg` names it in the message (a function argument, or the key). */
export function checkOverride(key: string, raw: number | string, arg: string = key): Result<number | Rounding> {
  if (!isFigureKey(key)) return fail("config.unknown", { arg: "figure", got: key });
  const def: FigureDef<unknown> = FIGURES[key];
  if (typeof def.value === "string") {
    const s = String(raw).trim().toLowerCase() as Rounding;
    return ROUNDINGS.includes(s) ? ok(s) : fail("config.value", { arg, got: raw, expected: ROUNDINGS.join(", ") });
  }
  const text = typeof raw === "number" ? undefined : String(raw).trim();
  // A share may be typed as a percentage, as Excel users write it: "60%" is 0.6.
  const n = text === undefined ? (raw as number) : def.percent === true && text.endsWith("%") ? fromPercent(numberText(text.slice(0, -1))) : numberText(text);
  const min = def.min ?? -Infinity;
  const max = def.max ?? Infinity;
  if (!Number.isFinite(n) || n < min || n > max || (def.integer === true && !Number.isInteger(n)))
    return fail("config.value", {
      arg,
      got: raw,
      expected: def.percent === true ? `a percentage from ${showFigure(key, min)} to ${showFigure(key, max)}, written as ${def.points === true ? "5% or 0.05" : "60% or 0.6"}` : `${def.integer === true ? "a whole number" : "a number"} from ${min} to ${max}`,
    });
  return ok(n);
}

/** 60 → 0.6, without floating-point noise (35 / 100 is 0.35, not 0.35000000000000003). */
function fromPercent(n: number): number {
  return Number((n / 100).toPrecision(12));
}

/**
 * A figure's value as people read it: shares as percentages ("60%"), the report-mix tolerance in
 * points ("5 points"), other numbers as they are.
 */
export function showFigure(key: FigureKey, value: number | string): string {
  const def: FigureDef<unknown> = FIGURES[key];
  if (typeof value !== "number" || def.percent !== true) return String(value);
  const points = Number((value * 100).toPrecision(12));
  return def.points === true ? `${points} points` : `${points}%`;
}

/** Round a count of clusters (or posts) as the configuration says. */
export function roundBy(n: number, how: Rounding): number {
  // Nine decimals absorb floating-point noise (0.25 × 12 = 3.0000000000000004); past 2^53 there is none.
  const x = Math.abs(n * 1e9) < 2 ** 53 ? Math.round(n * 1e9) / 1e9 : n;
  return how === "up" ? Math.ceil(x) : how === "down" ? Math.floor(x) : Math.round(x);
}
