/* Custom functions for staffing what-ifs (Employer's reply on the E3 Phase 2 Blueprint, ch.3-4; NPS Operating Model v1.0, ch.4, ch.7, ch.8). JSDoc here is the help Excel shows. */
import { ROUNDINGS } from "../model/config";
import { fail, ok, problem, type Result } from "../model/problem";
import {
  adminNeeded,
  paromCountersign,
  parseParomAssessment,
  parseTeamType,
  rankClusters,
  spoNeeded,
  yosFte,
  type ClusterMeasures,
  type ParomAssessment,
} from "../model/staffing";
import { parseChoice, parseNumber, parseText, parseYesNo, type CellValue } from "../model/values";
import { CellProblem, configInForce, figureArg, firstRowProblem, num, readSetting, rowwise, setting, text, toExcel, type Cells, type Out } from "./runner";

/**
 * Case administrator FTE a team needs: staff FTE ÷ 4 in an OM team, ÷ 3 in a court team (Employer's reply on the E3 Phase 2 Blueprint, ch.4 Administration). On FTE, so part-time staff count by their FTE: 11 OM FTE needs 2.75 CA FTE. Unrounded; ratios follow the task pane's what-if figures. One answer per row.
 * @customfunction ADMIN_NEEDED
 * @helpurl https://localhost:3000/help.html#admin_needed
 * @param staff_fte The team's OM FTE (OM team) or court staff FTE (court team), 0 or more; 10.5 for 10 full-time and 1 half-time. Blank: blank.
 * @param team_type OM (offender management team, 1:4) or Court (court team, 1:3). A cell or a column. Blank (or 0): #VALUE!.
 * @returns Case administrator FTE needed per row.
 */
export function admin_needed(staff_fte: any[][], team_type: any[][]): any[][] {
  return toExcel(() => {
    const config = configInForce();
    return rowwise(
      [num("staff_fte", fte), text("team_type", parseTeamType)] as const,
      [staff_fte, team_type],
      ([staff, type]): Result<number | ""> => {
        // A blank FTE beside one team type for the whole column is an unused row: nothing to work out.
        if (staff === undefined) return ok("");
        if (type === undefined) return fail("value.required", { arg: "team_type", expected: "OM or Court" });
        return ok(adminNeeded(staff, type, config));
      },
    );
  });
}

/**
 * SPOs needed to line manage a number of POs and PSOs at 1 SPO to 10 staff (Employer's reply on the E3 Phase 2 Blueprint, ch.3). The span counts people, not FTE: a part-timer needs a line manager as much as a full-timer. Whole SPOs round up (11 staff need 2) unless exact is TRUE (1.1). One answer per row.
 * @customfunction SPO_NEEDED
 * @helpurl https://localhost:3000/help.html#spo_needed
 * @param staff Headcount of POs and PSOs to line manage: a whole number of people, 0 or more. A cell or a column. Blank: blank.
 * @param [exact] TRUE for the unrounded staff ÷ span (1.1). Blank or FALSE: whole SPOs, rounded up (2).
 * @returns SPOs needed per row.
 */
export function spo_needed(staff: any[][], exact?: any): any[][] {
  return toExcel(() => {
    const config = configInForce();
    return rowwise(
      [num("staff", headcount), setting("exact", parseYesNo)] as const,
      [staff, exact],
      ([n, ex]) => {
        if (n === undefined) return fail("value.required", { arg: "staff", expected: "a whole number of people" });
        const need = spoNeeded(n, config);
        return ok(ex === true ? need.exact : need.whole);
      },
    );
  });
}

const MEASURE_ARGS = ["volume", "complexity", "partnerships", "geography", "courts", "offices"] as const;
const OUTPUTS = ["flag", "rank", "score"] as const;
/** Messages name the measures by their argument names. */
const MEASURE_LABELS = { caseloadVolume: "volume", caseloadComplexity: "complexity", partnerships: "partnerships", geography: "geography", courts: "courts", offices: "offices" } as const;

