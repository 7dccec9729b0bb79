import { describe, expect, it } from "@jest/globals";
import { normaliseHeader, recogniseSheet } from "../../src/model/validate/recognise";
import { columnLetter, isPercentFormat, parseDate } from "../../src/model/validate/tables";
import { REPORT_SHEET_NAME, reportTable, validateWorkbook } from "../../src/model/validate";
import { book, sheet } from "../support/book";

const CASE_HEADER = ["Case ID", "OM", "OM grade", "Team", "RoSH"];

describe("header recognition (workbook layout, README)", () => {
  it.each([
    ["ROSH level", "rosh level"],
    ["  Risk of Serious Harm ", "risk of serious harm"],
    ["RSR %", "rsr"],
    ["Case-ID", "case id"],
    ["Child protection plan (yes/no)", "child protection plan"],
  ])("normalises %j to %j", (h, n) => expect(normaliseHeader(h)).toBe(n));

  it.each([["RoSH"], ["Risk of Serious Harm"], ["ROSH level"], ["rosh"], ["RISK LEVEL"]])("reads %j as the RoSH field", (h) => {
    const r = recogniseSheet(sheet("Caseload", ["CRN", "OM", "Grade", "Team", h], []));
    expect(r.kind).toBe("caseload");
    expect(r.columns["rosh"]).toBe(4);
    expect(r.columns["caseId"]).toBe(0);
    expect(r.missing).toEqual([]);
  });

  it("recognises a caseload by its headers whatever the sheet is called", () => {
    const r = recogniseSheet(sheet("Sheet1", ["Case ID", "Offender Manager", "OM grade", "Team", "RoSH", "Tier"], []));
    expect(r.kind).toBe("caseload");
    expect(r.columns["om"]).toBe(1);
    expect(r.columns["recordedTier"]).toBe(5);
  });

  it("finds the header row below a title", () => {
    const s = { name: "Caseload", rows: [["Leeds caseload, March"], [], CASE_HEADER, ["X1", "Ann", "PO", "T", "Low"]], originRow: 1, originCol: 0 };
    const r = recogniseSheet(s);
    expect(r.headerIndex).toBe(2);
  });

  it("a sheet of unrelated headers is not recognised and its headers are listed", () => {
    const r = recogniseSheet(sheet("Notes", ["Date", "Note"], []));
    expect(r.kind).toBeUndefined();
    expect(r.unrecognised).toEqual(["Date", "Note"]);
  });

  it("a user's mapping turns an unknown header into a field and is remembered per sheet", () => {
    const s = sheet("Caseload", ["Case ID", "Practitioner", "OM grade", "Team", "RoSH"], []);
    expect(recogniseSheet(s).missing).toEqual(["om"]);
    const mapped = recogniseSheet(s, { Practitioner: "om" });
    expect(mapped.columns["om"]).toBe(1);
    expect(mapped.missing).toEqual([]);
  });

  it("a mapping to a field the sheet does not have is reported, not applied", () => {
    const r = recogniseSheet(sheet("Caseload", CASE_HEADER, []), { Team: "wakingStaffMin" });
    expect(r.badMappings).toEqual(["Team -> wakingStaffMin"]);
    expect(r.columns["team"]).toBe(3);
  });
});

describe("cells as tables", () => {
  it.each([[0, "A"], [25, "Z"], [26, "AA"], [51, "AZ"], [702, "AAA"]])("column %i is %s", (i, l) => expect(columnLetter(i)).toBe(l));
  it.each([["0.00%", true], ["0%", true], ["General", false], ['0.0 "%pts"', false], [undefined, false]])("format %j percent: %s", (f, p) =>
    expect(isPercentFormat(f)).toBe(p),
  );
  it.each([
    [46023, 46023],
    ["2026-01-01", 46023],
    ["01/01/2026", 46023],
    ["31/02/2026", undefined],
  ])("date %j reads as serial %j", (v, serial) => {
    const r = parseDate(v, "Date");
    expect(r.ok ? r.value : undefined).toBe(serial);
  });

  it("cell addresses follow the sheet's origin (table starting at C5)", () => {
    const s = sheet("Caseload", CASE_HEADER, [["X1", "Ann", "SPO", "T", "High"]], { originRow: 5, originCol: 2 });
    const f = validateWorkbook(book(s)).findings.find((x) => x.rule === "data.unreadable")!;
    expect(f).toMatchObject({ sheet: "Caseload", row: 6, cell: "E6" });
    expect(f.message).toMatch(/^OM grade: expected a grade PO or PSO; got "SPO"/);
  });

  it("an error value such as #N/A becomes a finding naming the cell, not a crash", () => {
    const s = sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PO", "T", "#N/A"]]);
    const f = validateWorkbook(book(s)).findings.filter((x) => x.rule === "data.errorValue");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", cell: "E2" });
    expect(f[0]!.message).toContain("#N/A");
  });

  it("blank rows inside a table are skipped, and row numbers stay the sheet's", () => {
    const s = sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PSO", "T", "High"], [null, "", null, null, null], ["X2", "Bo", "PSO", "T", "Very High"]]);
    const rows = validateWorkbook(book(s)).findings.filter((x) => x.rule === "caseload.highRoshPso").map((x) => x.row);
    expect(rows).toEqual([2, 4]);
  });
});

