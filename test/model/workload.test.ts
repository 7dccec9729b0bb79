/**
 * Workload and capacity as the HMPPS Workload Management Tool (WMT) measures them: truncation at its
 * boundaries, the points table, reductions, and the properties the issue asks for: adding a case never
 * lowers an OM's points, and the best OM is never of a grade the Operating Model's advice forbids.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { allocateGrade } from "../../src/model/allocate";
import { DEFAULT_CONFIG, POINTS_TIERS, WORKLOAD_CASE_TYPES } from "../../src/model/config";
import { validateWorkbook } from "../../src/model/validate";
import type { Grade, Rosh, Tier } from "../../src/model/values";
import { availablePoints, bestOmChooser, capacity, casePoints, countsOn, readPointsTable, reductionHours, type OmCapacity } from "../../src/model/workload";
import { rowsOf, sheet } from "../support/book";

const RUNS = { numRuns: Number(process.env["FUZZ_RUNS"] ?? 200), seed: Number(process.env["FUZZ_SEED"] ?? 20261203) };

describe("available points, truncated as WMT does (HMPPS Workload Management Tool; hmpps-workload's worked examples)", () => {
  it.each([
    // contracted, reduction, target, default hours, available: the exact value, then the truncation.
    [37, 1.8, 2176, 37, 2070], // 2,070.14
    [30, 1.8, 2176, 37, 1658], // 1,658.46
    [37, 0, 2176, 37, 2176], // exactly the target, never 2,175 from floating-point dust
    [18.5, 0, 2176, 37, 1088], // exactly half
    [37, 36.99, 2176, 37, 0], // 0.588: below one point is 0
    [37, 36.98, 2176, 37, 1], // 1.176
    [0.1, 0, 37, 0.1, 37], // 37 exactly, though 37 × 0.1 ÷ 0.1 is 37.00000000000001 in floating point
    [29.6, 0, 2176, 37, 1740], // 1,740.8: down, never up
    [37, 37, 2176, 37, 0], // every hour reduced
    [37, 50, 2176, 37, 0], // more reduced than contracted: 0, never negative
    [0, 0, 2176, 37, 0], // no contracted hours
    [37, 0, 2176, 0, 0], // no default hours: 0, never Infinity
  ])("workload.available: %s h less %s h, target %s on %s h → %s", (c, r, target, base, expected) => {
    expect(availablePoints(c, r, target, base)).toBe(expected);
  });
});

describe("capacity = points ÷ available points, 0 when either is 0 (HMPPS Workload Management Tool)", () => {
  it("workload.capacity: 2,070 of 2,070 is exactly 1; 0 points or 0 available is 0", () => {
    expect(capacity(2070, 2070)).toBe(1);
    expect(capacity(0, 2070)).toBe(0);
    expect(capacity(500, 0)).toBe(0);
  });
});

describe("reports count for 30 days (HMPPS Workload Management Tool)", () => {
  it("workload.omPoints: dated from 30 days before the as-of date up to it, both included", () => {
    expect([countsOn(100, 130), countsOn(99, 130), countsOn(130, 130), countsOn(131, 130)]).toEqual([true, false, true, false]);
  });
});

describe("the points table (HMPPS Workload Management Tool, points of 2017)", () => {
  it("workload.points: the default is WMT's seven-tier table: community A 150 … D2 24, licence and custody A 150 … D2 20", () => {
    const row = (t: (typeof WORKLOAD_CASE_TYPES)[number]) => POINTS_TIERS.map((tier) => casePoints(tier, t, DEFAULT_CONFIG));
    expect(row("community")).toEqual([150, 106, 93, 57, 45, 36, 24]);
    expect(row("licence")).toEqual([150, 100, 90, 50, 40, 30, 20]);
    expect(row("custody")).toEqual([150, 100, 90, 50, 40, 30, 20]);
    expect([DEFAULT_CONFIG.pointsSdr, DEFAULT_CONFIG.pointsFdr, DEFAULT_CONFIG.pointsParom]).toEqual([132, 41, 123]);
    expect(casePoints("untiered", "community", DEFAULT_CONFIG)).toBe(0);
  });

  it("workload.points: a table with every problem says each one: a duplicate tier, negative points, an unknown row, a missing tier", () => {
    const { overrides, problems } = readPointsTable(
      [
        ["Tier", "Community", "Licence", "Custody"],
        ["A", 1, 1, 1],
        ["A", 2, 2, 2],
        ["B1", -1, 1, 1],
        ["Z9", 1, 1, 1],
      ],
      "points_table",
    );
    expect(overrides).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual([
      "points_table, row 3: A is in the table twice; give it one row.",
      "points_table, row 4: the community points of B1 must be a number of 0 or more; got -1.",
      'points_table, row 5: expected a tier A to D2, or SDR, FDR or PAROM; got "Z9".',
      "points_table: the table has no row for tier B2, C1, C2, D1, D2; give every tier its points (0 if it does not count).",
    ]);
  });
});

describe("reductions (HMPPS Workload Management Tool)", () => {
  it.each([
    ["Long-term sickness", 37, undefined, 37],
    ["long term sick", 22.5, undefined, 22.5],
    ["Newly qualified officer", 37, undefined, 7.4],
    ["NQO", 30, undefined, 6],
    ["PSO learning and development", 37, undefined, 7.4],
    ["Trade union facility time", 37, 10, 10],
    ["Trade union facility time", 37, 20, 18.5],
    ["Other", 20, 25, 20],
    [undefined, 37, 4, 4],
  ] as const)("workload.reduction: %s on %s h with %s h given → %s h off", (reason, contracted, hours, expected) => {
    const r = reductionHours(reason, contracted, hours);
    expect(r.ok && r.value.hours).toBe(expected);
  });
});

const TIERS: readonly Tier[] = ["A", "B1", "B2", "C1", "C2", "D1", "D2"];
const ROSH: readonly Rosh[] = ["Low", "Medium", "High", "Very High"];

describe("properties", () => {
  const CASE_HEADER = ["Case ID", "OM", "OM grade", "Team", "RoSH", "Tier", "Sentence type"];
  const STAFF_HEADER = ["Name", "Role", "FTE", "Team", "Contracted hours"];
  const caseRec = fc.record({
    om: fc.constantFrom("Ann", "Bob", "Cy"),
    tier: fc.constantFrom<Tier | null>(...TIERS, null),
    sentence: fc.constantFrom("Community", "Licence", "Custody", "Life", null),
  });
  const pointsOf = (cases: { om: string; tier: Tier | null; sentence: string | null }[]) => {
    const rows = cases.map((c, i) => ({ "Case ID": `X${i}`, OM: c.om, "OM grade": "PO", Team: "North", RoSH: "High", Tier: c.tier, "Sentence type": c.sentence }));
    const staff = ["Ann", "Bob", "Cy"].map((n) => ({ Name: n, Role: "PO", FTE: 1, Team: "North", "Contracted hours": 37 }));
    const report = validateWorkbook({
      sheets: [sheet("Caseload", CASE_HEADER, rowsOf(CASE_HEADER, rows)), sheet("Staff", STAFF_HEADER, rowsOf(STAFF_HEADER, staff)), sheet("Teams", ["Team", "Type"], [["North", "OM"]])],
    });
    return new Map(report.workload!.teams.flatMap((t) => t.oms.map((o) => [o.name, o.points] as const)));
  };

  it("workload.counting: adding a case never lowers any OM's points, and raises its own OM's by the case's points or keeps them (validator)", () => {
    fc.assert(
      fc.property(fc.array(caseRec, { maxLength: 30 }), caseRec, (cases, extra) => {
        const before = pointsOf(cases);
        const after = pointsOf([...cases, extra]);
        for (const [name, p] of before) expect(after.get(name)!).toBeGreaterThanOrEqual(p);
        // A case whose type the sheet does not say counts at the highest of the three: never less than the lowest.
        if (extra.tier !== null) expect(after.get(extra.om)! - before.get(extra.om)!).toBeGreaterThanOrEqual(20);
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  const om = fc.record({
    name: fc.constantFrom("Ann", "Bob", "Cy", "Dee", "Eve", "Fay"),
    grade: fc.constantFrom<Grade | undefined>("PO", "PSO", undefined),
    points: fc.integer({ min: 0, max: 3000 }),
    available: fc.integer({ min: 0, max: 2500 }),
    team: fc.constantFrom("North", "South", undefined),
  });

  it("workload.bestOm: the chosen OM is always of the grade ALLOCATE_GRADE advises, stays within the threshold, and no one of that grade has more room (NPS Operating Model v1.0, ch.3)", () => {
    fc.assert(
      fc.property(
        fc.array(om, { maxLength: 12 }),
        fc.constantFrom(...TIERS),
        fc.constantFrom(...ROSH),
        fc.boolean(),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(0.8, 1, 1.1),
        fc.constantFrom("North", undefined),
        (oms: OmCapacity[], tier, rosh, competent, casePts, threshold, team) => {
          const advice = allocateGrade({ tier, rosh, psoCompetent: competent });
          if (!advice.ok) return;
          const pick = bestOmChooser(oms, threshold)(advice.value.grade, casePts, team);
          const room = (o: OmCapacity) => threshold * o.available - o.points - casePts;
          const candidates = oms.filter((o) => o.grade === advice.value.grade && o.available > 0 && (team === undefined || o.team === team));
          if ("none" in pick) {
            expect(candidates.every((o) => room(o) < 1e-6)).toBe(true);
            return;
          }
          const chosen = oms.filter((o) => o.name === pick.name && o.grade === advice.value.grade);
          expect(chosen.length).toBeGreaterThan(0);
          const best = Math.max(...chosen.map(room));
          expect(best).toBeGreaterThanOrEqual(-1e-6);
          for (const o of candidates) expect(room(o)).toBeLessThanOrEqual(best + 1e-6);
        },
      ),
      RUNS,
    );
  });
});
