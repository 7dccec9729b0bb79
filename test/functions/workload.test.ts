/**
 * The workload functions through the built bundle, as Excel calls them: WMT's worked examples, the
 * points table in force (range, then task pane, then default), blanks in both conventions.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { shown, thrown as thrownError } from "../support/custom-functions-stub";
import { bundleFunctions, resetBundleSettings, setBundleSettings } from "../support/bundle";
import { BLANK, CONVENTIONS } from "../support/blanks";
import { DEFAULT_SETTINGS } from "../../src/runtime/settings";

afterEach(resetBundleSettings);

type M = unknown[][];
const col = (...v: unknown[]): M => v.map((x) => [x]);
const one = (v: unknown): M => [[v]];
const thrown = (f: () => unknown) => shown(thrownError(f));
const fns = bundleFunctions();
const call =
  (id: "WORKLOAD_POINTS" | "AVAILABLE_POINTS" | "CAPACITY" | "OM_POINTS" | "REDUCTION_HOURS" | "BEST_OM") =>
  (...a: unknown[]) =>
    shown(fns[id](...a));
const WORKLOAD_POINTS = call("WORKLOAD_POINTS");
const AVAILABLE_POINTS = call("AVAILABLE_POINTS");
const CAPACITY = call("CAPACITY");
const OM_POINTS = call("OM_POINTS");
const REDUCTION_HOURS = call("REDUCTION_HOURS");
const BEST_OM = call("BEST_OM");

/** A division's own table, as a manager would lay it out on a sheet. */
const TABLE: M = [
  ["Tier", "Custody", "Community", "Licence"],
  ["A", 200, 210, 190],
  ["B1", 110, 120, 100],
  ["B2", 95, 99, 90],
  ["C1", 55, 60, 50],
  ["C2", 45, 48, 40],
  ["D1", 35, 38, 30],
  ["D2", 25, 28, 20],
  ["SDR", 138, null, null],
  ["FDR", 65, null, null],
];

describe("NPS.AVAILABLE_POINTS: nominal target × (contracted − reduction hours) ÷ default hours, truncated (HMPPS Workload Management Tool)", () => {
  it("workload.available: WMT's worked examples: 37 h with 1.8 h off is 2,070; 30 h with 1.8 h off is 1,658 (hmpps-workload's tests)", () => {
    expect(AVAILABLE_POINTS(col(37, 30), col(1.8, 1.8))).toEqual([[2070], [1658]]);
  });

  it("workload.available: no reduction gives the nominal target; 0 contracted hours give 0; reductions beyond the hours give 0, never less", () => {
    expect(AVAILABLE_POINTS(col(37, 0, 20, 18.5), col(null, 1, 25, 0))).toEqual([[2176], [0], [0], [1088]]);
  });

  it("workload.available: the call's nominal target and default hours replace the pane's; the pane's replace the default", () => {
    expect(AVAILABLE_POINTS(one(37), one(0), one(2000), one(35))).toEqual([[2114]]);
    setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { wmtNominalTarget: 1000 } });
    expect(AVAILABLE_POINTS(one(37), one(0))).toEqual([[1000]]);
  });

  it("workload.available: bad hours are #VALUE! naming the argument", () => {
    expect(AVAILABLE_POINTS(one(-1), one(0))).toEqual([["#VALUE!: contracted_hours: expected hours a week from 0 to 100; got -1."]]);
    expect(AVAILABLE_POINTS(one(37), one("lots"))).toEqual([['#VALUE!: reduction_hours: expected hours of 0 or more; got "lots".']]);
    expect(thrown(() => AVAILABLE_POINTS(one(37), one(0), one(0.5)))).toBe("#VALUE!: nominal_target: expected a whole number from 1 to 100000; got 0.5.");
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const f = bundleFunctions(blank);
    it("workload.available: a blank reduction is none; a wholly blank row stays blank", () => {
      expect(shown(f.AVAILABLE_POINTS(col(37, BLANK, 30), col(BLANK, BLANK, 1.8), BLANK, BLANK))).toEqual([[2176], [""], [1658]]);
    });
  });
});

