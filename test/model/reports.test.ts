import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { DEFAULT_CONFIG, resolveConfig } from "../../src/model/config";
import {
  mixStatus,
  parseReportAdvice,
  parseReportType,
  parseRiskLevel,
  percent,
  reportAuthor,
  reportMix,
  reportType,
  type ReportAdvice,
  type ReportCase,
} from "../../src/model/reports";
import type { Grade } from "../../src/model/values";

const typeOf = (c: ReportCase, napo = false) => reportType(c, { napoAdjournments: napo }).type;
const oralCase: ReportCase = { sentenceIndicated: true };

describe("report type: SDR must (NPS Operating Model v1.0, ch.2, list 1 and 2)", () => {
  it("report type: a dangerousness assessment or detailed risk analysis gives an SDR (ch.2)", () => {
    expect(typeOf({ ...oralCase, dangerousness: true })).toBe("SDR");
  });

  it("report type: terrorist offences give an SDR (ch.2)", () => {
    expect(typeOf({ ...oralCase, terrorism: true })).toBe("SDR");
  });

  it("report type: an FDR judged sufficient never overrides an SDR that must be completed (ch.2)", () => {
    expect(typeOf({ dangerousness: true, fdrSufficient: true })).toBe("SDR");
    expect(typeOf({ terrorism: true, fdrSufficient: true })).toBe("SDR");
  });

  it("report type: Napo's adjournment never replaces an SDR that must be completed (ch.2; Napo's feedback on the Operating Model, ch.2)", () => {
    expect(typeOf({ dangerousness: true, childAtAddress: true }, true)).toBe("SDR");
  });

  it("report type: the reason cites the source", () => {
    expect(reportType({ terrorism: true }).reason).toMatch(/terrorist.*NPS Operating Model v1.0, ch\.2/);
  });
});

describe("report type: SDR may be considered (NPS Operating Model v1.0, ch.2, four grounds)", () => {
  const grounds: [string, ReportCase][] = [
    ["complex case", { complexCase: true }],
    ["serious diagnosed mental health without a report on the day", { seriousMentalHealth: true }],
    ["serious sexual or violent offending", { seriousSexualViolent: true }],
    ["high-risk domestic abuse", { dvRisk: "High" }],
    ["very high-risk domestic abuse", { dvRisk: "Very High" }],
    ["complex and serious child safeguarding", { childSafeguarding: true }],
  ];

  it.each(grounds)("report type: %s gives an SDR when no FDR was judged sufficient (ch.2; the conservative reading)", (_, g) => {
    expect(typeOf({ ...oralCase, ...g })).toBe("SDR");
    expect(typeOf({ ...oralCase, ...g, fdrSufficient: false })).toBe("SDR");
  });

  it.each(grounds)("report type: %s with a written FDR judged sufficient gives an FDR, never Oral (ch.2)", (_, g) => {
    expect(typeOf({ ...oralCase, ...g, fdrSufficient: true })).toBe("FDR");
  });

  it.each([["Low"], ["Medium"]] as const)("report type: %s-risk domestic violence alone is not a may-ground (ch.2: high risk)", (dvRisk) => {
    expect(typeOf({ ...oralCase, dvRisk })).toBe("Oral");
  });
});

describe("report type: short format (NPS Operating Model v1.0, ch.2)", () => {
  it("report type: Oral on the day where a sentence is indicated and nothing is complex or sensitive (ch.2)", () => {
    expect(typeOf(oralCase)).toBe("Oral");
  });

  it("report type: complex or sensitive information gives a written FDR (ch.2: oral not suitable)", () => {
    expect(typeOf({ ...oralCase, complexOrSensitive: true })).toBe("FDR");
  });

  it("report type: no specific sentence indicated gives a written FDR (ch.2)", () => {
    expect(typeOf({ sentenceIndicated: false })).toBe("FDR");
  });

  it("report type: a blank 'sentence indicated' reads as No, never the lighter report (documented reading)", () => {
    expect(typeOf({})).toBe("FDR");
  });

  it("report type: PO-only exceptions alone do not change the type (ch.2 list 4, 8, 9 are about the author)", () => {
    expect(typeOf({ ...oralCase, organisedCrime: true, mhVulnerabilityIndicated: true, roshInfoNeeded: true })).toBe("Oral");
  });
});

