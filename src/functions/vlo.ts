/* Custom function for victim work weighting (NPS Operating Model v1.0, ch.1, ch.5). JSDoc here is the help Excel shows. */
import { fail, ok, type Result } from "../model/problem";
import { isBlank, isErrorText, parseNumber, type CellValue } from "../model/values";
import { checkVloTable, DEFAULT_VLO_WEIGHTS, readVloTable, vloWeight, type VloWeightTable } from "../model/vlo";
import { getSettings } from "../shared/settings";
import { arg, CellProblem, rowwise, toExcel } from "./runner";

const count = (v: CellValue, name: string) => parseNumber(v, name, { min: 0, integer: true, expected: "a whole number of 0 or more" });

/**
 * The workload score of each victim case, for equity in VLO caseloads (NPS Operating Model ch.1, ch.5): case-type weight times the sum of each activity's count times its weight. The Operating Model gives no weights: without a weights range this uses the add-in's DEFAULT table (or the table set in the task pane), which is an assumption, not the operating model's.
 * @customfunction VLO_WEIGHT
 * @helpurl https://localhost:3000/help.html#vlo_weight
 * @param case_type Case type, as named in the weights table. Default table: Standard, Sexual offence, Domestic abuse, Homicide, Indeterminate, Mental health order, Non-statutory. A cell or a column.
 * @param home_visits Number of home visits (default weight 3). Whole number of 0 or more; blank is 0.
 * @param phone_calls Number of phone calls (default weight 0.5).
 * @param letters Number of letters (default weight 0.5).
 * @param meetings Number of meetings, in the office or with other agencies (default weight 1.5).
 * @param [parole_representations] Number of representations to the Parole Board (victim personal statement, licence conditions) (default weight 2).
 * @param [mappa_representations] Number of representations to MAPPA meetings (default weight 1.5).
 * @param [weights] The division's own table, three columns with a header row Kind | Name | Weight, then one row per case type ("case type") and per activity ("activity"). Replaces the default.
 * @returns One workload score per row.
 */
export function vlo_weight(
  case_type: any[][],
  home_visits: any[][],
  phone_calls: any[][],
  letters: any[][],
  meetings: any[][],
  parole_representations?: any[][],
  mappa_representations?: any[][],
  weights?: any[][],
): any[][] {
  return toExcel(() => {
    const table = weightTable(weights);
    return rowwise(
      [
        arg("case_type", parseCaseType),
        arg("home_visits", count),
        arg("phone_calls", count),
        arg("letters", count),
        arg("meetings", count),
        arg("parole_representations", count),
        arg("mappa_representations", count),
      ] as const,
      [case_type, home_visits, phone_calls, letters, meetings, parole_representations, mappa_representations],
      ([type, hv, pc, le, me, pr, mr]) => {
        const counts = { "home visit": hv, "phone call": pc, letter: le, meeting: me, "parole representation": pr, "MAPPA representation": mr };
        if (type === undefined) return fail("value.required", { arg: "case_type", expected: `a case type: ${table.caseTypes.map((c) => c.name).join(", ")}` });
        return vloWeight(type, counts, table);
      },
    );
  });
}

/** A case type as written; Excel desktop's 0 or FALSE for a blank cell reads as blank. */
function parseCaseType(v: CellValue, name: string): Result<string | undefined> {
  if (isBlank(v) || v === 0 || v === false) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg: name, got: v });
  return ok(String(v).trim());
}

/** The weights range if given, else the task pane's table, else the default; a bad table is one #VALUE! for the call. */
function weightTable(weights: unknown): VloWeightTable {
  const rows = Array.isArray(weights) ? (weights as CellValue[][]) : [[weights as CellValue]];
  const omitted = rows.length === 1 && rows[0]!.length === 1 && isBlank(rows[0]![0]);
  if (!omitted) {
    const { table, problems } = readVloTable(rows, "weights", "the weights range");
    if (!table) throw new CellProblem(problems[0]!);
    return table;
  }
  const saved = getSettings().vloWeights;
  if (saved) {
    const problems = checkVloTable(saved, "the task pane's weights table");
    if (problems.length > 0) throw new CellProblem(problems[0]!);
    return saved;
  }
  return DEFAULT_VLO_WEIGHTS;
}
