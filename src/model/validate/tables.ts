/**
 * From a recognised sheet to a Table: each field's column is read once with its layout type's
 * parser, so rules see plain values. A cell that cannot be read becomes one finding here and
 * undefined for the rules, so no rule reports it twice.
 */
import { problem, type Problem, type Result } from "../problem";
import { sheetDef, type FieldDef, type SheetKind } from "../layout";
import {
  isBlank,
  isErrorText,
  parseGrade,
  parseMappaCategory,
  parseMappaLevel,
  parseNumber,
  parsePercent,
  parseRosh,
  parseTier,
  parseYesNo,
  type CellValue,
} from "../values";
import type { Recognition } from "./recognise";
import { complete, pauseBefore, ROW_BLOCK } from "./steps";
import { totalsLabeller, withoutTotals, type TotalsLabel } from "./totals";
import type { FieldValue, Finding, SheetData, Steps, Table, TableRow } from "./types";

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Whether a number format shows the value as a percentage ("0.00%", "0%"), ignoring quoted text. */
export function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && /%/.test(format.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date as an Excel serial number: serials pass through; ISO (2026-01-31) and UK (31/01/2026) text is read. */
export function parseDate(v: CellValue, arg: string): Result<number | undefined> {
  if (isBlank(v)) return { ok: true, value: undefined };
  if (isErrorText(v)) return { ok: false, problem: problem("value.errorCell", { arg, got: v }) };
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return { ok: true, value: v };
  if (typeof v === "string") {
    const s = v.trim();
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
    if (y !== undefined && m !== undefined && d !== undefined) {
      const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
      const back = new Date(ms);
      if (back.getUTCMonth() === Number(m) - 1 && back.getUTCDate() === Number(d)) return { ok: true, value: Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS) };
    }
  }
  return { ok: false, problem: problem("value.number", { arg, got: v, expected: "a date (a date cell, 2026-01-31 or 31/01/2026)" }) };
}

function parseText(v: CellValue, arg: string): Result<string | undefined> {
  if (isBlank(v)) return { ok: true, value: undefined };
  if (isErrorText(v)) return { ok: false, problem: problem("value.errorCell", { arg, got: v }) };
  return { ok: true, value: String(v).trim() };
}

type Parser = (v: CellValue, arg: string) => Result<FieldValue | undefined>;

function parserFor(field: FieldDef, fractions: boolean): Parser {
  switch (field.type) {
    case "text":
      return parseText;
    case "number":
      return (v, a) => parseNumber(v, a, { expected: "a number" });
    case "percent":
      return (v, a) => parsePercent(v, a, fractions);
    case "yesno":
      return parseYesNo;
    case "rosh":
      return parseRosh;
    case "tier":
      return parseTier;
    case "grade":
      return parseGrade;
    case "date":
      return parseDate;
    case "mappa":
      return field.id === "mappaLevel" ? parseMappaLevel : parseMappaCategory;
  }
}

interface Column {
  readonly index: number;
  readonly values: (FieldValue | undefined)[];
  /** Indexes (into the rows) of the cells that could not be read, in order. */
  readonly unreadable: readonly number[];
}

class Row implements TableRow {
  constructor(
    private readonly table: ParsedTable,
    /** Index into the table's data rows. */
    private readonly i: number,
    readonly row: number,
  ) {}
  get(field: string): FieldValue | undefined {
    const c = this.table.columns.get(field);
    return c === undefined ? undefined : c.values[this.i];
  }
  raw(field: string): CellValue {
    const c = this.table.columns.get(field);
    return c === undefined ? undefined : this.table.data[this.i]![c.index];
  }
  cell(field: string): string | undefined {
    const c = this.table.columns.get(field);
    return c === undefined ? undefined : `${columnLetter(this.table.originCol + c.index)}${this.row}`;
  }
}

class ParsedTable implements Table {
  readonly rows: TableRow[] = [];
  readonly columns = new Map<string, Column>();
  readonly data: (readonly CellValue[])[] = [];
  readonly originCol: number;
  constructor(
    readonly kind: SheetKind,
    readonly sheet: string,
    private readonly formats: readonly (string | undefined)[],
    originCol: number,
  ) {
    this.originCol = originCol;
  }
  has(field: string): boolean {
    return this.columns.has(field);
  }
  values(field: string): readonly (FieldValue | undefined)[] | undefined {
    return this.columns.get(field)?.values;
  }
  unreadable(field: string): readonly number[] {
    return this.columns.get(field)?.unreadable ?? [];
  }
  column(field: string): number | undefined {
    return this.columns.get(field)?.index;
  }
  format(field: string): string | undefined {
    const c = this.columns.get(field);
    return c === undefined ? undefined : this.formats[c.index];
  }
}

/** The header as the user wrote it, for messages ("ROSH level: expected ..."). */
function headerText(sheet: SheetData, rec: Recognition, index: number): string {
  const h = sheet.rows[rec.headerIndex]?.[index];
  return h === null || h === undefined ? `column ${columnLetter(sheet.originCol + index)}` : String(h).trim();
}

/** Distinct texts per column whose parse is remembered (parsing is pure: same text, same result). */
const PARSE_MEMO = 4096;