describe("NPS.WORKLOAD_POINTS: points of a case by tier and case type (HMPPS Workload Management Tool, points of 2017)", () => {
  it("workload.points: the default table: community A 150, licence B1 100, custody D2 20, untiered 0; reports SDR 132, FDR 41, PAROM 123, oral 0", () => {
    expect(WORKLOAD_POINTS(col("A", "B1", "D2", "Untiered", "", "", "", ""), col("Community", "Licence", "Custody", "Community", "SDR", "FDR", "PAROM", "Oral"))).toEqual([
      [150],
      [100],
      [20],
      [0],
      [132],
      [41],
      [123],
      [0],
    ]);
  });

  it("workload.points: a division's table from a range replaces the default, columns in any order, reports in the first points column", () => {
    expect(WORKLOAD_POINTS(col("A", "A", "A", "D2", null), col("Community", "Custody", "Licence", "Community", "SDR"), TABLE)).toEqual([[210], [200], [190], [28], [138]]);
  });

  it("workload.points: the task pane's table is in force when no range is given", () => {
    setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { pointsCommunityA: 175 } });
    expect(WORKLOAD_POINTS(one("A"), one("Community"))).toEqual([[175]]);
  });

  it("workload.points: a case with no tier is #VALUE! (never a silent 0); an unknown case type names the choices", () => {
    expect(WORKLOAD_POINTS(col(null, "B1"), col("Community", "Remand"))).toEqual([
      ["#VALUE!: tier is blank; a case's points depend on its tier: give A to D2, or Untiered for a case WMT counts at 0 points."],
      ['#VALUE!: case_type: expected one of Community, Licence or Custody for a case; SDR, FDR, PAROM or Oral for a report; got "Remand".'],
    ]);
  });

  it("workload.points: a table missing a tier, or with a bad header, is one #VALUE! for the call", () => {
    expect(thrown(() => WORKLOAD_POINTS(one("A"), one("Community"), TABLE.filter((r) => r[0] !== "C2")))).toBe(
      "#VALUE!: points_table: the table has no row for tier C2; give every tier its points (0 if it does not count).",
    );
    expect(thrown(() => WORKLOAD_POINTS(one("A"), one("Community"), [["Tier", "Community", "Licence", "Prison"], ...TABLE.slice(1)]))).toBe(
      '#VALUE!: points_table: expected the header row Tier | Community | Licence | Custody; got "Tier" | "Community" | "Licence" | "Prison".',
    );
  });
});

describe("NPS.CAPACITY: workload points ÷ available points, 0 when either is 0 (HMPPS Workload Management Tool)", () => {
  it("workload.capacity: 2,310 of 2,070 is 1.116; 0 points or 0 available give 0", () => {
    const out = CAPACITY(col(2310, 0, 500, 1035), col(2070, 2070, 0, 2070)) as number[][];
    expect(out[0]![0]).toBeCloseTo(1.11594, 5);
    expect(out.slice(1)).toEqual([[0], [0], [0.5]]);
  });
});

describe("NPS.OM_POINTS: cases plus reports and items in the last 30 days, rounded (HMPPS Workload Management Tool)", () => {
  const D = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000);
  it("workload.omPoints: each OM's cases, plus items dated in the 30 days to as_of; names match ignoring case and spaces", () => {
    const out = OM_POINTS(
      col("Ann Smith", "Bob", "Cy"),
      col("Ann Smith", "ann  smith", "Bob", "Bob"),
      col(150, 45.5, 20, 24),
      col("Ann Smith", "Bob", "Bob", "Cy"),
      col(132, 41, 123, 9),
      col(D("2026-11-30"), D("2026-10-31"), D("2026-10-30"), null),
      D("2026-11-30"),
    );
    // Ann: 150 + 45.5 + 132 = 327.5 → 328; Bob: 44 + 41 (31/10, 30 days before) and not 123 (30/10); Cy: 9 (no date: always counts).
    expect(out).toEqual([[328], [85], [9]]);
  });

  it("workload.omPoints: without as_of, the latest item date is the as-of date", () => {
    expect(OM_POINTS(col("Ann"), col("Ann"), col(10), col("Ann", "Ann"), col(5, 7), col(D("2026-11-30"), D("2026-10-01")))).toEqual([[15]]);
  });

  it("workload.omPoints: points without an OM are #VALUE! naming the row", () => {
    expect(thrown(() => OM_POINTS(col("Ann"), col("Ann", null), col(10, 20)))).toBe("#VALUE!: Row 2 of case_om and case_points: case_om is blank; expected the name of the OM holding the case.");
  });
});

