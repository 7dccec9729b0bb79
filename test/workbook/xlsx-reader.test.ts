/**
 * The workbook reader on files no spreadsheet library of ours wrote: parts in every order, the
 * shapes other programs write (absolute targets, prefixes, cells without references, inline and
 * rich text), and hostile files (damaged data, duplicates, zip bombs, entities). Each file is
 * built byte by byte (test/support/zip.ts), so the test says exactly what the file holds.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { SheetData } from "../../src/model/validate/types";
import { readWorkbook, type ReadResult, type WorkbookReadError } from "../../src/workbook/read";
import { MAX_SHARED_STRINGS, SharedStrings } from "../../src/workbook/xlsx/package";
import { MAX_CELLS_PER_BOOK, readSheet } from "../../src/workbook/xlsx/sheet";
import { Styles } from "../../src/workbook/xlsx/styles";
import { cellsByAddress } from "../support/cells";
import { expectAs } from "../support/expect-as";
import { book, bookParts, esc, zip, type BookSpec } from "../support/zip";

const dir = mkdtempSync(path.join(tmpdir(), "nps-om-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(buf: Buffer): Promise<SheetData[]> {
  const r = await readWorkbook(buf, "test.xlsx");
  if (!r.ok) throw new Error(`expected a workbook, got ${r.error.reason}: ${r.error.message}`);
  return [...r.value.sheets];
}

async function failure(buf: Buffer): Promise<WorkbookReadError> {
  const r: ReadResult = await readWorkbook(buf, "test.xlsx");
  if (r.ok) throw new Error("expected the read to fail");
  expect(r.error.message).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/);
  return r.error;
}

/** Cell values by A1 address, for comparing what was read with what was written. */
function cells(sheet: SheetData): Record<string, unknown> {
  return Object.fromEntries(cellsByAddress(sheet));
}

