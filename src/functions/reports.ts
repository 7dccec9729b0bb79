/* Custom functions for court reports (NPS Operating Model v1.0, ch.1-2; Napo Napo's feedback on the Operating Model, ch.2). JSDoc here is the help Excel shows. */
import { problem, fail, ok } from "../model/problem";
import { parseReportAdvice, parseRiskLevel, reportAuthor, reportMix, reportType, type ReportAdvice } from "../model/reports";
import { parseGrade, parseYesNo, type Grade } from "../model/values";
import { getSettings } from "../runtime/settings";
import { configInForce, firstRowProblem, rowwise, setting, text, toExcel, yesNo, type Cells } from "./runner";

/**
 * The court report each case needs: Oral, FDR or SDR (NPS Operating Model ch.2). SDR must be completed for a dangerousness assessment or terrorism; an SDR is given on the four "may" grounds unless a written FDR is judged sufficient; otherwise Oral where a sentence is indicated and nothing is complex or sensitive, else a written FDR. Under Napo's variant (Napo's feedback on the Operating Model, ch.2), Adjourn for information. One answer per row.
 * @customfunction REPORT_TYPE
 * @helpurl https://localhost:3000/help.html#report_type
 * @param dangerousness Dangerousness assessment or detailed risk analysis required? Yes/No, Y/N, TRUE/FALSE, 1/0; Yes: SDR. Blank is No.
 * @param terrorism Relates to terrorist offences? Yes/No; Yes means SDR must be completed. Blank is No.
 * @param complex_case Complex case: more assessments, lengthy discussion or many enquiries? Yes/No (SDR may be considered). Blank is No.
 * @param serious_mental_health Serious diagnosed mental health or vulnerability, no psychiatric report on the day? Yes/No (SDR may apply). Blank is No.
 * @param serious_sexual_violent Serious sexual or violent offending, incl. high-risk domestic abuse? Yes/No (SDR may be considered). Blank is No.
 * @param child_safeguarding Complex, serious child safeguarding where enquiries affect sentence? Yes/No (SDR may be considered). Blank is No.
 * @param sentence_indicated Has the court indicated a specific sentence? Yes/No. Blank is No, which gives a written FDR rather than Oral.
 * @param complex_or_sensitive Complex or sensitive information to present? Yes/No; Yes rules out an oral report. Blank is No.
 * @param [fdr_sufficient] On a "may" ground: has the court team judged a written FDR sufficient? Yes gives FDR; blank or No gives SDR.
 * @param [child_at_address] Napo trigger: a child lives at the home or proposed address? Yes/No; blank is No.
 * @param [dv_history] Napo trigger: an index or previous domestic violence offence? Yes/No; blank is No.
 * @param [mh_or_substance] Napo trigger: mental health or substance misuse concerns? Yes/No; blank is No.
 * @param [immigration] Napo trigger: enquiries of immigration services needed? Yes/No; blank is No.
 * @param [napo_adjourn] TRUE: adjourn for information on a Napo trigger (Napo, ch.2); FALSE: do not. Omitted: the task pane's setting.
 * @returns Oral, FDR, SDR or Adjourn per row.
 */
export function report_type(
  dangerousness: any[][],
  terrorism: any[][],
  complex_case: any[][],
  serious_mental_health: any[][],
  serious_sexual_violent: any[][],
  child_safeguarding: any[][],
  sentence_indicated: any[][],
  complex_or_sensitive: any[][],
  fdr_sufficient?: any[][],
  child_at_address?: any[][],
  dv_history?: any[][],
  mh_or_substance?: any[][],
  immigration?: any[][],
  napo_adjourn?: any,
): any[][] {
  return toExcel(() =>
    rowwise(
      [
        yesNo("dangerousness", parseYesNo),
        yesNo("terrorism", parseYesNo),
        yesNo("complex_case", parseYesNo),
        yesNo("serious_mental_health", parseYesNo),
        yesNo("serious_sexual_violent", parseYesNo),
        yesNo("child_safeguarding", parseYesNo),
        yesNo("sentence_indicated", parseYesNo),
        yesNo("complex_or_sensitive", parseYesNo),
        yesNo("fdr_sufficient", parseYesNo),
        yesNo("child_at_address", parseYesNo),
        yesNo("dv_history", parseYesNo),
        yesNo("mh_or_substance", parseYesNo),
        yesNo("immigration", parseYesNo),
        setting("napo_adjourn", parseYesNo, { zeroIsValue: true }),
      ] as const,
      [
        dangerousness,
        terrorism,
        complex_case,
        serious_mental_health,
        serious_sexual_violent,
        child_safeguarding,
        sentence_indicated,
        complex_or_sensitive,
        fdr_sufficient,
        child_at_address,
        dv_history,
        mh_or_substance,
        immigration,
        napo_adjourn,
      ],
      ([dang, terr, complex, mh, sexViolent, safeguarding, indicated, sensitive, fdrOk, child, dv, mhSub, imm, napo]) =>
        ok(
          reportType(
            {
              dangerousness: dang,
              terrorism: terr,
              complexCase: complex,
              seriousMentalHealth: mh,
              seriousSexualViolent: sexViolent,
              childSafeguarding: safeguarding,
              sentenceIndicated: indicated,
              complexOrSensitive: sensitive,
              fdrSufficient: fdrOk,
              childAtAddress: child,
              dvHistory: dv,
              mhOrSubstanceConcerns: mhSub,
              immigrationEnquiries: imm,
            },
            { napoAdjournments: napo ?? getSettings().variants.napoAdjournments },
          ).type,
        ),
    ),
  );
}

