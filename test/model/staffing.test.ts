import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { DEFAULT_CONFIG, resolveConfig, type ModelConfig, type Overrides, type Rounding } from "../../src/model/config";
import {
  adminGap,
  adminNeeded,
  competitionRanks,
  paromCountersign,
  parseParomAssessment,
  parseTeamType,
  rankClusters,
  spoNeeded,
  yosFte,
  type ClusterMeasures,
  type ParomAssessment,
} from "../../src/model/staffing";

function withFigures(o: Overrides): ModelConfig {
  const { config, problems } = resolveConfig(o);
  expect(problems).toEqual([]);
  return config.config;
}

describe("staffing.omAdminRatio / courtAdminRatio: case administrators on FTE (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
  it.each([
    [0, "OM", 0],
    [4, "OM", 1],
    [8, "OM", 2],
    [11, "OM", 2.75],
    [12, "OM", 3],
    [10.5, "OM", 2.625],
    [3, "Court", 1],
    [7, "Court", 7 / 3],
    [9, "Court", 3],
    [4.5, "Court", 1.5],
  ] as const)("staffing.adminRatio: %s staff FTE in a %s team need %s CA FTE (1:4 OM, 1:3 court; Employer's reply on the E3 Phase 2 Blueprint, ch.4)", (fte, type, need) => {
    expect(adminNeeded(fte, type, DEFAULT_CONFIG)).toBeCloseTo(need, 9);
  });

  it("staffing.omAdminRatio: part-time OMs count by FTE: ten full-time and two half-time OMs are 11 FTE, 2.75 CAs (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    const fte = 10 * 1 + 2 * 0.5;
    expect(adminNeeded(fte, "OM", DEFAULT_CONFIG)).toBe(2.75);
  });

  it("staffing.omAdminRatio: 11 OMs with 2.0 FTE CAs is 0.75 short of 1:4; 3.0 FTE is not short (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    expect(adminGap(11, 2, "OM", DEFAULT_CONFIG)).toEqual({ needed: 2.75, have: 2, short: 0.75 });
    expect(adminGap(11, 2.75, "OM", DEFAULT_CONFIG).short).toBe(0);
    expect(adminGap(11, 3, "OM", DEFAULT_CONFIG).short).toBe(0);
  });

  it("staffing.adminRatio: a what-if ratio of 1:5 in OM teams changes the need; court teams keep 1:3 (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    const c = withFigures({ omAdminRatio: 5 });
    expect(adminNeeded(10, "OM", c)).toBe(2);
    expect(adminNeeded(9, "Court", c)).toBe(3);
  });

  it("staffing.adminRatio: a negative or non-numeric FTE is a programmer mistake and throws (values are parsed first)", () => {
    expect(() => adminNeeded(-1, "OM", DEFAULT_CONFIG)).toThrow(RangeError);
    expect(() => adminNeeded(Number.NaN, "Court", DEFAULT_CONFIG)).toThrow(RangeError);
    expect(() => adminGap(4, -0.5, "OM", DEFAULT_CONFIG)).toThrow(RangeError);
  });

  it.each([
    ["OM", "OM"],
    [" om team ", "OM"],
    ["OM teams", "OM"],
    ["Offender management", "OM"],
    ["Court", "Court"],
    ["courts", "Court"],
    ["Court team", "Court"],
  ] as const)("staffing.teamType: %j reads as %s (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", (text, type) => {
    expect(parseTeamType(text, "team_type")).toEqual({ ok: true, value: type });
  });

  it("staffing.teamType: blank is undefined; other words, numbers and error cells are problems naming the argument", () => {
    expect(parseTeamType("  ", "team_type")).toEqual({ ok: true, value: undefined });
    for (const bad of ["Custody", 1, true]) {
      const r = parseTeamType(bad, "team_type");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem.message).toMatch(/^team_type: expected a team type OM .* or Court/);
    }
    const e = parseTeamType("#N/A", "team_type");
    expect(!e.ok && e.problem.code).toBe("value.errorCell");
  });
});

