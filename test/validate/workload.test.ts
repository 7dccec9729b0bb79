/**
 * The Workload family (HMPPS Workload Management Tool): capacity per OM from the Caseload, Court
 * reports and PAROMs sheets against the Staff sheet's hours, with WMT's worked examples.
 */
import { describe, expect, it } from "@jest/globals";
import { validateWorkbook } from "../../src/model/validate";
import type { CellValue } from "../../src/model/values";
import type { ValidateOptions } from "../../src/model/validate/types";
import { rowsOf, sheet } from "../support/book";

type Rec = Readonly<Record<string, CellValue>>;
const CASE_HEADER = ["Case ID", "OM", "OM grade", "Team", "RoSH", "Tier", "Sentence type"];
const STAFF_HEADER = ["Name", "Role", "FTE", "Team", "Contracted hours", "Reduction hours", "Reduction reason"];
const REPORT_HEADER = ["Date", "Report type", "Author grade", "Team", "Author name"];
const PAROM_HEADER = ["OM", "Date", "Assessment"];
/** 30/11/2026 and the days before it, as Excel serials. */
const D = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** n cases of one tier and sentence for an OM. */
function cases(om: string, n: number, tier: string | null, sentence: string | null, team = "North"): Rec[] {
  return Array.from({ length: n }, (_, i) => ({ "Case ID": `${om}-${tier}-${i}`, OM: om, "OM grade": "PO", Team: team, RoSH: "High", Tier: tier, "Sentence type": sentence }));
}

function run(caseRows: Rec[], staff: Rec[], extra: { reports?: Rec[]; paroms?: Rec[]; staffHeader?: string[] } = {}, options: ValidateOptions = {}) {
  const staffHeader = extra.staffHeader ?? STAFF_HEADER;
  const sheets = [
    sheet("Caseload", CASE_HEADER, rowsOf(CASE_HEADER, caseRows)),
    sheet("Staff", staffHeader, rowsOf(staffHeader, staff)),
    sheet("Teams", ["Team", "Type"], [["North", "OM"], ["South", "OM"]]),
    ...(extra.reports ? [sheet("Court reports", REPORT_HEADER, rowsOf(REPORT_HEADER, extra.reports))] : []),
    ...(extra.paroms ? [sheet("PAROMs", PAROM_HEADER, rowsOf(PAROM_HEADER, extra.paroms))] : []),
  ];
  const report = validateWorkbook({ sheets }, options);
  const of = (rule: string) => report.findings.filter((f) => f.rule === rule);
  const om = (name: string) => report.workload?.teams.flatMap((t) => t.oms).find((o) => o.name === name);
  return { report, of, om, summary: (rule: string) => report.summaries.find((s) => s.rule === rule)! };
}

const ANN = { Name: "Ann", Role: "PO", FTE: 1, Team: "North", "Contracted hours": 37, "Reduction hours": 1.8 };
const BOB = { Name: "Bob", Role: "PO", FTE: 0.8, Team: "North", "Contracted hours": 30, "Reduction hours": 1.8 };

describe("workload.capacity: capacity over the division's threshold is a warning naming the OM, points and available points (HMPPS Workload Management Tool)", () => {
  // Ann: 13 community A cases (1,950) on 37 h less 1.8 h (2,070) is 94.2%; Bob: the same on 30 h less 1.8 h (1,658) is 117.6%.
  const r = run([...cases("Ann", 13, "A", "Community"), ...cases("Bob", 13, "A", "Community")], [ANN, BOB]);

  it("workload.capacity: WMT's worked examples: 37 h less 1.8 h gives 2,070 available, 30 h less 1.8 h gives 1,658", () => {
    expect(r.om("Ann")).toEqual({ name: "Ann", grade: "PO", points: 1950, available: 2070, capacity: expect.closeTo(0.942, 3) });
    expect(r.om("Bob")).toEqual({ name: "Bob", grade: "PO", points: 1950, available: 1658, capacity: expect.closeTo(1.176, 3) });
  });

  it("workload.capacity: the OM over 100% is a warning at their Staff row, with points, available points and the percentage", () => {
    expect(r.of("workload.capacity")).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Staff",
        cell: "A3",
        message: "Bob holds 1,950 workload points against 1,658 available: 117.6% of capacity, over the division's 100%.",
        source: "HMPPS Workload Management Tool",
      }),
    ]);
    expect(r.summary("workload.capacity")).toMatchObject({ status: "warning", figure: "1 of 2 OMs over 100%", target: "100% or less", family: "Workload and capacity" });
  });

  it("workload.capacity: the threshold is the division's: at 120% nobody is over", () => {
    const high = run([...cases("Ann", 13, "A", "Community"), ...cases("Bob", 13, "A", "Community")], [ANN, BOB], {}, { overrides: { capacityThreshold: "120%" } });
    expect(high.of("workload.capacity")).toEqual([]);
    expect(high.summary("workload.capacity")).toMatchObject({ status: "pass", figure: "0 of 2 OMs over 120%" });
  });

  it("workload.spread: the spread per team gives lowest, median and highest, the numbers the picture draws", () => {
    expect(r.of("workload.spread").map((f) => f.message)).toEqual(["North: capacity of 2 OMs from 94.2% to 117.6%, median 105.9%."]);
    expect(r.report.workload!.teams[0]).toMatchObject({ team: "North", lowest: expect.closeTo(0.942, 3), highest: expect.closeTo(1.176, 3) });
    expect(r.summary("workload.spread")).toMatchObject({ status: "information", figure: "lowest 94.2%, median 105.9%, highest 117.6%" });
  });
});

