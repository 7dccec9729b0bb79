/**
 * Who manages the case — NPS Operating Model ch.1 and ch.3 (NPS Operating Model v1.0); Napo variant Napo's feedback on the Operating Model, ch.3.
 * The answer is advice: RoSH is the guiding factor and management judgement decides.
 *
 * Readings (rule book §2), each the one that does not under-rate risk:
 * - RoSH floor: the advice is never lighter than the RoSH alone would give. The case is allocated on
 *   an effective tier whose letter is the higher of the tier's letter and the RoSH band of
 *   Diagram 1 (Low → D, Medium → C, High and Very High → B) and whose digit is the tier's: tier D1
 *   with Medium RoSH is taken as C1.
 * - Sex offender cases (ch.3): a low-risk case (tiers D1, D2) goes to a PSO only when the PSO has
 *   undertaken the appropriate training with management oversight, or is training to be a PO
 *   through the CJL qualification at an appropriate point in that training; a medium-risk case
 *   (tiers C1, C2) goes to a PSO only in the second case. These conditions are added to the tier's
 *   own rule, never in place of it, so a C1 sex offender case also needs demonstrated competency,
 *   and demonstrated competency alone is not enough for it. Otherwise a PO.
 */
import { fail, ok, type Result } from "./problem";
import { roshBand, type Band } from "./tier";
import type { Grade, Rosh, Tier } from "./values";

export interface AllocateInput {
  readonly tier: Tier;
  readonly rosh?: Rosh | undefined;
  /** C1: the PSO has demonstrated competency (ch.3). */
  readonly psoCompetent?: boolean | undefined;
  /** Transferred from a CRC because risk increased → PO in the first instance (ch.3). */
  readonly crcEscalation?: boolean | undefined;
  /** Life or indeterminate sentence: allocated on RoSH, or always PO under Napo's variant. */
  readonly indeterminate?: boolean | undefined;
  /** The case is a sex offender case (ch.3): a PSO needs training, or the CJL route, to manage it. */
  readonly sexOffender?: boolean | undefined;
  /**
   * The PSO has undertaken the appropriate training for low risk sex offender cases and management
   * oversight is in place (ch.3: tiers D1 and D2 only).
   */
  readonly psoSexOffenderTrained?: boolean | undefined;
  /**
   * The PSO is training to be a PO through the Community Justice Learning (CJL) qualification and is
   * at an appropriate point in that training (ch.3: low and medium risk sex offenders).
   */
  readonly psoCjl?: boolean | undefined;
}

export interface AllocateOptions {
  readonly napoIndeterminateToPo?: boolean;
}

export interface Allocation {
  readonly grade: Grade;
  /** Why, in the words of the source, for the task pane and the report. */
  readonly reason: string;
}

const LETTER_ORDER: Record<Band | "A", number> = { D: 0, C: 1, B: 2, A: 3 };

/**
 * The tier the case is allocated on (rule book §2, the RoSH floor): the higher of the tier's letter
 * and the RoSH band of Diagram 1, with the tier's digit. Tier A stays A; with no RoSH the tier stands.
 */
export function effectiveTier(tier: Tier, rosh: Rosh | undefined): Tier {
  if (tier === "A" || rosh === undefined) return tier;
  const letter = tier[0] as Band;
  const band = roshBand(rosh);
  return LETTER_ORDER[band] > LETTER_ORDER[letter] ? (`${band}${tier[1]!}` as Tier) : tier;
}

const CJL_SOURCE =
  "PSOs training to be POs through the Community Justice Learning (CJL) qualification can manage low and medium risk sex offenders at an appropriate point in their training (ch.3)";

/**
 * The sex offender rules of ch.3 on the effective tier (C1, C2, D1 or D2), added to the tier's own
 * advice `own` and never in place of it: naming a case a sex offender case never makes the advice
 * lighter, so a C1 case also needs a PSO who has demonstrated competency.
 */