describe("staffing.spoSpan: SPOs line manage 1:10, by headcount (Employer's reply on the E3 Phase 2 Blueprint, ch.3)", () => {
  it.each([
    [0, 0, 0],
    [1, 0.1, 1],
    [10, 1, 1],
    [11, 1.1, 2],
    [20, 2, 2],
    [21, 2.1, 3],
  ])("staffing.spoSpan: %s staff need %s SPOs exactly, %s whole (rounded up; Employer's reply on the E3 Phase 2 Blueprint, ch.3)", (n, exact, whole) => {
    expect(spoNeeded(n, DEFAULT_CONFIG)).toEqual({ exact, whole });
  });

  it("staffing.spoSpan: a smaller span for programme and treatment managers needs more SPOs (Employer's reply on the E3 Phase 2 Blueprint, ch.3)", () => {
    expect(spoNeeded(16, withFigures({ spoSpan: 8 }))).toEqual({ exact: 2, whole: 2 });
    expect(spoNeeded(17, withFigures({ spoSpan: 8 }))).toEqual({ exact: 2.125, whole: 3 });
  });

  it("staffing.spoSpan: FTE (a fraction) or a negative count is a programmer mistake and throws", () => {
    expect(() => spoNeeded(10.5, DEFAULT_CONFIG)).toThrow(/whole number/);
    expect(() => spoNeeded(-1, DEFAULT_CONFIG)).toThrow(RangeError);
  });
});

/** A cluster whose every measure is `v`, with some overridden. */
function cluster(name: string, v: number, over: Partial<ClusterMeasures> = {}): ClusterMeasures {
  return { name, caseloadVolume: v, caseloadComplexity: v, partnerships: v, geography: v, courts: v, offices: v, ...over };
}

/** n clusters with distinct scores: C1 most complex. */
function distinct(n: number): ClusterMeasures[] {
  return Array.from({ length: n }, (_, i) => cluster(`C${i + 1}`, n - i));
}

function flagsOf(cs: ClusterMeasures[], config: ModelConfig = DEFAULT_CONFIG, options = {}) {
  const { ranking, problems } = rankClusters(cs, config, options);
  expect(problems).toEqual([]);
  return ranking!;
}

