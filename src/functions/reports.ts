/* Custom functions for court reports (NPS Operating Model v1.0, ch.1-2; Napo Napo's feedback on the Operating Model, ch.2). JSDoc here is the help Excel shows. */
import { problem, fail, ok, type Result } from "../model/problem";
import { parseReportAdvice, parseRiskLevel, reportAuthor, reportMix, reportType, type ReportAdvice } from "../model/reports";
import { parseGrade, parseYesNo, type CellValue, type Grade } from "../model/values";
import { getSettings } from "../shared/settings";
import { arg, CellProblem, configInForce, option, rowwise, toExcel, type Cells } from "./runner";

/**
 * The court report each case needs: Oral, FDR or SDR (NPS Operating Model ch.2). SDR must be completed for a dangerousness assessment or terrorism; an SDR is given on the four "may" grounds unless a written FDR is judged sufficient; otherwise Oral where a sentence is indicated and nothing is complex or sensitive, else a written FDR. Under Napo's variant (Napo's feedback on the Operating Model, ch.2), Adjourn for information. One answer per row.
 * @customfunction REPORT_TYPE
 * @helpurl https://localhost:3000/help.html#report_type
 * @param dangerousness Dangerousness assessment or detailed risk analysis required? Yes/No, Y/N, TRUE/FALSE or 1/0; Yes means SDR must be completed. A cell or a column.
 * @param terrorism Relates to terrorist offences? Yes/No; Yes means SDR must be completed.
 * @param complex_case Complex case needing additional assessments, lengthy professional discussion or multiple enquiries? Yes/No (SDR may be considered).
 * @param serious_mental_health Serious diagnosed mental health or vulnerability, with no mental health practitioner's or psychiatric report on the day? Yes/No (SDR may be considered).
 * @param serious_sexual_violent Serious sexual or violent offending, including high-risk domestic abuse with a current risk to others? Yes/No (SDR may be considered).
 * @param child_safeguarding Complex and serious child safeguarding where enquiries will affect sentence? Yes/No (SDR may be considered).
 * @param sentence_indicated Has the court indicated a specific sentence? Yes/No; blank is No, which gives a written FDR rather than Oral.
 * @param complex_or_sensitive Complex or sensitive information to present? Yes/No; Yes rules out an oral report.
 * @param [fdr_sufficient] On a "may" ground: has the court team judged a written FDR sufficient? Yes gives FDR; blank or No gives SDR.
 * @param [child_at_address] Napo trigger: a child lives at the home or proposed address? Yes/No.
 * @param [dv_history] Napo trigger: an index or previous domestic violence offence? Yes/No.
 * @param [mh_or_substance] Napo trigger: mental health or substance misuse concerns? Yes/No.
 * @param [immigration] Napo trigger: enquiries of immigration services needed? Yes/No.
 * @param [napo_adjourn] TRUE to adjourn for information when a Napo trigger is present (Napo's feedback on the Operating Model, ch.2). Default: the task pane's setting, normally FALSE.
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
        arg("dangerousness", parseYesNo),
        arg("terrorism", parseYesNo),
        arg("complex_case", parseYesNo),
        arg("serious_mental_health", parseYesNo),
        arg("serious_sexual_violent", parseYesNo),
        arg("child_safeguarding", parseYesNo),
        arg("sentence_indicated", parseYesNo),
        arg("complex_or_sensitive", parseYesNo),
        arg("fdr_sufficient", parseYesNo),
        arg("child_at_address", parseYesNo),
        arg("dv_history", parseYesNo),
        arg("mh_or_substance", parseYesNo),
        arg("immigration", parseYesNo),
        option("napo_adjourn", parseYesNo),
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
 * @param dangerousness 1. Dangerousness assessment required? Yes/No, Y/N, TRUE/FALSE or 1/0. A cell or a column.
 * @param terrorism 2. Relates to terrorist offences? Yes/No.
 * @param serious_mental_health 3. Serious diagnosed mental health, with no practitioner or psychiatric information on the day? Yes/No.
 * @param mh_vulnerability_indicated 4. Behaviour or other information indicates serious mental health or vulnerability, without a diagnosis? Yes/No.
 * @param dv_risk 5. Indicative RoSH of the domestic violence: Low, Medium, High or Very High; blank when none. High or Very High gives a PO.
 * @param sexual_offending_risk 6. Indicative RoSH of the sexual offending: Low, Medium, High or Very High; blank when none. Medium or above gives a PO.
 * @param child_safeguarding 7. Complex or serious child safeguarding issues? Yes/No.
 * @param organised_crime 8. Serious organised crime? Yes/No.
 * @param [rosh_info_needed] 9. Exceptionally, more information needed to complete a RoSH assessment (e.g. about a vulnerable victim)? Yes/No.
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
        arg("dangerousness", parseYesNo),
        arg("terrorism", parseYesNo),
        arg("serious_mental_health", parseYesNo),
        arg("mh_vulnerability_indicated", parseYesNo),
        arg("dv_risk", parseRiskLevel),
        arg("sexual_offending_risk", parseRiskLevel),
        arg("child_safeguarding", parseYesNo),
        arg("organised_crime", parseYesNo),
        arg("rosh_info_needed", parseYesNo),
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
 * The court report mix against the operating model's targets: shares of Oral, FDR and SDR (60/30/10) and of PO and PSO authors (35/65), each with its target and whether it is within tolerance (default ±5 points). Spills a table with a header row; Adjourn gets a row of its own when present.
 * @customfunction REPORT_MIX
 * @helpurl https://localhost:3000/help.html#report_mix
 * @param report_types A column of report types: Oral, FDR, SDR (or Adjourn, from the Napo variant).
 * @param author_grades A column, as tall as report_types, of author grades: PO or PSO.
 * @returns A table: report, share, target, status (on target, above target, below target).
 */
export function report_mix(report_types: any[][], author_grades: any[][]): any[][] {
  return toExcel(() => {
    const types: ReportAdvice[] = [];
    const grades: Grade[] = [];
    const cells = rowwise(
      [arg("report_types", desktopBlank(parseReportAdvice)), arg("author_grades", desktopBlank(parseGrade))] as const,
      [report_types, author_grades],
      ([t, g]) => {
        if (t === undefined) return fail("report.mixPartBlank", { arg: "report_types", given: "author_grades", got: g });
        if (g === undefined) return fail("report.mixPartBlank", { arg: "author_grades", given: "report_types", got: t });
        types.push(t);
        grades.push(g);
        return ok("");
      },
    );
    cells.forEach((row, i) => {
      const c = row[0];
      if (c instanceof CellProblem)
        throw new CellProblem(problem("report.mixRow", { arg: "the ranges", row: i + 1, detail: c.problem.message }));
    });
    if (types.length === 0) throw new CellProblem(problem("report.mixEmpty", { arg: "report_types" }, "notAvailable"));
    const mix = reportMix(types, grades, configInForce());
    const out: Cells = [["report", "share", "target", "status"]];
    for (const l of [...mix.types.filter((t) => t.key !== "Adjourn"), ...mix.authors, ...mix.types.filter((t) => t.key === "Adjourn")])
      out.push([l.key, l.share, l.target ?? "", l.status]);
    return out;
  });
}

/** Excel desktop passes a blank cell in a range as 0 (or FALSE): read it as blank, not as a bad value. */
function desktopBlank<T>(parse: (v: CellValue, name: string) => Result<T | undefined>) {
  return (v: CellValue, name: string): Result<T | undefined> => (v === 0 || v === false ? ok(undefined) : parse(v, name));
}


