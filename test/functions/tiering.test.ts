import { afterEach, describe, expect, it } from "@jest/globals";
import { shown, StubError } from "../support/custom-functions-stub";
import { bundleFunctions, resetBundleSettings, setBundleSettings, type BundleFunctions } from "../support/bundle";
import { BLANK, CONVENTIONS, fillBlanks } from "../support/blanks";
import { DEFAULT_SETTINGS } from "../../src/runtime/settings";

// The built bundle's TIER and ALLOCATE_GRADE; BLANK is a blank cell, as each Excel passes it.
afterEach(resetBundleSettings);

const col = (...v: unknown[]) => v.map((x) => [x]);
const one = (v: unknown) => [[v]];
const blank = (): unknown[][] => [[BLANK]];

/** TIER with the eight factor arguments as columns or single cells; the five after rosh, rsr and ogrs default to blank cells. */
function tierOf(fns: BundleFunctions) {
  return (rosh: unknown[][], rsr: unknown[][], ogrs: unknown[][], cat = blank(), lvl = blank(), cpp = blank(), iom = blank(), vul = blank(), ...rest: unknown[]) =>
    shown(fns.TIER(rosh, rsr, ogrs, cat, lvl, cpp, iom, vul, ...rest));
}

describe("NPS.TIER (NPS Operating Model v1.0, ch.3 Diagram 1)", () => {
  it("tier: Excel desktop's zeros for blank cells still give a blank row", () => {
    const TIER = tierOf(bundleFunctions());
    expect(TIER(col(0), col(0), col(0), one(0), one(0), one(false), one(0), one(0))).toEqual([[""]]);
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank: b }) => {
    const TIER = tierOf(bundleFunctions(b));

    it("tier: one tier per row over whole columns, so one formula spills over a caseload", () => {
      expect(TIER(col("High", "Medium", "Low", "low"), col(1, 4, 2.9, 7), col(10, 10, 80, BLANK), col(BLANK, 1, BLANK, BLANK), col(BLANK, 1, BLANK, BLANK))).toEqual([
        ["B2"], ["C1"], ["C2"], ["B2"],
      ]);
    });

    it("tier: single cells broadcast against columns", () => {
      expect(TIER(col("Low", "Medium"), one(BLANK), one(BLANK), blank(), blank(), blank(), one("Y"))).toEqual([["D1"], ["C1"]]);
    });

    it("tier: text scores such as \"6.9%\" read as 6.9 (rule book §1)", () => {
      expect(TIER(one("Low"), one("6.9%"), one(BLANK))).toEqual([["B2"]]);
    });

    it("tier: MAPPA level 3 gives A (ch.3 Diagram 1)", () => {
      expect(TIER(one("Low"), one(1), one(1), one("Cat 2"), one("Level 3"))).toEqual([["A"]]);
    });

    it("tier: a row whose inputs are all blank gives a blank result, not a tier", () => {
      // "" is a formula's empty text, which every Excel passes as "".
      expect(TIER(col("High", BLANK, "", "Low"), col(BLANK, BLANK, BLANK, 1), col(BLANK, BLANK, BLANK, BLANK))).toEqual([["B2"], [""], [""], ["D2"]]);
      // Rows after the last one with any input are not returned: a whole column spills only as far as its data.
      expect(TIER(col("High", BLANK, ""), col(BLANK, BLANK, BLANK), col(BLANK, BLANK, BLANK))).toEqual([["B2"]]);
    });

    it("tier: percent-formatted cells with scores_as_fractions read 0.069 as 6.9% (rule book §1)", () => {
      expect(TIER(one("Low"), one(0.069), one(BLANK), blank(), blank(), blank(), blank(), blank(), true)).toEqual([["B2"]]);
      expect(TIER(one("Low"), one(0.069), one(BLANK))).toEqual([["D2"]]);
    });

    it("tier: the Napo DV variant counts domestic violence as an additional factor (Napo's feedback on the Operating Model, ch.3)", () => {
      const args = [col("Medium", "Medium"), blank(), blank(), blank(), blank(), blank(), blank(), blank(), null, col("Y", "N")] as const;
      expect(TIER(...args, true)).toEqual([["C1"], ["C2"]]);
      expect(TIER(...args, false)).toEqual([["C2"], ["C2"]]);
    });

    it("tier: the Napo DV variant follows the shared settings when the argument is omitted (shared runtime)", () => {
      const args = [one("Medium"), blank(), blank(), blank(), blank(), blank(), blank(), blank(), null, one("Yes")] as const;
      setBundleSettings({ ...DEFAULT_SETTINGS, variants: { ...DEFAULT_SETTINGS.variants, napoDomesticViolence: true } });
      try {
        expect(TIER(...args)).toEqual([["C1"]]);
      } finally {
        resetBundleSettings();
      }
      expect(TIER(...args)).toEqual([["C2"]]);
    });
  });
});

