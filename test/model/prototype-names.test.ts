/**
 * Object.prototype's names ("constructor", "toString", "__proto__", ...) are not words of the model.
 * Every parser that reads what a user typed refuses each of them, in any case and with spaces
 * around it, exactly as it refuses a nonsense word: the same problem, naming what was typed. None is
 * ever read as a value or counted. Lookups by user text are Maps or Sets, never object literals.
 */
import { describe, expect, it } from "@jest/globals";
import { checkOverride, DEFAULT_CONFIG, isFigureKey, ROUNDINGS, resolveConfig } from "../../src/model/config";
import { show } from "../../src/model/messages";
import type { Result } from "../../src/model/problem";
import { parseReportAdvice, parseReportType, parseRiskLevel, reportMix, type ReportAdvice } from "../../src/model/reports";
import { parseParomAssessment, parseTeamType } from "../../src/model/staffing";
import { parseDate } from "../../src/model/validate/tables";
import { apTypeOf } from "../../src/model/validate/rules/ap";
import { roleOf } from "../../src/model/validate/rules/people";
import {
  numberText,
  parseChoice,
  parseGrade,
  parseMappaCategory,
  parseMappaLevel,
  parseNumber,
  parsePercent,
  parseRosh,
  parseTier,
  parseYesNo,
  type CellValue,
  type Grade,
} from "../../src/model/values";
import { caseTypeWeight, checkVloTable, DEFAULT_VLO_WEIGHTS, readVloTable, VLO_ACTIVITIES, vloWeight } from "../../src/model/vlo";
import { PROTOTYPE_NAMES, PROTOTYPE_SPELLINGS } from "../support/prototype-names";

/** A word no parser knows: what each prototype name must be refused like. */
const NONSENSE = "Banana";

/** Parsers of one cell of user text, each with the rule it applies. */
const PARSERS: readonly (readonly [rule: string, parse: (text: string) => Result<unknown>])[] = [
  ["a RoSH level is Low, Medium, High or Very High", (t) => parseRosh(t, "rosh")],
  ["a yes/no answer is Yes, No, Y, N, TRUE, FALSE, 1 or 0", (t) => parseYesNo(t, "iom")],
  ["a score is a percentage from 0 to 100", (t) => parsePercent(t, "rsr")],
  ["a score read as a fraction is a number from 0 to 1", (t) => parsePercent(t, "rsr", true)],
  ["a MAPPA category is 1, 2 or 3", (t) => parseMappaCategory(t, "mappa_category")],
  ["a MAPPA level is 1, 2 or 3", (t) => parseMappaLevel(t, "mappa_level")],
  ["a tier is A, B1, B2, C1, C2, D1 or D2", (t) => parseTier(t, "tier")],
  ["a grade is PO or PSO", (t) => parseGrade(t, "grade")],
  ["a count is a number", (t) => parseNumber(t, "staff", { min: 0, expected: "a number of 0 or more" })],
  ["a rounding is up, nearest or down", (t) => parseChoice(t, "rounding", ROUNDINGS)],
  ["a date is a date", (t) => parseDate(t, "Date")],
  ["a report type must be one the operating model names", (t) => parseReportType(t, "Report type")],
  ["a report decision must be Oral, FDR, SDR or Adjourn", (t) => parseReportAdvice(t, "report_types")],
  ["an indicative RoSH of offending is Low, Medium, High or Very High", (t) => parseRiskLevel(t, "dv_risk")],
  ["a team type is OM or Court", (t) => parseTeamType(t, "team_type")],
  ["a PAROM assessment is Good, Not good, Requires improvement or Inadequate", (t) => parseParomAssessment(t, "assessments")],
  ["a VLO case type must be one the weights table names", (t) => caseTypeWeight(DEFAULT_VLO_WEIGHTS, t)],
  ["a VLO case is scored only on a case type the weights table names", (t) => vloWeight(t, { "home visit": 1 })],
  ["a what-if names a model figure", (t) => checkOverride(t, 1)],
  ["a what-if of the cluster rounding is up, nearest or down", (t) => checkOverride("complexClusterRounding", t)],
];

/** The spellings a parser took, with what it made of them: the test wants none. */
function accepted(parse: (text: string) => Result<unknown>): string[] {
  return PROTOTYPE_SPELLINGS.filter((t) => parse(t).ok).map((t) => `${JSON.stringify(t)} -> ${JSON.stringify((parse(t) as { value: unknown }).value)}`);
}

/** The problem a nonsense word gets, with the word swapped for `text`: what `text` must get. */
function asNonsense(parse: (text: string) => Result<unknown>, text: string): { code: string; message: string } {
  const r = parse(NONSENSE);
  if (r.ok) throw new Error(`${NONSENSE} was accepted`);
  return { code: r.problem.code, message: r.problem.message.split(show(NONSENSE)).join(show(text)) };
}

