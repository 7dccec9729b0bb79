import { afterEach, describe, expect, it } from "@jest/globals";
import { shown, thrown } from "../support/custom-functions-stub";
import { bundleFunctions, resetBundleSettings, setBundleSettings, type BundleFunctions } from "../support/bundle";
import { BLANK, CONVENTIONS, fillBlanks } from "../support/blanks";
import { DEFAULT_SETTINGS } from "../../src/runtime/settings";

// The built bundle's REPORT_TYPE, REPORT_AUTHOR and REPORT_MIX; BLANK is a blank cell, as each Excel passes it.
afterEach(resetBundleSettings);

type M = unknown[][];
const col = (...v: unknown[]): M => v.map((x) => [x]);
const one = (v: unknown): M => [[v]];
const no = (): M => [["N"]];

/** REPORT_TYPE with the eight required columns in order, the rest optional (null when omitted, as Excel passes them). */
function typeOf(fns: BundleFunctions) {
  return (d: M, t: M, cc: M, mh: M, sv: M, cs: M, ind: M, sens: M, ...rest: unknown[]) => shown(fns.REPORT_TYPE(d, t, cc, mh, sv, cs, ind, sens, ...rest));
}

describe("NPS.REPORT_TYPE (NPS Operating Model v1.0, ch.2)", () => {
  const TYPE = typeOf(bundleFunctions());

  it("report type: one answer per row over a court team's yes/no columns", () => {
    expect(
      TYPE(
        col("Y", "N", "N", "N", "N", "N"),
        col("N", "Y", "N", "N", "N", "N"),
        col("N", "N", "Y", "N", "N", "N"),
        col("N", "N", "N", "N", "N", "N"),
        col("N", "N", "N", "N", "N", "N"),
        col("N", "N", "N", "N", "N", "N"),
        col("Y", "Y", "Y", "Y", "N", "Y"),
        col("N", "N", "N", "N", "N", "Y"),
      ),
    ).toEqual([["SDR"], ["SDR"], ["SDR"], ["Oral"], ["FDR"], ["FDR"]]);
  });

  it("report type: single cells broadcast against columns", () => {
    expect(TYPE(no(), no(), no(), no(), col("Y", "N"), no(), one(true), no())).toEqual([["SDR"], ["Oral"]]);
  });

  it("report type: fdr_sufficient cannot downgrade an SDR that must be completed (ch.2)", () => {
    expect(TYPE(one("Y"), no(), no(), no(), no(), no(), one("Y"), no(), one("Y"))).toEqual([["SDR"]]);
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const TYPE = typeOf(bundleFunctions(blank));

    it("report type: fdr_sufficient turns a may-ground SDR into an FDR, never into Oral (ch.2)", () => {
      expect(TYPE(no(), no(), one("Y"), no(), no(), no(), one("Y"), no(), one("Y"))).toEqual([["FDR"]]);
      expect(TYPE(no(), no(), one("Y"), no(), no(), no(), one("Y"), no(), one(BLANK))).toEqual([["SDR"]]);
    });

    it("report type: a blank sentence_indicated gives an FDR, not Oral (documented reading)", () => {
      expect(TYPE(no(), no(), no(), no(), no(), no(), one(BLANK), no())).toEqual([["FDR"]]);
    });

    it("report type: a row that is blank in every column gives a blank result", () => {
      const b = col(BLANK, BLANK, BLANK);
      expect(TYPE(col("Y", BLANK, "N"), b, b, b, b, b, col(BLANK, BLANK, "Y"), b)).toEqual([["SDR"], [""], ["Oral"]]);
    });

    it("report type: the Napo adjournment variant adjourns on a trigger when switched on (Napo's feedback on the Operating Model, ch.2)", () => {
      const base = [no(), no(), no(), no(), no(), no(), one("Y"), no(), one(BLANK)] as const;
      const triggers = [col("Y", "N", "N", "N", "N"), col("N", "Y", "N", "N", "N"), col("N", "N", "Y", "N", "N"), col("N", "N", "N", "Y", "N")];
      expect(TYPE(...base, ...triggers, true)).toEqual([["Adjourn"], ["Adjourn"], ["Adjourn"], ["Adjourn"], ["Oral"]]);
      expect(TYPE(...base, ...triggers, false)).toEqual([["Oral"], ["Oral"], ["Oral"], ["Oral"], ["Oral"]]);
      expect(TYPE(...base, ...triggers, null)).toEqual([["Oral"], ["Oral"], ["Oral"], ["Oral"], ["Oral"]]);
    });

    it("report type: the Napo variant follows the task pane's setting when napo_adjourn is omitted", () => {
      const args = [no(), no(), no(), no(), no(), no(), one("Y"), no(), one(BLANK), one("Y")] as const;
      setBundleSettings({ ...DEFAULT_SETTINGS, variants: { ...DEFAULT_SETTINGS.variants, napoAdjournments: true } });
      try {
        expect(TYPE(...args)).toEqual([["Adjourn"]]);
        expect(TYPE(...args, one(BLANK), one(BLANK), one(BLANK), false)).toEqual([["Oral"]]);
      } finally {
        resetBundleSettings();
      }
      expect(TYPE(...args)).toEqual([["Oral"]]);
    });
  });
});

