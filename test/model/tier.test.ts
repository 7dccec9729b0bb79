import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { computeTier, ogrsBand, rsrBand, TIER_RANK, type TierInput } from "../../src/model/tier";
import type { Rosh, Tier } from "../../src/model/values";
import { ROSH_LEVELS } from "../../src/model/values";

function tierOf(input: TierInput, napo = false): Tier {
  const r = computeTier(input, { napoDomesticViolence: napo });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

describe("tier: score bands (NPS Operating Model v1.0, ch.3 Diagram 1)", () => {
  it.each([
    [0, "D"], [2.9, "D"], [2.99, "D"], [3.0, "C"], [5.12, "C"], [6.8, "C"], [6.89, "C"], [6.9, "B"], [7, "B"], [100, "B"],
  ] as const)("tier: RSR %s%% is band %s (ch.3 Diagram 1)", (rsr, band) => {
    expect(rsrBand(rsr)).toBe(band);
    expect(tierOf({ rsr })).toBe(`${band}2`);
  });

  it.each([
    [0, "D"], [74, "D"], [74.9, "D"], [75, "C"], [89, "C"], [89.99, "C"], [90, "B"], [100, "B"],
  ] as const)("tier: OGRS %s%% is band %s (ch.3 Diagram 1)", (ogrs, band) => {
    expect(ogrsBand(ogrs)).toBe(band);
    expect(tierOf({ ogrs })).toBe(`${band}2`);
  });

  it.each([
    ["Low", "D2"], ["Medium", "C2"], ["High", "B2"], ["Very High", "B2"],
  ] as const)("tier: %s RoSH alone gives %s (ch.3 Diagram 1)", (rosh, tier) => {
    expect(tierOf({ rosh })).toBe(tier);
  });

  it("tier: the highest band any one score indicates wins ('or' in ch.3 Diagram 1)", () => {
    expect(tierOf({ rosh: "Low", rsr: 7.2, ogrs: 10 })).toBe("B2");
    expect(tierOf({ rosh: "Low", rsr: 1, ogrs: 80 })).toBe("C2");
    expect(tierOf({ rosh: "High", rsr: 0.5, ogrs: 5 })).toBe("B2");
    expect(tierOf({ rosh: "Medium", rsr: 2 })).toBe("C2");
  });

  it("tier: a missing score is ignored (rule book §1 reading)", () => {
    expect(tierOf({ rsr: 4 })).toBe("C2");
    expect(tierOf({ ogrs: 95, rosh: undefined })).toBe("B2");
  });

  it("tier: with no RoSH, RSR or OGRS the tier cannot be computed (rule book §1) — a clear problem, not a guess", () => {
    const r = computeTier({ iom: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/rosh, rsr and ogrs are all blank/);
  });
});

describe("tier: MAPPA (NPS Operating Model v1.0, ch.3 Diagram 1)", () => {
  it.each([2, 3] as const)("tier: MAPPA level %s is A whatever else holds (ch.3 Diagram 1)", (level) => {
    expect(tierOf({ mappaCategory: 2, mappaLevel: level, rosh: "Low", rsr: 0 })).toBe("A");
    expect(tierOf({ mappaCategory: 1, mappaLevel: level })).toBe("A");
    expect(tierOf({ mappaLevel: level })).toBe("A");
  });

  it("tier: MAPPA category 1 at level 1 is an additional factor, not tier A (ch.3 Diagram 1)", () => {
    expect(tierOf({ mappaCategory: 1, mappaLevel: 1, rosh: "Medium" })).toBe("C1");
  });

  it.each([2, 3] as const)("tier: MAPPA category %s at level 1 is not an additional factor (ch.3 Diagram 1)", (cat) => {
    expect(tierOf({ mappaCategory: cat, mappaLevel: 1, rosh: "Medium" })).toBe("C2");
  });

  it("tier: a MAPPA category with no level is refused, since level 2 or 3 would make it A (under-tiering guard)", () => {
    const r = computeTier({ mappaCategory: 1, rosh: "Low" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.arg).toBe("mappa_level");
      expect(r.problem.message).toMatch(/mappa_level is blank but mappa_category is 1/);
    }
  });
});

describe("tier: additional factors set the digit (NPS Operating Model v1.0, ch.3 Diagram 1)", () => {
  it.each([
    ["child protection plan", { childProtectionPlan: true }],
    ["IOM", { iom: true }],
    ["vulnerability", { vulnerability: true }],
  ] as const)("tier: %s makes the digit 1 (ch.3 Diagram 1)", (_name, factor) => {
    expect(tierOf({ rosh: "Low", ...factor })).toBe("D1");
    expect(tierOf({ rosh: "High", ...factor })).toBe("B1");
  });

  it("tier: with no factor present the digit is 2, and explicit No counts as absent (ch.3 Diagram 1)", () => {
    expect(tierOf({ rosh: "Medium", childProtectionPlan: false, iom: false, vulnerability: false })).toBe("C2");
  });

  it("tier: domestic violence is not a factor in the model as published (ch.3 Diagram 1)", () => {
    expect(tierOf({ rosh: "Medium", domesticViolence: true })).toBe("C2");
  });

  it("tier: under Napo's variant domestic violence is an additional factor (Napo's feedback on the Operating Model, ch.3)", () => {
    expect(tierOf({ rosh: "Medium", domesticViolence: true }, true)).toBe("C1");
    expect(tierOf({ rosh: "Medium", domesticViolence: false }, true)).toBe("C2");
  });

  it("tier: under Napo's variant a blank domestic-violence answer is refused, not read as No (Napo's feedback on the Operating Model, ch.3)", () => {
    const r = computeTier({ rosh: "Medium" }, { napoDomesticViolence: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.arg).toBe("domestic_violence");
  });
});

const roshArb = fc.option(fc.constantFrom<Rosh>(...ROSH_LEVELS), { nil: undefined });
const scoreArb = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined });
const inputArb = fc
  .record({
    rosh: roshArb,
    rsr: scoreArb,
    ogrs: scoreArb,
    childProtectionPlan: fc.boolean(),
    iom: fc.boolean(),
    vulnerability: fc.boolean(),
  })
  .filter((i) => i.rosh !== undefined || i.rsr !== undefined || i.ogrs !== undefined);

describe("tier: properties (ch.3 Diagram 1)", () => {
  it("tier: raising any score never lowers the tier", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom("rsr", "ogrs"), fc.double({ min: 0, max: 100, noNaN: true }), (input, key, bump) => {
        const before = tierOf(input);
        const raised = { ...input, [key]: Math.min(100, (input[key] ?? 0) + bump) };
        return TIER_RANK[tierOf(raised)] >= TIER_RANK[before];
      }),
    );
  });

  it("tier: raising RoSH never lowers the tier", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const i = input.rosh === undefined ? -1 : ROSH_LEVELS.indexOf(input.rosh);
        const up = ROSH_LEVELS[Math.min(ROSH_LEVELS.length - 1, i + 1)]!;
        return TIER_RANK[tierOf({ ...input, rosh: up })] >= TIER_RANK[tierOf(input)];
      }),
    );
  });

  it("tier: an additional factor changes only the digit, never the letter", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom("childProtectionPlan", "iom", "vulnerability"), (input, factor) => {
        const none = tierOf({ ...input, childProtectionPlan: false, iom: false, vulnerability: false });
        const one = tierOf({ ...input, childProtectionPlan: false, iom: false, vulnerability: false, [factor]: true });
        return none.endsWith("2") && one.endsWith("1") && none[0] === one[0];
      }),
    );
  });
});
