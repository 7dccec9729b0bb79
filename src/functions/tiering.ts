/* Custom functions for tiering and allocation. JSDoc here is the help Excel shows in autocomplete. */
import { allocateGrade } from "../model/allocate";
import { computeTier } from "../model/tier";
import { parsePercent, parseRosh, parseTier, parseYesNo, parseMappaCategory, parseMappaLevel } from "../model/values";
import { problem } from "../model/problem";
import type { CellValue } from "../model/values";
import { getSettings } from "../shared/settings";
import { arg, option, rowwise, toExcel } from "./runner";

const fractionSwitch = option("scores_as_fractions", parseYesNo);
const napoDvSwitch = option("napo_dv", parseYesNo);

/**
 * The tier of each case (A, B1, B2, C1, C2, D1, D2), from NPS Operating Model ch.3 Diagram 1. MAPPA level 2 or 3 gives A; otherwise the highest band of RSR, OGRS and RoSH, with digit 1 when any additional factor is present. Pass whole columns to spill one tier per row.
 * @customfunction TIER
 * @helpurl https://localhost:3000/help.html#tier
 * @param rosh RoSH level: Low, None, Medium, High or Very High. A cell or a column.
 * @param rsr RSR score in percentage points: 6.9 or "6.9%" means 6.9%. Blank if not scored.
 * @param ogrs OGRS score in percentage points: 90 means 90%. Blank if not scored.
 * @param mappa_category MAPPA category 1, 2 or 3; blank when not a MAPPA case.
 * @param mappa_level MAPPA level 1, 2 or 3; level 2 or 3 makes the case tier A.
 * @param child_protection_plan Child protection plan in place? Yes/No, Y/N, TRUE/FALSE or 1/0; blank is No.
 * @param iom Managed under Integrated Offender Management? Yes/No; blank is No.
 * @param vulnerability Vulnerability ('yes' on OASys section 8, risk of suicide or self-harm)? Yes/No; blank is No.
 * @param [scores_as_fractions] TRUE when RSR and OGRS are percent-formatted cells holding fractions (0.069 for 6.9%). Default FALSE.
 * @param [domestic_violence] Domestic violence present? Yes/No. Used only with the Napo variant.
 * @param [napo_dv] TRUE to count domestic violence as an additional factor (Napo's feedback on the Operating Model, ch.3). Default: the task pane's setting, normally FALSE.
 * @returns One tier per row.
 */
export function tier(
  rosh: any[][],
  rsr: any[][],
  ogrs: any[][],
  mappa_category: any[][],
  mappa_level: any[][],
  child_protection_plan: any[][],
  iom: any[][],
  vulnerability: any[][],
  scores_as_fractions?: any,
  domestic_violence?: any[][],
  napo_dv?: any,
): any[][] {
  return toExcel(() => {
    const fr = fractionSwitch.parse(asScalar(scores_as_fractions), fractionSwitch.name);
    const fractions = fr.ok && fr.value === true;
    const specs = [
      arg("rosh", parseRosh),
      arg("rsr", (v, n) => parsePercent(v, n, fractions)),
      arg("ogrs", (v, n) => parsePercent(v, n, fractions)),
      arg("mappa_category", parseMappaCategory),
      arg("mappa_level", parseMappaLevel),
      arg("child_protection_plan", parseYesNo),
      arg("iom", parseYesNo),
      arg("vulnerability", parseYesNo),
      fractionSwitch,
      arg("domestic_violence", parseYesNo),
      napoDvSwitch,
    ] as const;
    return rowwise(
      specs,
      [rosh, rsr, ogrs, mappa_category, mappa_level, child_protection_plan, iom, vulnerability, scores_as_fractions, domestic_violence, napo_dv],
      ([ro, rs, og, cat, lvl, cpp, i, vul, , dv, napo]) =>
        computeTier(
          { rosh: ro, rsr: rs, ogrs: og, mappaCategory: cat, mappaLevel: lvl, childProtectionPlan: cpp, iom: i, vulnerability: vul, domesticViolence: dv },
          { napoDomesticViolence: napo ?? getSettings().variants.napoDomesticViolence },
        ),
    );
  });
}

/**
 * Advises the grade of Offender Manager for each case: PO or PSO (NPS Operating Model ch.1 and ch.3). Tiers A and B, and High or Very High RoSH in any tier, go to a PO; C1 to a PO unless the PSO has shown competency; C2, D1 and D2 to a PSO. Advice only: managers decide.
 * @customfunction ALLOCATE_GRADE
 * @helpurl https://localhost:3000/help.html#allocate_grade
 * @param tier Tier of the case: A, B1, B2, C1, C2, D1 or D2 (e.g. from NPS.TIER). A cell or a column.
 * @param rosh RoSH level: Low, None, Medium, High or Very High. Needed for tiers C and D.
 * @param [pso_competent] Tier C1: has the PSO demonstrated competency? Yes/No; blank is No.
 * @param [crc_escalation] Transferred from a CRC because risk increased? Yes/No; Yes gives PO in the first instance.
 * @param [indeterminate] Life or indeterminate sentence? Yes/No. Allocated on RoSH unless the Napo variant is on.
 * @param [napo_indeterminate] TRUE to allocate every life or indeterminate sentence to a PO (Napo's feedback on the Operating Model, ch.3). Default: the task pane's setting, normally FALSE.
 * @returns PO or PSO per row.
 */
export function allocate_grade(
  tier: any[][],
  rosh: any[][],
  pso_competent?: any[][],
  crc_escalation?: any[][],
  indeterminate?: any[][],
  napo_indeterminate?: any,
): any[][] {
  return toExcel(() =>
    rowwise(
      [
        arg("tier", parseTier),
        arg("rosh", parseRosh),
        arg("pso_competent", parseYesNo),
        arg("crc_escalation", parseYesNo),
        arg("indeterminate", parseYesNo),
        option("napo_indeterminate", parseYesNo),
      ] as const,
      [tier, rosh, pso_competent, crc_escalation, indeterminate, napo_indeterminate],
      ([t, r, comp, crc, ind, napo]) => {
        if (t === undefined) return { ok: false, problem: requiredTier() };
        const res = allocateGrade(
          { tier: t, rosh: r, psoCompetent: comp, crcEscalation: crc, indeterminate: ind },
          { napoIndeterminateToPo: napo ?? getSettings().variants.napoIndeterminateToPo },
        );
        return res.ok ? { ok: true, value: res.value.grade } : res;
      },
    ),
  );
}

function requiredTier() {
  return problem("value.required", { arg: "tier", expected: "a tier A, B1, B2, C1, C2, D1 or D2" });
}

/** An optional switch may arrive as a value, a 1x1 matrix or null. */
function asScalar(v: unknown): CellValue {
  if (Array.isArray(v)) return (Array.isArray(v[0]) ? v[0][0] : v[0]) as CellValue;
  return v as CellValue;
}
