/**
 * Who manages the case — NPS Operating Model ch.1 and ch.3 (NPS Operating Model v1.0); Napo variant Napo's feedback on the Operating Model, ch.3.
 * The answer is advice: RoSH is the guiding factor and management judgement decides.
 */
import { fail, ok, type Result } from "./problem";
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
}

export interface AllocateOptions {
  readonly napoIndeterminateToPo?: boolean;
}

export interface Allocation {
  readonly grade: Grade;
  /** Why, in the words of the source, for the task pane and the report. */
  readonly reason: string;
}

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
  if (tier === "C1")
    return input.psoCompetent === true
      ? ok({ grade: "PSO", reason: "Tier C1 with a PSO who has demonstrated competency (ch.3)" })
      : ok({ grade: "PO", reason: "Tier C1: PO unless the PSO has demonstrated competency (ch.3)" });
  return ok({ grade: "PSO", reason: `Tier ${tier}: a PSO may manage the case (ch.3)` });
}