describe("NPS.REDUCTION_HOURS: hours off contracted hours (HMPPS Workload Management Tool)", () => {
  it("workload.reduction: long-term sickness 100%, newly qualified 20%, PSO learning and development 20%; facility time and other reasons take the hours given", () => {
    expect(REDUCTION_HOURS(col("Long-term sickness", "Newly qualified officer", "PSO learning and development", "Trade union facility time", "Other"), col(37, 37, 30, 37, 37), col(null, null, null, 7.4, 3))).toEqual([
      [37],
      [7.4],
      [6],
      [7.4],
      [3],
    ]);
  });

  it("workload.reduction: never more than the contracted hours; facility time at most 50%", () => {
    expect(REDUCTION_HOURS(col("Other", "Trade union facility time"), col(20, 37), col(25, 30))).toEqual([[20], [18.5]]);
  });

  it("workload.reduction: a set allowance with other hours, or a reason without hours, is #VALUE! saying what to do", () => {
    expect(REDUCTION_HOURS(col("NQO", "Jury service"), col(37, 37), col(3, null))).toEqual([
      ["#VALUE!: hours: Newly qualified officer has a set allowance of 20% (7.4 of 37 hours), so leave hours blank; give the reason as Other to enter the hours by hand."],
      [
        '#VALUE!: hours is blank; the reason "Jury service" takes the hours given. Give the hours, or a reason with a set allowance (Long-term sickness, Newly qualified officer, PSO learning and development).',
      ],
    ]);
  });
});

describe("NPS.BEST_OM: the OM of the advised grade with the most headroom after the case (HMPPS Workload Management Tool; NPS Operating Model v1.0, ch.3)", () => {
  const names = col("Ann", "Bob", "Cy", "Dee", "Eve");
  const grades = col("PO", "PSO", "PSO", "Probation services officer", "SPO");
  const pts = col(1000, 1900, 1500, 1500, 0);
  const avail = col(2070, 2070, 2070, 2070, 2070);
  const teams = col("North", "North", "South", "North", "North");

  it("workload.bestOm: the most headroom among the advised grade; ties go to the first name; other grades and roles are never chosen", () => {
    expect(BEST_OM(col("PSO", "PO"), col(45, 150), names, grades, pts, avail)).toEqual([["Cy"], ["Ann"]]);
  });

  it("workload.bestOm: within the case's team when given", () => {
    expect(BEST_OM(one("PSO"), one(45), names, grades, pts, avail, one("North"), teams)).toEqual([["Dee"]]);
  });

  it("workload.bestOm: none, with the reason, when nobody of the grade stays under the threshold; the threshold may be typed as a percentage", () => {
    expect(BEST_OM(one("PSO"), one(600), names, grades, pts, avail)).toEqual([["None: every PSO would be over 100% with 600 more points"]]);
    expect(BEST_OM(one("PSO"), one(600), names, grades, pts, avail, null, null, "110%")).toEqual([["Cy"]]);
    expect(BEST_OM(one("PO"), one(10), names, grades, pts, avail, one("South"), teams)).toEqual([["None: no PO in South"]]);
  });

  it("workload.bestOm: a blank grade is #VALUE!, a team without the OMs' teams is #VALUE!", () => {
    expect(BEST_OM(col(null, "PSO"), col(45, 45), names, grades, pts, avail, col(null, "North"))).toEqual([
      ["#VALUE!: grade is blank; expected PO or PSO, the grade advised for the case."],
      ["#VALUE!: om_teams is blank; expected each OM's team, to choose within the case's team."],
    ]);
  });
});