describe("staffing.complexClusters: ranking and the top 25% (NPS Operating Model v1.0, ch.8)", () => {
  it.each([
    [4, "up", 1],
    [4, "nearest", 1],
    [4, "down", 1],
    [5, "up", 2],
    [5, "nearest", 1],
    [5, "down", 1],
    [6, "up", 2],
    [6, "nearest", 2],
    [6, "down", 1],
    [7, "up", 2],
    [7, "nearest", 2],
    [7, "down", 1],
    [8, "up", 2],
    [8, "nearest", 2],
    [8, "down", 2],
    [3, "down", 0],
  ] as const)("staffing.complexClusterRounding: %s clusters, rounding %s: top 25%% is %s complex (NPS Operating Model v1.0, ch.8)", (n, how, k) => {
    const r = flagsOf(distinct(n), withFigures({ complexClusterRounding: how }));
    expect(r.target).toBe(k);
    expect(r.complexCount).toBe(k);
    expect(r.clusters.map((c) => c.complex)).toEqual(Array.from({ length: n }, (_, i) => i < k));
  });

  it("staffing.complexClusters: ranks 1 = most complex, in input order, scores from 0 to 1 (NPS Operating Model v1.0, ch.8)", () => {
    const r = flagsOf([cluster("Low", 1), cluster("High", 4), cluster("Mid", 2)]);
    expect(r.clusters.map((c) => [c.name, c.rank, c.score])).toEqual([
      ["Low", 3, 0.25],
      ["High", 1, 1],
      ["Mid", 2, 0.5],
    ]);
  });

  it("staffing.complexClusters: each measure is divided by its largest value, so a caseload in thousands does not swamp courts (NPS Operating Model v1.0, ch.8)", () => {
    // A: big caseload, few of everything else; B: smaller caseload, most courts, offices, partnerships, geography, complexity.
    const a = cluster("A", 1, { caseloadVolume: 5000 });
    const b = cluster("B", 2, { caseloadVolume: 4000 });
    const r = flagsOf([a, b]);
    // A: (1 + 5 × 0.5) / 6 = 0.5833; B: (0.8 + 5 × 1) / 6 = 0.9667
    expect(r.clusters[0]!.score).toBeCloseTo(3.5 / 6, 9);
    expect(r.clusters[1]!.score).toBeCloseTo(5.8 / 6, 9);
    expect(r.clusters.map((c) => c.rank)).toEqual([2, 1]);
  });

  it("staffing.complexClusters: a measure 0 for every cluster contributes nothing (no division by zero) (NPS Operating Model v1.0, ch.8)", () => {
    const r = flagsOf([cluster("A", 2, { courts: 0 }), cluster("B", 1, { courts: 0 })]);
    expect(r.clusters.map((c) => c.score)).toEqual([5 / 6, 2.5 / 6].map((x) => Math.round(x * 1e9) / 1e9));
  });

  it("staffing.complexClusters: weights change the order: weighting courts 10 makes the court-heavy cluster the most complex (NPS Operating Model v1.0, ch.8; weights are a default)", () => {
    const cs = [cluster("Caseload-heavy", 1, { caseloadVolume: 900, caseloadComplexity: 9, courts: 1 }), cluster("Court-heavy", 1, { caseloadVolume: 500, caseloadComplexity: 5, courts: 6 })];
    expect(flagsOf(cs).clusters.map((c) => c.rank)).toEqual([1, 2]);
    expect(flagsOf(cs, withFigures({ weightCourts: 10 })).clusters.map((c) => c.rank)).toEqual([2, 1]);
    // Weight 0 leaves a measure out entirely.
    const onlyCourts = withFigures({ weightCaseloadVolume: 0, weightCaseloadComplexity: 0, weightPartnerships: 0, weightGeography: 0, weightOffices: 0 });
    expect(flagsOf(cs, onlyCourts).clusters.map((c) => c.score)).toEqual([Math.round((1 / 6) * 1e9) / 1e9, 1]);
  });

  it("staffing.complexClusters: clusters tied at the cut-off are all complex, not under-providing SOSMs (NPS Operating Model v1.0, ch.8)", () => {
    // 7 clusters, top 25% rounds up to 2; ranks 1, 2, 2, 4...: three complex.
    const cs = [cluster("A", 9), cluster("B", 5), cluster("C", 5), cluster("D", 3), cluster("E", 2), cluster("F", 1), cluster("G", 1)];
    const r = flagsOf(cs);
    expect(r.clusters.map((c) => c.rank)).toEqual([1, 2, 2, 4, 5, 6, 6]);
    expect(r.target).toBe(2);
    expect(r.complexCount).toBe(3);
    expect(r.clusters.filter((c) => c.complex).map((c) => c.name)).toEqual(["A", "B", "C"]);
  });

  it("staffing.complexClusters: a tie below the cut-off adds no complex cluster; a tie at rank 1 with target 1 flags both (NPS Operating Model v1.0, ch.8)", () => {
    const below = flagsOf([cluster("A", 9), cluster("B", 8), cluster("C", 1), cluster("D", 1)]);
    expect(below.clusters.map((c) => c.complex)).toEqual([true, false, false, false]);
    const top = flagsOf([cluster("A", 9), cluster("B", 9), cluster("C", 1), cluster("D", 1)]);
    expect(top.clusters.map((c) => [c.rank, c.complex])).toEqual([
      [1, true],
      [1, true],
      [3, false],
      [3, false],
    ]);
  });

  it("staffing.complexClusters: a per-call share and rounding override the figures (NPS Operating Model v1.0, ch.8)", () => {
    const r = flagsOf(distinct(8), DEFAULT_CONFIG, { share: 0.5, rounding: "down" as Rounding });
    expect(r.target).toBe(4);
    expect(flagsOf(distinct(8), DEFAULT_CONFIG, { share: 0 }).complexCount).toBe(0);
  });

  it("staffing.complexClusters: blank and negative measures are problems naming the cluster and the measure, all of them (NPS Operating Model v1.0, ch.8)", () => {
    const { ranking, problems } = rankClusters(
      [cluster("North", 1, { courts: undefined }), cluster("South", 1, { offices: -2, geography: Number.NaN })],
      DEFAULT_CONFIG,
      { labels: { offices: "offices column" } },
    );
    expect(ranking).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual([
      'courts is blank for cluster "North"; every cluster needs all six complexity measures to be ranked (NPS Operating Model v1.0, ch.8). Give 0 if the cluster truly has none.',
      'geography for cluster "South" is NaN; a complexity measure must be a number of 0 or more (NPS Operating Model v1.0, ch.8).',
      'offices column for cluster "South" is -2; a complexity measure must be a number of 0 or more (NPS Operating Model v1.0, ch.8).',
    ]);
    expect(problems.map((p) => p.arg)).toEqual(["courts", "geography", "offices column"]);
  });

  it("staffing.complexClusters: no clusters, or every weight 0, is a problem, not an empty or arbitrary ranking (NPS Operating Model v1.0, ch.8)", () => {
    expect(rankClusters([], DEFAULT_CONFIG).problems[0]!.code).toBe("staffing.clustersEmpty");
    const zero = withFigures({
      weightCaseloadVolume: 0,
      weightCaseloadComplexity: 0,
      weightPartnerships: 0,
      weightGeography: 0,
      weightCourts: 0,
      weightOffices: 0,
    });
    const r = rankClusters(distinct(4), zero);
    expect(r.ranking).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(["staffing.weightsZero"]);
  });
});