/**
 * Which LDU clusters are complex and have a SOSM: clusters ranked by caseload volume, caseload complexity, local partnerships, geography, courts and offices, the top 25% complex (NPS Operating Model v1.0, ch.8). Each measure is divided by its largest value across the clusters, then weighted (weights from the task pane, 1 each by default); the top 25% rounds up by default (7 clusters give 2) and clusters tied at the cut-off are all complex. Spills one answer per cluster.
 * @customfunction COMPLEX_CLUSTERS
 * @helpurl https://localhost:3000/help.html#complex_clusters
 * @param cluster_names A column of cluster names, one row per LDU cluster. Rows blank in every column are skipped.
 * @param volume Caseload volume of each cluster, 0 or more, as tall as cluster_names. Desktop Excel reads an empty cell as 0.
 * @param complexity Caseload complexity of each cluster (e.g. share of high-risk cases), 0 or more. Desktop Excel reads an empty cell as 0.
 * @param partnerships Local partnerships of each cluster (e.g. partner bodies), 0 or more. Desktop Excel reads an empty cell as 0.
 * @param geography Geography of each cluster (e.g. area or travel time), 0 or more. Desktop Excel reads an empty cell as 0.
 * @param courts Courts in each cluster, 0 or more. Desktop Excel reads an empty cell as 0.
 * @param offices Offices in each cluster, 0 or more. Desktop Excel reads an empty cell as 0.
 * @param [output] "flag": TRUE for a complex cluster; "rank": 1 is the most complex; "score": 0 to 1. Blank or 0: flag.
 * @param [share] Share of clusters that are complex, above 0 up to 1. Blank or 0: the task pane's figure, normally 0.25.
 * @param [rounding] How share × clusters rounds: up, nearest or down. Blank or 0: the task pane's figure, normally up.
 * @returns One flag, rank or score per cluster.
 */
export function complex_clusters(
  cluster_names: any[][],
  volume: any[][],
  complexity: any[][],
  partnerships: any[][],
  geography: any[][],
  courts: any[][],
  offices: any[][],
  output?: any,
  share?: any,
  rounding?: any,
): any[][] {
  return toExcel(() => {
    const out = readSetting(setting("output", (v, n) => parseChoice(v, n, OUTPUTS)), output) ?? "flag";
    const shareValue = readSetting(setting("share", (v, n) => parseNumber(v, n, { min: 0, max: 1, expected: "a share from 0 to 1 (0.25 for the top 25%)" })), share);
    const roundingValue = readSetting(setting("rounding", (v, n) => parseChoice(v, n, ROUNDINGS)), rounding);
    const config = configInForce();
    const clusters: ClusterMeasures[] = [];
    // Any number: a negative one is refused by the ranking, naming its cluster.
    const measure = (v: CellValue, n: string) => parseNumber(v, n, { expected: "a number of 0 or more" });
    // Each non-blank row gives the index of its cluster; fully blank rows give "" and stay blank.
    const cells = rowwise(
      [text("cluster_names", parseText), ...MEASURE_ARGS.map((m) => num(m, measure))] as const,
      [cluster_names, volume, complexity, partnerships, geography, courts, offices],
      ([cluster, vol, cx, pa, geo, co, of]) => {
        if (cluster === undefined) return fail("value.required", { arg: "cluster_names", expected: "the cluster's name" });
        clusters.push({ name: cluster, caseloadVolume: vol, caseloadComplexity: cx, partnerships: pa, geography: geo, courts: co, offices: of });
        return ok(clusters.length - 1);
      },
    );
    firstRowProblem(cells, (row, detail) => problem("staffing.row", { arg: "the cluster ranges", row, detail }));
    if (clusters.length === 0) return [[""]];
    const { ranking, problems } = rankClusters(clusters, config, {
      labels: MEASURE_LABELS,
      ...(shareValue !== undefined ? { share: shareValue } : {}),
      ...(roundingValue !== undefined ? { rounding: roundingValue } : {}),
    });
    if (!ranking) throw new CellProblem(problems[0]!);
    return cells.map(([c]): Out[] => {
      if (typeof c !== "number") return [""];
      const r = ranking.clusters[c]!;
      return [out === "flag" ? r.complex : out === "rank" ? r.rank : r.score];
    });
  });
}