const CASELOAD = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>`;
const SPEC: BookSpec = {
  sheets: [
    ["Caseload", CASELOAD],
    ["Staff", `<row r="1"><c r="A1" t="s"><v>4</v></c></row><row r="2"><c r="A2"><v>1.5</v></c></row>`],
  ],
  sharedStrings: ["Case ID", "RoSH", "X1", "High", "FTE"],
};

describe("parts are found through the package, whatever their order in the zip", () => {
  const expected = [
    { name: "Caseload", cells: { A1: "Case ID", B1: "RoSH", A2: "X1", B2: "High" } },
    { name: "Staff", cells: { A1: "FTE", A2: 1.5 } },
  ];
  const orders: [string, (n: string[]) => string[]][] = [
    ["as Excel writes them (sheets before shared strings)", (n) => n],
    ["reversed (workbook and relationships last)", (n) => [...n].reverse()],
    ["shared strings and styles first", (n) => [...n.filter((x) => /shared|styles/.test(x)), ...n.filter((x) => !/shared|styles/.test(x))]],
    ["sheets first, workbook last", (n) => [...n.filter((x) => x.includes("worksheets")), ...n.filter((x) => !x.includes("worksheets"))]],
  ];
  for (const [what, order] of orders)
    it(what, async () => {
      const sheets = await read(book(SPEC, order));
      expect(sheets.map((s) => ({ name: s.name, cells: cells(s) }))).toEqual(expected);
    });

  it("absolute targets (/xl/worksheets/...) and part names that are not sheetN.xml, as openpyxl and others write", async () => {
    const sheets = await read(book({ ...SPEC, absoluteTargets: true, partNames: ["data-b.xml", "data-a.xml"] }));
    expect(sheets.map((s) => s.name)).toEqual(["Caseload", "Staff"]);
    expect(cells(sheets[0]!)).toEqual(expected[0]!.cells);
  });

  it("sheet names with apostrophes, quotes, ampersands and non-ASCII come from the workbook, never from part names", async () => {
    const names = ["O'Brien's team", 'The "North"', "R&D <2>", "Équipe Nord – ünit 2"];
    const sheets = await read(book({ sheets: names.map((n) => [n, `<row r="1"><c r="A1"><v>1</v></c></row>`] as const) }));
    expect(sheets.map((s) => s.name)).toEqual(names);
  });

  it("a zip64 archive (sizes and offsets in Zip64 fields, directory found through the Zip64 end record)", async () => {
    const sheets = await read(zip(bookParts(SPEC), { zip64: true }));
    expect(sheets.map((s) => ({ name: s.name, cells: cells(s) }))).toEqual(expected);
  });

  it("a macro-enabled workbook (.xlsm) is read like any other", async () => {
    const parts = bookParts(SPEC).map((p) => (p.name === "[Content_Types].xml" ? { ...p, data: String(p.data).replace("sheet.main+xml", "sheet.macroEnabled.main+xml") } : p));
    expect((await read(zip(parts))).map((s) => s.name)).toEqual(["Caseload", "Staff"]);
  });
});

describe("cell values as other programs write them", () => {
  it("cells and rows without r attributes follow on; no <dimension> is needed", async () => {
    const xml = `<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c><v>5</v></c></row>`;
    const [s] = await read(book({ sheets: [["S", xml]] }));
    expect(cells(s!)).toEqual({ A1: "a", B1: 2, C2: 3, D2: 4, A5: 5 });
  });

  it("attributes in single quotes, with spaces around = or across lines, read as Excel's own", async () => {
    const xml = `<row r='1'><c r='C1' t='inlineStr'><is><t>RSR</t></is></c></row><row r = '2'><c r='B2' t='inlineStr'><is><t>x</t></is></c><c\n r = "C2"\n s="1"><v>0.5</v></c></row>`;
    const [s] = await read(book({ sheets: [["S", xml]], styles: { xfs: [9] } }));
    expect(cells(s!)).toEqual({ C1: "RSR", B2: "x", C2: 0.5 });
    expect(s!.columnFormats).toEqual([undefined, "0%"]);
  });

  it("a namespace prefix on every element (x:worksheet, x:c ...)", async () => {
    const xml =
      `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData>` +
      `<x:mergeCells count="1"><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>`;
    const [s] = await read(book({ sheets: [["S", xml]], sharedStrings: ["Case ID"] }));
    expect(cells(s!)).toEqual({ A1: "Case ID", B1: 7 });
  });

  it("inline strings, rich text runs and phonetic runs: the value is the text shown, without the reading guide", async () => {
    const sharedXml =
      `<si><r><t>Hi</t></r><r><rPr><b/></rPr><t xml:space="preserve"> there</t></r></si>` +
      `<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>` +
      `<si><t>a_x000D_b &amp; &lt;c&gt; &#233;&#x1F600;</t></si><si/>`;
    const xml =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>` +
      `<c r="E1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c r="F1" t="inlineStr"><is><t>ł é 😀</t></is></c></row>`;
    const [s] = await read(book({ sheets: [["S", xml]], sharedXml }));
    expect(cells(s!)).toEqual({ A1: "Hi there", B1: "漢字", C1: "a\rb & <c> é😀", E1: "inline", F1: "ł é 😀" });
  });

  it("a shared-string index written with spaces around it is still the index", async () => {
    const [s] = await read(book({ sheets: [["S", `<row r="1"><c r="A1" t="s"><v> 1 </v></c></row>`]], sharedStrings: ["a", "b"] }));
    expect(cells(s!)).toEqual({ A1: "b" });
  });

  it("booleans, error cells, formulas with and without cached values, formula text, ISO dates", async () => {
    const xml =
      `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c>` +
      `<c r="D1"><f>1+1</f><v>2</v></c><c r="E1"><f>A9*2</f></c><c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
      `<c r="G1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H1" t="d"><v>2026-01-31T12:00:00Z</v></c><c r="I1"><f t="shared" ref="I1:I2" si="0">D1</f><v>-1.5E-7</v></c></row>`;
    const [s] = await read(book({ sheets: [["S", xml]] }));
    expect(cells(s!)).toEqual({ A1: true, B1: false, C1: "#N/A", D1: 2, F1: "ab", G1: "#DIV/0!", H1: 46053.5, I1: -1.5e-7 });
    // The formula never calculated is blank, and counted so the engine can say so.
    expect(s!.uncalculated).toEqual({ count: 1, first: "E1" });
  });

  it("the 1904 date system: date-formatted numbers become 1900-system serials, other numbers are untouched", async () => {
    // 31/01/2026 is 46053 in the 1900 system and 44591 in the 1904 system.
    const xml = `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1"><v>44591</v></c><c r="B2" s="2"><v>44591</v></c><c r="C2" s="3"><v>0.25</v></c></row>`;
    const spec: BookSpec = { sheets: [["S", xml]], sharedStrings: ["Date"], styles: { numFmts: { 164: "dd/mm/yyyy" }, xfs: [164, 0, 9] }, date1904: true };
    const [s] = await read(book(spec));
    expect(cells(s!)).toEqual({ A1: "Date", A2: 46053, B2: 44591, C2: 0.25 });
    expect(s!.columnFormats).toEqual(["dd/mm/yyyy", "General", "0%"]);
    const [s1900] = await read(book({ ...spec, date1904: false }));
    expect(cells(s1900!)["A2"]).toBe(44591);
  });

  it("merged ranges: only the top-left cell keeps its value, even when the file holds values under the merge", async () => {
    const xml = `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1"><v>9</v></c><c r="C1"><v>9</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>`;
    const [s] = await read(book({ sheets: [["S", xml]], after: ['<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>'] }));
    expect(cells(s!)).toEqual({ A1: "Title", A2: 1, B2: 2 });
  });

  it("a percent format on score columns is reported per column, from the cells' styles (the percent hazard)", async () => {
    const xml = `<row r="1"><c r="A1" t="inlineStr"><is><t>RSR</t></is></c><c r="B1" t="inlineStr"><is><t>OGRS</t></is></c></row><row r="2"><c r="A2" s="1"><v>0.069</v></c><c r="B2" s="2"><v>42</v></c></row>`;
    const [s] = await read(book({ sheets: [["S", xml]], styles: { numFmts: { 170: '0.0"%"' }, xfs: [10, 170] } }));
    expect(s!.columnFormats).toEqual(["0.00%", '0.0"%"']);
  });

  it("a sheet larger than one inflated piece, with multi-byte text everywhere, reads the same as cell by cell", async () => {
    const rows: string[] = [];
    const want: Record<string, unknown> = {};
    for (let r = 1; r <= 15_000; r++) {
      const text = `Łódź ${r} – café ☕ ${"é".repeat(r % 17)}`;
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${esc(text)}</t></is></c><c r="B${r}"><v>${r / 8}</v></c><c r="C${r}" t="s"><v>${r % 3}</v></c></row>`);
      want[`A${r}`] = text;
      want[`B${r}`] = r / 8;
      want[`C${r}`] = ["zéro", "один", "二"][r % 3];
    }
    const xml = rows.join("");
    expect(Buffer.byteLength(xml)).toBeGreaterThan(2 * 1024 * 1024);
    const [s] = await read(book({ sheets: [["S", xml]], sharedStrings: ["zéro", "один", "二"] }));
    expect(cells(s!)).toEqual(want);
  });
});

describe("damaged and hostile files end with one clear message, never a hang, a crash or a partial read", () => {
  it("damaged deflate data in a sheet -> corrupt, naming the part", async () => {
    const parts = bookParts(SPEC).map((p) =>
      p.name === "xl/worksheets/sheet1.xml" ? { ...p, packed: (b: Buffer) => Buffer.concat([b.subarray(0, 10), Buffer.alloc(b.length - 10, 0xff)]) } : p,
    );
    const e = await failure(zip(parts));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toMatch(/the sheet "Caseload", part xl\/worksheets\/sheet1\.xml, is damaged: its compressed data cannot be unpacked/);
  });

  it("data that inflates but does not match its checksum -> corrupt", async () => {
    const parts = bookParts(SPEC).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, store: true, packed: (b: Buffer) => Buffer.from(b.toString("latin1").replace("<v>3</v>", "<v>4</v>"), "latin1") } : p));
    expect((await failure(zip(parts))).message).toMatch(/the sheet "Caseload", part xl\/worksheets\/sheet1\.xml, is damaged: its checksum does not match/);
  });

  it("two entries with the same part name -> corrupt (programs disagree on which one to show)", async () => {
    const parts = bookParts(SPEC);
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    const e = await failure(zip([...parts, { ...sheet, name: "xl/worksheets/Sheet1.xml" }]));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toMatch(/holds the part xl\/worksheets\/Sheet1\.xml twice/);
  });

  it("a part that claims 4 GB -> tooLarge before anything is inflated", async () => {
    const parts = bookParts(SPEC).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, claimSize: 0xfffffff0 } : p));
    const e = await failure(zip(parts));
    expect(e.reason).toBe("tooLarge");
    expect(e.message).toMatch(/the sheet "Caseload", part xl\/worksheets\/sheet1\.xml, unpacks to 4,096 MB, more than the 256 MB a part may hold/);
  });

  it("a zip bomb (a sheet compressed over 500 times) -> tooLarge, from its recorded sizes", async () => {
    const bomb = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"a".repeat(20 * 1024 * 1024)}</t></is></c></row>`; // 20 MB, compresses about 1000:1
    const e = await failure(book({ sheets: [["S", bomb]] }));
    expect(e.reason).toBe("tooLarge");
    expect(e.message).toMatch(/a ratio only a file made to exhaust memory has/);
  });

  it("a part holding more than its recorded size -> corrupt at the recorded size, not read on", async () => {
    const parts = bookParts(SPEC).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, claimSize: 40 } : p));
    expect((await failure(zip(parts))).message).toMatch(/the sheet "Caseload", part xl\/worksheets\/sheet1\.xml, holds more than its zip entry says/);
  });

  it(`more than ${MAX_SHARED_STRINGS.toLocaleString("en-GB")} shared strings -> tooLarge`, async () => {
    const parts = bookParts({ ...SPEC, sharedXml: "<si/>".repeat(MAX_SHARED_STRINGS + 1) }).map((p) => (p.name === "xl/sharedStrings.xml" ? { ...p, store: true } : p));
    expect((await failure(zip(parts))).message).toMatch(/shared text table holds more than 5,000,000 entries/);
  });

  it("more cells with values than the workbook's budget -> tooLarge (the budget is shared by all sheets)", async () => {
    const budget = { left: 3 };
    const ctx = { part: "xl/worksheets/sheet1.xml", strings: SharedStrings.empty(), styles: Styles.none(), date1904: false, budget };
    const xml = (n: number) => Buffer.from(`<worksheet><sheetData><row r="1">${"<c><v>1</v></c>".repeat(n)}</row></sheetData></worksheet>`);
    await readSheet("A", [xml(2)] as unknown as AsyncIterable<Buffer>, ctx);
    await expect(readSheet("B", [xml(2)] as unknown as AsyncIterable<Buffer>, ctx)).rejects.toThrow(new RegExp(`more than ${MAX_CELLS_PER_BOOK.toLocaleString("en-GB")} cells with values`));
  });

  it("a row past 1,048,576 -> tooLarge", async () => {
    const e = await failure(book({ sheets: [["S", `<row r="1048577"><c><v>1</v></c></row>`]] }));
    expect(e.reason).toBe("tooLarge");
    expect(e.message).toMatch(/row 1,048,577, past the last one Excel has/);
  });

  it("XML entities are refused: a document type declaration in any part -> corrupt", async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet xmlns="x"><sheetData><row r="1"><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    const e = await failure(book({ sheets: [["S", xml]] }));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toMatch(/declares a document type/);
  });

  it("a sheet cut off in the middle of its XML -> corrupt", async () => {
    const xml = `<?xml version="1.0"?><worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></c>`;
    expect((await failure(book({ sheets: [["S", xml]] }))).message).toMatch(/ends in the middle of its XML/);
  });

  it("a cell pointing past the shared strings -> corrupt, naming the cell", async () => {
    expect((await failure(book({ sheets: [["S", `<row r="3"><c r="B3" t="s"><v>7</v></c></row>`]] }))).message).toMatch(/cell B3 .*refers to shared text that is not in the workbook/);
  });

  it("a workbook relationship to a sheet that is not in the zip -> corrupt, naming the sheet", async () => {
    const parts = bookParts(SPEC).filter((p) => p.name !== "xl/worksheets/sheet2.xml");
    expect((await failure(zip(parts))).message).toMatch(/the sheet "Staff" has no contents in the file/);
  });
});