describe("report type: Napo's adjournment variant (Napo's feedback on the Operating Model, ch.2)", () => {
  const triggers: [string, ReportCase][] = [
    ["a child at the address", { childAtAddress: true }],
    ["a DV index or previous offence", { dvHistory: true }],
    ["mental health or substance misuse concerns", { mhOrSubstanceConcerns: true }],
    ["immigration enquiries", { immigrationEnquiries: true }],
  ];

  it.each(triggers)("report type: %s adjourns an oral or FDR case under the variant (Napo's feedback on the Operating Model, ch.2)", (_, t) => {
    expect(typeOf({ ...oralCase, ...t }, true)).toBe("Adjourn");
    expect(typeOf({ ...t }, true)).toBe("Adjourn");
    expect(typeOf({ ...oralCase, complexCase: true, fdrSufficient: true, ...t }, true)).toBe("Adjourn");
  });

  it.each(triggers)("report type: %s changes nothing with the variant off (the default)", (_, t) => {
    expect(typeOf({ ...oralCase, ...t })).toBe("Oral");
    expect(reportType({ ...oralCase, ...t }).type).toBe("Oral");
  });

  it("report type: a may-ground SDR stays an SDR under the variant", () => {
    expect(typeOf({ complexCase: true, childAtAddress: true }, true)).toBe("SDR");
  });

  it("report type: the variant with no trigger changes nothing", () => {
    expect(typeOf(oralCase, true)).toBe("Oral");
  });
});

describe("report type: properties (NPS Operating Model v1.0, ch.2)", () => {
  const flag = fc.option(fc.boolean(), { nil: undefined });
  const rosh = fc.option(fc.constantFrom("Low", "Medium", "High", "Very High" as const), { nil: undefined });
  const anyCase = fc.record({
    dangerousness: flag, terrorism: flag, complexCase: flag, seriousMentalHealth: flag, seriousSexualViolent: flag,
    childSafeguarding: flag, fdrSufficient: flag, sentenceIndicated: flag, complexOrSensitive: flag, dvRisk: rosh,
    childAtAddress: flag, dvHistory: flag, mhOrSubstanceConcerns: flag, immigrationEnquiries: flag,
  });

  it("report type: a case on any SDR ground is never Oral (ch.2: oral not suitable for complex or sensitive cases)", () => {
    fc.assert(
      fc.property(anyCase, fc.boolean(), (c, napo) => {
        const grounds = c.dangerousness || c.terrorism || c.complexCase || c.seriousMentalHealth || c.seriousSexualViolent || c.childSafeguarding || c.dvRisk === "High" || c.dvRisk === "Very High";
        if (grounds) expect(typeOf(c, napo)).not.toBe("Oral");
      }),
    );
  });

  it("report type: Adjourn only ever comes from the Napo variant", () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        expect(typeOf(c, false)).not.toBe("Adjourn");
      }),
    );
  });

  it("report type: adding a Yes never makes the report lighter (Oral < FDR < Adjourn/SDR)", () => {
    const weight: Record<ReportAdvice, number> = { Oral: 0, FDR: 1, Adjourn: 2, SDR: 2 };
    const keys = ["dangerousness", "terrorism", "complexCase", "seriousMentalHealth", "seriousSexualViolent", "childSafeguarding", "complexOrSensitive", "childAtAddress", "dvHistory"] as const;
    fc.assert(
      fc.property(anyCase, fc.constantFrom(...keys), fc.boolean(), (c, k, napo) => {
        expect(weight[typeOf({ ...c, [k]: true }, napo)]).toBeGreaterThanOrEqual(weight[typeOf({ ...c, [k]: false }, napo)]);
      }),
    );
  });
});