describe("Object.prototype's names are no words of the model (parsers of user text)", () => {
  it("the names fed to the parsers are every member of Object.prototype, in five spellings", () => {
    for (const n of Object.getOwnPropertyNames(Object.prototype)) expect(PROTOTYPE_NAMES).toContain(n);
    expect(PROTOTYPE_NAMES).toEqual(expect.arrayContaining(["__proto__", "prototype", "constructor", "toString", "valueOf", "hasOwnProperty"]));
    expect(PROTOTYPE_SPELLINGS).toEqual(expect.arrayContaining(["constructor", "CONSTRUCTOR", "CoNsTrUcToR", "  constructor ", "__proto__", "  __proto__ "]));
  });

  it.each(PARSERS)("%s: Object.prototype names are refused, never read as a value", (_rule, parse) => {
    expect(accepted(parse)).toEqual([]);
  });

  it.each(PARSERS)("%s: an Object.prototype name gets the problem a nonsense word gets", (_rule, parse) => {
    for (const t of PROTOTYPE_SPELLINGS) {
      const r = parse(t);
      expect(r.ok ? "accepted" : { code: r.problem.code, message: r.problem.message }).toEqual(asNonsense(parse, t));
    }
  });

  it("a number written as text is digits: no Object.prototype name is a number", () => {
    expect(PROTOTYPE_SPELLINGS.filter((t) => !Number.isNaN(numberText(t)))).toEqual([]);
  });

  it("a what-if names a model figure: no Object.prototype name is one, and a what-if of one changes nothing", () => {
    expect(PROTOTYPE_SPELLINGS.filter(isFigureKey)).toEqual([]);
    for (const t of PROTOTYPE_SPELLINGS) {
      const { config, problems } = resolveConfig(Object.fromEntries([[t, 2]]));
      expect(problems.map((p) => p.code)).toEqual(["config.unknown"]);
      expect(config.overrides).toEqual([]);
      expect(config.config).toEqual(DEFAULT_CONFIG);
    }
  });

  it("a Staff role is one the model knows: no Object.prototype name is a role", () => {
    expect(PROTOTYPE_SPELLINGS.filter((t) => roleOf(t) !== undefined)).toEqual([]);
  });

  it("an AP type is Men, Women or PIPE: no Object.prototype name is one", () => {
    expect(PROTOTYPE_SPELLINGS.filter((t) => apTypeOf(t) !== undefined)).toEqual([]);
  });

  it("the report mix counts only Oral, FDR, SDR and Adjourn, PO and PSO: anything else (never parsed) is a programmer mistake, not a total without a share", () => {
    for (const t of ["constructor", "__proto__", "toString"]) {
      expect(() => reportMix(["Oral", t as ReportAdvice], ["PO", "PO"], DEFAULT_CONFIG)).toThrow(`reportMix: ${t} is not a report type`);
      expect(() => reportMix(["Oral"], [t as Grade], DEFAULT_CONFIG)).toThrow(`reportMix: ${t} is not an author grade`);
    }
  });
});

describe("a VLO activity must be one of the six (NPS Operating Model v1.0, ch.1, ch.5)", () => {
  const table = (kind: CellValue, name: CellValue): CellValue[][] => [
    ["Kind", "Name", "Weight"],
    ["case type", "Standard", 1],
    ...VLO_ACTIVITIES.map((a): CellValue[] => ["activity", a, 1]),
    [kind, name, 2],
  ];
  const codes = (rows: CellValue[][]) => readVloTable(rows, "weights", "the weights range").problems.map((p) => [p.code, p.message]);

  it("a weights table's activity: Object.prototype names are refused as an unknown activity, like any unknown word", () => {
    for (const t of PROTOTYPE_SPELLINGS)
      expect(codes(table("activity", t))).toEqual(codes(table("activity", NONSENSE)).map(([c, m]) => [c, m!.split(show(NONSENSE)).join(show(t))]));
  });

  it("a weights table's kind is case type or activity: Object.prototype names are refused, like any unknown word", () => {
    for (const t of PROTOTYPE_SPELLINGS)
      expect(codes(table(t, "Something"))).toEqual(codes(table(NONSENSE, "Something")).map(([c, m]) => [c, m!.split(show(NONSENSE)).join(show(t))]));
  });

  it("a saved weights table's activities are the six by name: a key named after Object.prototype is refused, never ignored", () => {
    for (const t of PROTOTYPE_SPELLINGS) {
      const saved = { ...DEFAULT_VLO_WEIGHTS, activities: Object.fromEntries([...Object.entries(DEFAULT_VLO_WEIGHTS.activities), [t, 1]]) as typeof DEFAULT_VLO_WEIGHTS.activities };
      expect(checkVloTable(saved, "VLO weights").map((p) => p.message)).toEqual([`VLO weights row 15: unknown activity ${show(t)}; expected one of ${VLO_ACTIVITIES.join(", ")}.`]);
    }
  });

  it("a case type named after Object.prototype in the division's own table is a name like any other", () => {
    const rows: CellValue[][] = [["Kind", "Name", "Weight"], ...PROTOTYPE_NAMES.map((n, i): CellValue[] => ["case type", n, i + 1]), ...VLO_ACTIVITIES.map((a): CellValue[] => ["activity", a, 1])];
    const { table, problems } = readVloTable(rows, "weights", "the weights range");
    expect(problems).toEqual([]);
    PROTOTYPE_NAMES.forEach((n, i) => expect(vloWeight(` ${n.toUpperCase()} `, { letter: 1 }, table)).toEqual({ ok: true, value: i + 1 }));
  });
});
