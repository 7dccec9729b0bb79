import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { allocateGrade, effectiveTier, type AllocateInput } from "../../src/model/allocate";
import { TIERS, ROSH_LEVELS, type Grade, type Rosh, type Tier } from "../../src/model/values";

function gradeOf(input: AllocateInput, napo = false): Grade {
  return adviceOf(input, napo).grade;
}

function adviceOf(input: AllocateInput, napo = false) {
  const r = allocateGrade(input, { napoIndeterminateToPo: napo });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

/** The RoSH that matches each tier's letter, so the RoSH floor does not move the tier. */
const ROSH_OF: Record<"C1" | "C2" | "D1" | "D2", Rosh> = { C1: "Medium", C2: "Medium", D1: "Low", D2: "Low" };

describe("allocate: tier and RoSH alone (NPS Operating Model v1.0, ch.1, ch.3)", () => {
  it.each([
    ["A", "Low", "PO"], ["B1", "Medium", "PO"], ["B2", "Low", "PO"],
    ["C1", "Medium", "PO"], ["C2", "Medium", "PSO"], ["D1", "Low", "PSO"], ["D2", "Low", "PSO"],
  ] as const)("allocate: tier %s with %s RoSH goes to a %s (ch.3)", (tier, rosh, grade) => {
    expect(gradeOf({ tier, rosh })).toBe(grade);
  });

  it.each(TIERS)("allocate: High and Very High RoSH in tier %s go to a PO (ch.1 summary, ch.3)", (tier) => {
    expect(gradeOf({ tier, rosh: "High" })).toBe("PO");
    expect(gradeOf({ tier, rosh: "Very High" })).toBe("PO");
  });

  it("allocate: the reason cites the source (ch.3)", () => {
    const r = allocateGrade({ tier: "C2", rosh: "Medium" });
    expect(r.ok && r.value.reason).toMatch(/ch\.3/);
  });
});

describe("allocate: options (NPS Operating Model v1.0, ch.3; Napo's feedback on the Operating Model, ch.3)", () => {
  it("allocate: C1 goes to a PSO who has demonstrated competency, else a PO (ch.3)", () => {
    expect(gradeOf({ tier: "C1", rosh: "Medium", psoCompetent: true })).toBe("PSO");
    expect(gradeOf({ tier: "C1", rosh: "Medium", psoCompetent: false })).toBe("PO");
  });

  it("allocate: PSO competency never overrides High RoSH or tiers A and B (ch.1, ch.3)", () => {
    expect(gradeOf({ tier: "C1", rosh: "High", psoCompetent: true })).toBe("PO");
    expect(gradeOf({ tier: "B1", rosh: "Medium", psoCompetent: true })).toBe("PO");
  });

  it.each(TIERS)("allocate: a case from a CRC on risk escalation goes to a PO in the first instance, tier %s (ch.3)", (tier) => {
    expect(gradeOf({ tier, rosh: "Low", crcEscalation: true })).toBe("PO");
  });

  it("allocate: indeterminate sentences are allocated on RoSH in the model as published (ch.3)", () => {
    expect(gradeOf({ tier: "C2", rosh: "Medium", indeterminate: true })).toBe("PSO");
    expect(gradeOf({ tier: "C2", rosh: "High", indeterminate: true })).toBe("PO");
  });

  it("allocate: under Napo's variant indeterminate sentences always go to a PO (Napo's feedback on the Operating Model, ch.3)", () => {
    for (const rosh of ROSH_LEVELS) expect(gradeOf({ tier: "D2", rosh, indeterminate: true }, true)).toBe("PO");
    expect(gradeOf({ tier: "D2", rosh: "Low", indeterminate: false }, true)).toBe("PSO");
  });
});

describe("allocate: bad input", () => {
  it.each(["C1", "C2", "D1", "D2"] as const)("allocate: tier %s with no RoSH is refused, since High RoSH would need a PO", (tier) => {
    const r = allocateGrade({ tier });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(new RegExp(`rosh is blank; tier ${tier}`));
  });

  it.each(["A", "B1", "B2"] as const)("allocate: tier %s needs no RoSH to go to a PO (ch.3)", (tier) => {
    expect(gradeOf({ tier })).toBe("PO");
  });
});

describe("allocate: sex offenders (NPS Operating Model v1.0, ch.3)", () => {
  // Every combination of tier, sex offender case, PSO trained for low risk sex offenders (with
  // management oversight), PSO on the CJL route at an appropriate point, and PSO competency for C1.
  // RoSH matches the tier's letter (Medium for C, Low for D). Readings (rule book §2): a low risk sex
  // offender (D1, D2) goes to a PSO only when trained or on the CJL route; a medium risk sex offender
  // (C1, C2) only on the CJL route, and competency alone is not enough; these conditions come on top
  // of the tier's own rule, so a C1 sex offender also needs competency.
  it.each([
    ["C1", false, false, false, false, "PO"],
    ["C1", false, false, false, true,  "PSO"],
    ["C1", false, false, true,  false, "PO"],
    ["C1", false, false, true,  true,  "PSO"],
    ["C1", false, true,  false, false, "PO"],
    ["C1", false, true,  false, true,  "PSO"],
    ["C1", false, true,  true,  false, "PO"],
    ["C1", false, true,  true,  true,  "PSO"],
    ["C1", true,  false, false, false, "PO"],
    ["C1", true,  false, false, true,  "PO"],
    ["C1", true,  false, true,  false, "PO"],
    ["C1", true,  false, true,  true,  "PSO"],
    ["C1", true,  true,  false, false, "PO"],
    ["C1", true,  true,  false, true,  "PO"],
    ["C1", true,  true,  true,  false, "PO"],
    ["C1", true,  true,  true,  true,  "PSO"],
    ["C2", false, false, false, false, "PSO"],
    ["C2", false, false, false, true,  "PSO"],
    ["C2", false, false, true,  false, "PSO"],
    ["C2", false, false, true,  true,  "PSO"],
    ["C2", false, true,  false, false, "PSO"],
    ["C2", false, true,  false, true,  "PSO"],
    ["C2", false, true,  true,  false, "PSO"],
    ["C2", false, true,  true,  true,  "PSO"],
    ["C2", true,  false, false, false, "PO"],
    ["C2", true,  false, false, true,  "PO"],
    ["C2", true,  false, true,  false, "PSO"],
    ["C2", true,  false, true,  true,  "PSO"],
    ["C2", true,  true,  false, false, "PO"],
    ["C2", true,  true,  false, true,  "PO"],
    ["C2", true,  true,  true,  false, "PSO"],
    ["C2", true,  true,  true,  true,  "PSO"],
    ["D1", false, false, false, false, "PSO"],
    ["D1", false, false, false, true,  "PSO"],
    ["D1", false, false, true,  false, "PSO"],
    ["D1", false, false, true,  true,  "PSO"],
    ["D1", false, true,  false, false, "PSO"],
    ["D1", false, true,  false, true,  "PSO"],
    ["D1", false, true,  true,  false, "PSO"],
    ["D1", false, true,  true,  true,  "PSO"],
    ["D1", true,  false, false, false, "PO"],
    ["D1", true,  false, false, true,  "PO"],
    ["D1", true,  false, true,  false, "PSO"],
    ["D1", true,  false, true,  true,  "PSO"],
    ["D1", true,  true,  false, false, "PSO"],
    ["D1", true,  true,  false, true,  "PSO"],
    ["D1", true,  true,  true,  false, "PSO"],
    ["D1", true,  true,  true,  true,  "PSO"],
    ["D2", false, false, false, false, "PSO"],
    ["D2", false, false, false, true,  "PSO"],
    ["D2", false, false, true,  false, "PSO"],
    ["D2", false, false, true,  true,  "PSO"],
    ["D2", false, true,  false, false, "PSO"],
    ["D2", false, true,  false, true,  "PSO"],
    ["D2", false, true,  true,  false, "PSO"],
    ["D2", false, true,  true,  true,  "PSO"],
    ["D2", true,  false, false, false, "PO"],
    ["D2", true,  false, false, true,  "PO"],
    ["D2", true,  false, true,  false, "PSO"],
    ["D2", true,  false, true,  true,  "PSO"],
    ["D2", true,  true,  false, false, "PSO"],
    ["D2", true,  true,  false, true,  "PSO"],
    ["D2", true,  true,  true,  false, "PSO"],
    ["D2", true,  true,  true,  true,  "PSO"],
  ] as const)("allocate: tier %s, sex offender %s, PSO trained %s, CJL %s, competent %s goes to a %s (ch.3)", (tier, sexOffender, psoSexOffenderTrained, psoCjl, psoCompetent, grade) => {
    expect(gradeOf({ tier, rosh: ROSH_OF[tier], sexOffender, psoSexOffenderTrained, psoCjl, psoCompetent })).toBe(grade);
  });

  it.each(["C1", "C2", "D1", "D2"] as const)("allocate: a blank sex offender column reads as not a sex offender case, tier %s (ch.3)", (tier) => {
    expect(gradeOf({ tier, rosh: ROSH_OF[tier], psoCompetent: true })).toBe("PSO");
  });

  it.each(["C1", "C2", "D1", "D2"] as const)("allocate: a sex offender case with blank PSO training and CJL goes to a PO, tier %s (ch.3)", (tier) => {
    expect(gradeOf({ tier, rosh: ROSH_OF[tier], sexOffender: true, psoCompetent: true })).toBe("PO");
  });

  const overriding: [string, AllocateInput, boolean][] = [
    ["tier A", { tier: "A", rosh: "Low" }, false],
    ["tier B1", { tier: "B1", rosh: "Medium" }, false],
    ["tier B2", { tier: "B2", rosh: "Low" }, false],
    ["High RoSH", { tier: "D1", rosh: "High" }, false],
    ["Very High RoSH", { tier: "C2", rosh: "Very High" }, false],
    ["a CRC risk escalation", { tier: "D2", rosh: "Low", crcEscalation: true }, false],
    ["a life sentence under Napo's variant", { tier: "D2", rosh: "Low", indeterminate: true }, true],
  ];
  it.each(overriding)("allocate: PSO training and the CJL route never override %s: PO (ch.1, ch.3)", (_what, input, napo) => {
    expect(gradeOf({ ...input, sexOffender: true, psoSexOffenderTrained: true, psoCjl: true, psoCompetent: true }, napo)).toBe("PO");
  });

  it("allocate: the reasons quote ch.3 on low risk sex offenders in D1 and D2", () => {
    expect(adviceOf({ tier: "D1", rosh: "Low", sexOffender: true, psoSexOffenderTrained: true }).reason).toBe(
      "Tier D1 low risk sex offender: PSOs can manage low risk sex offenders in tier D1 once they have undertaken the appropriate training and with management oversight (ch.3)",
    );
    expect(adviceOf({ tier: "D2", rosh: "Low", sexOffender: true, psoSexOffenderTrained: true }).reason).toBe(
      "Tier D2 low risk sex offender: low risk sex offenders may be managed by PSOs who are suitably trained and with the appropriate level of managerial oversight (ch.3)",
    );
    expect(adviceOf({ tier: "D2", rosh: "Low", sexOffender: true, psoCjl: true }).reason).toMatch(
      /^Tier D2 low risk sex offender with a PSO training through the CJL qualification: PSOs training to be POs through the Community Justice Learning \(CJL\) qualification can manage low and medium risk sex offenders at an appropriate point in their training \(ch\.3\)$/,
    );
    expect(adviceOf({ tier: "D1", rosh: "Low", sexOffender: true }).reason).toMatch(/^Tier D1 low risk sex offender: PO unless the PSO has undertaken the appropriate training, with management oversight, or is training to be a PO through the CJL qualification .*\(ch\.3\)$/);
  });

  it("allocate: the reasons quote ch.3 on medium risk sex offenders in C1 and C2", () => {
    expect(adviceOf({ tier: "C1", rosh: "Medium", sexOffender: true, psoCjl: true, psoCompetent: true }).reason).toBe(
      "Tier C1 medium risk sex offender with a PSO who has demonstrated competency and is training through the CJL qualification: PSOs training to be POs through the Community Justice Learning (CJL) qualification can manage tier C1 medium risk sex offenders at an appropriate point in their training (ch.3)",
    );
    expect(adviceOf({ tier: "C2", rosh: "Medium", sexOffender: true, psoCjl: true }).reason).toMatch(/can manage low and medium risk sex offenders at an appropriate point in their training \(ch\.3\)$/);
    const po = adviceOf({ tier: "C1", rosh: "Medium", sexOffender: true, psoCompetent: true, psoSexOffenderTrained: true });
    expect(po.grade).toBe("PO");
    expect(po.reason).toMatch(/^Tier C1 medium risk sex offender: PO unless the PSO is training to be a PO through the CJL qualification .*demonstrated competency alone is not enough \(ch\.3\)$/);
    const noCompetency = adviceOf({ tier: "C1", rosh: "Medium", sexOffender: true, psoCjl: true });
    expect(noCompetency.grade).toBe("PO");
    expect(noCompetency.reason).toMatch(/and has demonstrated competency as for any tier C1 case/);
  });
});

describe("allocate: the RoSH floor (NPS Operating Model v1.0, ch.3, Diagram 1; rule book §2)", () => {
  it.each([
    ["A", "Low", "A"], ["A", "Very High", "A"],
    ["B1", "Low", "B1"], ["B2", "Medium", "B2"], ["B2", "High", "B2"],
    ["C1", "Low", "C1"], ["C2", "Medium", "C2"], ["C1", "High", "B1"], ["C2", "Very High", "B2"],
    ["D1", "Low", "D1"], ["D2", "Low", "D2"], ["D1", "Medium", "C1"], ["D2", "Medium", "C2"], ["D1", "High", "B1"], ["D2", "Very High", "B2"],
  ] as const)("allocate: tier %s with %s RoSH is allocated as %s (the higher letter, the tier's digit)", (tier, rosh, want) => {
    expect(effectiveTier(tier, rosh)).toBe(want);
  });

  it("allocate: with no RoSH the tier stands", () => {
    expect(effectiveTier("D1", undefined)).toBe("D1");
  });

  it("allocate: tier D1 with Medium RoSH is taken as C1: a PO unless the PSO has demonstrated competency (ch.3)", () => {
    const a = adviceOf({ tier: "D1", rosh: "Medium" });
    expect(a.grade).toBe("PO");
    expect(a.reason).toBe("Tier taken as C1, since Medium RoSH puts the case in band C (ch.3, Diagram 1). Tier C1: PO unless the PSO has demonstrated competency (ch.3)");
    expect(gradeOf({ tier: "D1", rosh: "Medium", psoCompetent: true })).toBe("PSO");
  });

  it("allocate: tier D2 with Medium RoSH is taken as C2: a PSO may manage it (ch.3)", () => {
    const a = adviceOf({ tier: "D2", rosh: "Medium" });
    expect(a.grade).toBe("PSO");
    expect(a.reason).toBe("Tier taken as C2, since Medium RoSH puts the case in band C (ch.3, Diagram 1). Tier C2: a PSO may manage the case (ch.3)");
  });

  it("allocate: a sex offender in tier D1 or D2 with Medium RoSH is a medium risk sex offender: the CJL route only (ch.3)", () => {
    expect(gradeOf({ tier: "D1", rosh: "Medium", sexOffender: true, psoSexOffenderTrained: true })).toBe("PO");
    expect(gradeOf({ tier: "D2", rosh: "Medium", sexOffender: true, psoSexOffenderTrained: true })).toBe("PO");
    expect(gradeOf({ tier: "D2", rosh: "Medium", sexOffender: true, psoCjl: true })).toBe("PSO");
    expect(adviceOf({ tier: "D1", rosh: "Medium", sexOffender: true }).reason).toMatch(/^Tier taken as C1, since Medium RoSH puts the case in band C \(ch\.3, Diagram 1\)\. Tier C1 medium risk sex offender: PO/);
  });

  it("allocate: a tier higher than the RoSH stands (tiers count scores as well as RoSH): C1 with Low RoSH is still C1 (ch.3)", () => {
    const a = adviceOf({ tier: "C1", rosh: "Low" });
    expect(a).toEqual({ grade: "PO", reason: "Tier C1: PO unless the PSO has demonstrated competency (ch.3)" });
  });
});

describe("allocate: properties (NPS Operating Model v1.0, ch.1, ch.3)", () => {
  const flag = fc.option(fc.boolean(), { nil: undefined });
  const anyInput = fc.record({
    tier: fc.constantFrom(...TIERS),
    rosh: fc.option(fc.constantFrom(...ROSH_LEVELS), { nil: undefined }),
    psoCompetent: flag,
    crcEscalation: flag,
    indeterminate: flag,
    sexOffender: flag,
    psoSexOffenderTrained: flag,
    psoCjl: flag,
  });
  const runs = { numRuns: Number(process.env["FUZZ_RUNS"] ?? 2000), seed: Number(process.env["FUZZ_SEED"] ?? 20261203) };
  /** The RoSH band of Diagram 1, written out here apart from the model. */
  const BAND: Record<Rosh, string> = { Low: "D", Medium: "C", High: "B", "Very High": "B" };
  const grade = (input: AllocateInput, napo: boolean): Grade | undefined => {
    const r = allocateGrade(input, { napoIndeterminateToPo: napo });
    return r.ok ? r.value.grade : undefined;
  };

  it("allocate: never a PSO when the tier alone (A, B) or the RoSH alone (High, Very High) says PO, whatever the PSO's training (ch.1, ch.3)", () => {
    fc.assert(
      fc.property(anyInput, fc.boolean(), (input, napo) => {
        if (/^[AB]/.test(input.tier) || input.rosh === "High" || input.rosh === "Very High") expect(grade(input, napo)).toBe("PO");
      }),
      runs,
    );
  });

  it("allocate: never lighter than the tier the RoSH alone gives (the RoSH floor; ch.3, Diagram 1)", () => {
    fc.assert(
      fc.property(anyInput, fc.boolean(), (input, napo) => {
        if (input.rosh === undefined || input.tier === "A") return;
        const roshTier = `${BAND[input.rosh]}${input.tier[1]!}` as Tier;
        if (grade({ ...input, tier: roshTier }, napo) === "PO") expect(grade(input, napo)).toBe("PO");
      }),
      runs,
    );
  });

  it("allocate: making the case a sex offender case never turns a PO into a PSO (ch.3)", () => {
    fc.assert(
      fc.property(anyInput, fc.boolean(), (input, napo) => {
        if (grade({ ...input, sexOffender: false }, napo) === "PO") expect(grade({ ...input, sexOffender: true }, napo)).toBe("PO");
      }),
      runs,
    );
  });

  it("allocate: only a blank RoSH in tiers C and D is refused, and a CRC escalation needs none (ch.3)", () => {
    fc.assert(
      fc.property(anyInput, fc.boolean(), (input, napo) => {
        const refused = input.crcEscalation !== true && /^[CD]/.test(input.tier) && input.rosh === undefined;
        expect(grade(input, napo) === undefined).toBe(refused);
      }),
      runs,
    );
  });
});
