import { readFileSync, statSync, writeFileSync, utimesSync, chmodSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "@jest/globals";
import { readWorkbook, WorkbookReadError, type ReadResult } from "../../src/workbook/read";
import { validateWorkbook } from "../../src/model/validate";
import type { SheetData } from "../../src/model/validate/types";
import { zip } from "../support/zip";
import { cleanDivision, tempDir, writeBook } from "./fixtures";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function sheets(r: ReadResult): readonly SheetData[] {
  if (!r.ok) throw new Error(`expected a workbook, got ${r.error.reason}: ${r.error.message}`);
  return r.value.sheets;
}

function failed(r: ReadResult): WorkbookReadError {
  if (r.ok) throw new Error("expected the read to fail");
  return r.error;
}

describe("readWorkbook: cell values become the engine's plain values", () => {
  it("numbers, strings, booleans, blanks; the used range starts at the first cell with a value", async () => {
    const file = await writeBook(tmp.file("values.xlsx"), {}, (wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getCell("C3").value = "Case ID";
      ws.getCell("D3").value = "FTE";
      ws.getCell("E3").value = "Flag";
      ws.getCell("C4").value = "X1";
      ws.getCell("D4").value = 0.5;
      ws.getCell("E4").value = true;
      ws.getCell("C6").value = "X3";
      ws.getCell("E6").value = false;
      ws.getCell("D5").value = ""; // an empty string is blank
      ws.getCell("C9").style = { font: { bold: true } }; // styled but empty: not part of the used range
    });
    const [s] = sheets(await readWorkbook(file));
    expect(s!.name).toBe("Data");
    expect(s!.originRow).toBe(3);
    expect(s!.originCol).toBe(2);
    expect(s!.rows).toEqual([
      ["Case ID", "FTE", "Flag"],
      ["X1", 0.5, true],
      [null, null, null],
      ["X3", null, false],
    ]);
  });

  it("dates become Excel serial numbers in the 1900 system (UTC, no time-zone drift)", async () => {
    const file = await writeBook(tmp.file("dates.xlsx"), {}, (wb) => {
      const ws = wb.addWorksheet("Dates");
      ws.addRow(["Date", "Date and time"]);
      ws.addRow([new Date(Date.UTC(2024, 0, 15)), new Date(Date.UTC(2024, 0, 15, 12, 0, 0))]);
      ws.addRow([new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2014, 5, 1, 6, 0, 0))]);
      ws.getRow(2).getCell(1).numFmt = "dd/mm/yyyy";
    });
    const [s] = sheets(await readWorkbook(file));
    expect(s!.rows[1]).toEqual([45306, 45306.5]);
    // 1 Jan 1900 is serial 1 in Excel; ExcelJS and this reader agree on serials after 1 Mar 1900.
    expect(s!.rows[2]![1]).toBe(41791.25);
    expect(s!.columnFormats![0]).toBe("dd/mm/yyyy");
  });

  it("a workbook in the 1904 date system still gives 1900-system serials", async () => {
    const file = await writeBook(tmp.file("dates1904.xlsx"), {}, (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Dates");
      ws.addRow(["Date"]);
      ws.addRow([new Date(Date.UTC(2024, 0, 15))]);
    });
    const [s] = sheets(await readWorkbook(file));
    expect(s!.rows[1]).toEqual([45306]);
  });

  it("formulas give their cached result; error cells and error results give the error text", async () => {
    const file = await writeBook(tmp.file("formulas.xlsx"), {}, (wb) => {
      const ws = wb.addWorksheet("F");
      ws.addRow(["Sum", "Text", "Lookup", "Error", "Shared", "NoResult"]);
      ws.getCell("A2").value = { formula: "1+1", result: 2 };
      ws.getCell("B2").value = { formula: 'UPPER("po")', result: "PO" };
      ws.getCell("C2").value = { formula: "VLOOKUP(1,Z1:Z2,1,FALSE)", result: { error: "#N/A" } };
      ws.getCell("D2").value = { error: "#DIV/0!" };
      ws.getCell("E2").value = { formula: "A2*2", result: 4 };
      ws.getCell("E3").value = { sharedFormula: "E2", result: 6 };
      ws.getCell("F2").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
    });
    const [s] = sheets(await readWorkbook(file));
    expect(s!.rows[1]).toEqual([2, "PO", "#N/A", "#DIV/0!", 4, null]);
    expect(s!.rows[2]).toEqual([null, null, null, null, 6, null]);
  });

  it("rich text and hyperlinks give their text; merged-away cells are blank", async () => {
    const file = await writeBook(tmp.file("rich.xlsx"), {}, (wb) => {
      const ws = wb.addWorksheet("R");
      ws.addRow(["Rich", "Link", "Merged", "Other"]);
      ws.getCell("A2").value = { richText: [{ text: "Very " }, { font: { bold: true }, text: "High" }] };
      ws.getCell("B2").value = { text: "Sam Smith", hyperlink: "mailto:sam@example.org" };
      ws.getCell("C2").value = "North OM";
      ws.mergeCells("C2:D3");
    });
    const [s] = sheets(await readWorkbook(file));
    expect(s!.rows[1]).toEqual(["Very High", "Sam Smith", "North OM", null]);
    // The merged-away cells hold nothing, so the used range ends on row 2.
    expect(s!.rows).toHaveLength(2);
  });

  it("columnFormats: the number format of the first number under the header, per column (percent scores)", async () => {
    const file = await writeBook(tmp.file("formats.xlsx"), {}, (wb) => {
      const ws = wb.addWorksheet("Caseload");
      ws.addRow(["Case ID", "RSR", "OGRS", "Note"]);
      ws.addRow(["X1", 0.069, 12, "n"]);
      ws.addRow(["X2", 0.5, 30, "m"]);
      ws.getColumn(2).numFmt = "0.00%";
      ws.getCell("B1").numFmt = "General";
    });
    const [s] = sheets(await readWorkbook(file));
    expect(s!.columnFormats).toEqual([undefined, "0.00%", "General", undefined]);
    expect(s!.rows[1]).toEqual(["X1", 0.069, 12, "n"]);
  });

  it("columnFormats: a number in a title row above the header does not hide a percent-formatted score column", async () => {
    const file = await writeBook(tmp.file("title.xlsx"), {}, (wb) => {
      const ws = wb.addWorksheet("Caseload");
      ws.addRow(["North division caseload"]);
      ws.addRow(["Year", 2024]);
      ws.addRow(["Case ID", "RSR"]);
      ws.addRow(["X1", 0.069]);
      ws.addRow(["X2", 0.5]);
      ws.getCell("B4").numFmt = "0.0%";
      ws.getCell("B5").numFmt = "0.0%";
    });
    const [s] = sheets(await readWorkbook(file));
    expect(s!.columnFormats).toEqual([undefined, "0.0%"]);
  });

  it("every worksheet is read, in order, and empty sheets are left out", async () => {
    const file = await writeBook(tmp.file("multi.xlsx"), { First: [["A"], [1]], Empty: [], Third: [["B"], [2]] });
    expect(sheets(await readWorkbook(file)).map((s) => s.name)).toEqual(["First", "Third"]);
  });

  it("reads from a Buffer as well as a path", async () => {
    const file = await writeBook(tmp.file("buffer.xlsx"), { S: [["A"], [1]] });
    expect(sheets(await readWorkbook(readFileSync(file)))[0]!.rows).toEqual([["A"], [1]]);
  });
});