/** A field's column while the table is read: how to parse it, and what has been read so far. */
interface Reading {
  readonly id: string;
  readonly index: number;
  readonly parse: Parser;
  readonly text: boolean;
  /** The header as written, for messages. */
  readonly arg: string;
  readonly values: (FieldValue | undefined)[];
  readonly seen: Map<string, Result<FieldValue | undefined>>;
  readonly unreadable: number[];
}

/**
 * Build the table of a recognised sheet. Rows blank in every cell are left out, and so are totals
 * rows and the notes under them (./totals.ts), with one information finding. Returns the
 * findings for cells that could not be read (rule "data.unreadable", or "data.errorValue" for
 * cells holding Excel errors such as #N/A).
 */
export function buildTable(sheet: SheetData, rec: Recognition): { table: Table; findings: Finding[] } {
  return complete(readTable(sheet, rec));
}

/**
 * buildTable as Steps: two passes over the rows (which rows are data, then each field's cells,
 * block by block), pausing every ROW_BLOCK rows.
 */
export function* readTable(sheet: SheetData, rec: Recognition): Steps<{ table: Table; findings: Finding[] }> {
  if (rec.kind === undefined) throw new Error(`buildTable: sheet ${sheet.name} was not recognised`);
  const def = sheetDef(rec.kind);
  const table = new ParsedTable(rec.kind, sheet.name, sheet.columnFormats ?? [], sheet.originCol);
  const findings: Finding[] = [];
  const address = (index: number, row: number) => `${columnLetter(sheet.originCol + index)}${row}`;

  // Pass 1: the rows that are not blank, and which of them are totals rows.
  const candidates: number[] = [];
  const labels: (TotalsLabel | undefined)[] = [];
  const totalsOf = totalsLabeller(rec, def);
  // A row is blank when the columns the validator reads are: a note in a column it does not read
  // makes no case. (So the task pane, which reads only those columns, sees the rows a file reader does.)
  const read = Object.values(rec.columns).sort((a, b) => a - b);
  const first = rec.headerIndex + 1;
  const below = sheet.rows.length - first;
  for (let r = first; r < sheet.rows.length; r++) {
    if (pauseBefore(r - first)) yield (r - first) / below / 2;
    const cells = sheet.rows[r]!;
    if (read.every((c) => isBlank(cells[c]))) continue;
    candidates.push(r);
    labels.push(totalsOf(cells));
  }
  const totals = withoutTotals(sheet, rec, def, candidates, labels, address);
  if (totals.finding) findings.push(totals.finding);

  // Pass 2: the data rows, block by block, each field's cells read with its layout type's parser.
  const n = totals.rows.length;
  const readings: Reading[] = [];
  for (const field of def.fields) {
    const index = rec.columns[field.id];
    if (index === undefined) continue;
    const fractions = field.type === "percent" && isPercentFormat(sheet.columnFormats?.[index]);
    readings.push({
      id: field.id,
      index,
      parse: parserFor(field, fractions),
      text: field.type === "text",
      arg: headerText(sheet, rec, index),
      values: new Array<FieldValue | undefined>(n),
      seen: new Map(),
      unreadable: [],
    });
  }
  for (let start = 0; start < n; start += ROW_BLOCK) {
    if (start > 0) yield 0.5 + start / n / 2;
    const end = Math.min(n, start + ROW_BLOCK);
    for (let i = start; i < end; i++) {
      const r = totals.rows[i]!;
      table.data.push(sheet.rows[r]!);
      table.rows.push(new Row(table, i, sheet.originRow + r));
    }
    for (const c of readings) readCells(c, table, start, end, findings, address);
  }
  for (const c of readings) table.columns.set(c.id, { index: c.index, values: c.values, unreadable: c.unreadable });
  return { table, findings };
}

/** One field's cells in rows start..end-1 of the table: parsed values, and a finding for each cell that cannot be read. */
function readCells(c: Reading, table: ParsedTable, start: number, end: number, findings: Finding[], address: (index: number, row: number) => string): void {
  const { index, parse, text, arg, values, seen, unreadable } = c;
  for (let i = start; i < end; i++) {
    const v = table.data[i]![index];
    if (v === null || v === undefined || v === "") continue; // blank: undefined, without a parse
    if (text && typeof v === "string" && v.charCodeAt(0) !== 35 /* "#": maybe an error value */) {
      const t = v.trim();
      if (t !== "") values[i] = t;
      continue;
    }
    // A column repeats a few words ("High", "No", "PSO") down every row: parse each word once.
    let r = typeof v === "string" ? seen.get(v) : undefined;
    if (r === undefined) {
      r = parse(v, arg);
      if (typeof v === "string" && seen.size < PARSE_MEMO) seen.set(v, r);
    }
    if (r.ok) values[i] = r.value;
    else {
      unreadable.push(i);
      const row = table.rows[i]!.row;
      findings.push(cellFinding(r.problem, table.sheet, row, address(index, row)));
    }
  }
}

function cellFinding(p: Problem, sheet: string, row: number, cell: string): Finding {
  const isError = p.code === "value.errorCell";
  return {
    rule: isError ? "data.errorValue" : "data.unreadable",
    severity: "error",
    sheet,
    row,
    cell,
    message: `${p.message} The row is checked without this cell.`,
    source: "Add-in workbook layout",
  };
}
