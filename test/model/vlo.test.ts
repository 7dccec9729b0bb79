import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { CellValue } from "../../src/model/values";
import {
  caseTypeWeight,
  checkVloTable,
  DEFAULT_VLO_WEIGHTS,
  readVloTable,
  VLO_ACTIVITIES,
  VLO_DEFAULT_SOURCE,
  vloWeight,
  type VloWeightTable,
} from "../../src/model/vlo";

function score(caseType: string, counts: Parameters<typeof vloWeight>[1], table?: VloWeightTable): number {
  const r = vloWeight(caseType, counts, table);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

const HEADER: CellValue[] = ["Kind", "Name", "Weight"];
const ALL_ACTIVITIES: CellValue[][] = VLO_ACTIVITIES.map((a) => ["activity", a, 1]);

describe("VLO weighting: the default table (NPS Operating Model v1.0, ch.1, ch.5; weights are a default, the seeds give none)", () => {
  it("vlo: the default table is labelled a default, not the operating model's", () => {
    expect(DEFAULT_VLO_WEIGHTS.source).toBe("Add-in default: NPS Operating Model v1.0 gives no weights");
    expect(VLO_DEFAULT_SOURCE).toMatch(/default/);
  });

  it("vlo: the default table gives every activity a weight and passes its own checks", () => {
    for (const a of VLO_ACTIVITIES) expect(DEFAULT_VLO_WEIGHTS.activities[a]).toBeGreaterThanOrEqual(0);
    expect(checkVloTable(DEFAULT_VLO_WEIGHTS, "default")).toEqual([]);
  });

  it("vlo: score = case-type weight × Σ count × activity weight (ch.1 weighting model)", () => {
    // Standard 1 × (2 home visits × 3 + 4 calls × 0.5 + 1 letter × 0.5) = 8.5
    expect(score("Standard", { "home visit": 2, "phone call": 4, letter: 1 })).toBe(8.5);
    // Homicide 1.5 × (1 × 3 + 1 × 2 parole representation) = 7.5
    expect(score("Homicide", { "home visit": 1, "parole representation": 1 })).toBe(7.5);
    // Non-statutory 0.75 × 3 phone calls × 0.5 = 1.125
    expect(score("Non-statutory", { "phone call": 3 })).toBe(1.125);
  });

  it("vlo: missing counts are 0; no activity gives 0", () => {
    expect(score("Sexual offence", {})).toBe(0);
  });

  it("vlo: case types match ignoring case and spacing", () => {
    expect(score("  sexual-offence ", { meeting: 2 })).toBe(3.75);
    expect(score("MENTAL HEALTH ORDER", { "MAPPA representation": 2 })).toBe(3.75);
  });

  it("vlo: an unknown case type is a problem naming the known types, never a guessed weight", () => {
    const r = vloWeight("Burglary", { "home visit": 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toBe(
      'case_type: the weights table has no case type "Burglary"; expected one of Standard, Sexual offence, Domestic abuse, Homicide, Indeterminate, Mental health order, Non-statutory.',
    );
  });

  it("vlo: caseTypeWeight reads the table's weight", () => {
    const r = caseTypeWeight(DEFAULT_VLO_WEIGHTS, "Indeterminate");
    expect(r.ok && r.value).toBe(1.5);
  });

  it("vlo: a negative count reaching the model is a programmer mistake and throws", () => {
    expect(() => vloWeight("Standard", { letter: -1 })).toThrow(/0 or more/);
  });

  it("vlo: the score grows with every activity count (property)", () => {
    const n = fc.nat({ max: 50 });
    fc.assert(
      fc.property(fc.constantFrom(...DEFAULT_VLO_WEIGHTS.caseTypes.map((c) => c.name)), fc.constantFrom(...VLO_ACTIVITIES), n, n, (ct, a, x, y) => {
        const lo = Math.min(x, y);
        const hi = Math.max(x, y);
        expect(score(ct, { [a]: hi })).toBeGreaterThanOrEqual(score(ct, { [a]: lo }));
      }),
    );
  });
});

describe("VLO weighting: a division's own table (NPS Operating Model v1.0, ch.1: the division's weights replace the default)", () => {
  it("vlo: a valid table is read and replaces the default", () => {
    const rows: CellValue[][] = [HEADER, ["Case type", "Serious", 2], ["case type", "Routine", "0.5"], ...ALL_ACTIVITIES.map((r) => [r[0], r[1], 2])];
    const { table, problems } = readVloTable(rows, "weights", "Weights!A1:C9");
    expect(problems).toEqual([]);
    expect(table!.source).toBe("Weights!A1:C9");
    expect(table!.caseTypes).toEqual([{ name: "Serious", weight: 2 }, { name: "Routine", weight: 0.5 }]);
    expect(score("Serious", { "home visit": 1, letter: 1 }, table)).toBe(8);
    expect(vloWeight("Standard", {}, table).ok).toBe(false);
  });

  it("vlo: activity names accept plurals and 'telephone'; wholly blank rows are skipped", () => {
    const rows: CellValue[][] = [
      HEADER, ["case type", "A", 1],
      ["activity", "Home visits", 4], ["activity", "Telephone calls", 1], ["activity", "letters", 0], ["activity", "Meetings", 1],
      ["activity", "Parole representations", 1], ["activity", "mappa representation", 1], [null, null, null],
    ];
    const { table, problems } = readVloTable(rows, "weights", "range");
    expect(problems).toEqual([]);
    expect(table!.activities["home visit"]).toBe(4);
    expect(table!.activities.letter).toBe(0);
  });

  it("vlo: a weight of 0 is allowed (an activity the division does not count)", () => {
    const rows: CellValue[][] = [HEADER, ["case type", "A", 0], ...ALL_ACTIVITIES];
    expect(readVloTable(rows, "weights", "r").problems).toEqual([]);
  });
});

describe("VLO weighting: bad tables are problems, every one reported", () => {
  const messages = (rows: CellValue[][]) => readVloTable(rows, "weights", "r").problems.map((p) => p.message);

  it("vlo: an unknown activity names the row and the known activities", () => {
    expect(messages([HEADER, ["case type", "A", 1], ...ALL_ACTIVITIES, ["activity", "Email", 0.2]])).toEqual([
      'weights row 9: unknown activity "Email"; expected one of home visit, phone call, letter, meeting, parole representation, MAPPA representation.',
    ]);
  });

  it.each([[-1], ["-0.5"], ["heavy"], [null], [true], ["#N/A"]])("vlo: weight %j is refused: not a number of 0 or more", (w) => {
    expect(messages([HEADER, ["case type", "A", w as CellValue], ["case type", "B", 1], ...ALL_ACTIVITIES])).toEqual([
      `weights row 2: the weight of "A" must be a number of 0 or more; got ${w === null ? "a blank cell" : typeof w === "string" ? `"${w}"` : w === true ? "TRUE" : String(w)}.`,
    ]);
  });

  it("vlo: a negative activity weight is refused", () => {
    const rows = [HEADER, ["case type", "A", 1], ...ALL_ACTIVITIES.slice(1), ["activity", "home visit", -3]];
    expect(messages(rows)).toEqual(['weights row 8: the weight of "home visit" must be a number of 0 or more; got -3.', "weights: no weight for the activities home visit; give every activity a weight (0 if it does not count), so that no work is silently left out."]);
  });

  it("vlo: an activity without a weight is a problem (a silent 0 would leave work out)", () => {
    expect(messages([HEADER, ["case type", "A", 1], ["activity", "letter", 1]])[0]).toBe(
      "weights: no weight for the activities home visit, phone call, meeting, parole representation, MAPPA representation; give every activity a weight (0 if it does not count), so that no work is silently left out.",
    );
  });

  it("vlo: a table with no case types is a problem", () => {
    expect(messages([HEADER, ...ALL_ACTIVITIES])).toEqual(['weights: the table has no case types; add at least one row of kind "case type".']);
  });

  it("vlo: an unknown kind, a blank name and a duplicate are each named by row", () => {
    expect(messages([HEADER, ["case type", "A", 1], ["offence", "B", 1], ["case type", null, 1], ["case type", "a", 2], ...ALL_ACTIVITIES])).toEqual([
      'weights row 3: expected the kind "case type" or "activity"; got "offence".',
      "weights row 4: the name is blank; name the case type or activity.",
      'weights row 5: "a" is listed twice; give each case type and activity one weight.',
    ]);
  });

  it.each([
    [[HEADER], 1, 3],
    [[["Kind", "Name"], ["case type", "A"]], 2, 2],
    [[["Kind", "Name", "Weight", "Notes"], ["case type", "A", 1, ""]], 2, 4],
    [[HEADER, ["case type", "A"]], 2, 3],
    [[], 0, 0],
  ])("vlo: a table of the wrong shape is refused (%#)", (rows, r, c) => {
    expect(messages(rows as CellValue[][])).toEqual([
      `weights: expected a table of three columns, a header row Kind | Name | Weight and then one row per case type or activity; got ${r} rows by ${c} columns.`,
    ]);
  });

  it("vlo: a table without its header row is refused rather than read from row 2", () => {
    expect(messages([["case type", "A", 1], ...ALL_ACTIVITIES])).toEqual([
      'weights: expected the header row Kind | Name | Weight first; got "case type" | "A" | "1".',
    ]);
  });

  it("vlo: checkVloTable finds a negative weight in a saved table", () => {
    const bad: VloWeightTable = { ...DEFAULT_VLO_WEIGHTS, activities: { ...DEFAULT_VLO_WEIGHTS.activities, letter: -1 } };
    expect(checkVloTable(bad, "saved")[0]!.message).toMatch(/^saved row \d+: the weight of "letter" must be a number of 0 or more; got -1\./);
  });
});