describe("workload.counting: what counts (HMPPS Workload Management Tool)", () => {
  it("workload.counting: court reports by author and PAROMs count in the 30 days to the workbook's latest date, at SDR 132, FDR 41, PAROM 123, oral 0", () => {
    const reports = [
      { Date: D("2026-11-30"), "Report type": "SDR", "Author grade": "PO", Team: "Court", "Author name": "ann" },
      { Date: D("2026-10-31"), "Report type": "FDR", "Author grade": "PO", Team: "Court", "Author name": "Ann" },
      { Date: D("2026-10-30"), "Report type": "SDR", "Author grade": "PO", Team: "Court", "Author name": "Ann" },
      { Date: D("2026-11-20"), "Report type": "Oral", "Author grade": "PO", Team: "Court", "Author name": "Ann" },
    ];
    const paroms = [{ OM: "Ann", Date: D("2026-11-02"), Assessment: "Good" }];
    const r = run(cases("Ann", 2, "C2", "Licence"), [ANN], { reports, paroms });
    // 2 × 40 + 132 + 41 + 0 + 123
    expect(r.om("Ann")!.points).toBe(376);
    expect(r.of("workload.counting").map((f) => f.message)).toContain("Workload counted: 2 cases, 3 court reports and 1 PAROM in the 30 days to 30/11/2026 (the workbook's latest date).");
  });

  it("workload.counting: a case with no tier counts 0 and is a warning; a sentence that does not say its type counts at the highest of the three", () => {
    const r = run([...cases("Ann", 1, null, "Community"), ...cases("Ann", 1, "D2", "Life")], [ANN]);
    expect(r.om("Ann")!.points).toBe(24);
    expect(r.of("workload.counting").map((f) => [f.severity, f.message])).toEqual([
      ["warning", "1 case has no tier (first: case Ann-null-0 at Caseload!F2) and counts 0 points, as WMT counts untiered cases, so capacities may be understated; record the tier."],
      ["info", "Workload counted: 2 cases; no dated court reports or PAROMs, so none counted."],
      ["info", "1 case does not say Community, Licence or Custody in the sentence type (first: case Ann-D2-0 at Caseload!G3); it counts at the highest points of the three for the tier, so no workload is left out."],
    ]);
  });

  it("workload.counting: court reports without an Author name column are not counted, and it says so", () => {
    const withSheet = validateWorkbook({
      sheets: [
        sheet("Caseload", CASE_HEADER, rowsOf(CASE_HEADER, cases("Ann", 1, "A", "Community"))),
        sheet("Staff", STAFF_HEADER, rowsOf(STAFF_HEADER, [ANN])),
        sheet("Teams", ["Team", "Type"], [["North", "OM"]]),
        sheet("Court reports", ["Date", "Report type", "Author grade"], [[D("2026-11-30"), "SDR", "PO"]]),
      ],
    });
    expect(withSheet.findings.filter((f) => f.rule === "workload.counting").map((f) => f.message)).toContain(
      "Court reports are not counted in workload: the Court reports sheet has no Author name column saying who wrote each report.",
    );
  });
});

