/* Custom function for victim work weighting (NPS Operating Model v1.0, ch.1, ch.5). JSDoc here is the help Excel shows. */
import { fail } from "../model/problem";
import { isBlank, parseNumber, parseText, type CellValue } from "../model/values";
import { caseTypeNames, checkVloTable, DEFAULT_VLO_WEIGHTS, readVloTable, vloWeight, type VloWeightTable } from "../model/vlo";
import { getSettings } from "../runtime/settings";
import { CellProblem, num, rowwise, text, toExcel } from "./runner";

const count = (v: CellValue, name: string) => parseNumber(v, name, { min: 0, integer: true, expected: "a whole number of 0 or more" });

/**
 * The workload score of each victim case, for equity in VLO caseloads (NPS Operating Model ch.1, ch.5): case-type weight times the sum of each activity's count times its weight. The Operating Model gives no weights: without a weights range this uses the add-in's DEFAULT table (or the table set in the task pane), which is an assumption, not the operating model's.
 * @customfunction VLO_WEIGHT
 * @helpurl https://localhost:3000/help.html#vlo_weight
 * @param case_type Case type, as named in the weights table (default: Standard, Sexual offence, Domestic abuse, ...). Blank (or 0): #VALUE!.
 * @param home_visits Number of home visits (default weight 3): a whole number, 0 or more. Blank is 0.
 * @param phone_calls Number of phone calls (default weight 0.5): a whole number, 0 or more. Blank is 0.
 * @param letters Number of letters (default weight 0.5): a whole number, 0 or more. Blank is 0.
 * @param meetings Number of meetings, in the office or with other agencies (default weight 1.5). Blank is 0.
 * @param [parole_representations] Representations to the Parole Board (victim statement, licence conditions) (default weight 2). Blank is 0.
 * @param [mappa_representations] Representations to MAPPA meetings (default weight 1.5). Blank is 0.
 * @param [weights] The division's table: Kind | Name | Weight. Blank or 0: the pane's or default table. Fill each Weight: desktop reads empty as 0.
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
        text("case_type", parseText),
        num("home_visits", count),
        num("phone_calls", count),
        num("letters", count),
        num("meetings", count),
        num("parole_representations", count),
        num("mappa_representations", count),
      ] as const,
      [case_type, home_visits, phone_calls, letters, meetings, parole_representations, mappa_representations],
      ([type, hv, pc, le, me, pr, mr]) => {
        const counts = { "home visit": hv, "phone call": pc, letter: le, meeting: me, "parole representation": pr, "MAPPA representation": mr };
        // The table's case types by name come from an index built once per table (vloWeight uses it too):
        // a row is one Map lookup, never a search of the table, however many case types it lists.
        if (type === undefined) return fail("value.required", { arg: "case_type", expected: `a case type: ${caseTypeNames(table).join(", ")}` });
        return vloWeight(type, counts, table);
      },
    );
  });
}

/** The weights range if given, else the task pane's table, else the default; a bad table is one #VALUE! for the call. */
function weightTable(weights: unknown): VloWeightTable {
  const rows = Array.isArray(weights) ? (weights as CellValue[][]) : [[weights as CellValue]];
  // Omitted, or one blank cell (null on the web, 0 or FALSE on desktop): not given.
  const only = rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : undefined;
  const omitted = rows.length === 1 && rows[0]!.length === 1 && (isBlank(only) || only === 0 || only === false);
  if (!omitted) {
    // The blank convention in a table: Kind and Name are text (desktop's 0 or FALSE is blank); Weight is a number.
    const text = (v: CellValue): CellValue => (v === 0 || v === false ? null : v);
    const plainRows = rows.map((r) => (Array.isArray(r) && r.length === 3 ? [text(r[0]), text(r[1]), r[2] === false ? null : r[2]] : r));
    const cleaned = plainRows.map((r) => (r.length === 3 && isBlank(r[0]) && isBlank(r[1]) && (r[2] === 0 || isBlank(r[2])) ? [null, null, null] : r));
    const { table, problems } = readVloTable(cleaned, "weights", "the weights range");
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
