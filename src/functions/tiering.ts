/* Custom functions for tiering and allocation. JSDoc here is the help Excel shows in autocomplete. */
import { allocateGrade } from "../model/allocate";
import { computeTier, type TierInput } from "../model/tier";
import { parsePercent, parseRosh, parseTier, parseYesNo, parseMappaCategory, parseMappaLevel } from "../model/values";
import { fail, problem } from "../model/problem";
import { getSettings } from "../runtime/settings";
import { num, readSetting, rowwise, setting, text, toExcel, yesNo } from "./runner";

const fractionSwitch = setting("scores_as_fractions", parseYesNo);

/**
 * The tier of each case (A, B1, B2, C1, C2, D1, D2), from NPS Operating Model v1.0 ch.3 Diagram 1. MAPPA level 2 or 3 gives A; otherwise the highest band of RSR, OGRS and RoSH, with digit 1 when any additional factor is present. Give table columns (Caseload[RoSH]) or whole columns: one tier per row spills. A row with every cell blank gives a blank.
 * @customfunction TIER
 * @helpurl https://localhost:3000/help.html#tier
 * @param rosh RoSH level: Low, None, Medium, High or Very High. Blank (or 0 from a blank cell): tier from the scores alone.
 * @param rsr RSR in percentage points: 6.9 or "6.9%" is 6.9%. Blank: not scored. 0 is a score of 0.
 * @param ogrs OGRS in percentage points: 90 is 90%. Blank: not scored. 0 is a score of 0.
 * @param mappa_category MAPPA category 1, 2 or 3. Blank or 0: not a MAPPA case.
 * @param mappa_level MAPPA level 1, 2 or 3; level 2 or 3 makes the case tier A. Blank or 0: no MAPPA level.
 * @param child_protection_plan Child protection plan in place? Yes/No, Y/N, TRUE/FALSE or 1/0. Blank is No.
 * @param iom Managed under Integrated Offender Management? Yes/No. Blank is No.
 * @param vulnerability Vulnerability ('yes' on OASys section 8: risk of suicide or self-harm)? Yes/No. Blank is No.
 * @param [scores_as_fractions] TRUE when RSR and OGRS cells hold fractions (0.069 for 6.9%). Blank or FALSE: percentage points.
 * @param [domestic_violence] Domestic violence present? Yes/No; blank is No. Used only with the Napo variant.
 * @param [napo_dv] TRUE counts domestic violence as an additional factor (Napo), FALSE does not. Omitted: the task pane's setting.
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
    const fractions = readSetting(fractionSwitch, scores_as_fractions) === true;
    const score = (v: Parameters<typeof parsePercent>[0], n: string) => parsePercent(v, n, fractions);
    const specs = [
      text("rosh", parseRosh),
      num("rsr", score),
      num("ogrs", score),
      num("mappa_category", parseMappaCategory),
      num("mappa_level", parseMappaLevel),
      yesNo("child_protection_plan", parseYesNo),
      yesNo("iom", parseYesNo),
      yesNo("vulnerability", parseYesNo),
      fractionSwitch,
      yesNo("domestic_violence", parseYesNo),
      setting("napo_dv", parseYesNo, { zeroIsValue: true }),
    ] as const;
    const input: { -readonly [K in keyof TierInput]: TierInput[K] } = {};
    const options = { napoDomesticViolence: readSetting(specs[10], napo_dv) ?? getSettings().variants.napoDomesticViolence };
    return rowwise(
      specs,
      [rosh, rsr, ogrs, mappa_category, mappa_level, child_protection_plan, iom, vulnerability, scores_as_fractions, domestic_violence, napo_dv],
      (v) => {
        // Indexed, not destructured: this runs once per case, and a pattern walks the array's iterator.
        const rs = v[1];
        const og = v[2];
        // Excel desktop passes blank score cells as 0: with no RoSH, scores of 0 alone cannot be told from no scores.
        if (v[0] === undefined && (rs ?? 0) === 0 && (og ?? 0) === 0 && (rs !== undefined || og !== undefined)) return fail("tier.zeroScoresOnly", { arg: "rosh" });
        // One input object for the call, refilled per row: computeTier reads it and keeps nothing.
        input.rosh = v[0];
        input.rsr = rs;
        input.ogrs = og;
        input.mappaCategory = v[3];
        input.mappaLevel = v[4];
        input.childProtectionPlan = v[5];
        input.iom = v[6];
        input.vulnerability = v[7];
        input.domesticViolence = v[9];
        return computeTier(input, options);
      },
    );
  });
}

/**
 * Advises the grade of Offender Manager for each case, PO or PSO (NPS Operating Model v1.0 ch.1, ch.3). Tiers A and B, and High or Very High RoSH, go to a PO; C1 to a PO unless the PSO has shown competency; C2, D1 and D2 to a PSO, with the rules for sex offender cases. Never lower than the RoSH alone gives: D1 with Medium RoSH is taken as C1. Advice only: managers decide.
 * @customfunction ALLOCATE_GRADE
 * @helpurl https://localhost:3000/help.html#allocate_grade
 * @param tier Tier of the case: A, B1, B2, C1, C2, D1 or D2 (e.g. from NPS.TIER). Blank (or 0): #VALUE!, a tier is needed.
 * @param rosh RoSH: Low, None, Medium, High or Very High. May be blank for tiers A and B; tiers C and D need it.
 * @param [pso_competent] Tier C1: has the PSO demonstrated competency? Yes/No; blank is No.
 * @param [crc_escalation] Transferred from a CRC because risk increased? Yes/No; Yes gives a PO. Blank is No.
 * @param [indeterminate] Life or indeterminate sentence? Yes/No; blank is No. Allocated on RoSH unless napo_indeterminate.
 * @param [napo_indeterminate] TRUE: every life or indeterminate sentence to a PO (Napo); FALSE: on RoSH. Omitted: the task pane's setting.
 * @param [sex_offender] A sex offender case? Yes/No; blank is No. Yes needs a trained PSO (D1, D2) or one on the CJL (C1, C2).
 * @param [pso_trained] D1/D2 sex offender case: PSO trained for such cases, with management oversight? Yes/No; blank is No.
 * @param [pso_cjl] PSO training to be a PO (CJL qualification), at an appropriate point? Yes/No; blank is No.
 * @returns PO or PSO per row.
 */