describe("any damage to a real workbook gives a value or one clear error, never a crash or a hang", () => {
  for (const name of ["libreoffice-division", "excel-deaths", "pandas-sheets"])
    it(`${name}.xlsx, randomly corrupted (bytes changed, runs overwritten, the file cut short; FUZZ_RUNS=n for more than 700)`, async () => {
      const good = readFileSync(path.join(__dirname, "..", "corpus", "files", `${name}.xlsx`));
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ at: fc.nat({ max: good.length - 1 }), byte: fc.nat({ max: 255 }), run: fc.nat({ max: 64 }) }), { minLength: 1, maxLength: 4 }),
          fc.option(fc.nat({ max: good.length }), { nil: undefined }),
          async (edits, cut) => {
            const bad = Buffer.from(good);
            for (const { at, byte, run } of edits) bad.fill(byte, at, Math.min(bad.length, at + 1 + run));
            const r = await readWorkbook(cut === undefined ? bad : bad.subarray(0, cut), "damaged.xlsx");
            if (!r.ok) {
              expect(r.error.message).toMatch(/^damaged\.xlsx: /);
              expect(r.error.message).not.toMatch(/\n|reader stopped|Error\b|ERR_|undefined|NaN/);
            }
          },
        ),
        { numRuns: Number(process.env["FUZZ_RUNS"] ?? 700), seed: Number(process.env["FUZZ_SEED"] ?? 20261203) },
      );
    }, 60_000);
});

describe("nothing with case data is written to disk", () => {
  it("reading a workbook through the command line leaves the temporary folder empty", () => {
    const tmp = mkdtempSync(path.join(dir, "tmp-"));
    const file = path.join(dir, "cases.xlsx");
    writeFileSync(file, book(SPEC));
    const cli = path.join(__dirname, "..", "..", "bin", "nps-om.js");
    const r = spawnSync(process.execPath, [cli, "validate", file, "--json"], { env: { ...process.env, TMPDIR: tmp, TEMP: tmp, TMP: tmp }, encoding: "utf8" });
    expectAs(r.stderr, "stderr").not.toMatch(/internal error/);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