describe("workload.hours: an OM with cases needs contracted hours (HMPPS Workload Management Tool)", () => {
  it("workload.hours: an OM with cases and no hours, one whose reductions take every hour, and one not on the Staff sheet are each reported", () => {
    const r = run([...cases("Ann", 2, "A", "Community"), ...cases("Cy", 1, "A", "Community"), ...cases("Dee", 1, "B1", "Custody"), ...cases("Eve", 3, "D1", "Community")], [
      { Name: "Ann", Role: "PO", FTE: 1, Team: "North" },
      { Name: "Cy", Role: "PO", FTE: 1, Team: "North", "Contracted hours": 37, "Reduction reason": "Long-term sickness" },
      { Name: "Dee", Role: "PSO", FTE: 1, Team: "North", "Contracted hours": 37 },
    ]);
    expect(r.of("workload.hours").map((f) => [f.severity, f.cell, f.message])).toEqual([
      ["warning", "E2", "Ann holds 2 cases (300 points) but has no contracted hours on the Staff sheet, so their capacity cannot be measured; give their contracted hours."],
      ["warning", "E3", "Cy holds 1 case (150 points) but has no available points (reductions take all their hours), so the cases need another OM."],
      ["info", undefined, "1 OM holding 3 cases is not on the Staff sheet, so capacity is not measured for Eve; add them with their contracted hours."],
    ]);
    expect(r.om("Cy")).toBeUndefined();
    expect(r.om("Dee")).toMatchObject({ points: 100, available: 2176 });
  });

  it("workload.hours: reductions: the set allowance for a reason, hours as written otherwise, capped at the contracted hours and 50% for facility time", () => {
    const r = run(cases("Ann", 1, "A", "Community"), [
      { Name: "Ann", Role: "PO", FTE: 1, Team: "North", "Contracted hours": 37, "Reduction reason": "Newly qualified officer" },
      { Name: "Bob", Role: "PO", FTE: 1, Team: "North", "Contracted hours": 37, "Reduction hours": 30, "Reduction reason": "Trade union facility time" },
      { Name: "Cy", Role: "PO", FTE: 1, Team: "North", "Contracted hours": 37, "Reduction hours": 3, "Reduction reason": "Long-term sickness" },
      { Name: "Dee", Role: "PO", FTE: 1, Team: "North", "Contracted hours": 37, "Reduction reason": "Jury service" },
      { Name: "Eve", Role: "PO", FTE: 1, Team: "North", "Contracted hours": -4 },
    ]);
    // Ann 29.6 h → 1,740; Bob 18.5 h → 1,088; Dee 37 h → 2,176.
    expect([r.om("Ann")!.available, r.om("Bob")!.available, r.om("Dee")!.available]).toEqual([1740, 1088, 2176]);
    expect(r.of("workload.hours").map((f) => [f.severity, f.message])).toEqual([
      ["error", 'Eve: contracted hours -4 are not hours a week from 0 to 100, so capacity is not measured; give e.g. 37 or 18.5.'],
      ["warning", "Bob: a reduction of 30 hours is more than Trade union facility time's 50% of 37 contracted hours, so 18.5 hours are taken off."],
      ["warning", "Cy: Long-term sickness has a set allowance of 100% (37 of 37 hours), but 3 reduction hours are written, so the set allowance is taken off; give the reason as Other to take the hours as written."],
      ["warning", 'Dee: the reduction reason "Jury service" has no set allowance and no hours are given, so no reduction is taken off; give the reduction hours, or one of Long-term sickness, Newly qualified officer, PSO learning and development.'],
    ]);
  });

  it("workload: without a Contracted hours column the family is not checked, saying which column is missing", () => {
    const r = run(cases("Ann", 1, "A", "Community"), [{ Name: "Ann", Role: "PO", FTE: 1, Team: "North" }], { staffHeader: ["Name", "Role", "FTE", "Team"] });
    expect(r.report.summaries.filter((s) => s.family === "Workload and capacity").map((s) => [s.status, s.why])).toEqual(
      Array.from({ length: 4 }, () => ["not checked", "the Staff sheet has no Contracted hours column"]),
    );
    expect(r.report.workload).toBeUndefined();
    expect(r.report.findings.filter((f) => f.rule.startsWith("workload."))).toEqual([]);
  });
});
