import { afterEach, describe, expect, it } from "@jest/globals";
import { shown, thrown } from "../support/custom-functions-stub";
import { bundleFunctions, resetBundleSettings, setBundleSettings, type BundleFunctions } from "../support/bundle";
import { BLANK, CONVENTIONS } from "../support/blanks";
import { DEFAULT_SETTINGS } from "../../src/runtime/settings";
import { DEFAULT_VLO_WEIGHTS } from "../../src/model/vlo";

// The built bundle's VLO_WEIGHT; BLANK is a blank cell, as each Excel passes it.
afterEach(resetBundleSettings);

type M = unknown[][];
const col = (...v: unknown[]): M => v.map((x) => [x]);
const one = (v: unknown): M => [[v]];
const blank = (): M => [[BLANK]];

/** VLO_WEIGHT: the three counts after home_visits default to blank cells; the optional arguments are omitted (null) unless given. */
function vloOf(fns: BundleFunctions) {
  return (ct: M, hv: M, pc: M = blank(), le: M = blank(), me: M = blank(), pr?: M | null, mr?: M | null, w?: unknown) =>
    shown(fns.VLO_WEIGHT(ct, hv, pc, le, me, pr ?? null, mr ?? null, w));
}

const DIVISION: M = [
  ["Kind", "Name", "Weight"],
  ["case type", "High", 2],
  ["case type", "Low", 1],
  ["activity", "home visit", 5],
  ["activity", "phone call", 1],
  ["activity", "letter", 1],
  ["activity", "meeting", 2],
  ["activity", "parole representation", 3],
  ["activity", "MAPPA representation", 3],
];

/** The pane's table, with one case type of the given weight. */
const paneWeights = (weight: number) => ({
  ...DEFAULT_SETTINGS,
  vloWeights: { source: "pane" as const, caseTypes: [{ name: "Standard", weight }], activities: { ...DEFAULT_VLO_WEIGHTS.activities } },
});

describe("NPS.VLO_WEIGHT with the default table (NPS Operating Model v1.0, ch.1, ch.5; the seeds give no weights)", () => {
  it("vlo: one score per row: case-type weight × Σ count × activity weight", () => {
    const VLO = vloOf(bundleFunctions());
    // Standard: 2×3 + 4×0.5 + 1×0.5 = 8.5; Homicide: 1.5 × (1×3 + 1×2 parole) = 7.5
    expect(VLO(col("Standard", "Homicide"), col(2, 1), col(4, 0), col(1, 0), col(0, 0), col(0, 1), col(0, 0))).toEqual([[8.5], [7.5]]);
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank: b }) => {
    const VLO = vloOf(bundleFunctions(b));

    it("vlo: optional counts omitted count as 0; text numbers are read", () => {
      expect(VLO(one("Domestic abuse"), one("2"), one(BLANK), one(BLANK), one(1))).toEqual([[9.375]]);
    });

    it("vlo: a row that is blank throughout gives a blank result", () => {
      expect(VLO(col("Standard", BLANK, "Standard"), col(1, BLANK, 2))).toEqual([[3], [""], [6]]);
    });

    it("vlo: a blank weights cell means the default table", () => {
      expect(VLO(one("Standard"), one(1), blank(), blank(), blank(), null, null, [[BLANK]])).toEqual([[3]]);
    });
  });
});

describe("NPS.VLO_WEIGHT with a division's table (NPS Operating Model v1.0, ch.1)", () => {
  describe.each(CONVENTIONS)("blank cells as $name", ({ blank: b }) => {
    const fns = bundleFunctions(b);
    const VLO = vloOf(fns);

    it("vlo: a weights range replaces the default table", () => {
      expect(VLO(col("High", "low"), col(1, 1), col(2, 2), blank(), blank(), null, null, DIVISION)).toEqual([[14], [7]]);
    });

    it("vlo: blank rows at the foot of a weights range are skipped, however Excel sends them", () => {
      const roomy = [...DIVISION, [BLANK, BLANK, BLANK], [BLANK, BLANK, BLANK]];
      expect(VLO(col("High", "low"), col(1, 1), col(2, 2), blank(), blank(), null, null, roomy)).toEqual([[14], [7]]);
    });

    it("vlo: with the weights range, the default case types are unknown", () => {
      const out = VLO(one("Standard"), one(1), blank(), blank(), blank(), null, null, DIVISION) as string[][];
      expect(out[0]![0]).toBe('#VALUE!: case_type: the weights table has no case type "Standard"; expected one of High, Low.');
    });

    it("vlo: with no range, the task pane's table applies; without one, the default", () => {
      setBundleSettings(paneWeights(10));
      try {
        expect(VLO(one("Standard"), one(1))).toEqual([[30]]);
        expect(VLO(one("High"), one(1), blank(), blank(), blank(), null, null, DIVISION)).toEqual([[10]]);
      } finally {
        resetBundleSettings();
      }
      expect(VLO(one("Standard"), one(1))).toEqual([[3]]);
    });

    it("vlo: a bad table saved in the settings is reported, not used", () => {
      setBundleSettings(paneWeights(-1));
      try {
        expect(thrown(() => fns.VLO_WEIGHT(one("Standard"), one(1), blank(), blank(), blank())).message).toBe(
          `the task pane's weights table row 2: the weight of "Standard" must be a number of 0 or more; got -1.`,
        );
      } finally {
        resetBundleSettings();
      }
    });
  });
});

