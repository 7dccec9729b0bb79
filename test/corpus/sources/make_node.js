#!/usr/bin/env node
/**
 * Write the corpus workbooks made by JavaScript libraries: ExcelJS (the project's own, from
 * node_modules) and SheetJS (xlsx@0.18.5, which the project does not depend on; regenerate.sh
 * installs it into a temporary folder and passes its path).
 *
 * Usage: TZ=UTC node make_node.js OUTDIR SHEETJS_MODULE_DIR
 *
 * Dates are built in UTC and SheetJS converts dates in local time, hence TZ=UTC.
 */
"use strict";
process.env.TZ = "UTC";

const path = require("node:path");
const ExcelJS = require("exceljs");

const FIXED = new Date(Date.UTC(2024, 3, 1, 9, 0, 0));
const utc = (y, m, d, hh = 0, mm = 0, ss = 0) => new Date(Date.UTC(y, m - 1, d, hh, mm, ss));

/** Shared strings, rich text, a hyperlink, a merged title, dates, percent formats and formulas with cached results. */
async function exceljsBasic(file) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "nps-om corpus";
  wb.created = FIXED;
  wb.modified = FIXED;

  const ws = wb.addWorksheet("Caseload");
  ws.getCell("A1").value = "Caseload written by ExcelJS";
  ws.getCell("A1").font = { bold: true };
  ws.mergeCells("A1:F1");
  ws.getRow(2).values = ["Case ID", "OM", "RoSH", "RSR", "Sentence date", "Notes"];
  const rows = [
    ["E700001", "Asha Patel", "High", 0.069, utc(2023, 4, 3)],
    ["E700002", "Ben Okafor", "Low", 0.0125, utc(2022, 1, 31)],
    ["E700003", "Asha Patel", "Medium", 0.031, utc(2024, 2, 29)],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.values = r;
    row.getCell(4).numFmt = "0.0%";
    row.getCell(5).numFmt = "dd/mm/yyyy";
  });
  ws.getCell("F3").value = { richText: [{ text: "Partly " }, { font: { bold: true }, text: "bold" }, { text: " note" }] };
  ws.getCell("F4").value = { text: "GOV.UK", hyperlink: "https://www.gov.uk/" };
  ws.getCell("F5").value = "Fish & chips <hot> > cold; café, Łódź, 🙂";

  const f = wb.addWorksheet("Formulas");
  f.getCell("A1").value = 2;
  f.getCell("B1").value = { formula: "A1*2", result: 4 };
  f.getCell("A2").value = 0.1 + 0.2; // written in full: 0.30000000000000004
  f.getCell("B2").value = { formula: "A2*10", result: (0.1 + 0.2) * 10 };
  f.getCell("A3").value = { formula: '"x"&"y"', result: "xy" };
  f.getCell("A4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  f.getCell("A5").value = { formula: "1<2", result: true };
  f.getCell("A6").value = 1;
  f.getCell("A7").value = 2;
  f.getCell("A8").value = 3;
  f.getCell("B6").value = { formula: "A6*2", result: 2, shareType: "shared", ref: "B6:B8" };
  f.getCell("B7").value = { sharedFormula: "B6", result: 4 };
  f.getCell("B8").value = { sharedFormula: "B6", result: 6 };
  f.getCell("A9").value = 1e-7;
  f.getCell("A10").value = 123456789012;
  f.getCell("A11").value = -42.5;
  f.getCell("A12").value = { formula: "TODAY()" }; // no cached result
  f.getCell("A13").value = true;
  f.getCell("A14").value = { error: "#N/A" };
  f.getCell("A15").value = utc(2024, 3, 31, 13, 45, 30);
  f.getCell("A15").numFmt = "dd/mm/yyyy hh:mm:ss";
  await wb.xlsx.writeFile(file);
}

/** ExcelJS with the 1904 date system: dates are written as 1904 serials and workbookPr says date1904. */
async function exceljs1904(file) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "nps-om corpus";
  wb.created = FIXED;
  wb.modified = FIXED;
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Dates 1904");
  ws.getRow(1).values = ["What", "Value"];
  ws.getRow(2).values = ["a date", utc(2024, 3, 31)];
  ws.getRow(3).values = ["a date and time", utc(2023, 6, 15, 13, 45, 30)];
  ws.getRow(4).values = ["a plain number", 42];
  ws.getCell("B2").numFmt = "dd/mm/yyyy";
  ws.getCell("B3").numFmt = "dd/mm/yyyy hh:mm:ss";
  await wb.xlsx.writeFile(file);
}

/** One SheetJS workbook, written twice: default options (strings as t="str") and bookSST. */
function sheetjsBook(XLSX) {
  const title = [["Caseload written by SheetJS"]];
  const aoa = [
    ["Case ID", "OM", "RoSH", "RSR", "Sentence date", "IOM", "RSR doubled"],
    ["S600001", "Asha Patel", "High", 0.069, utc(2023, 4, 3), true],
    ["S600002", "Ben Okafor", "Low", 0.0125, utc(2022, 1, 31), false],
    ["S600003", "Chloe Martin", "Medium", 0.031, utc(2024, 2, 29), null],
  ];
  const ws = XLSX.utils.aoa_to_sheet(title);
  XLSX.utils.sheet_add_aoa(ws, aoa, { origin: "A2", dateNF: "dd/mm/yyyy" });
  ws["!merges"] = [XLSX.utils.decode_range("A1:G1")];
  for (let r = 3; r <= 5; r++) {
    ws[`D${r}`].z = "0.0%";
    ws[`G${r}`] = { t: "n", v: ws[`D${r}`].v * 2, f: `D${r}*2`, z: "0.0%" };
  }
  ws["A6"] = { t: "s", v: "Total" };
  ws["D6"] = { t: "n", v: (0.069 + 0.0125 + 0.031) / 3, f: "AVERAGE(D3:D5)", z: "0.0%" };
  ws["E6"] = { t: "e", v: 0x07, f: "1/0" };
  ws["!ref"] = "A1:G6";

  const other = XLSX.utils.aoa_to_sheet([
    ["What", "Value"],
    ["0.1+0.2", 0.1 + 0.2],
    ["1E-07", 1e-7],
    ["123456789012", 123456789012],
    ["negative", -42.5],
    ["markup and non-ASCII", "Fish & chips <hot> > cold; café, Łódź, 🙂"],
    ["spaces kept", "  padded  "],
    ["text that looks like a number", "00123"],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "Caseload");
  XLSX.utils.book_append_sheet(wb, other, "O'Brien's numbers");
  wb.Props = { Author: "nps-om corpus", CreatedDate: FIXED };
  return wb;
}

async function main() {
  const [out, sheetjsDir] = process.argv.slice(2);
  if (!out || !sheetjsDir) throw new Error("usage: node make_node.js OUTDIR SHEETJS_MODULE_DIR");
  await exceljsBasic(path.join(out, "exceljs-basic.xlsx"));
  await exceljs1904(path.join(out, "exceljs-1904.xlsx"));
  const XLSX = require(path.resolve(sheetjsDir));
  XLSX.writeFile(sheetjsBook(XLSX), path.join(out, "sheetjs-default.xlsx"), { bookType: "xlsx" });
  XLSX.writeFile(sheetjsBook(XLSX), path.join(out, "sheetjs-sst.xlsx"), { bookType: "xlsx", bookSST: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