describe("NPS.TIER bad input gives #VALUE! naming the argument", () => {
  describe.each(CONVENTIONS)("blank cells as $name", ({ blank: b }) => {
    const fns = bundleFunctions(b);
    const TIER = tierOf(fns);

    // Filled here so each test's name shows the cells as this Excel passes them.
    it.each(
      fillBlanks<[unknown[][], unknown[][], unknown[][], RegExp | null][]>([
        [col("Hgh"), col(BLANK), col(BLANK), /^#VALUE!: rosh: expected Low, None, Medium, High or Very High; got "Hgh"/],
        [col("Low"), col(130), col(BLANK), /^#VALUE!: rsr: expected a percentage from 0 to 100/],
        [col("Low"), col(BLANK), col("ninety"), /^#VALUE!: ogrs: expected a percentage/],
        [col(BLANK), col(BLANK), col(BLANK), null],
      ], b),
    )("%j %j %j", (rosh, rsr, ogrs, pattern) => {
      const out = TIER(rosh, rsr, ogrs) as string[][];
      if (pattern) expect(out[0]![0]).toMatch(pattern);
      else expect(out).toEqual([[""]]);
    });

    it("only the bad row errors; the others still spill their tiers", () => {
      expect(TIER(col("Low", "Hgh", "High"), one(BLANK), one(BLANK))).toEqual([
        ["D2"],
        ['#VALUE!: rosh: expected Low, None, Medium, High or Very High; got "Hgh".'],
        ["B2"],
      ]);
    });

    it("a yes/no column that is not yes or no names that column", () => {
      const out = TIER(one("Low"), blank(), blank(), blank(), blank(), blank(), one("perhaps")) as string[][];
      expect(out[0]![0]).toMatch(/^#VALUE!: iom: expected yes or no/);
    });

    it("a MAPPA category without a level is refused (under-tiering guard)", () => {
      const out = TIER(one("Low"), blank(), blank(), one(1)) as string[][];
      expect(out[0]![0]).toMatch(/^#VALUE!: mappa_level is blank but mappa_category is 1/);
    });

    it("columns of different heights are one #VALUE! for the call, naming both", () => {
      const call = () => fns.TIER(col("Low", "High"), col(1, 2, 3), blank(), blank(), blank(), blank(), blank(), blank());
      expect(call).toThrow(StubError);
      try {
        call();
      } catch (e) {
        expect((e as StubError).message).toBe("rsr has 3 rows but rosh has 2; columns passed together must be the same height.");
        expect((e as StubError).code).toBe("#VALUE!");
      }
    });

    it("a two-column range is refused: one column per argument", () => {
      expect(() => fns.TIER([["Low", "High"]], blank(), blank(), blank(), blank(), blank(), blank(), blank())).toThrow(/single column; got 1 rows by 2 columns/);
    });

    it("scores_as_fractions must be a single yes/no", () => {
      expect(() => fns.TIER(one("Low"), one(0.5), blank(), blank(), blank(), blank(), blank(), blank(), "sometimes")).toThrow(/scores_as_fractions: expected yes or no/);
    });
  });
});

describe("NPS.ALLOCATE_GRADE (NPS Operating Model v1.0, ch.1, ch.3)", () => {
  const fns = bundleFunctions();

  it("allocate: tiers A and B to a PO, C1 to a PO, C2/D1/D2 to a PSO, over a column", () => {
    expect(shown(fns.ALLOCATE_GRADE(col("A", "B1", "B2", "C1", "C2", "D1", "D2"), col("Low", "Medium", "Low", "Medium", "Medium", "Low", "Low")))).toEqual([
      ["PO"], ["PO"], ["PO"], ["PO"], ["PSO"], ["PSO"], ["PSO"],
    ]);
  });

  it("allocate: High RoSH goes to a PO in any tier (ch.1 summary)", () => {
    expect(shown(fns.ALLOCATE_GRADE(col("D2", "C2"), col("High", "Very High")))).toEqual([["PO"], ["PO"]]);
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank: b }) => {
    const ALLOCATE_GRADE = bundleFunctions(b).ALLOCATE_GRADE;

    it("allocate: options per row — PSO competency for C1, CRC escalation (ch.3)", () => {
      expect(shown(ALLOCATE_GRADE(col("C1", "C1", "D2"), one("Medium"), col("Y", "N", BLANK), col(BLANK, BLANK, "Yes")))).toEqual([["PSO"], ["PO"], ["PO"]]);
    });

    it("allocate: Napo's indeterminate variant (Napo's feedback on the Operating Model, ch.3)", () => {
      expect(shown(ALLOCATE_GRADE(one("D2"), one("Low"), blank(), blank(), one(true), true))).toEqual([["PO"]]);
      expect(shown(ALLOCATE_GRADE(one("D2"), one("Low"), blank(), blank(), one(true), false))).toEqual([["PSO"]]);
    });

    it("allocate: a missing tier, a bad tier and a missing RoSH for tier C each say so", () => {
      expect(shown(ALLOCATE_GRADE(col(BLANK, "B3", "C2"), col("Low", "Low", BLANK)))).toEqual([
        ["#VALUE!: tier is blank; expected a tier A, B1, B2, C1, C2, D1 or D2."],
        ['#VALUE!: tier: expected a tier A, B1, B2, C1, C2, D1 or D2; got "B3".'],
        [expect.stringMatching(/^#VALUE!: rosh is blank; tier C2 needs the RoSH level/)],
      ]);
    });
  });
});