describe("report author: PO for the nine exceptions, else PSO (NPS Operating Model v1.0, ch.2, list 1-9)", () => {
  const exceptions: [number, ReportCase][] = [
    [1, { dangerousness: true }],
    [2, { terrorism: true }],
    [3, { seriousMentalHealth: true }],
    [4, { mhVulnerabilityIndicated: true }],
    [5, { dvRisk: "High" }],
    [5, { dvRisk: "Very High" }],
    [6, { sexualOffendingRisk: "Medium" }],
    [6, { sexualOffendingRisk: "High" }],
    [6, { sexualOffendingRisk: "Very High" }],
    [7, { childSafeguarding: true }],
    [8, { organisedCrime: true }],
    [9, { roshInfoNeeded: true }],
  ];

  it.each(exceptions)("report author: list item %i gives a PO (ch.2) — %j", (n, c) => {
    const r = reportAuthor(c);
    expect(r.grade).toBe("PO");
    expect(r.reason).toContain(`list ${n}`);
  });

  it("report author: none of the exceptions gives a trained PSO (ch.2)", () => {
    expect(reportAuthor({}).grade).toBe("PSO");
    expect(reportAuthor({ complexCase: true, seriousSexualViolent: true, sentenceIndicated: true }).grade).toBe("PSO");
  });

  it.each([
    ["dvRisk", "Low", "PSO"], ["dvRisk", "Medium", "PSO"], ["dvRisk", "High", "PO"],
    ["sexualOffendingRisk", "Low", "PSO"], ["sexualOffendingRisk", "Medium", "PO"],
  ] as const)("report author: boundary %s %s gives %s (ch.2 list 5: high DV; list 6: medium sexual)", (field, level, grade) => {
    expect(reportAuthor({ [field]: level }).grade).toBe(grade);
  });
});

describe("reading report cells", () => {
  it.each([
    ["Oral", "Oral"], ["oral", "Oral"], [" Oral PSR ", "Oral"], ["fdr", "FDR"], ["Fast Delivery Report", "FDR"],
    ["SDR", "SDR"], ["standard-delivery report", "SDR"], [null, undefined], ["", undefined],
  ] as const)("parseReportType(%j) is %j", (v, want) => {
    const r = parseReportType(v, "report_types");
    expect(r.ok && r.value).toBe(want === undefined ? undefined : want);
  });

  it.each([["PSR"], ["Written"], [3], [true], ["Adjourn"]])("parseReportType refuses %j, naming the argument", (v) => {
    const r = parseReportType(v, "report_types");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/^report_types: expected a report type Oral, FDR or SDR; got/);
  });

  it("parseReportAdvice accepts Adjourn (the Napo variant's answer) and refuses other words", () => {
    const a = parseReportAdvice("adjourned", "report_types");
    expect(a.ok && a.value).toBe("Adjourn");
    const b = parseReportAdvice("PSR", "report_types");
    expect(!b.ok && b.problem.message).toBe('report_types: expected a report type Oral, FDR, SDR or Adjourn; got "PSR".');
  });

  it("a cell holding an Excel error is named as such", () => {
    const r = parseReportType("#N/A", "report_types");
    expect(!r.ok && r.problem.code).toBe("value.errorCell");
  });

  it.each([
    ["High", "High"], ["very high", "Very High"], ["None", "Low"], [null, undefined], [0, undefined], [false, undefined],
  ] as const)("parseRiskLevel(%j) is %j (0 and FALSE are Excel desktop's blanks)", (v, want) => {
    const r = parseRiskLevel(v, "dv_risk");
    expect(r.ok && r.value).toBe(want === undefined ? undefined : want);
  });

  it.each([["Yes"], [true], [3], ["hi"]])("parseRiskLevel refuses %j rather than guess a level", (v) => {
    const r = parseRiskLevel(v, "dv_risk");
    expect(!r.ok && r.problem.message).toMatch(/^dv_risk: expected the indicative RoSH level Low, Medium, High or Very High/);
  });
});

function times<const T extends string>(n: number, x: T): T[] {
  return Array.from({ length: n }, () => x);
}

