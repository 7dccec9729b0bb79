import { beforeAll, describe, expect, it } from "@jest/globals";
import { installCustomFunctionsStub, shown, thrown } from "../support/custom-functions-stub";
import { vlo_weight } from "../../src/functions/vlo";
import { DEFAULT_SETTINGS, setSettings } from "../../src/shared/settings";
import { DEFAULT_VLO_WEIGHTS } from "../../src/model/vlo";

// The CustomFunctions global Excel provides: an Error carrying code and message; ErrorCode #VALUE!/#N/A.
beforeAll(() => installCustomFunctionsStub());

type M = unknown[][];
const col = (...v: unknown[]): M => v.map((x) => [x]);
const one = (v: unknown): M => [[v]];
const blank = (): M => [[null]];

function VLO(ct: M, hv: M, pc: M = blank(), le: M = blank(), me: M = blank(), pr?: M | null, mr?: M | null, w?: unknown) {
  return shown((vlo_weight as (...a: unknown[]) => unknown)(ct, hv, pc, le, me, pr ?? null, mr ?? null, w));
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

describe("NPS.VLO_WEIGHT with the default table (NPS Operating Model v1.0, ch.1, ch.5; the seeds give no weights)", () => {
  it("vlo: one score per row: case-type weight × Σ count × activity weight", () => {
    // Standard: 2×3 + 4×0.5 + 1×0.5 = 8.5; Homicide: 1.5 × (1×3 + 1×2 parole) = 7.5
    expect(VLO(col("Standard", "Homicide"), col(2, 1), col(4, 0), col(1, 0), col(0, 0), col(0, 1), col(0, 0))).toEqual([[8.5], [7.5]]);
  });

  it("vlo: optional counts omitted count as 0; text numbers are read", () => {
    expect(VLO(one("Domestic abuse"), one("2"), one(null), one(null), one(1))).toEqual([[9.375]]);
  });

  it("vlo: a row that is blank throughout gives a blank result", () => {
    expect(VLO(col("Standard", null), col(1, null))).toEqual([[3], [""]]);
  });

  it("vlo: a blank weights cell means the default table", () => {
    expect(VLO(one("Standard"), one(1), blank(), blank(), blank(), null, null, [[null]])).toEqual([[3]]);
  });
});

describe("NPS.VLO_WEIGHT with a division's table (NPS Operating Model v1.0, ch.1)", () => {
  it("vlo: a weights range replaces the default table", () => {
    expect(VLO(col("High", "low"), col(1, 1), col(2, 2), blank(), blank(), null, null, DIVISION)).toEqual([[14], [7]]);
  });

  it("vlo: with the weights range, the default case types are unknown", () => {
    const out = VLO(one("Standard"), one(1), blank(), blank(), blank(), null, null, DIVISION) as string[][];
    expect(out[0]![0]).toBe('#VALUE!: case_type: the weights table has no case type "Standard"; expected one of High, Low.');
  });

  it("vlo: with no range, the task pane's table applies; without one, the default", () => {
    setSettings({
      ...DEFAULT_SETTINGS,
      vloWeights: { source: "pane", caseTypes: [{ name: "Standard", weight: 10 }], activities: { ...DEFAULT_VLO_WEIGHTS.activities } },
    });
    try {
      expect(VLO(one("Standard"), one(1))).toEqual([[30]]);
      expect(VLO(one("High"), one(1), blank(), blank(), blank(), null, null, DIVISION)).toEqual([[10]]);
    } finally {
      setSettings(DEFAULT_SETTINGS);
    }
    expect(VLO(one("Standard"), one(1))).toEqual([[3]]);
  });

  it("vlo: a bad table saved in the settings is reported, not used", () => {
    setSettings({
      ...DEFAULT_SETTINGS,
      vloWeights: { source: "pane", caseTypes: [{ name: "Standard", weight: -1 }], activities: { ...DEFAULT_VLO_WEIGHTS.activities } },
    });
    try {
      expect(thrown(() => vlo_weight(one("Standard"), one(1), blank(), blank(), blank())).message).toBe(
        `the task pane's weights table row 2: the weight of "Standard" must be a number of 0 or more; got -1.`,
      );
    } finally {
      setSettings(DEFAULT_SETTINGS);
    }
  });
});

describe("NPS.VLO_WEIGHT bad input gives #VALUE! naming the argument", () => {
  it.each([
    ["home_visits", [one("two"), blank(), blank(), blank()]],
    ["phone_calls", [blank(), one(-1), blank(), blank()]],
    ["letters", [blank(), blank(), one(1.5), blank()]],
    ["meetings", [blank(), blank(), blank(), one("#N/A")]],
  ] as const)("vlo: a bad count in %s is refused", (name, counts) => {
    const out = VLO(one("Standard"), ...(counts as unknown as [M, M, M, M])) as string[][];
    if (name === "meetings") expect(out[0]![0]).toBe('#VALUE!: meetings: the cell holds the error "#N/A"; fix it before this can be worked out.');
    else expect(out[0]![0]).toMatch(new RegExp(`^#VALUE!: ${name}: expected a whole number of 0 or more; got `));
  });

  it("vlo: counts without a case type are refused, naming the known types", () => {
    expect(VLO(one(null), one(2))).toEqual([
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
    const e = thrown(() => vlo_weight(col("Standard", "Homicide"), col(1, 2, 3), blank(), blank(), blank()));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("home_visits has 3 rows but case_type has 2; columns passed together must be the same height.");
  });

  it("vlo: a weights table with a negative weight is one #VALUE! for the call", () => {
    const bad = DIVISION.map((r) => [...r]);
    bad[4]![2] = -1;
    expect(thrown(() => vlo_weight(one("High"), one(1), blank(), blank(), blank(), null as never, null as never, bad)).message).toBe(
      'weights row 5: the weight of "phone call" must be a number of 0 or more; got -1.',
    );
  });

  it("vlo: a weights table with an unknown activity is refused", () => {
    const bad = [...DIVISION, ["activity", "court visit", 2]];
    expect(thrown(() => vlo_weight(one("High"), one(1), blank(), blank(), blank(), null as never, null as never, bad)).message).toMatch(
      /^weights row 10: unknown activity "court visit"; expected one of home visit, phone call/,
    );
  });

  it("vlo: a weights range of the wrong width is refused", () => {
    expect(thrown(() => vlo_weight(one("High"), one(1), blank(), blank(), blank(), null as never, null as never, DIVISION.map((r) => r.slice(0, 2)))).message).toBe(
      "weights: expected a table of three columns, a header row Kind | Name | Weight and then one row per case type or activity; got 9 rows by 2 columns.",
    );
  });
});
