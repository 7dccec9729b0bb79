import { beforeAll, describe, expect, it } from "@jest/globals";
import { installCustomFunctionsStub, shown, thrown } from "../support/custom-functions-stub";
import { report_author, report_mix, report_type } from "../../src/functions/reports";
import { DEFAULT_SETTINGS, setSettings } from "../../src/shared/settings";

// The CustomFunctions global Excel provides: an Error carrying code and message; ErrorCode #VALUE!/#N/A.
beforeAll(() => installCustomFunctionsStub());

type M = unknown[][];
const col = (...v: unknown[]): M => v.map((x) => [x]);
const one = (v: unknown): M => [[v]];
const no = (): M => [["N"]];

/** Excel passes null for an omitted argument, which the signature's optional types do not admit. */
const TYPE_RAW = report_type as (...a: unknown[]) => unknown;

/** REPORT_TYPE with the eight required columns in order, the rest optional. */
function TYPE(d: M, t: M, cc: M, mh: M, sv: M, cs: M, ind: M, sens: M, ...rest: unknown[]) {
  return shown(TYPE_RAW(d, t, cc, mh, sv, cs, ind, sens, ...rest));
}

describe("NPS.REPORT_TYPE (NPS Operating Model v1.0, ch.2)", () => {
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

  it("report type: fdr_sufficient turns a may-ground SDR into an FDR, never into Oral (ch.2)", () => {
    expect(TYPE(no(), no(), one("Y"), no(), no(), no(), one("Y"), no(), one("Y"))).toEqual([["FDR"]]);
    expect(TYPE(no(), no(), one("Y"), no(), no(), no(), one("Y"), no(), one(null))).toEqual([["SDR"]]);
  });

  it("report type: fdr_sufficient cannot downgrade an SDR that must be completed (ch.2)", () => {
    expect(TYPE(one("Y"), no(), no(), no(), no(), no(), one("Y"), no(), one("Y"))).toEqual([["SDR"]]);
  });

  it("report type: a blank sentence_indicated gives an FDR, not Oral (documented reading)", () => {
    expect(TYPE(no(), no(), no(), no(), no(), no(), one(null), no())).toEqual([["FDR"]]);
  });

  it("report type: a row that is blank in every column gives a blank result", () => {
    const b = col(null, null);
    expect(TYPE(col("Y", null), b, b, b, b, b, b, b)).toEqual([["SDR"], [""]]);
  });

  it("report type: the Napo adjournment variant adjourns on a trigger when switched on (Napo's feedback on the Operating Model, ch.2)", () => {
    const base = [no(), no(), no(), no(), no(), no(), one("Y"), no(), one(null)] as const;
    const triggers = [col("Y", "N", "N", "N", "N"), col("N", "Y", "N", "N", "N"), col("N", "N", "Y", "N", "N"), col("N", "N", "N", "Y", "N")];
    expect(TYPE(...base, ...triggers, true)).toEqual([["Adjourn"], ["Adjourn"], ["Adjourn"], ["Adjourn"], ["Oral"]]);
    expect(TYPE(...base, ...triggers, false)).toEqual([["Oral"], ["Oral"], ["Oral"], ["Oral"], ["Oral"]]);
    expect(TYPE(...base, ...triggers, null)).toEqual([["Oral"], ["Oral"], ["Oral"], ["Oral"], ["Oral"]]);
  });

  it("report type: the Napo variant follows the task pane's setting when napo_adjourn is omitted", () => {
    const args = [no(), no(), no(), no(), no(), no(), one("Y"), no(), one(null), one("Y")] as const;
    setSettings({ ...DEFAULT_SETTINGS, variants: { ...DEFAULT_SETTINGS.variants, napoAdjournments: true } });
    try {
      expect(TYPE(...args)).toEqual([["Adjourn"]]);
      expect(TYPE(...args, one(null), one(null), one(null), false)).toEqual([["Oral"]]);
    } finally {
      setSettings(DEFAULT_SETTINGS);
    }
    expect(TYPE(...args)).toEqual([["Oral"]]);
  });
});

