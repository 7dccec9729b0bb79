import { describe, expect, it } from "@jest/globals";
import { allocateGrade, type AllocateInput } from "../../src/model/allocate";
import { TIERS, ROSH_LEVELS, type Grade } from "../../src/model/values";

function gradeOf(input: AllocateInput, napo = false): Grade {
  const r = allocateGrade(input, { napoIndeterminateToPo: napo });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value.grade;
}

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