describe("report mix (NPS Operating Model v1.0, ch.1-2): 60/30/10 and 35/65", () => {
  it("report mix: shares and statuses of a mix on target", () => {
    const types: ReportAdvice[] = [...times(60, "Oral"), ...times(30, "FDR"), ...times(10, "SDR")];
    const authors: Grade[] = [...times(35, "PO"), ...times(65, "PSO")];
    const mix = reportMix(types, authors, DEFAULT_CONFIG);
    expect(mix.types.map((l) => [l.key, l.count, l.share, l.target, l.status])).toEqual([
      ["Oral", 60, 0.6, 0.6, "on target"], ["FDR", 30, 0.3, 0.3, "on target"], ["SDR", 10, 0.1, 0.1, "on target"],
    ]);
    expect(mix.authors.map((l) => [l.key, l.share, l.target, l.status])).toEqual([
      ["PO", 0.35, 0.35, "on target"], ["PSO", 0.65, 0.65, "on target"],
    ]);
  });

  it("report mix: a mix off target says which way", () => {
    const mix = reportMix([...times(40, "Oral"), ...times(40, "FDR"), ...times(20, "SDR")], [...times(50, "PO"), ...times(50, "PSO")], DEFAULT_CONFIG);
    expect(mix.types.map((l) => l.status)).toEqual(["below target", "above target", "above target"]);
    expect(mix.authors.map((l) => l.status)).toEqual(["above target", "below target"]);
  });

  it("report mix: Oral, FDR and SDR are shares of the delivered reports, Adjourn left out, so they add up to 100% (ch.2)", () => {
    const mix = reportMix([...times(6, "Oral"), ...times(3, "FDR"), ...times(1, "SDR"), ...times(5, "Adjourn")], [], DEFAULT_CONFIG);
    expect(mix.types.slice(0, 3).map((l) => [l.key, l.count, l.total, l.share, l.status])).toEqual([
      ["Oral", 6, 10, 0.6, "on target"], ["FDR", 3, 10, 0.3, "on target"], ["SDR", 1, 10, 0.1, "on target"],
    ]);
  });

  it("report mix: Adjourn (Napo variant) is a share of every decision, adjournments included, with no target (Napo's feedback on the Operating Model, ch.2)", () => {
    const mix = reportMix([...times(6, "Oral"), ...times(3, "FDR"), ...times(1, "SDR"), ...times(5, "Adjourn")], [], DEFAULT_CONFIG);
    const adjourn = mix.types[3]!;
    expect([adjourn.key, adjourn.count, adjourn.total]).toEqual(["Adjourn", 5, 15]);
    expect(percent(adjourn.share)).toBe("33.3%");
    expect(adjourn.status).toBe("no target");
    expect(adjourn.target).toBeUndefined();
    expect(adjourn.source).toMatch(/Napo's feedback on the Operating Model, ch\.2/);
  });

  it("report mix: the three type shares always add up to 100% of the delivered reports, whatever was adjourned (ch.2)", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), (oral, fdr, sdr, adjourn) => {
        fc.pre(oral + fdr + sdr > 0);
        const mix = reportMix([...times(oral, "Oral"), ...times(fdr, "FDR"), ...times(sdr, "SDR"), ...times(adjourn, "Adjourn")], [], DEFAULT_CONFIG);
        expect(mix.types.slice(0, 3).reduce((sum, l) => sum + l.share, 0)).toBeCloseTo(1, 9);
        expect(mix.shortFormat.share).toBeCloseTo(mix.types[0]!.share + mix.types[1]!.share, 9);
      }),
    );
  });

  it("report mix: no Adjourn line when nothing was adjourned", () => {
    const mix = reportMix([...times(6, "Oral"), ...times(3, "FDR"), ...times(1, "SDR")], [], DEFAULT_CONFIG);
    expect(mix.types.map((l) => l.key)).toEqual(["Oral", "FDR", "SDR"]);
  });

  it("report mix: only adjournments gives 'no reports' for the types and the short format, and Adjourn 100%", () => {
    const mix = reportMix(times(4, "Adjourn"), [], DEFAULT_CONFIG);
    expect([...mix.types.slice(0, 3), mix.shortFormat].map((l) => [l.total, l.share, l.status])).toEqual(Array.from({ length: 4 }, () => [0, 0, "no reports"]));
    expect(mix.types[3]).toMatchObject({ key: "Adjourn", count: 4, total: 4, share: 1, status: "no target" });
  });

  it("report mix: no reports gives 'no reports', never 'on target'", () => {
    const mix = reportMix([], [], DEFAULT_CONFIG);
    expect([...mix.types, mix.shortFormat, ...mix.authors].map((l) => l.status)).toEqual(times(6, "no reports"));
  });

  it("report mix: targets and tolerance follow a what-if (config)", () => {
    const { config } = resolveConfig({ reportOralShare: 0.5, reportMixTolerance: 0.02 });
    const mix = reportMix([...times(52, "Oral"), ...times(48, "FDR")], [], config.config);
    expect(mix.types[0]!.target).toBe(0.5);
    expect(mix.types[0]!.status).toBe("on target");
    expect(mix.tolerance).toBe(0.02);
    expect(reportMix([...times(53, "Oral"), ...times(47, "FDR")], [], config.config).types[0]!.status).toBe("above target");
  });
});