describe("staffing.complexClusters: a division-sized list (NPS Operating Model v1.0, ch.8)", () => {
  /** A small deterministic generator (mulberry32), so the list is the same on every run. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it("staffing.complexClusters: 200,000 clusters are ranked without overflowing the stack, ranks and complex count as counted one by one (NPS Operating Model v1.0, ch.8)", () => {
    const next = random(20261203);
    const whole = (max: number) => Math.floor(next() * (max + 1));
    // Small whole numbers, so many clusters tie.
    const list = Array.from({ length: 200_000 }, (_, i) =>
      cluster(`C${i + 1}`, 0, { caseloadVolume: whole(5000), caseloadComplexity: whole(20), partnerships: whole(5), geography: whole(3), courts: whole(4), offices: whole(6) }),
    );
    let r: ReturnType<typeof flagsOf> | undefined;
    expect(() => (r = flagsOf(list))).not.toThrow();
    const ranking = r!;
    const scores = ranking.clusters.map((c) => c.score);
    expect(ranking.target).toBe(50_000);
    // Brute force on a sample: rank = 1 + the number of strictly greater scores.
    const sample = [0, 1, 2, 99_999, 199_999, ...Array.from({ length: 30 }, () => whole(199_999))];
    for (const i of sample) {
      let greater = 0;
      for (const s of scores) if (s > scores[i]!) greater += 1;
      expect(ranking.clusters[i]!.rank).toBe(1 + greater);
      expect(ranking.clusters[i]!.complex).toBe(1 + greater <= ranking.target);
    }
    // The complex count: every cluster scoring at least the target-th highest score (ties included).
    const descending = Float64Array.from(scores).sort().reverse();
    const cut = descending[ranking.target - 1]!;
    let atLeast = 0;
    for (const s of scores) if (s >= cut) atLeast += 1;
    expect(ranking.complexCount).toBe(atLeast);
    expect(ranking.complexCount).toBeGreaterThanOrEqual(ranking.target);
    // Rank 1 goes to the highest score.
    const first = ranking.clusters.filter((c) => c.rank === 1);
    expect(first.length).toBeGreaterThan(0);
    for (const c of first) expect(c.score).toBe(descending[0]);
  }, 30_000);

  it("staffing.complexClusters: ranks match counting the strictly greater scores, ties sharing a rank (NPS Operating Model v1.0, ch.8)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }).map((n) => n / 8), { maxLength: 60 }), (scores) => {
        expect(competitionRanks(scores)).toEqual(scores.map((s) => 1 + scores.filter((t) => t > s).length));
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 500) },
    );
    expect(competitionRanks([0.5, 1, 0.5, 0.25])).toEqual([2, 1, 2, 4]);
    expect(competitionRanks([])).toEqual([]);
  });
});

describe("staffing: very large figures stay finite (Employer's reply on the E3 Phase 2 Blueprint, ch.4; NPS Operating Model v1.0, ch.7)", () => {
  it("staffing.omAdminRatio: 1e300 OM FTE needs 2.5e299 CAs, not Infinity (rounding to nine decimals changes nothing that large)", () => {
    expect(adminNeeded(1e300, "OM", DEFAULT_CONFIG)).toBe(2.5e299);
    expect(adminGap(1e300, 0, "OM", DEFAULT_CONFIG).short).toBe(2.5e299);
  });

  it("staffing.yosFte: a YOS caseload of 1e308 gives a finite resource (NPS Operating Model v1.0, ch.7)", () => {
    const r = yosFte(1e308, DEFAULT_CONFIG);
    expect(Number.isFinite(r.cases)).toBe(true);
    expect(Number.isFinite(r.fte)).toBe(true);
    expect(r.fte / 2.5e305).toBeCloseTo(1, 9);
  });

  it("staffing: floating-point dust is still tidied away at ordinary sizes (0.1 × 3 cases is 0.3)", () => {
    expect(yosFte(3, withFigures({ yosCaseloadShare: 0.1 })).cases).toBe(0.3);
    expect(adminNeeded(11, "OM", DEFAULT_CONFIG)).toBe(2.75);
  });
});

describe("staffing.yos: NPS seconded PO resource, about 10% of the YOS caseload (NPS Operating Model v1.0, ch.7)", () => {
  it.each([
    [300, 30, 0.75],
    [0, 0, 0],
    [400, 40, 1],
    [123, 12.3, 0.3075],
  ])("staffing.yosFte: a YOS caseload of %s gives %s cases, %s PO FTE at 40 cases per PO (NPS Operating Model v1.0, ch.7; 40 is a default)", (load, cases, fte) => {
    expect(yosFte(load, DEFAULT_CONFIG)).toEqual({ cases, fte });
  });

  it("staffing.yosFte: the cases-per-PO and share figures are what-ifs (NPS Operating Model v1.0, ch.7)", () => {
    expect(yosFte(300, withFigures({ yosCasesPerPo: 30 })).fte).toBe(1);
    expect(yosFte(300, withFigures({ yosCaseloadShare: 0.2 }))).toEqual({ cases: 60, fte: 1.5 });
  });

  it("staffing.yosFte: a negative caseload is a programmer mistake and throws", () => {
    expect(() => yosFte(-5, DEFAULT_CONFIG)).toThrow(RangeError);
  });
});

const G: ParomAssessment = "Good";
const RI: ParomAssessment = "Requires improvement";

describe("staffing.parom: routine SPO countersignature lifted after three successive Good (NPS Operating Model v1.0, ch.4)", () => {
  it.each([
    [[], true, 0],
    [[G], true, 1],
    [[G, G], true, 2],
    [[G, G, G], false, 3],
    [[G, G, G, G], false, 4],
    [[G, G, RI, G, G], true, 2],
    [[RI, G, G, G], false, 3],
    [[G, G, G, "Inadequate"], true, 0],
    [[G, G, G, "Not good", G, G, G], false, 3],
  ] as [ParomAssessment[], boolean, number][])("staffing.paromGoodRun: %j → countersign %s (current run %s) (NPS Operating Model v1.0, ch.4)", (list, countersign, run) => {
    expect(paromCountersign(list, DEFAULT_CONFIG)).toEqual({ countersign, goodRun: run, needed: 3 });
  });

  it("staffing.paromGoodRun: a what-if run of 5 keeps countersignature after three Goods (NPS Operating Model v1.0, ch.4)", () => {
    expect(paromCountersign([G, G, G], withFigures({ paromGoodRun: 5 })).countersign).toBe(true);
  });

  it.each([
    ["Good", "Good"],
    [" good ", "Good"],
    ["GOOD", "Good"],
    ["requires improvement", "Requires improvement"],
    ["Requires-improvement", "Requires improvement"],
    ["inadequate", "Inadequate"],
    ["not good", "Not good"],
  ])("staffing.paromAssessment: %j reads as %s, Good in any case (NPS Operating Model v1.0, ch.4)", (text, value) => {
    expect(parseParomAssessment(text, "assessments")).toEqual({ ok: true, value });
  });

  it("staffing.paromAssessment: a word outside the documented list is a problem, never a silent Good or not Good (NPS Operating Model v1.0, ch.4)", () => {
    for (const bad of ["Outstanding", "Fair", "Goood", 1, true]) {
      const r = parseParomAssessment(bad, "assessments");
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.problem.message).toMatch(/^assessments: expected a PAROM quality assessment, one of Good, Not good, Requires improvement, Inadequate; got /);
    }
    expect(parseParomAssessment("", "assessments")).toEqual({ ok: true, value: undefined });
    const e = parseParomAssessment("#REF!", "assessments");
    expect(!e.ok && e.problem.code).toBe("value.errorCell");
  });
});