/**
 * Who writes the court report: PO or PSO (NPS Operating Model ch.2, list 1-9). A qualified PO for the nine exceptions, otherwise a trained PSO. Manager discretion applies: this is advice. One answer per row.
 * @customfunction REPORT_AUTHOR
 * @helpurl https://localhost:3000/help.html#report_author
 * @param dangerousness 1. Dangerousness assessment required? Yes/No, Y/N, TRUE/FALSE or 1/0; blank is No. A cell or a column.
 * @param terrorism 2. Relates to terrorist offences? Yes/No; blank is No.
 * @param serious_mental_health 3. Serious diagnosed mental health, no practitioner or psychiatric information on the day? Yes/No; blank is No.
 * @param mh_vulnerability_indicated 4. Signs of serious mental health or vulnerability, without a diagnosis? Yes/No; blank is No.
 * @param dv_risk 5. Indicative RoSH of the domestic violence: Low to Very High; blank (or 0): none. High or Very High gives a PO.
 * @param sexual_offending_risk 6. Indicative RoSH of the sexual offending: Low to Very High; blank (or 0): none. Medium or above gives a PO.
 * @param child_safeguarding 7. Complex or serious child safeguarding issues? Yes/No; blank is No.
 * @param organised_crime 8. Serious organised crime? Yes/No; blank is No.
 * @param [rosh_info_needed] 9. Exceptionally, more information needed for a RoSH assessment (e.g. a vulnerable victim)? Yes/No; blank is No.
 * @returns PO or PSO per row.
 */
export function report_author(
  dangerousness: any[][],
  terrorism: any[][],
  serious_mental_health: any[][],
  mh_vulnerability_indicated: any[][],
  dv_risk: any[][],
  sexual_offending_risk: any[][],
  child_safeguarding: any[][],
  organised_crime: any[][],
  rosh_info_needed?: any[][],
): any[][] {
  return toExcel(() =>
    rowwise(
      [
        yesNo("dangerousness", parseYesNo),
        yesNo("terrorism", parseYesNo),
        yesNo("serious_mental_health", parseYesNo),
        yesNo("mh_vulnerability_indicated", parseYesNo),
        text("dv_risk", parseRiskLevel),
        text("sexual_offending_risk", parseRiskLevel),
        yesNo("child_safeguarding", parseYesNo),
        yesNo("organised_crime", parseYesNo),
        yesNo("rosh_info_needed", parseYesNo),
      ] as const,
      [dangerousness, terrorism, serious_mental_health, mh_vulnerability_indicated, dv_risk, sexual_offending_risk, child_safeguarding, organised_crime, rosh_info_needed],
      ([dang, terr, mh, mhInd, dv, sex, safeguarding, soc, roshInfo]) =>
        ok(
          reportAuthor({
            dangerousness: dang,
            terrorism: terr,
            seriousMentalHealth: mh,
            mhVulnerabilityIndicated: mhInd,
            dvRisk: dv,
            sexualOffendingRisk: sex,
            childSafeguarding: safeguarding,
            organisedCrime: soc,
            roshInfoNeeded: roshInfo,
          }).grade,
        ),
    ),
  );
}

/**
 * The court report mix against the operating model's targets (NPS Operating Model v1.0, ch.1-2): shares of Oral, FDR and SDR (60/30/10) among reports of those types, short format (Oral + FDR, 90%), and PO and PSO authors (35/65), each with its target and whether it is within tolerance (default ±5 points). Spills a table with a header row; Adjourn gets a line of its own, as a share of all decisions. Only blank rows: a blank.
 * @customfunction REPORT_MIX
 * @helpurl https://localhost:3000/help.html#report_mix
 * @param report_types A column of report types: Oral, FDR, SDR or Adjourn. Blank rows (or 0) are skipped.
 * @param author_grades A column, as tall as report_types, of author grades: PO or PSO. Blank rows (or 0) are skipped.
 * @returns A table: report, share, target, status (on target, above target, below target).
 */
export function report_mix(report_types: any[][], author_grades: any[][]): any[][] {
  return toExcel(() => {
    const types: ReportAdvice[] = [];
    const grades: Grade[] = [];
    const cells = rowwise(
      [text("report_types", parseReportAdvice), text("author_grades", parseGrade)] as const,
      [report_types, author_grades],
      ([t, g]) => {
        if (t === undefined) return fail("report.mixPartBlank", { arg: "report_types", given: "author_grades", got: g });
        if (g === undefined) return fail("report.mixPartBlank", { arg: "author_grades", given: "report_types", got: t });
        types.push(t);
        grades.push(g);
        return ok("");
      },
    );
    firstRowProblem(cells, (row, detail) => problem("report.mixRow", { arg: "the ranges", row, detail }));
    // Nothing but blank rows: a blank, as Excel's own summaries of an empty range are quiet.
    if (types.length === 0) return [[""]];
    const mix = reportMix(types, grades, configInForce());
    const out: Cells = [["report", "share", "target", "status"]];
    const adjourn = mix.types.filter((t) => t.key === "Adjourn");
    for (const l of [...mix.types.filter((t) => t.key !== "Adjourn"), mix.shortFormat, ...mix.authors, ...adjourn])
      out.push([l.key, l.share, l.target ?? "", l.status]);
    return out;
  });
}