describe("report mix: short format, 90% of court reports (NPS Operating Model v1.0, ch.2)", () => {
  const mixOf = (oral: number, fdr: number, sdr: number, adjourn = 0, config = DEFAULT_CONFIG) =>
    reportMix([...times(oral, "Oral"), ...times(fdr, "FDR"), ...times(sdr, "SDR"), ...times(adjourn, "Adjourn")], [], config);

  it("report mix: the short format line is Oral + FDR of the delivered reports, against 60% + 30% = 90% (ch.2)", () => {
    expect(mixOf(60, 30, 10).shortFormat).toEqual({
      key: "Short format", count: 90, total: 100, share: 0.9, target: 0.9, status: "on target", source: "NPS Operating Model v1.0, ch.2",
    });
  });

  it.each([
    // Out of 100 reports: the short format is everything but the SDRs.
    [84, 16, "below target"], [85, 15, "on target"], [90, 10, "on target"], [95, 5, "on target"], [96, 4, "above target"],
  ])("report mix: %i short format reports of 100 (%i SDRs) against 90%% ±5 is %s (ch.2)", (short, sdr, status) => {
    expect(mixOf(short - Math.floor(short / 3), Math.floor(short / 3), sdr).shortFormat.status).toBe(status);
  });

  it("report mix: the short format leaves adjournments out, as the types do (ch.2)", () => {
    const l = mixOf(6, 3, 1, 5).shortFormat;
    expect([l.count, l.total, l.share, l.status]).toEqual([9, 10, 0.9, "on target"]);
  });

  it("report mix: the short format target follows a what-if on the oral and FDR shares (no figure of its own)", () => {
    const { config } = resolveConfig({ reportOralShare: 0.5, reportFdrShare: 0.3 });
    const l = mixOf(50, 30, 20, 0, config.config).shortFormat;
    expect([l.target, l.status]).toEqual([0.8, "on target"]);
    expect(mixOf(60, 30, 10, 0, config.config).shortFormat.status).toBe("above target");
  });
});

describe("report mix: tolerance boundaries (NPS Operating Model v1.0, ch.2 targets; ±5 points default)", () => {
  // Out of 1000 reports, against the 60% oral target.
  it.each([
    [549, "below target"], [550, "on target"], [551, "on target"], [600, "on target"],
    [649, "on target"], [650, "on target"], [651, "above target"],
  ])("report mix: %i oral of 1000 against 60%% ±5 is %s", (oral, status) => {
    const mix = reportMix([...times(oral, "Oral"), ...times(1000 - oral, "FDR")], [], DEFAULT_CONFIG);
    expect(mix.types[0]!.status).toBe(status);
  });

  // 35% PO target, out of 100 reports.
  it.each([[29, "below target"], [30, "on target"], [40, "on target"], [41, "above target"]])(
    "report mix: %i PO-written of 100 against 35%% ±5 is %s (ch.1-2)",
    (po, status) => {
      const mix = reportMix([], [...times(po, "PO"), ...times(100 - po, "PSO")], DEFAULT_CONFIG);
      expect(mix.authors[0]!.status).toBe(status);
    },
  );

  it.each([
    [0.1, 0.1, 0, "on target"], [0.1 + 1e-12, 0.1, 0, "on target"], [0.11, 0.1, 0, "above target"],
    [0.15, 0.1, 0.05, "on target"], [0.05, 0.1, 0.05, "on target"], [0.0499, 0.1, 0.05, "below target"],
    [0.3 + 0.05, 0.3, 0.05, "on target"], [0.65, 0.6, 0.05, "on target"],
  ] as const)("mixStatus(%f, %f, ±%f) is %s (inclusive, float-safe)", (share, target, tol, want) => {
    expect(mixStatus(share, target, tol)).toBe(want);
  });
});
