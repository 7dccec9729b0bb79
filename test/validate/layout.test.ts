/**
 * The workbook layout (Add-in workbook layout, README "The workbook layout"; rule book "The
 * workbook itself"): which sheets are which, columns the validator does not read, and totals rows.
 */
import { describe, expect, it } from "@jest/globals";
import { LAYOUT } from "../../src/model/layout";
import { normaliseHeader, recogniseSheet } from "../../src/model/validate/recognise";
import { closestField } from "../../src/model/validate/similar";
import { validateWorkbook } from "../../src/model/validate";
import { book, sheet } from "../support/book";

const CASE_HEADER = ["Case ID", "OM", "OM grade", "Team", "RoSH"];
const SOURCE = "Add-in workbook layout";
/** A sheet of drop-down lists, as many workbooks keep beside their tables. */
const LISTS = sheet("Lists", ["RoSH", "Grade", "Tier"], [["Low", "PO", "A"], ["Medium", "PSO", "B1"], ["High", null, "B2"], ["Very High", null, "C1"]]);
const caseFields = LAYOUT.find((d) => d.kind === "caseload")!.fields;
const rulesOf = (r: ReturnType<typeof validateWorkbook>) => r.findings.map((f) => f.rule);

describe("a sheet is of a kind only when it has that kind's required columns (Add-in workbook layout)", () => {
  it("a sheet of drop-down lists (RoSH, Grade, Tier) is not a caseload", () => {
    const r = recogniseSheet(LISTS);
    expect(r.kind).toBeUndefined();
    expect(r.nearly).toBeUndefined();
  });

  it.each([["after"], ["before"]])("a caseload with a lists sheet %s it validates normally, with no duplicate warning", (where) => {
    const cases = sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PSO", "T", "High"]]);
    const r = validateWorkbook(book(...(where === "after" ? [cases, LISTS] : [LISTS, cases])));
    expect(r.layout.sheets.map((s) => [s.sheet, s.kind])).toEqual(expect.arrayContaining([["Caseload", "caseload"], ["Lists", undefined]]));
    expect(rulesOf(r)).not.toContain("layout.duplicateKind");
    expect(r.findings.find((f) => f.rule === "caseload.highRoshPso")).toMatchObject({ sheet: "Caseload", row: 2 });
    expect(r.findings.find((f) => f.sheet === "Lists")).toMatchObject({ rule: "layout.unrecognisedSheet", severity: "info" });
  });

  it("a caseload named Cases, or not named at all, with every required header is recognised", () => {
    expect(recogniseSheet(sheet("Cases", CASE_HEADER, [])).kind).toBe("caseload");
    expect(recogniseSheet(sheet("March extract", ["CRN", "Offender Manager", "Grade", "OM team", "Risk level"], [])).kind).toBe("caseload");
  });

  it("a sheet named Caseload still reports the required columns it lacks", () => {
    const r = validateWorkbook(book(sheet("Caseload", ["Case ID", "RoSH", "Tier"], [["X1", "Low", "D2"]])));
    expect(r.findings.filter((f) => f.rule === "layout.missingField").map((f) => f.message)).toEqual([
      expect.stringContaining("no column for OM"),
      expect.stringContaining("no column for OM grade"),
      expect.stringContaining("no column for Team"),
    ]);
  });

  it("a sheet with all but one of the caseload's required columns is not lost: a warning says which column it lacks", () => {
    const s = sheet("Sheet1", ["CRN", "Officer", "Grade", "Team", "RoSH"], [["X1", "Ann", "PSO", "T", "High"]]);
    const r = validateWorkbook(book(s, sheet("Staff", ["Name", "Role", "FTE"], [["Ann", "PSO", 1]])));
    const f = r.findings.find((x) => x.rule === "layout.unrecognisedSheet")!;
    expect(f).toMatchObject({ severity: "warning", sheet: "Sheet1", source: SOURCE });
    expect(f.message).toBe(
      `Sheet "Sheet1" has the columns of the Caseload sheet except OM, so it was not checked. If it is the Caseload sheet, name it "Caseload" or map its OM column (with --map or in the task pane's Columns tab).`,
    );
    const alone = validateWorkbook(book(s));
    expect(rulesOf(alone)).toEqual(["layout.noneRecognised", "layout.unrecognisedSheet"]);
    const mapped = validateWorkbook(book(s), { columnMaps: { Sheet1: { Officer: "om" } } });
    expect(mapped.findings.find((x) => x.rule === "caseload.highRoshPso")).toMatchObject({ sheet: "Sheet1", row: 2 });
  });
});

