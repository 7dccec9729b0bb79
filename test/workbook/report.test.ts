import { statusWord } from "../../src/model/validate/families";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "@jest/globals";
import { REPORT_SHEET_NAME, validateWorkbook } from "../../src/model/validate";
import { REPORT_HEADER } from "../../src/model/validate/report-table";
import type { ValidationReport } from "../../src/model/validate/types";
import { readWorkbook } from "../../src/workbook/read";
import { cellLink, ReportWriteError, SUMMARY_SHEET_NAME, writeReport } from "../../src/workbook/report";
import { divisionWithErrors, tempDir, writeBook, type Rows } from "./fixtures";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function validated(file: string, sheets: Record<string, Rows>, overrides = {}): Promise<ValidationReport> {
  await writeBook(file, sheets);
  const r = await readWorkbook(file);
  if (!r.ok) throw r.error;
  return validateWorkbook(r.value, { overrides });
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("cellLink: links from the report to a cell of the validated workbook", () => {
  it("is Excel's HYPERLINK to [file]'sheet'!cell, relative to the report's folder", () => {
    expect(cellLink("/data/div.xlsx", "/data/report.xlsx", "Caseload", "F12")).toBe(`HYPERLINK("[div.xlsx]'Caseload'!F12","F12")`);
    expect(cellLink("/data/div.xlsx", "/data/out/report.xlsx", "Court reports", "B2")).toBe(`HYPERLINK("[../div.xlsx]'Court reports'!B2","B2")`);
    expect(cellLink("/data/in/div.xlsx", "/data/report.xlsx", "O'Brien's team", "a7")).toBe(`HYPERLINK("[in/div.xlsx]'O''Brien''s team'!A7","a7")`);
  });

  it("doubles quotes inside the formula's strings", () => {
    expect(cellLink('/d/say "hi".xlsx', "/d/r.xlsx", "Staff", "C3", 'C"3')).toBe(`HYPERLINK("[say ""hi"".xlsx]'Staff'!C3","C""3")`);
  });
});

describe("writeReport: the report workbook", () => {
  it("has a Summary sheet and the findings sheet, each finding's Cell linking to its cell", async () => {
    const input = tmp.file("division.xlsx");
    const report = await validated(input, divisionWithErrors());
    const out = tmp.file("findings.xlsx");
    await writeReport(report, { input, output: out });
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME, REPORT_SHEET_NAME]);

    const ws = wb.getWorksheet(REPORT_SHEET_NAME)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...REPORT_HEADER]);
    expect(ws.rowCount).toBe(report.findings.length + 1);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();

    const i = report.findings.findIndex((f) => f.rule === "caseload.highRoshPso");
    expect(i).toBeGreaterThanOrEqual(0);
    const f = report.findings[i]!;
    const row = ws.getRow(i + 2);
    expect(row.getCell(1).value).toBe("Error");
    expect(row.getCell(2).value).toBe("caseload.highRoshPso");
    expect(row.getCell(3).value).toBe("Caseload");
    expect(row.getCell(4).value).toEqual({ formula: `HYPERLINK("[division.xlsx]'Caseload'!${f.cell!}","${f.cell!}")`, result: f.cell });
    expect(row.getCell(5).value).toBe(f.message);

    // A workbook-level finding (a missing sheet) has no link.
    const j = report.findings.findIndex((x) => x.sheet === undefined);
    expect(j).toBeGreaterThanOrEqual(0);
    expect(ws.getRow(j + 2).getCell(4).value).toBeNull();
  });

  it("the Summary lists every rule with its status, and the what-if figures in effect", async () => {
    const input = tmp.file("whatif.xlsx");
    const report = await validated(input, divisionWithErrors(), { omAdminRatio: 5 });
    const out = tmp.file("whatif-report.xlsx");
    await writeReport(report, { input, output: out, variants: { napoDomesticViolence: true } });
    const ws = (await load(out)).getWorksheet(SUMMARY_SHEET_NAME)!;
    const cells: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    for (const s of report.summaries) {
      expect(cells).toContain(s.rule);
      expect(cells).toContain(s.label);
    }
    // Statuses as a reader says them: "Pass", "For information", never the engine's words.
    expect(ws.getRow(2).getCell(3).value).toBe(statusWord(report.summaries[0]!.status));
    const statuses = new Set(report.summaries.map((_, i) => String(ws.getRow(i + 2).getCell(3).value)));
    for (const st of statuses) expect(["Pass", "Fail", "Warning", "For information", "Not checked"]).toContain(st);
    expect(cells.some((c) => /What-if figures in effect/.test(c))).toBe(true);
    expect(cells).toContain("omAdminRatio");
    expect(cells.some((c) => /napoDomesticViolence/.test(c))).toBe(true);
  });

  it("links from a report in another folder go up to the input", async () => {
    const input = tmp.file("up.xlsx");
    const report = await validated(input, divisionWithErrors());
    mkdirSync(tmp.file("reports"), { recursive: true });
    const out = tmp.file("reports/r.xlsx");
    await writeReport(report, { input, output: out });
    const ws = (await load(out)).getWorksheet(REPORT_SHEET_NAME)!;
    const found: string[] = [];
    ws.eachRow((row, n) => {
      const v = row.getCell(4).value;
      if (n > 1 && v !== null && typeof v === "object" && "formula" in v) found.push(String(v.formula));
    });
    expect(found.length).toBe(report.findings.filter((f) => f.sheet !== undefined).length);
    for (const l of found) expect(l).toMatch(/^HYPERLINK\("\[\.\.\/up\.xlsx\]'(Caseload|Staff|Teams)'![A-Z]+\d+","[^"]+"\)$/);
  });

  it("refuses to write over the validated workbook, which stays unchanged", async () => {
    const input = tmp.file("keep.xlsx");
    const report = await validated(input, divisionWithErrors());
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    await expect(writeReport(report, { input, output: input })).rejects.toThrow(ReportWriteError);
    await expect(writeReport(report, { input, output: path.join(tmp.dir, ".", "keep.xlsx") })).rejects.toThrow(/is the workbook being validated/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
  });

  it("refuses a report name that is not .xlsx, and names a folder that does not exist", async () => {
    const input = tmp.file("names.xlsx");
    const report = await validated(input, divisionWithErrors());
    await expect(writeReport(report, { input, output: tmp.file("r.csv") })).rejects.toThrow(/ending in \.xlsx/);
    await expect(writeReport(report, { input, output: tmp.file("no/such/folder/r.xlsx") })).rejects.toThrow(/the folder does not exist/);
  });
});



