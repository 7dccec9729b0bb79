/**
 * Tiering — NPS Operating Model ch.3, Diagram 1 (NPS Operating Model v1.0); Napo variant Napo's feedback on the Operating Model, ch.3.
 */
import { fail, ok, type Result } from "./problem";
import type { Rosh, Tier } from "./values";

export interface TierInput {
  readonly rosh?: Rosh | undefined;
  /** RSR in percentage points (6.9 means 6.9%). */
  readonly rsr?: number | undefined;
  /** OGRS in percentage points. */
  readonly ogrs?: number | undefined;
  readonly mappaCategory?: 1 | 2 | 3 | undefined;
  readonly mappaLevel?: 1 | 2 | 3 | undefined;
  readonly childProtectionPlan?: boolean | undefined;
  readonly iom?: boolean | undefined;
  readonly vulnerability?: boolean | undefined;
  readonly domesticViolence?: boolean | undefined;
}

export interface TierOptions {
  /** Napo's feedback on the Operating Model (ch.3): domestic violence counts as an additional factor. */
  readonly napoDomesticViolence?: boolean;
}

export type Band = "B" | "C" | "D";

/** Thresholds of Diagram 1, read as half-open at the printed lower bounds (rule book §1). */
export const TIER_THRESHOLDS = {
  rsr: { B: 6.9, C: 3.0 },
  ogrs: { B: 90, C: 75 },
} as const;

const BAND_ORDER: Record<Band, number> = { D: 0, C: 1, B: 2 };

/** RSR band: < 3.0 → D, 3.0 ≤ RSR < 6.9 → C, ≥ 6.9 → B (ch.3 Diagram 1). */
export function rsrBand(rsr: number): Band {
  return rsr >= TIER_THRESHOLDS.rsr.B ? "B" : rsr >= TIER_THRESHOLDS.rsr.C ? "C" : "D";
}

/** OGRS band: < 75 → D, 75 ≤ OGRS < 90 → C, ≥ 90 → B (ch.3 Diagram 1). */
export function ogrsBand(ogrs: number): Band {
  return ogrs >= TIER_THRESHOLDS.ogrs.B ? "B" : ogrs >= TIER_THRESHOLDS.ogrs.C ? "C" : "D";
}

/** RoSH band: High/Very High → B, Medium → C, Low or none → D (ch.3 Diagram 1). */
export function roshBand(rosh: Rosh): Band {
  return rosh === "High" || rosh === "Very High" ? "B" : rosh === "Medium" ? "C" : "D";
}

/** Shared results: a caseload is tiered row by row, and results are immutable. */
const OK_TIER: Readonly<Record<Tier, Result<Tier>>> = { A: ok("A"), B1: ok("B1"), B2: ok("B2"), C1: ok("C1"), C2: ok("C2"), D1: ok("D1"), D2: ok("D2") };

const TIER_OF: Record<Band, readonly [Tier, Tier]> = { B: ["B1", "B2"], C: ["C1", "C2"], D: ["D1", "D2"] };

/** The additional factors of Diagram 1, once: each with its name and when it is present (DV only under Napo's variant). */
const FACTORS: readonly { readonly name: string; readonly present: (i: TierInput, o: TierOptions) => boolean }[] = [
  { name: "MAPPA category 1 at level 1", present: (i) => i.mappaCategory === 1 && i.mappaLevel === 1 },
  { name: "child protection plan", present: (i) => i.childProtectionPlan === true },
  { name: "IOM", present: (i) => i.iom === true },
  { name: "vulnerability", present: (i) => i.vulnerability === true },
  { name: "domestic violence (Napo variant)", present: (i, o) => o.napoDomesticViolence === true && i.domesticViolence === true },
];

/** The additional factors that make the digit 1 (ch.3 Diagram 1; DV only under Napo's variant). */
export function additionalFactors(input: TierInput, options: TierOptions = {}): string[] {
  return FACTORS.filter((f) => f.present(input, options)).map((f) => f.name);
}

/** Whether any additional factor is present, without building the list (validation tiers every case). */
function hasAdditionalFactor(input: TierInput, options: TierOptions): boolean {
  for (let k = 0; k < FACTORS.length; k++) if (FACTORS[k]!.present(input, options)) return true;
  return false;
}

/** Bands as ranks, so that the highest is a comparison of numbers: -1 none, 0 D, 1 C, 2 B. */
const RANK_BAND: readonly Band[] = ["D", "C", "B"];
function rank(b: Band): number {
  return BAND_ORDER[b];
}

/**
 * The tier of a case.
 * 1. MAPPA level 2 or 3 → A, whatever else holds.
 * 2. Otherwise the highest band any one of RSR, OGRS and RoSH indicates; missing scores are ignored,
 *    but with none of the three the tier cannot be computed.
 * 3. Digit 1 with any additional factor, else 2.
 * A MAPPA category without a level is refused: the level may be 2 or 3, and guessing would under-tier.
 */
export function computeTier(input: TierInput, options: TierOptions = {}): Result<Tier> {
  if (input.mappaCategory !== undefined && input.mappaLevel === undefined)
    return fail("tier.mappaLevelMissing", { arg: "mappa_level", category: input.mappaCategory });
  if (input.mappaLevel === 2 || input.mappaLevel === 3) return OK_TIER.A;
  if (options.napoDomesticViolence === true && input.domesticViolence === undefined)
    return fail("tier.dvMissing", { arg: "domestic_violence" });

  // The highest band any one score indicates; no arrays here: validation tiers every case.
  let top = -1;
  if (input.rsr !== undefined) top = Math.max(top, rank(rsrBand(input.rsr)));
  if (input.ogrs !== undefined) top = Math.max(top, rank(ogrsBand(input.ogrs)));
  if (input.rosh !== undefined) top = Math.max(top, rank(roshBand(input.rosh)));
  if (top < 0) return fail("tier.noScores", { arg: "rosh" });
  return OK_TIER[TIER_OF[RANK_BAND[top]!][hasAdditionalFactor(input, options) ? 0 : 1]];
}

/** Tiers ordered from most to least intensive, for comparisons ("is tier X lower than Y?"). */
export const TIER_RANK: Record<Tier, number> = { A: 6, B1: 5, B2: 4, C1: 3, C2: 2, D1: 1, D2: 0 };