describe("readWorkbook: bad input is a typed error with a clear message, never a crash", () => {
  const cases: [string, () => string, WorkbookReadError["reason"], RegExp][] = [
    ["a missing file", () => tmp.file("nope.xlsx"), "missing", /no such file/],
    ["a folder", () => tmp.dir, "notWorkbook", /not an Excel workbook \(it looks like a folder\)/],
    ["a text file", () => write("notes.xlsx", "Hello, this is not a workbook.\n"), "notWorkbook", /not an Excel workbook/],
    ["a CSV file", () => write("cases.csv", "Case ID,OM,RoSH\nX1,Sam,High\n"), "notWorkbook", /looks like a CSV or text file.*save it as an Excel Workbook \(\.xlsx\)/],
    ["a PDF", () => write("doc.xlsx", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "latin1")), "notWorkbook", /looks like a PDF/],
    ["random bytes", () => write("random.xlsx", Buffer.from([0x00, 0x13, 0xff, 0x80, 0x01, 0x02, 0x9a, 0x00, 0x10])), "notWorkbook", /not an Excel workbook/],
    ["an empty file", () => write("empty.xlsx", Buffer.alloc(0)), "notWorkbook", /an empty file/],
    [
      "a password-protected workbook (OLE/CFB container)",
      () => write("secret.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])),
      "encrypted",
      /password-protected or an old \.xls.*without a password/,
    ],
    ["a zip without a workbook", () => write("other.xlsx", zipOf("readme.txt")), "notWorkbook", /zip archive without a workbook/],
    ["a Word document", () => write("letter.xlsx", zipOf("word/document.xml")), "notWorkbook", /Word document/],
    [
      "an OpenDocument spreadsheet (.ods) renamed",
      () => write("calc.xlsx", zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true }, { name: "content.xml", data: "<office:document-content/>" }])),
      "notWorkbook",
      /looks like an OpenDocument file/,
    ],
    ["a zip whose workbook part is broken", () => write("broken.xlsx", zipOf("xl/workbook.xml")), "corrupt", /damaged or incomplete/],
    ["an Excel Binary Workbook (.xlsb)", () => write("binary.xlsb", zipOf("xl/workbook.bin")), "binaryWorkbook", /\.xlsb.*save it as an Excel Workbook \(\.xlsx\)/i],
  ];
  for (const [what, make, reason, message] of cases)
    it(`${what} -> ${reason}`, async () => {
      const e = failed(await readWorkbook(make()));
      expect(e).toBeInstanceOf(WorkbookReadError);
      expect(e.reason).toBe(reason);
      expect(e.message).toMatch(message);
      expect(e.message).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/);
    });

  it("a truncated workbook -> corrupt", async () => {
    const good = readFileSync(await writeBook(tmp.file("whole.xlsx"), cleanDivision()));
    const e = failed(await readWorkbook(write("truncated.xlsx", good.subarray(0, Math.floor(good.length / 2)))));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toMatch(/damaged or incomplete.*truncated/);
  });

  it("a workbook with one empty sheet -> empty", async () => {
    const e = failed(await readWorkbook(await writeBook(tmp.file("blank.xlsx"), { Sheet1: [] })));
    expect(e.reason).toBe("empty");
    expect(e.message).toMatch(/one sheet, and it is empty; there is nothing to validate/);
  });

  it("a workbook with several empty sheets -> empty", async () => {
    const e = failed(await readWorkbook(await writeBook(tmp.file("blanks.xlsx"), { A: [], B: [[null, ""]] })));
    expect(e.reason).toBe("empty");
    expect(e.message).toMatch(/no data on any of its sheets/);
  });

  it("a stray cell far from the data (used range too large to hold) -> tooLarge, not out of memory", async () => {
    const file = await writeBook(tmp.file("stray.xlsx"), { Caseload: [["Case ID"], ["X1"]] }, (wb) => {
      wb.getWorksheet("Caseload")!.getCell("XFD1048576").value = "x";
    });
    const e = failed(await readWorkbook(file));
    expect(e.reason).toBe("tooLarge");
    expect(e.message).toMatch(/too large to check: sheet "Caseload" spans 1,048,576 rows by 16,384 columns\. .*delete stray cells/);
  });

  // Root reads a file whatever its mode, so the check needs an ordinary user (CI here runs as root).
  (process.platform === "win32" || process.getuid?.() === 0 ? it.skip : it)("an unreadable file -> unreadable", async () => {
    const file = await writeBook(tmp.file("locked.xlsx"), { S: [["A"]] });
    chmodSync(file, 0o000);
    const e = failed(await readWorkbook(file));
    expect(e.reason).toBe("unreadable");
    expect(e.message).toMatch(/permission denied/);
    chmodSync(file, 0o644);
  });
});

