/**
 * Differential test of the .xlsx reader against a corpus of workbooks from real producers
 * (Microsoft Excel, LibreOffice Calc, openpyxl, pandas, XlsxWriter, ExcelJS, SheetJS, hand-made
 * XML): test/corpus/files/*.xlsx, each with reference values in test/corpus/reference/<name>.json
 * that openpyxl produced, independently of the reader (test/corpus/README.md says how; the files
 * and references are committed and test/corpus/regenerate.sh rebuilds them).
 *
 * For each file the reader must give the reference's non-empty sheets in order, every cell's value
 * at its A1 address (dates as 1900-system serial numbers, numbers to a relative 1e-9, text and
 * booleans exactly, blanks absent), and a percent number format for each column whose first
 * number under the sheet's first row is percent-formatted in the reference (the percent hazard:
 * score columns typed as fractions).
 *
 * Where openpyxl itself is wrong the reference was corrected when it was generated, never here:
 * test/corpus/sources/dump_reference.py lists each such cell with the reason (openpyxl does not
 * decode _xHHHH_ escapes in text, and turns serial 60, Excel's 29 February 1900, into 59). Other
 * deliberate readings the reference encodes:
 *  - a formula with no cached value (openpyxl, ExcelJS write some) is blank: nothing to compare;
 *  - a formula's cached value is its value, even XlsxWriter's default cached 0;
 *  - in a 1904-system workbook a time of day alone (a value under 1) stays as it is, while dates
 *    move by 1462 days to their 1900-system serials;
 *  - phonetic (furigana) runs are not part of a cell's text; rich-text runs are joined.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { readWorkbook, type ReadResult } from "../../src/workbook/read";
import type { SheetData } from "../../src/model/validate/types";
import { columnLetter } from "../../src/model/validate/tables";
import { cellsByAddress } from "../support/cells";
import { expectAs } from "../support/expect-as";

type RefValue = string | number | boolean;

interface RefSheet {
  readonly name: string;
  readonly cells: Readonly<Record<string, RefValue>>;
  readonly formats: Readonly<Record<string, string>>;
}

interface Reference {
  readonly producer: string;
  readonly sheets: readonly RefSheet[];
}

const CORPUS = join(__dirname, "..", "corpus");
const FILES = readdirSync(join(CORPUS, "files"))
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
const REFERENCES = new Set(readdirSync(join(CORPUS, "reference")).filter((f) => f.endsWith(".json")));
const refName = (file: string): string => file.replace(/\.xlsx$/, ".json");

/** How many differences a failure lists. */
const SHOWN = 12;

function parseAddress(a1: string): { row: number; col0: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col0: col - 1 };
}

function same(expected: RefValue, actual: unknown): boolean {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return false;
    return expected === actual || Math.abs(expected - actual) <= 1e-9 * Math.max(Math.abs(expected), Math.abs(actual));
  }
  return expected === actual;
}

function show(v: unknown): string {
  if (v === undefined) return "(blank)";
  const s = typeof v === "string" ? JSON.stringify(v.length > 60 ? `${v.slice(0, 40)}…(${v.length} chars)` : v) : String(v);
  return `${s} (${typeof v})`;
}

/** Every cell whose value differs, in the reference's order then the reader's extra cells, as "Sheet!A1: ..." lines. */
function cellDifferences(ref: readonly RefSheet[], sheets: readonly SheetData[]): string[] {
  const out: string[] = [];
  for (const rs of ref) {
    const sheet = sheets.find((s) => s.name === rs.name);
    const got = sheet ? cellsByAddress(sheet) : new Map<string, unknown>();
    for (const [addr, want] of Object.entries(rs.cells)) {
      const have = got.get(addr);
      if (!same(want, have)) out.push(`${rs.name}!${addr}: reference ${show(want)}, reader ${show(have)}`);
    }
    for (const [addr, have] of got) {
      if (!(addr in rs.cells)) out.push(`${rs.name}!${addr}: reference (blank), reader ${show(have)}`);
    }
  }
  for (const s of sheets) {
    if (!ref.some((r) => r.name === s.name)) out.push(`${s.name}: a sheet the reference does not have`);
  }
  return out;
}

/**
 * Columns whose first number under the sheet's first row (the first row with any value, as the
 * reader counts it: the header row where the data start at row 1) is percent-formatted in the
 * reference but has no percent format in the reader's columnFormats.
 */
function percentDifferences(ref: readonly RefSheet[], sheets: readonly SheetData[]): string[] {
  const out: string[] = [];
  for (const rs of ref) {
    const sheet = sheets.find((s) => s.name === rs.name);
    const addrs = Object.keys(rs.cells).map((a) => ({ a, ...parseAddress(a) }));
    if (!sheet || addrs.length === 0) continue;
    const firstRow = Math.min(...addrs.map((x) => x.row));
    const firstNumber = new Map<number, { a: string; row: number }>();
    for (const x of addrs) {
      const v = rs.cells[x.a];
      if (x.row <= firstRow || typeof v !== "number") continue;
      const had = firstNumber.get(x.col0);
      if (!had || x.row < had.row) firstNumber.set(x.col0, x);
    }
    for (const [col0, { a }] of firstNumber) {
      const fmt = rs.formats[a] ?? "";
      if (!fmt.includes("%")) continue;
      const got = sheet.columnFormats?.[col0 - sheet.originCol];
      if (!got?.includes("%"))
        out.push(`${rs.name}!${columnLetter(col0)}: reference ${a} is formatted ${JSON.stringify(fmt)}, reader's column format ${JSON.stringify(got)}`);
    }
  }
  return out;
}

describe("the workbook corpus", () => {
  it("has files, and reference values for each of them", () => {
    expect(FILES.length).toBeGreaterThan(0);
    expectAs(
      FILES.filter((f) => !REFERENCES.has(refName(f))),
      "test/corpus/files without a test/corpus/reference JSON (run test/corpus/regenerate.sh)",
    ).toEqual([]);
  });
});

describe.each(FILES.filter((f) => REFERENCES.has(refName(f))))("corpus file %s", (file) => {
  const ref = JSON.parse(readFileSync(join(CORPUS, "reference", refName(file)), "utf8")) as Reference;
  const nonEmpty = ref.sheets.filter((s) => Object.keys(s.cells).length > 0);
  let result: ReadResult;
  let sheets: readonly SheetData[] = [];

  beforeAll(async () => {
    result = await readWorkbook(join(CORPUS, "files", file));
    if (result.ok) sheets = result.value.sheets;
  }, 30_000);

  it("is read", () => {
    expectAs(result.ok ? "read" : result.error.message, `${file} (${ref.producer})`).toBe("read");
  });

  it("has the reference's non-empty sheets, in order", () => {
    expectAs(
      sheets.map((s) => s.name),
      `${file}: sheet names`,
    ).toEqual(nonEmpty.map((s) => s.name));
  });

  it("has the reference's value in every cell", () => {
    const diffs = cellDifferences(nonEmpty, sheets);
    const label = `${file} (${ref.producer}): ${diffs.length} cell(s) differ from openpyxl's reference${diffs.length > SHOWN ? `; the first ${SHOWN}` : ""}`;
    expectAs(diffs.slice(0, SHOWN), label).toEqual([]);
  });

  it("keeps the percent format of percent-formatted number columns", () => {
    expectAs(percentDifferences(nonEmpty, sheets), `${file}: percent-formatted columns`).toEqual([]);
  });
});