export function allocate_grade(
  tier: any[][],
  rosh: any[][],
  pso_competent?: any[][],
  crc_escalation?: any[][],
  indeterminate?: any[][],
  napo_indeterminate?: any,
  sex_offender?: any[][],
  pso_trained?: any[][],
  pso_cjl?: any[][],
): any[][] {
  return toExcel(() => {
    const variants = getSettings().variants;
    return rowwise(
      [
        text("tier", parseTier),
        text("rosh", parseRosh),
        yesNo("pso_competent", parseYesNo),
        yesNo("crc_escalation", parseYesNo),
        yesNo("indeterminate", parseYesNo),
        setting("napo_indeterminate", parseYesNo, { zeroIsValue: true }),
        yesNo("sex_offender", parseYesNo),
        yesNo("pso_trained", parseYesNo),
        yesNo("pso_cjl", parseYesNo),
      ] as const,
      [tier, rosh, pso_competent, crc_escalation, indeterminate, napo_indeterminate, sex_offender, pso_trained, pso_cjl],
      ([t, r, comp, crc, ind, napo, so, trained, cjl]) => {
        if (t === undefined) return { ok: false, problem: requiredTier() };
        const res = allocateGrade(
          { tier: t, rosh: r, psoCompetent: comp, crcEscalation: crc, indeterminate: ind, sexOffender: so, psoSexOffenderTrained: trained, psoCjl: cjl },
          { napoIndeterminateToPo: napo ?? variants.napoIndeterminateToPo },
        );
        return res.ok ? { ok: true, value: res.value.grade } : res;
      },
    );
  });
}

function requiredTier() {
  return problem("value.required", { arg: "tier", expected: "a tier A, B1, B2, C1, C2, D1 or D2" });
}
