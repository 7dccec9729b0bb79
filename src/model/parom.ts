/**
 * PAROM countersignature (NPS Operating Model v1.0, ch.4): routine SPO countersignature may be lifted
 * once an OM has three successive reports assessed Good. Re-exported by ./staffing.ts, the staffing
 * what-ifs it belongs with; the PAROM_COUNTERSIGN function and the parom.* rules both use it.
 */
import type { ModelConfig } from "./config";
import { fail, ok, type Result } from "./problem";
import { isBlank, isErrorText, type CellValue } from "./values";

/**
 * The quality assessments a PAROM may carry. The Operating Model (ch.4) names only "Good"; the others are the
 * words this add-in accepts for "not Good", so that a typing slip is a problem, never a silent
 * "not Good" or "Good". Any other word is refused with the list.
 */
export const PAROM_ASSESSMENTS = ["Good", "Not good", "Requires improvement", "Inadequate"] as const;
export type ParomAssessment = (typeof PAROM_ASSESSMENTS)[number];

const ASSESSMENT_WORDS: ReadonlyMap<string, ParomAssessment> = new Map(PAROM_ASSESSMENTS.map((a) => [a.toLowerCase(), a] as const));

export function parseParomAssessment(v: CellValue, arg: string): Result<ParomAssessment | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  if (typeof v !== "string") return fail("staffing.paromAssessment", { arg, got: v, accepted: PAROM_ASSESSMENTS });
  const s = v.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  const hit = ASSESSMENT_WORDS.get(s);
  return hit !== undefined ? ok(hit) : fail("staffing.paromAssessment", { arg, got: v, accepted: PAROM_ASSESSMENTS });
}

export interface ParomCountersign {
  /** True while routine SPO countersignature of each report is still required. */
  readonly countersign: boolean;
  /** Successive Good reports at the end of the list (the current run). */
  readonly goodRun: number;
  /** The run that lifts countersignature (config.paromGoodRun). */
  readonly needed: number;
}

/**
 * Whether routine SPO countersignature of an OM's PAROMs is still required (NPS Operating Model v1.0, ch.4: "When
 * an OM has demonstrated consistent quality in writing PAROMs by completing three successive
 * reports assessed as Good, the QAF gives scope for lifting the requirement for routine SPO
 * countersignature"). `assessments` are one OM's reports in date order, oldest first.
 * Reading: countersignature may be lifted when the most recent run of successive Good reports is
 * at least paromGoodRun (3); any report not assessed Good ends the run, so a later report that is
 * not Good (for instance from the yearly sample audit) brings routine countersignature back until
 * a fresh run. "May be lifted" is scope for the SPO, not a requirement; SPOs still audit and
 * endorse a sample of each OM's PAROMs every year.
 */
export function paromCountersign(assessments: readonly ParomAssessment[], config: ModelConfig): ParomCountersign {
  let run = 0;
  for (const a of assessments) run = next(run, a);
  return state(run, config);
}

/**
 * paromCountersign of every report's predecessors, in one pass: element i is the answer for
 * assessments[0..i-1], whether report i was written while countersignature was still required.
 * Linear, where calling paromCountersign on each prefix would go over the list once per report.
 */
export function paromCountersignBefore(assessments: readonly ParomAssessment[], config: ModelConfig): ParomCountersign[] {
  const out: ParomCountersign[] = [];
  let run = 0;
  for (const a of assessments) {
    out.push(state(run, config));
    run = next(run, a);
  }
  return out;
}

/** The run after one more report: one longer when it is Good, else ended. */
function next(run: number, a: ParomAssessment): number {
  return a === "Good" ? run + 1 : 0;
}

function state(run: number, config: ModelConfig): ParomCountersign {
  return { countersign: run < config.paromGoodRun, goodRun: run, needed: config.paromGoodRun };
}