/**
 * Seconded PO FTE the NPS provides to a Youth Offending Service: resource equal to about 10% of the YOS caseload (NPS Operating Model v1.0, ch.7). Reading: 10% of the caseload is the cases the NPS resource covers, turned into FTE at a cases-per-PO figure the Operating Model does not give (default 40): a caseload of 300 gives 30 cases, 0.75 FTE. One answer per row.
 * @customfunction YOS_FTE
 * @helpurl https://localhost:3000/help.html#yos_fte
 * @param yos_caseload The YOS caseload: a whole number of cases, 0 or more. A cell or a column. Blank: blank.
 * @param [cases_per_po] Cases one seconded PO FTE carries, 1 to 1000. Blank or 0: the task pane's figure, normally 40 (an assumption).
 * @returns Seconded PO FTE per row.
 */
export function yos_fte(yos_caseload: any[][], cases_per_po?: any): any[][] {
  return toExcel(() => {
    const perPo = readSetting(setting("cases_per_po", figureArg("yosCasesPerPo")), cases_per_po);
    const config = configInForce(perPo !== undefined ? { yosCasesPerPo: perPo } : {});
    return rowwise([num("yos_caseload", cases)] as const, [yos_caseload], ([n]) =>
      n === undefined ? fail("value.required", { arg: "yos_caseload", expected: "the YOS caseload, 0 or more" }) : ok(yosFte(n, config).fte),
    );
  });
}

/**
 * Whether an OM's PAROMs still need routine SPO countersignature (NPS Operating Model v1.0, ch.4): it may be lifted once the OM's three most recent reports in succession were assessed Good; a report not assessed Good ends the run. SPOs still audit and endorse a sample of each OM's PAROMs every year. One OM's assessments, oldest first, give one answer.
 * @customfunction PAROM_COUNTERSIGN
 * @helpurl https://localhost:3000/help.html#parom_countersign
 * @param assessments One OM's PAROM assessments, oldest first: Good, Not good, Requires improvement, Inadequate. Blank cells are skipped.
 * @param [good_run] Successive Good reports that lift countersignature, a whole number 1 to 50. Blank or 0: the pane's figure, normally 3.
 * @returns "Countersign" while routine countersignature is required, "May lift" once the run is complete.
 */
export function parom_countersign(assessments: any[][], good_run?: any): any[][] {
  return toExcel(() => {
    const run = readSetting(setting("good_run", figureArg("paromGoodRun")), good_run);
    const config = configInForce(run !== undefined ? { paromGoodRun: run } : {});
    const list: ParomAssessment[] = [];
    const cells = rowwise([text("assessments", parseParomAssessment)] as const, [assessments], ([a]) => {
      if (a !== undefined) list.push(a);
      return ok("");
    });
    firstRowProblem(cells, (row, detail) => problem("staffing.row", { arg: "assessments", row, detail }));
    // No assessment at all: nothing to advise on yet, so a blank rather than "Countersign".
    if (list.length === 0) return [[""]];
    const result: Cells = [[paromCountersign(list, config).countersign ? "Countersign" : "May lift"]];
    return result;
  });
}

// --- helpers ---------------------------------------------------------------------------------

/** FTE: a number of 0 or more. */
function fte(v: CellValue, name: string): Result<number | undefined> {
  return parseNumber(v, name, { min: 0, expected: "a number of 0 or more" });
}

/** A caseload: a whole number of cases, 0 or more. */
function cases(v: CellValue, name: string): Result<number | undefined> {
  return parseNumber(v, name, { min: 0, integer: true, expected: "a whole number of cases, 0 or more" });
}

function headcount(v: CellValue, name: string): Result<number | undefined> {
  return parseNumber(v, name, { min: 0, integer: true, expected: "a whole number of people, 0 or more (headcount, not FTE)" });
}