describe("validateWorkbook: layout and order", () => {
  it("an empty workbook is one clear error", () => {
    const r = validateWorkbook(book(sheet("Sheet1", [], [])));
    expect(r.findings.map((f) => f.rule)).toEqual(["layout.empty"]);
    expect(r.findings[0]!.message).toBe("The workbook holds no data to check.");
  });

  it("a missing required column is an error on the sheet, and rules needing an absent sheet are 'not checked'", () => {
    const r = validateWorkbook(book(sheet("Caseload", ["Case ID", "OM", "Team", "RoSH"], [["X1", "Ann", "T", "Low"]])));
    const missing = r.findings.find((f) => f.rule === "layout.missingField")!;
    expect(missing).toMatchObject({ severity: "error", sheet: "Caseload", row: 1 });
    expect(missing.message).toContain("OM grade");
    expect(r.summaries.find((s) => s.rule === "caseload.vloNotOm")!.status).toBe("not checked");
    expect(r.findings.some((f) => f.rule === "layout.missingSheet" && f.message.includes("Staff"))).toBe(true);
  });

  it("the task pane's own report sheet is never validated", () => {
    const r = validateWorkbook(book(sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PO", "T", "Low"]]), sheet(REPORT_SHEET_NAME, ["Severity", "Rule"], [["error", "x"]])));
    expect(r.layout.sheets.map((s) => s.sheet)).toEqual(["Caseload"]);
  });

  it("a second caseload sheet is reported rather than silently merged or ignored", () => {
    const r = validateWorkbook(book(sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PO", "T", "Low"]]), sheet("Cases", CASE_HEADER, [["X2", "Bo", "PO", "T", "Low"]])));
    expect(r.findings.find((f) => f.rule === "layout.duplicateKind")).toMatchObject({ sheet: "Cases", severity: "warning" });
  });

  it("what-if overrides are reported, and an unknown figure is an error, never ignored", () => {
    const s = sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PO", "T", "Low"]]);
    const r = validateWorkbook(book(s), { overrides: { omAdminRatio: 5 } });
    expect(r.overrides).toEqual([expect.objectContaining({ key: "omAdminRatio", from: 4, to: 5 })]);
    const bad = validateWorkbook(book(s), { overrides: { nosuch: 1 } as never });
    expect(bad.findings[0]).toMatchObject({ rule: "config.override", severity: "error" });
  });

  it("findings are ordered: percent hazard first, then errors, warnings, info", () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`X${i}`, "Ann", "PSO", "T", i === 11 ? "High" : "Low", 0.01 * i]);
    const r = validateWorkbook(book(sheet("Caseload", [...CASE_HEADER, "RSR"], rows, { columnFormats: [undefined, undefined, undefined, undefined, undefined, "0.0%"] })));
    expect(r.findings[0]!.rule).toBe("caseload.percentHazard");
    const sev = r.findings.slice(1).map((f) => f.severity);
    expect([...sev].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b))).toEqual(sev);
  });

  it("summaries carry a status per rule: fail with errors, pass without", () => {
    const ok = validateWorkbook(book(sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PO", "T", "High"]])));
    expect(ok.summaries.find((s) => s.rule === "caseload.highRoshPso")).toMatchObject({ status: "pass", counts: { error: 0, warning: 0, info: 0 } });
    const bad = validateWorkbook(book(sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PSO", "T", "High"]])));
    expect(bad.summaries.find((s) => s.rule === "caseload.highRoshPso")).toMatchObject({ status: "fail", figure: "1 of 1 High/Very High RoSH cases held by PSOs", target: "none" });
  });
});

describe("reportTable: the rows every written report shares", () => {
  it("one row per finding in the report's order, with a link target for findings on a sheet", () => {
    const r = validateWorkbook(book(sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PSO", "T", "High"]])));
    const t = reportTable(r);
    expect(t.header).toEqual(["Severity", "Rule", "Sheet", "Cell", "Message", "Source", "Figure", "Target"]);
    expect(t.rows).toHaveLength(r.findings.length);
    const row = t.rows.find((x) => x.rule === "caseload.highRoshPso")!;
    expect(row).toMatchObject({ severity: "error", sheet: "Caseload", cell: "C2", link: { sheet: "Caseload", cell: "C2" } });
  });
});

describe("validateWorkbook: nothing to check", () => {
  it("a workbook with sheets but none recognisable is one clear error naming the sheets and what was expected", () => {
    const r = validateWorkbook(book(sheet("Sheet1", ["Date", "Note"], [["x", "y"]])));
    expect(r.findings.map((f) => f.rule)).toEqual(["layout.noneRecognised"]);
    expect(r.findings[0]!.message).toMatch(/^None of the sheets \(Sheet1\) is one of the documented sheets \(Caseload, Staff, Teams/);
    expect(r.summaries.every((s) => s.status === "not checked")).toBe(true);
  });
});

describe("summary labels follow the figures in force", () => {
  it("a what-if of 1:5 in OM teams is labelled 1:5, not the model's 1:4", () => {
    const s = sheet("Caseload", CASE_HEADER, [["X1", "Ann", "PO", "T", "Low"]]);
    const label = (o = {}) => validateWorkbook(book(s), { overrides: o }).summaries.find((x) => x.rule === "staffing.omAdminRatio")!.label;
    expect(label()).toBe("Case administrators in OM teams (1:4 on FTE)");
    expect(label({ omAdminRatio: 5 })).toBe("Case administrators in OM teams (1:5 on FTE)");
  });
});
