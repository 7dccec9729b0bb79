import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { LAYOUT } from "../../src/model/layout";
import { validateWorkbook } from "../../src/model/validate";
import { readWorkbook } from "../../src/workbook/read";
import { TEMPLATE_ROWS, writeTemplate } from "../../src/workbook/template";
import { tempDir } from "./fixtures";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("template workbook (from src/model/layout.ts LAYOUT)", () => {
  const file = tmp.file("template.xlsx");
  const wb = new ExcelJS.Workbook();
  beforeAll(async () => {
    await writeTemplate(file);
    await wb.xlsx.readFile(file);
  });

  it("has one sheet per layout sheet, in layout order, each with its documented header row", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(LAYOUT.map((d) => d.name));
    for (const def of LAYOUT) {
      const ws = wb.getWorksheet(def.name)!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(def.fields.map((f) => f.header));
      expect(ws.getCell("A1").font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
  });

  it("each header cell's note carries the field's help", () => {
    for (const def of LAYOUT) {
      const ws = wb.getWorksheet(def.name)!;
      def.fields.forEach((f, i) => {
        const note = ws.getRow(1).getCell(i + 1).note;
        const text = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
        expect(text).toContain(f.help);
      });
    }
  });

  it("yes/no, RoSH, grade, tier and MAPPA columns have drop-down lists", () => {
    const caseload = LAYOUT.find((d) => d.kind === "caseload")!;
    const ws = wb.getWorksheet(caseload.name)! as ExcelJS.Worksheet & { dataValidations: { model: Record<string, ExcelJS.DataValidation> } };
    const lists = Object.values(ws.dataValidations.model).filter((v) => v?.type === "list");
    const formulae = lists.map((v) => String(v.formulae[0]));
    expect(formulae).toContain('"Low,Medium,High,Very High"');
    expect(formulae).toContain('"PO,PSO"');
    expect(formulae).toContain('"A,B1,B2,C1,C2,D1,D2"');
    expect(formulae).toContain('"Yes,No"');
    expect(formulae).toContain('"1,2,3"');
    // The RoSH column's list covers the data rows below the header.
    const rosh = caseload.fields.findIndex((f) => f.id === "rosh");
    const letter = ws.getColumn(rosh + 1).letter;
    const addresses = Object.keys(ws.dataValidations.model);
    const covers = addresses.some((a) => a === `${letter}2:${letter}${TEMPLATE_ROWS + 1}` || a === `${letter}2`);
    expect(covers).toBe(true);
  });

  it("read back, it is an empty workbook of headers the engine recognises (no unrecognised sheets)", async () => {
    const r = await readWorkbook(file);
    if (!r.ok) throw r.error;
    expect(r.value.sheets.map((s) => s.rows.length)).toEqual(LAYOUT.map(() => 1));
    const report = validateWorkbook(r.value);
    expect(report.layout.sheets.map((s) => s.kind)).toEqual(LAYOUT.map((d) => d.kind));
    expect(report.layout.sheets.every((s) => s.missing.length === 0 && s.unrecognised.length === 0)).toBe(true);
  });
});