describe("NPS.REPORT_TYPE bad input gives #VALUE! naming the argument", () => {
  const fns = bundleFunctions();
  const TYPE = typeOf(fns);

  it.each([
    [0, "dangerousness"], [1, "terrorism"], [2, "complex_case"], [3, "serious_mental_health"],
    [4, "serious_sexual_violent"], [5, "child_safeguarding"], [6, "sentence_indicated"], [7, "complex_or_sensitive"],
  ])("argument %i (%s): 'maybe' is not yes or no", (i, name) => {
    const args: M[] = Array.from({ length: 8 }, () => no());
    args[i] = one("maybe");
    const out = TYPE(...(args as [M, M, M, M, M, M, M, M])) as string[][];
    expect(out[0]![0]).toBe(`#VALUE!: ${name}: expected yes or no (TRUE/FALSE, Y/N, Yes/No or 1/0); got "maybe".`);
  });

  it("only the bad row errors; the others still spill", () => {
    expect(TYPE(col("Y", "perhaps", "N"), no(), no(), no(), no(), no(), one("Y"), no())).toEqual([
      ["SDR"],
      ['#VALUE!: dangerousness: expected yes or no (TRUE/FALSE, Y/N, Yes/No or 1/0); got "perhaps".'],
      ["Oral"],
    ]);
  });

  it("columns of different heights are one #VALUE! for the call, naming both", () => {
    const e = thrown(() => fns.REPORT_TYPE(col("Y", "N"), col("N", "N", "N"), no(), no(), no(), no(), no(), no()));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("terrorism has 3 rows but dangerousness has 2; columns passed together must be the same height.");
  });

  it("napo_adjourn must be a single yes/no", () => {
    const e = thrown(() => fns.REPORT_TYPE(no(), no(), no(), no(), no(), no(), no(), no(), null, null, null, null, null, "sometimes"));
    expect(e.message).toBe('napo_adjourn: expected yes or no (TRUE/FALSE, Y/N, Yes/No or 1/0); got "sometimes".');
    const r = thrown(() => fns.REPORT_TYPE(no(), no(), no(), no(), no(), no(), no(), no(), null, null, null, null, null, col(true, false)));
    expect(r.message).toBe("napo_adjourn: expected a single value, not a range.");
  });

  it("a two-column range is refused: one column per argument", () => {
    expect(thrown(() => fns.REPORT_TYPE([["Y", "N"]], no(), no(), no(), no(), no(), no(), no())).message).toBe(
      "dangerousness: expected a single cell or a single column; got 1 rows by 2 columns.",
    );
  });
});