describe("NPS.VLO_WEIGHT bad input gives #VALUE! naming the argument", () => {
  describe.each(CONVENTIONS)("blank cells as $name", ({ blank: b }) => {
    const fns = bundleFunctions(b);
    const VLO = vloOf(fns);

    it.each([
      ["home_visits", [one("two"), blank(), blank(), blank()]],
      ["phone_calls", [blank(), one(-1), blank(), blank()]],
      ["letters", [blank(), blank(), one(1.5), blank()]],
      ["meetings", [blank(), blank(), blank(), one("#N/A")]],
    ] as const)("vlo: a bad count in %s is refused", (name, counts) => {
      const out = VLO(one("Standard"), ...(counts as unknown as [M, M, M, M])) as string[][];
      if (name === "meetings") expect(out[0]![0]).toBe("#VALUE!: #N/A in meetings: the cell holds an Excel error (#N/A often means a lookup found nothing); fix it before this can be worked out.");
      else expect(out[0]![0]).toMatch(new RegExp(`^#VALUE!: ${name}: expected a whole number of 0 or more; got `));
    });

    it("vlo: counts without a case type are refused, naming the known types", () => {
      expect(VLO(one(BLANK), one(2))).toEqual([
        ["#VALUE!: case_type is blank; expected a case type: Standard, Sexual offence, Domestic abuse, Homicide, Indeterminate, Mental health order, Non-statutory."],
      ]);
    });

    it("vlo: an unknown case type is refused per row; other rows still spill", () => {
      expect(VLO(col("Standard", "Burglary"), col(1, 1))).toEqual([
        [3],
        ['#VALUE!: case_type: the weights table has no case type "Burglary"; expected one of Standard, Sexual offence, Domestic abuse, Homicide, Indeterminate, Mental health order, Non-statutory.'],
      ]);
    });

    it("vlo: columns of unequal height are one #VALUE! for the call", () => {
      const e = thrown(() => fns.VLO_WEIGHT(col("Standard", "Homicide"), col(1, 2, 3), blank(), blank(), blank()));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toBe("home_visits has 3 rows but case_type has 2; columns passed together must be the same height.");
    });

    it("vlo: a weights table with a negative weight is one #VALUE! for the call", () => {
      const bad = DIVISION.map((r) => [...r]);
      bad[4]![2] = -1;
      expect(thrown(() => fns.VLO_WEIGHT(one("High"), one(1), blank(), blank(), blank(), null, null, bad)).message).toBe(
        'weights row 5: the weight of "phone call" must be a number of 0 or more; got -1.',
      );
    });

    it("vlo: a weights table with an unknown activity is refused", () => {
      const bad = [...DIVISION, ["activity", "court visit", 2]];
      expect(thrown(() => fns.VLO_WEIGHT(one("High"), one(1), blank(), blank(), blank(), null, null, bad)).message).toMatch(
        /^weights row 10: unknown activity "court visit"; expected one of home visit, phone call/,
      );
    });

    it("vlo: a weights range of the wrong width is refused", () => {
      expect(thrown(() => fns.VLO_WEIGHT(one("High"), one(1), blank(), blank(), blank(), null, null, DIVISION.map((r) => r.slice(0, 2)))).message).toBe(
        "weights: expected a table of three columns, a header row Kind | Name | Weight and then one row per case type or activity; got 9 rows by 2 columns.",
      );
    });
  });
});
