import { describe, expect, it } from "@jest/globals";
import {
  parseMappaCategory,
  parseMappaLevel,
  parsePercent,
  parseRosh,
  parseTier,
  parseGrade,
  parseYesNo,
  parseNumber,
  numberText,
  type CellValue,
} from "../../src/model/values";
import { checkOverride } from "../../src/model/config";
import type { Result } from "../../src/model/problem";

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}
function message<T>(r: Result<T>): string {
  if (r.ok) throw new Error(`expected a problem, got ${String(r.value)}`);
  return r.problem.message;
}

describe("cells: RoSH", () => {
  it.each([
    ["Low", "Low"], ["low", "Low"], ["  LOW ", "Low"], ["None", "Low"], ["no", "Low"],
    ["Medium", "Medium"], ["MEDIUM", "Medium"], ["High", "High"], ["high ", "High"],
    ["Very High", "Very High"], ["very  high", "Very High"], ["VERY-HIGH", "Very High"], ["very_high", "Very High"],
  ] as const)("reads %j as %s", (cell, rosh) => {
    expect(value(parseRosh(cell, "rosh"))).toBe(rosh);
  });

  it.each([null, undefined, "", "   "] as CellValue[])("reads blank %j as no value", (cell) => {
    expect(value(parseRosh(cell, "rosh"))).toBeUndefined();
  });

  it.each(["Hgh", "Med", "VH", 3, true, "Extreme"] as CellValue[])("refuses %j, naming the argument and the accepted words", (cell) => {
    expect(message(parseRosh(cell, "rosh"))).toMatch(/^rosh: expected Low, None, Medium, High or Very High; got /);
  });

  it("says a cell holds an Excel error rather than calling it a bad word", () => {
    expect(message(parseRosh("#N/A", "rosh"))).toMatch(/^#N\/A in rosh: the cell holds an Excel error/);
  });
});

describe("cells: yes/no", () => {
  it.each([
    [true, true], [false, false], ["TRUE", true], ["false", false], ["Y", true], ["n", false],
    ["Yes", true], [" NO ", false], [1, true], [0, false], ["1", true], ["0", false],
  ] as const)("reads %j as %s", (cell, b) => {
    expect(value(parseYesNo(cell, "iom"))).toBe(b);
  });

  it.each(["maybe", 2, -1, "yes please", "x"] as CellValue[])("refuses %j", (cell) => {
    expect(message(parseYesNo(cell, "iom"))).toMatch(/^iom: expected yes or no/);
  });
});

describe("cells: scores in percentage points (rule book §1, the percent hazard)", () => {
  it.each([
    [6.9, 6.9], ["6.9%", 6.9], ["6.9", 6.9], [" 6.9 % ", 6.9], [0, 0], [100, 100], ["100%", 100], [".5", 0.5],
  ] as const)("reads %j as %s points", (cell, n) => {
    expect(value(parsePercent(cell, "rsr"))).toBe(n);
  });

  it.each([-1, 100.1, "abc", "6,9", "6.9%%", true, "1e3"] as CellValue[])("refuses %j as out of range or unreadable", (cell) => {
    expect(message(parsePercent(cell, "rsr"))).toMatch(/^rsr: expected a percentage from 0 to 100/);
  });

  it.each([
    [0.069, 6.9], [0.03, 3], [0.9, 90], [1, 100], [0, 0], ["6.9%", 6.9],
  ] as const)("with fractions on, reads %j as %s points", (cell, n) => {
    expect(value(parsePercent(cell, "rsr", true))).toBe(n);
  });

  it("with fractions on, a number above 1 is refused, not divided (never a silent guess)", () => {
    expect(message(parsePercent(6.9, "rsr", true))).toMatch(/expected a number from 0 to 1; got 6\.9/);
  });
});

describe("cells: MAPPA", () => {
  it.each([
    [1, 1], [2, 2], [3, 3], ["2", 2], ["Cat 1", 1], ["category 3", 3], ["MAPPA Category 2", 2], ["C1", 1],
  ] as const)("category %j reads as %s", (cell, n) => {
    expect(value(parseMappaCategory(cell, "mappa_category"))).toBe(n);
  });

  it.each([[1, 1], ["Level 2", 2], ["L3", 3], ["lvl 1", 1]] as const)("level %j reads as %s", (cell, n) => {
    expect(value(parseMappaLevel(cell, "mappa_level"))).toBe(n);
  });

  it.each([null, "", 0, "None", "N/A"] as CellValue[])("%j means not a MAPPA case", (cell) => {
    expect(value(parseMappaLevel(cell, "mappa_level"))).toBeUndefined();
  });

  it.each([4, 1.5, "Level four", -1, "Cat"] as CellValue[])("refuses %j", (cell) => {
    expect(message(parseMappaLevel(cell, "mappa_level"))).toMatch(/^mappa_level: expected a MAPPA level 1, 2 or 3/);
  });
});

describe("cells: tier, grade and numbers", () => {
  it.each([["A", "A"], ["b1", "B1"], [" C 2 ", "C2"], ["Tier D1", "D1"]] as const)("tier %j reads as %s", (cell, t) => {
    expect(value(parseTier(cell, "tier"))).toBe(t);
  });
  it.each(["B3", "E1", "A1", 1] as CellValue[])("tier %j is refused", (cell) => {
    expect(message(parseTier(cell, "tier"))).toMatch(/^tier: expected a tier A, B1, B2, C1, C2, D1 or D2/);
  });
  it.each([["po", "PO"], [" PSO ", "PSO"]] as const)("grade %j reads as %s", (cell, g) => {
    expect(value(parseGrade(cell, "grade"))).toBe(g);
  });
  it("grade SPO is refused for a case holder", () => {
    expect(message(parseGrade("SPO", "grade"))).toMatch(/expected a grade PO or PSO/);
  });
  it("numbers honour bounds and say what was expected", () => {
    expect(value(parseNumber("0.5", "fte", { min: 0, max: 1, expected: "an FTE from 0 to 1" }))).toBe(0.5);
    expect(message(parseNumber(1.5, "fte", { min: 0, max: 1, expected: "an FTE from 0 to 1" }))).toBe(
      "fte: expected an FTE from 0 to 1; got 1.5.",
    );
  });
});

describe("cells: numbers written as text, as Excel reads them", () => {
  it.each([
    ["11", 11], [" 10.5 ", 10.5], ["1,250", 1250], ["-3", -3], ["+2", 2], [".5", 0.5], ["1,234,567.25", 1234567.25],
  ])("reads %j as %d", (text, n) => {
    expect(numberText(text)).toBe(n);
  });

  it.each(["0x10", "1e1", "1E-3", "Infinity", "NaN", "", " ", "+", ".", "1,00", "12,34,567", "1 000", "--1", "0b1", "1.2.3", "١٢"])(
    "refuses %j: Excel shows it as text, so reading it as a number would be a guess",
    (text) => {
      expect(numberText(text)).toBeNaN();
    },
  );

  it("a what-if figure that counts things must be whole (good_run 2.5 is refused, 3 is taken)", () => {
    expect(checkOverride("paromGoodRun", 2.5).ok).toBe(false);
    expect(checkOverride("paromGoodRun", "3")).toEqual({ ok: true, value: 3 });
    expect(checkOverride("omAdminRatio", "0x10").ok).toBe(false);
  });
});