describe("NPS.REPORT_AUTHOR (NPS Operating Model v1.0, ch.2, list 1-9)", () => {
  const n = () => no();
  const authorOf = (fns: BundleFunctions) => (...a: unknown[]) => shown(fns.REPORT_AUTHOR(...a));
  const fns = bundleFunctions();
  const AUTHOR = authorOf(fns);
  const risks = "report author: DV risk %s and sexual offending risk %s give %s (list 5: High DV; list 6: Medium sexual)";

  it.each([
    ["Low", "Low", "PSO"], ["Medium", "Low", "PSO"], ["High", "Low", "PO"], ["Very High", "None", "PO"],
  ])(risks, (dv, sex, grade) => {
    expect(AUTHOR(n(), n(), n(), n(), one(dv), one(sex), n(), n())).toEqual([[grade]]);
  });

  it("report author: Excel desktop's 0 for a blank risk level is read as blank", () => {
    expect(AUTHOR(n(), n(), n(), n(), one(0), one(0), n(), one("Y"))).toEqual([["PO"]]);
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const fns = bundleFunctions(blank);
    const AUTHOR = authorOf(fns);

    it("report author: each of the nine exceptions gives a PO; none gives a PSO", () => {
      const yes = (i: number) => col(...Array.from({ length: 10 }, (_, r) => (r === i ? "Y" : "N")));
      const level = (i: number, lvl: string) => col(...Array.from({ length: 10 }, (_, r) => (r === i ? lvl : BLANK)));
      expect(AUTHOR(yes(0), yes(1), yes(2), yes(3), level(4, "High"), level(5, "Medium"), yes(6), yes(7), yes(8))).toEqual([
        ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PSO"],
      ]);
    });

    // Filled here so each test's name shows the cell as this Excel passes it.
    it.each(fillBlanks([[BLANK, "Medium", "PO"], [BLANK, "Low", "PSO"]], blank))(risks, (dv, sex, grade) => {
      expect(AUTHOR(n(), n(), n(), n(), one(dv), one(sex), n(), n())).toEqual([[grade]]);
    });

    it("report author: a yes/no in a risk-level column is refused, naming it, rather than guessed", () => {
      expect(AUTHOR(n(), n(), n(), n(), one("Yes"), one(BLANK), n(), n())).toEqual([
        ['#VALUE!: dv_risk: expected the indicative RoSH level Low, Medium, High or Very High (blank when there is none); got "Yes".'],
      ]);
    });

    it("report author: a bad yes/no names its column", () => {
      const out = AUTHOR(n(), n(), n(), n(), one(BLANK), one(BLANK), n(), one("often")) as string[][];
      expect(out[0]![0]).toMatch(/^#VALUE!: organised_crime: expected yes or no/);
    });

    it("report author: columns of different heights are one #VALUE! for the call", () => {
      expect(thrown(() => fns.REPORT_AUTHOR(col("Y", "N"), n(), n(), n(), col(BLANK, BLANK, BLANK), n(), n(), n())).message).toBe(
        "dv_risk has 3 rows but dangerousness has 2; columns passed together must be the same height.",
      );
    });
  });
});

describe("NPS.REPORT_MIX (NPS Operating Model v1.0, ch.1-2)", () => {
  const rep = (n: number, x: string) => Array.from({ length: n }, () => x);
  const fns = bundleFunctions();

  it("report mix: a spilled table with a header row; shares against 60/30/10 and 35/65", () => {
    const types = col(...rep(6, "Oral"), ...rep(3, "FDR"), "SDR");
    const grades = col(...rep(4, "PO"), ...rep(6, "PSO"));
    expect(shown(fns.REPORT_MIX(types, grades))).toEqual([
      ["report", "share", "target", "status"],
      ["Oral", 0.6, 0.6, "on target"],
      ["FDR", 0.3, 0.3, "on target"],
      ["SDR", 0.1, 0.1, "on target"],
      ["Short format", 0.9, 0.9, "on target"],
      ["PO", 0.4, 0.35, "on target"],
      ["PSO", 0.6, 0.65, "on target"],
    ]);
  });

  it("report mix: shares off target say which way (±5 points)", () => {
    const out = shown(fns.REPORT_MIX(col(...rep(5, "Oral"), ...rep(4, "FDR"), "SDR"), col(...rep(5, "PO"), ...rep(5, "PSO")))) as unknown[][];
    expect(out.map((r) => r[3])).toEqual(["status", "below target", "above target", "on target", "on target", "above target", "below target"]);
  });

  it("report mix: Adjourn from the Napo variant is out of the type shares, which add up to 100%, and gets its own row last (ch.2)", () => {
    const out = shown(fns.REPORT_MIX(col("Oral", "Oral", "FDR", "Adjourn"), col("PSO", "PSO", "PO", "PSO"))) as unknown[][];
    expect(out.length).toBe(8);
    expect(out[1]![0]).toBe("Oral");
    expect(out[1]![1]).toBeCloseTo(2 / 3, 9);
    expect(out[2]![1]).toBeCloseTo(1 / 3, 9);
    expect(out[3]).toEqual(["SDR", 0, 0.1, "below target"]);
    expect(out[4]).toEqual(["Short format", 1, 0.9, "above target"]);
    expect(out[7]).toEqual(["Adjourn", 0.25, "", "no target"]);
  });

  it("report mix: targets and tolerance follow the task pane's what-if", () => {
    setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { reportOralShare: 0.5, reportMixTolerance: 0 } });
    try {
      const out = shown(fns.REPORT_MIX(col("Oral", "FDR"), col("PSO", "PO"))) as unknown[][];
      expect(out[1]).toEqual(["Oral", 0.5, 0.5, "on target"]);
      expect(out[2]).toEqual(["FDR", 0.5, 0.3, "above target"]);
    } finally {
      resetBundleSettings();
    }
  });

  it("report mix: an unreadable report type is one #VALUE! naming the row and the value", () => {
    const e = thrown(() => fns.REPORT_MIX(col("Oral", "PSR"), col("PSO", "PO")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('Row 2 of the ranges: report_types: expected a report type Oral, FDR, SDR or Adjourn; got "PSR".');
  });

  it("report mix: an unreadable grade is named", () => {
    expect(thrown(() => fns.REPORT_MIX(col("Oral"), col("SPO"))).message).toBe('Row 1 of the ranges: author_grades: expected a grade PO or PSO; got "SPO".');
  });

  it("report mix: Excel desktop's 0 for a blank cell reads as blank, so the message says blank", () => {
    expect(thrown(() => fns.REPORT_MIX(col("Oral", 0), col("PSO", "PO"))).message).toBe(
      'Row 2 of the ranges: report_types is blank but author_grades holds "PO"; every report needs both its type and its author\'s grade.',
    );
    expect(shown(fns.REPORT_MIX(col("Oral", 0), col("PSO", 0))) as unknown[][]).toContainEqual(["Oral", 1, 0.6, "above target"]);
  });

  it("report mix: ranges of unequal height are refused", () => {
    expect(thrown(() => fns.REPORT_MIX(col("Oral", "FDR", "SDR"), col("PO", "PSO"))).message).toBe(
      "author_grades has 2 rows but report_types has 3; columns passed together must be the same height.",
    );
  });

  it("report mix: a bad what-if in the settings is reported, not ignored", () => {
    setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { reportOralShare: 2 } });
    try {
      expect(thrown(() => fns.REPORT_MIX(col("Oral"), col("PO"))).message).toBe("reportOralShare: expected a percentage from 0% to 100%, written as 60% or 0.6; got 2.");
    } finally {
      resetBundleSettings();
    }
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const REPORT_MIX = bundleFunctions(blank).REPORT_MIX;

    it("report mix: blank rows are skipped", () => {
      const out = shown(REPORT_MIX(col("Oral", BLANK, "SDR"), col("PSO", BLANK, "PO"))) as unknown[][];
      expect(out[1]).toEqual(["Oral", 0.5, 0.6, "below target"]);
    });

    it("report mix: a report with a type but no grade (or the reverse) is refused, not half-counted", () => {
      expect(thrown(() => REPORT_MIX(col("Oral", "FDR"), col("PSO", BLANK))).message).toBe(
        'Row 2 of the ranges: author_grades is blank but report_types holds "FDR"; every report needs both its type and its author\'s grade.',
      );
      expect(thrown(() => REPORT_MIX(col(BLANK), col("PO"))).message).toBe(
        'Row 1 of the ranges: report_types is blank but author_grades holds "PO"; every report needs both its type and its author\'s grade.',
      );
    });

    it("report mix: no reports at all gives a blank, never a table of zeros", () => {
      expect(REPORT_MIX(col(BLANK, BLANK), col(BLANK, BLANK))).toEqual([[""]]);
    });
  });
});
