/**
 * Object.prototype's names through the validation engine: a court report whose type is
 * "constructor", "__proto__" or "toString" is an unknown report type, reported by reports.rows
 * exactly as a nonsense word is and left out of the mix; headers, column mappings and sheet names
 * named after Object.prototype are the user's words, never a field or a mapping nobody gave.
 */
import { describe, expect, it } from "@jest/globals";
import { show } from "../../src/model/messages";
import { validateWorkbook, type Finding } from "../../src/model/validate";
import { columnLetter } from "../../src/model/validate/tables";
import { book, sheet } from "../support/book";
import { PROTOTYPE_NAMES, PROTOTYPE_SPELLINGS } from "../support/prototype-names";

const NONSENSE = "Banana";
const REPORTS_HEADER = ["Date", "Report type", "Author grade"];
const CASE_HEADER = ["Case ID", "OM", "OM grade", "Team", "RoSH"];

/** A log on target (6 oral, 3 FDR, 1 SDR) and then one report of each given type, rows 12 on. */
function courtReports(types: readonly string[]) {
  const onTarget = [...Array<string>(6).fill("Oral"), "FDR", "FDR", "FDR", "SDR"].map((t, i) => ["2026-01-15", t, i < 4 ? "PO" : "PSO"]);
  return sheet("Court reports", REPORTS_HEADER, [...onTarget, ...types.map((t) => ["2026-01-15", t, "PSO"])]);
}

const rowFindings = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe("reports.rows: a report type must be one the operating model names (NPS Operating Model v1.0, ch.2)", () => {
  const spellings = ["constructor", "__proto__", "toString", ...PROTOTYPE_SPELLINGS];
  const report = validateWorkbook(book(courtReports([NONSENSE, ...spellings])));
  const rows = rowFindings(report.findings, "reports.rows");

  it("reports.rows: Object.prototype names are refused with the error a nonsense word gets, at the report type cell", () => {
    const nonsense = rows.find((f) => f.row === 12)!;
    expect(nonsense).toMatchObject({ severity: "error", cell: "B12" });
    expect(nonsense.message).toBe(`Report type ${show(NONSENSE)} is not Oral, FDR or SDR, so this report is left out of the report mix (NPS Operating Model v1.0, ch.2).`);
    expect(rows).toHaveLength(1 + spellings.length);
    spellings.forEach((t, i) => {
      const row = 13 + i;
      expect(rows.find((f) => f.row === row)).toEqual({ ...nonsense, row, cell: `B${row}`, message: nonsense.message.split(show(NONSENSE)).join(show(t)) });
    });
  });

  it("reports.typeMix: a report whose type is an Object.prototype name is counted in no share and in no total", () => {
    const typeMix = report.summaries.find((s) => s.rule === "reports.typeMix")!;
    expect(typeMix.figure).toBe("60.0% oral / 30.0% FDR / 10.0% SDR (90.0% short format)");
    expect(rowFindings(report.findings, "reports.typeMix")).toEqual([]);
  });
});

describe("layout: headers, mappings and sheet names named after Object.prototype are the user's words", () => {
  it("layout.unknownColumn: a caseload header named after Object.prototype is no field, reported once as a column not read", () => {
    const header = [...CASE_HEADER, ...PROTOTYPE_NAMES];
    const report = validateWorkbook(book(sheet("Caseload", header, [["X1", "Ann", "PO", "T", "Low", ...PROTOTYPE_NAMES.map(() => "x")]])));
    const caseload = report.layout.sheets.find((s) => s.sheet === "Caseload")!;
    expect(caseload.kind).toBe("caseload");
    expect(Object.keys(caseload.columns).sort()).toEqual(["caseId", "om", "omGrade", "rosh", "team"]);
    expect(caseload.unrecognised).toEqual(PROTOTYPE_NAMES);
    expect(rowFindings(report.findings, "layout.unknownColumn").map((f) => f.cell)).toEqual(PROTOTYPE_NAMES.map((_, i) => `${columnLetter(CASE_HEADER.length + i)}1`));
  });

  it("layout.badMapping: a column mapped to a field named after Object.prototype is a mapping to no field", () => {
    for (const t of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      const report = validateWorkbook(book(sheet("Caseload", ["Case ID", "Officer", "OM grade", "Team", "RoSH"], [["X1", "Ann", "PO", "T", "Low"]])), { columnMaps: { Caseload: { Officer: t } } });
      expect(rowFindings(report.findings, "layout.badMapping").map((f) => f.message)).toEqual([expect.stringContaining(`Officer -> ${t}`)]);
      expect(report.layout.sheets[0]!.columns).not.toHaveProperty("om");
    }
  });

  it("layout: a header named after Object.prototype that the user maps to a field is read as that field", () => {
    for (const t of ["constructor", "__proto__", "toString"]) {
      const report = validateWorkbook(book(sheet("Caseload", ["Case ID", t, "OM grade", "Team", "RoSH"], [["X1", "Ann", "PO", "T", "Low"]])), { columnMaps: { Caseload: Object.fromEntries([[t, "om"]]) } });
      expect(report.layout.sheets[0]!.columns).toMatchObject({ om: 1 });
      expect(rowFindings(report.findings, "layout.badMapping")).toEqual([]);
    }
  });

  it("layout: a sheet named after Object.prototype gets only its own mapping, never one found on a prototype", () => {
    const inherited = Object.create({ toString: { Officer: "om" }, constructor: { Officer: "om" } }) as Record<string, Record<string, string>>;
    inherited["Caseload"] = { Officer: "om" };
    const rows = [["X1", "Ann", "PO", "T", "Low"]];
    const mapped = ["Case ID", "Officer", "OM grade", "Team", "RoSH"];
    const report = validateWorkbook(book(sheet("Caseload", mapped, rows), sheet("toString", mapped, rows), sheet("constructor", mapped, rows), sheet("__proto__", mapped, rows)), { columnMaps: inherited });
    const kinds = report.layout.sheets.map((s) => [s.sheet, s.kind ?? "not recognised"]);
    expect(kinds).toEqual([["Caseload", "caseload"], ["toString", "not recognised"], ["constructor", "not recognised"], ["__proto__", "not recognised"]]);
  });
});