describe("readWorkbook: the input file is never modified", () => {
  it("its bytes and modification time are unchanged after reading", async () => {
    const file = await writeBook(tmp.file("untouched.xlsx"), cleanDivision());
    const past = new Date(Date.UTC(2020, 0, 1));
    utimesSync(file, past, past);
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    sheets(await readWorkbook(file));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });
});

describe("read + validate: error cells become findings, not a crash", () => {
  it("a caseload with #N/A in the RoSH and RSR columns", async () => {
    const rows = cleanDivision();
    const file = await writeBook(tmp.file("na.xlsx"), rows, (wb) => {
      const ws = wb.getWorksheet("Caseload")!;
      ws.getCell("E2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      ws.getCell("F3").value = { formula: "VLOOKUP(1,Z1:Z2,1,FALSE)", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
    });
    const book = await readWorkbook(file);
    const report = validateWorkbook({ sheets: sheets(book) });
    const cells = report.findings.filter((f) => f.sheet === "Caseload").map((f) => f.cell);
    expect(cells).toContain("E2");
    expect(cells).toContain("F3");
    expect(report.findings.find((f) => f.cell === "E2")!.message).toMatch(/#N\/A/);
  });
});

function write(name: string, content: string | Buffer): string {
  const file = tmp.file(name);
  writeFileSync(file, content);
  return file;
}

/** A stored zip holding one empty file with the given name. */
function zipOf(name: string): Buffer {
  return zip([{ name, data: "", store: true }]);
}