describe("NPS.REPORT_TYPE bad input gives #VALUE! naming the argument", () => {
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
    const e = thrown(() => report_type(col("Y", "N"), col("N", "N", "N"), no(), no(), no(), no(), no(), no()));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("terrorism has 3 rows but dangerousness has 2; columns passed together must be the same height.");
  });

  it("napo_adjourn must be a single yes/no", () => {
    const e = thrown(() => TYPE_RAW(no(), no(), no(), no(), no(), no(), no(), no(), null, null, null, null, null, "sometimes"));
    expect(e.message).toBe('napo_adjourn: expected yes or no (TRUE/FALSE, Y/N, Yes/No or 1/0); got "sometimes".');
    const r = thrown(() => TYPE_RAW(no(), no(), no(), no(), no(), no(), no(), no(), null, null, null, null, null, col(true, false)));
    expect(r.message).toBe("napo_adjourn: expected a single value, not a range.");
  });

  it("a two-column range is refused: one column per argument", () => {
    expect(thrown(() => report_type([["Y", "N"]], no(), no(), no(), no(), no(), no(), no())).message).toBe(
      "dangerousness: expected a single cell or a single column; got 1 rows by 2 columns.",
    );
  });
});

describe("NPS.REPORT_AUTHOR (NPS Operating Model v1.0, ch.2, list 1-9)", () => {
  const n = () => no();
  function AUTHOR(...a: unknown[]) {
    return shown((report_author as (...x: unknown[]) => unknown)(...a));
  }

  it("report author: each of the nine exceptions gives a PO; none gives a PSO", () => {
    const yes = (i: number) => col(...Array.from({ length: 10 }, (_, r) => (r === i ? "Y" : "N")));
    const level = (i: number, lvl: string) => col(...Array.from({ length: 10 }, (_, r) => (r === i ? lvl : null)));
    expect(AUTHOR(yes(0), yes(1), yes(2), yes(3), level(4, "High"), level(5, "Medium"), yes(6), yes(7), yes(8))).toEqual([
      ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PO"], ["PSO"],
    ]);
  });

  it.each([
    ["Low", "Low", "PSO"], ["Medium", "Low", "PSO"], ["High", "Low", "PO"], ["Very High", "None", "PO"],
    [null, "Medium", "PO"], [null, "Low", "PSO"],
  ])("report author: DV risk %s and sexual offending risk %s give %s (list 5: High DV; list 6: Medium sexual)", (dv, sex, grade) => {
    expect(AUTHOR(n(), n(), n(), n(), one(dv), one(sex), n(), n())).toEqual([[grade]]);
  });

  it("report author: Excel desktop's 0 for a blank risk level is read as blank", () => {
    expect(AUTHOR(n(), n(), n(), n(), one(0), one(0), n(), one("Y"))).toEqual([["PO"]]);
  });

  it("report author: a yes/no in a risk-level column is refused, naming it, rather than guessed", () => {
    expect(AUTHOR(n(), n(), n(), n(), one("Yes"), one(null), n(), n())).toEqual([
      ['#VALUE!: dv_risk: expected the indicative RoSH level Low, Medium, High or Very High (blank when there is none); got "Yes".'],
    ]);
  });

  it("report author: a bad yes/no names its column", () => {
    const out = AUTHOR(n(), n(), n(), n(), one(null), one(null), n(), one("often")) as string[][];
    expect(out[0]![0]).toMatch(/^#VALUE!: organised_crime: expected yes or no/);
  });

  it("report author: columns of different heights are one #VALUE! for the call", () => {
    expect(thrown(() => report_author(col("Y", "N"), n(), n(), n(), col(null, null, null), n(), n(), n())).message).toBe(
      "dv_risk has 3 rows but dangerousness has 2; columns passed together must be the same height.",
    );
  });
});

describe("NPS.REPORT_MIX (NPS Operating Model v1.0, ch.1-2)", () => {
  const rep = (n: number, x: string) => Array.from({ length: n }, () => x);

  it("report mix: a spilled table with a header row; shares against 60/30/10 and 35/65", () => {
    const types = col(...rep(6, "Oral"), ...rep(3, "FDR"), "SDR");
    const grades = col(...rep(4, "PO"), ...rep(6, "PSO"));
    expect(shown(report_mix(types, grades))).toEqual([
      ["report", "share", "target", "status"],
      ["Oral", 0.6, 0.6, "on target"],
      ["FDR", 0.3, 0.3, "on target"],
      ["SDR", 0.1, 0.1, "on target"],
      ["PO", 0.4, 0.35, "on target"],
      ["PSO", 0.6, 0.65, "on target"],
    ]);
  });

  it("report mix: shares off target say which way (±5 points)", () => {
    const out = shown(report_mix(col(...rep(5, "Oral"), ...rep(4, "FDR"), "SDR"), col(...rep(5, "PO"), ...rep(5, "PSO")))) as unknown[][];
    expect(out.map((r) => r[3])).toEqual(["status", "below target", "above target", "on target", "above target", "below target"]);
  });

  it("report mix: Adjourn from the Napo variant counts and gets its own row last", () => {
    const out = shown(report_mix(col("Oral", "Oral", "FDR", "Adjourn"), col("PSO", "PSO", "PO", "PSO"))) as unknown[][];
    expect(out.length).toBe(7);
    expect(out[1]).toEqual(["Oral", 0.5, 0.6, "below target"]);
    expect(out[6]).toEqual(["Adjourn", 0.25, "", "no target"]);
  });

  it("report mix: blank rows are skipped", () => {
    const out = shown(report_mix(col("Oral", null, "SDR"), col("PSO", null, "PO"))) as unknown[][];
    expect(out[1]).toEqual(["Oral", 0.5, 0.6, "below target"]);
  });

  it("report mix: targets and tolerance follow the task pane's what-if", () => {
    setSettings({ ...DEFAULT_SETTINGS, overrides: { reportOralShare: 0.5, reportMixTolerance: 0 } });
    try {
      const out = shown(report_mix(col("Oral", "FDR"), col("PSO", "PO"))) as unknown[][];
      expect(out[1]).toEqual(["Oral", 0.5, 0.5, "on target"]);
      expect(out[2]).toEqual(["FDR", 0.5, 0.3, "above target"]);
    } finally {
      setSettings(DEFAULT_SETTINGS);
    }
  });

  it("report mix: an unreadable report type is one #VALUE! naming the row and the value", () => {
    const e = thrown(() => report_mix(col("Oral", "PSR"), col("PSO", "PO")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('Row 2 of the ranges: report_types: expected a report type Oral, FDR, SDR or Adjourn; got "PSR".');
  });

  it("report mix: an unreadable grade is named", () => {
    expect(thrown(() => report_mix(col("Oral"), col("SPO"))).message).toBe('Row 1 of the ranges: author_grades: expected a grade PO or PSO; got "SPO".');
  });

  it("report mix: a report with a type but no grade (or the reverse) is refused, not half-counted", () => {
    expect(thrown(() => report_mix(col("Oral", "FDR"), col("PSO", null))).message).toBe(
      'Row 2 of the ranges: author_grades is blank but report_types holds "FDR"; every report needs both its type and its author\'s grade.',
    );
    expect(thrown(() => report_mix(col(null), col("PO"))).message).toBe(
      'Row 1 of the ranges: report_types is blank but author_grades holds "PO"; every report needs both its type and its author\'s grade.',
    );
  });

  it("report mix: Excel desktop's 0 for a blank cell reads as blank, so the message says blank", () => {
    expect(thrown(() => report_mix(col("Oral", 0), col("PSO", "PO"))).message).toBe(
      'Row 2 of the ranges: report_types is blank but author_grades holds "PO"; every report needs both its type and its author\'s grade.',
    );
    expect(shown(report_mix(col("Oral", 0), col("PSO", 0))) as unknown[][]).toContainEqual(["Oral", 1, 0.6, "above target"]);
  });

  it("report mix: ranges of unequal height are refused", () => {
    expect(thrown(() => report_mix(col("Oral", "FDR", "SDR"), col("PO", "PSO"))).message).toBe(
      "author_grades has 2 rows but report_types has 3; columns passed together must be the same height.",
    );
  });

  it("report mix: no reports at all is #N/A, never a table of zeros", () => {
    const e = thrown(() => report_mix(col(null, null), col(null, null)));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("report_types holds no reports: there is no mix to work out.");
  });

  it("report mix: a bad what-if in the settings is reported, not ignored", () => {
    setSettings({ ...DEFAULT_SETTINGS, overrides: { reportOralShare: 2 } });
    try {
      expect(thrown(() => report_mix(col("Oral"), col("PO"))).message).toBe("reportOralShare: expected a number from 0 to 1; got 2.");
    } finally {
      setSettings(DEFAULT_SETTINGS);
    }
  });
});