describe("layout.unknownColumn: a header the validator does not read is reported once, as information (Add-in workbook layout)", () => {
  const unknown = (header: string[], rows: unknown[][] = [], name = "Caseload") =>
    validateWorkbook(book(sheet(name, header, rows as never))).findings.filter((f) => f.rule === "layout.unknownColumn");

  it("names the header and the field it looks like, with the mapping that would read it", () => {
    const [f, ...more] = unknown([...CASE_HEADER, "Transferred from CRC"], [["X1", "Ann", "PO", "T", "Low", "Yes"]]);
    expect(more).toEqual([]);
    expect(f).toEqual({
      rule: "layout.unknownColumn",
      severity: "info",
      sheet: "Caseload",
      row: 1,
      cell: "F1",
      message:
        'Caseload: the column "Transferred from CRC" is not one the validator knows, so it is not checked. It looks like "CRC risk escalation" (field crcEscalation); ' +
        `if it is, map it with --map "Caseload:Transferred from CRC=crcEscalation" or in the task pane's Columns tab.`,
      source: SOURCE,
    });
  });

  it("says only that it is not checked when no field is close; a header written twice is reported once", () => {
    const f = unknown([...CASE_HEADER, "Notes", "Date of birth", "Sentence length", "notes"]);
    expect(f.map((x) => x.message)).toEqual([
      'Caseload: the column "Notes" is not one the validator knows, so it is not checked.',
      'Caseload: the column "Date of birth" is not one the validator knows, so it is not checked.',
      'Caseload: the column "Sentence length" is not one the validator knows, so it is not checked.',
    ]);
  });

  it("suggests the field of a misspelt required header, beside the missing-column error", () => {
    const r = validateWorkbook(book(sheet("Caseload", ["Case ID", "Offendr Manger", "OM grade", "Team", "RoSH"], [])));
    expect(r.findings.find((f) => f.rule === "layout.missingField")!.message).toContain("no column for OM");
    expect(r.findings.find((f) => f.rule === "layout.unknownColumn")!.message).toContain('It looks like "OM" (field om)');
  });

  it("a second column for a field already read says which column is read", () => {
    const [f] = unknown([...CASE_HEADER, "Grade"]);
    expect(f!.message).toBe('Caseload: the column "Grade" is not checked, because OM grade is already read from the column "OM grade"; remove or rename one of them if they differ.');
  });

  it("a sheet not recognised, or a second sheet of a kind, gets no finding per column", () => {
    const r = validateWorkbook(book(sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PO", "T", "Low"]]), sheet("Cases", [...CASE_HEADER, "Notes"], []), sheet("Notes", ["Date", "Note"], [["x", "y"]])));
    expect(rulesOf(r).filter((x) => x.startsWith("layout."))).toEqual(expect.arrayContaining(["layout.duplicateKind", "layout.unrecognisedSheet"]));
    expect(rulesOf(r)).not.toContain("layout.unknownColumn");
  });

  it.each([
    ["Transferred from CRC", "crcEscalation"],
    ["Offender Manger", "om"],
    ["RoSH levle", "rosh"],
    ["CRN number", "caseId"],
    ["Date of sentence", undefined],
    ["Risk", undefined],
    ["Case type", undefined],
    ["Team leader", undefined],
    ["Sentence length", undefined],
    ["Age", undefined],
  ])("closest field to %j: %s", (header, id) => {
    expect(closestField(normaliseHeader(header), caseFields, normaliseHeader)?.id).toBe(id);
  });
});

describe("layout.totalsRow: a totals row is not data (Add-in workbook layout)", () => {
  const cases = [
    ["X1", "Ann", "PSO", "T", "High", 5.1],
    ["X2", "Bo", "PO", "T", "Low", 1.2],
  ];
  const header = [...CASE_HEADER, "RSR"];

  it("a Total row with a count under a numeric column is not checked as a case", () => {
    const r = validateWorkbook(book(sheet("Caseload", header, [...cases, ["Total", 2, null, null, null, 6.3]])));
    expect(rulesOf(r).filter((x) => x.startsWith("caseload.required") || x.startsWith("data."))).toEqual([]);
    expect(r.summaries.find((s) => s.rule === "caseload.highRoshPso")!.figure).toBe("1 of 1 High/Very High RoSH cases held by PSOs");
    const f = r.findings.filter((x) => x.rule === "layout.totalsRow");
    expect(f).toEqual([{ rule: "layout.totalsRow", severity: "info", sheet: "Caseload", row: 4, cell: "A4", message: 'Sheet "Caseload": row 4 ("Total") reads as a totals row, so it is not checked as data.', source: SOURCE }]);
  });

  it("the table ends at the totals row: notes below it are not cases either", () => {
    const rows = [...cases, [], ["Grand Total", null, null, null, null, 6.3], ["Source: case extract, March"], [null, "Checked by SPO"]];
    const r = validateWorkbook(book(sheet("Caseload", header, rows)));
    expect(rulesOf(r)).not.toContain("caseload.required");
    expect(r.findings.find((x) => x.rule === "layout.totalsRow")!.message).toBe(
      'Sheet "Caseload": row 5 ("Grand Total") reads as a totals row, so it is not checked as data; the table is taken to end at row 5, and the 2 rows of notes below it are not checked either.',
    );
  });

  it("subtotals inside a table (Excel's Subtotal: a label in the team column) are left out; the cases around them are all checked", () => {
    const rows = [cases[0]!, [null, null, null, "T Total", null, 5.1], ["X3", "Cy", "PSO", "U", "Very High", 2], [1, null, null, "Grand Total", null, 7.1]];
    const r = validateWorkbook(book(sheet("Caseload", header, rows)));
    expect(r.findings.filter((x) => x.rule === "caseload.highRoshPso").map((x) => x.row)).toEqual([2, 4]);
    expect(rulesOf(r)).not.toContain("caseload.required");
    expect(r.findings.find((x) => x.rule === "layout.totalsRow")).toMatchObject({ row: 3, cell: "D3", message: expect.stringContaining('2 rows read as totals rows (the first is row 3, "T Total")') });
  });

  it("a case of a team whose name starts with Total is still a case", () => {
    const r = validateWorkbook(book(sheet("Caseload", header, [["X1", "Ann", "PSO", "Total Care", "High", 5]])));
    expect(r.findings.find((x) => x.rule === "caseload.highRoshPso")).toMatchObject({ row: 2 });
    expect(rulesOf(r)).not.toContain("layout.totalsRow");
  });

  it("rows that look like cases below a totals row are still checked, never lost", () => {
    const r = validateWorkbook(book(sheet("Caseload", header, [cases[1]!, ["Total", 1], ["X9", "Di", "PSO", "T", "High", 4]])));
    expect(r.findings.find((x) => x.rule === "caseload.highRoshPso")).toMatchObject({ row: 4 });
  });
});