function sexOffenderAdvice(tier: Tier, input: AllocateInput, own: Grade): Allocation {
  const cjl = input.psoCjl === true;
  if (tier === "D1" || tier === "D2") {
    const what = `Tier ${tier} low risk sex offender`;
    if (input.psoSexOffenderTrained === true)
      return {
        grade: "PSO",
        reason:
          tier === "D1"
            ? `${what}: PSOs can manage low risk sex offenders in tier D1 once they have undertaken the appropriate training and with management oversight (ch.3)`
            : `${what}: low risk sex offenders may be managed by PSOs who are suitably trained and with the appropriate level of managerial oversight (ch.3)`,
      };
    if (cjl) return { grade: "PSO", reason: `${what} with a PSO training through the CJL qualification: ${CJL_SOURCE}` };
    return {
      grade: "PO",
      reason:
        `${what}: PO unless the PSO has undertaken the appropriate training, with management oversight, ` +
        "or is training to be a PO through the CJL qualification and is at an appropriate point in that training (ch.3)",
    };
  }
  const what = `Tier ${tier} medium risk sex offender`;
  if (cjl && own === "PSO")
    return {
      grade: "PSO",
      reason:
        tier === "C1"
          ? `${what} with a PSO who has demonstrated competency and is training through the CJL qualification: PSOs training to be POs through the Community Justice Learning (CJL) qualification can manage tier C1 medium risk sex offenders at an appropriate point in their training (ch.3)`
          : `${what} with a PSO training through the CJL qualification: ${CJL_SOURCE}`,
    };
  return {
    grade: "PO",
    reason:
      `${what}: PO unless the PSO is training to be a PO through the CJL qualification and is at an appropriate point in that training` +
      (tier === "C1" ? ", and has demonstrated competency as for any tier C1 case" : "") +
      "; for medium risk sex offenders the Operating Model names only the CJL route, so demonstrated competency alone is not enough (ch.3)",
  };
}

/**
 * The grade of OM the Operating Model advises for the case (NPS Operating Model v1.0, ch.1, ch.3). In
 * order: a case from a CRC on risk escalation, tiers A and B, High and Very High RoSH, and (Napo's
 * variant) indeterminate sentences go to a PO; then, on the effective tier (the RoSH floor), C1
 * goes to a PO unless the PSO has demonstrated competency, C2, D1 and D2 to a PSO, and a sex
 * offender case to a PSO only where the sex offender rules allow it as well.
 */
export function allocateGrade(input: AllocateInput, options: AllocateOptions = {}): Result<Allocation> {
  const { tier, rosh } = input;
  if (input.crcEscalation === true)
    return ok({ grade: "PO", reason: "Transferred from a CRC on risk escalation: PO in the first instance (ch.3)" });
  if (tier === "A" || tier === "B1" || tier === "B2")
    return ok({ grade: "PO", reason: `Tier ${tier}: POs manage tiers A and B (ch.3)` });
  if (rosh === undefined) return fail("allocate.roshMissing", { arg: "rosh", tier });
  if (rosh === "High" || rosh === "Very High")
    return ok({ grade: "PO", reason: `${rosh} RoSH: all High and Very High RoSH cases are managed by POs (ch.1, ch.3)` });
  if (input.indeterminate === true && options.napoIndeterminateToPo === true)
    return ok({ grade: "PO", reason: "Life/indeterminate sentence: always a PO under Napo's variant (Napo's feedback on the Operating Model, ch.3)" });

  const eff = effectiveTier(tier, rosh);
  const floor = eff === tier ? "" : `Tier taken as ${eff}, since ${rosh} RoSH puts the case in band ${eff[0]!} (ch.3, Diagram 1). `;
  const withFloor = (a: Allocation): Allocation => ({ grade: a.grade, reason: floor + a.reason });
  const own: Allocation =
    eff !== "C1"
      ? { grade: "PSO", reason: `Tier ${eff}: a PSO may manage the case (ch.3)` }
      : input.psoCompetent === true
        ? { grade: "PSO", reason: "Tier C1 with a PSO who has demonstrated competency (ch.3)" }
        : { grade: "PO", reason: "Tier C1: PO unless the PSO has demonstrated competency (ch.3)" };
  return ok(withFloor(input.sexOffender === true ? sexOffenderAdvice(eff, input, own.grade) : own));
}
