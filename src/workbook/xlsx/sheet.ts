/**
 * One worksheet's XML, scanned once into plain cell values (numbers, text, booleans, error text).
 * Cells are placed by their own reference when they have one and follow on from the previous
 * cell when they do not; the <dimension> element is never trusted. Merged-away cells are blank,
 * as Excel shows them. The scan is a hand-written tokenizer over the part as a latin1 string
 * (one character per byte): the hot path allocates nothing per cell beyond the value itself.
 */
import type { CellValue } from "../../model/values";
import { columnLetter } from "../../model/validate/tables";
import type { SheetData } from "../../model/validate/types";
import { merges, parseRef, ref, SheetCells } from "./cells";
import { XlsxError } from "./errors";
import type { SharedStrings } from "./package";
import type { Styles } from "./styles";
import { cutOff, decodeCellText, isSpace, nameEnd, newTag, partText, readTag, refuseDoctype, richText } from "./xml";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Cells with values all sheets together may hold: each is a value in memory. */
export const MAX_CELLS_PER_BOOK = 12_000_000;
/** Days between the 1904 and the 1900 date systems' day zero. */
const DAYS_1904 = 1462;

/** Counts every cell the workbook's sheets hold, against one limit for the whole workbook. */
export interface CellBudget {
  left: number;
}

export interface SheetContext {
  readonly part: string;
  readonly strings: SharedStrings;
  readonly styles: Styles;
  readonly date1904: boolean;
  readonly budget: CellBudget;
}

/**
 * Scan a sheet's XML, given in pieces (any split: bytes are characters here): its used range as
 * SheetData, or undefined when it holds no value. Pieces are cut after the last complete row, so
 * no element is ever split; only that unfinished row is carried to the next piece.
 */
export async function readSheet(name: string, pieces: AsyncIterable<Buffer>, ctx: SheetContext): Promise<SheetData | undefined> {
  const cells = new SheetCells(name);
  const state: ScanState = { row: 0, col: 0 };
  let phase: "head" | "rows" | "tail" = "head";
  let pending = "";
  let tail = "";
  let first = true;
  /** Scan what can be scanned of `text` (the carry and a new piece, which ends it); returns the new carry. */
  const take = (text: string, piece: string, final: boolean): string => {
    let s = text;
    if (phase === "head") {
      const at = s.search(SHEET_DATA);
      if (at < 0 || (!final && s.indexOf(">", at) < 0)) return final ? "" : s;
      const open = readTag(s, at, ctx.part);
      phase = open.selfClosing ? "tail" : "rows";
      s = s.slice(open.end);
    }
    if (phase === "rows") {
      // The last complete row is almost always in the new piece: look there, not through the carry.
      const inPiece = final ? -1 : lastRowEnd(piece);
      const cut = final ? s.length : inPiece >= 0 && s.length >= piece.length ? s.length - piece.length + inPiece : lastRowEnd(s);
      if (cut < 0) return s;
      const end = scanRows(s, 0, cut, ctx, cells, state);
      if (end < 0) {
        if (final) throw cutOff(ctx.part);
        return s.slice(cut);
      }
      phase = "tail";
      s = s.slice(end);
    }
    tail += s;
    return "";
  };
  for await (const piece of pieces) {
    const text = piece.toString("latin1");
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xff || text.charCodeAt(0) === 0xfe) return readWhole(name, piece, pieces, ctx);
      refuseDoctype(text, ctx.part);
    }
    pending = take(pending === "" ? text : pending + text, text, false);
  }
  take(pending, "", true);
  cells.merges = merges(tail, 0, ctx.part);
  return cells.sheet();
}

/** A sheet in UTF-16 (no spreadsheet program writes one, but XML allows it): read whole. */
async function readWhole(name: string, first: Buffer, rest: AsyncIterable<Buffer>, ctx: SheetContext): Promise<SheetData | undefined> {
  const all = [first];
  for await (const p of rest) all.push(p);
  const s = partText(Buffer.concat(all), ctx.part);
  const utf8 = Buffer.from(s, "latin1");
  return readSheet(name, [utf8] as unknown as AsyncIterable<Buffer>, ctx);
}

const SHEET_DATA = /<([A-Za-z0-9_]+:)?sheetData[\s>/]/;

/** Just past the last complete </row> (or </x:row>) in s, or -1. */
function lastRowEnd(s: string): number {
  for (let i = s.lastIndexOf("row>"); i >= 0; i = s.lastIndexOf("row>", i - 1)) {
    let j = i - 1;
    if (s.charCodeAt(j) === 58 /* : */) while (j > 0 && s.charCodeAt(j - 1) !== 47 && s.charCodeAt(j - 1) !== 60) j--;
    else j = i;
    if (s.charCodeAt(j - 1) === 47 && s.charCodeAt(j - 2) === 60) return i + 4;
    if (i === 0) break;
  }
  return -1;
}

interface ScanState {
  row: number;
  col: number;
}

/** Whether the element name in s[from, to) has the local name `local` (with or without a prefix). */
function named(s: string, from: number, to: number, local: string): boolean {
  const n = local.length;
  if (to - from < n || !s.startsWith(local, to - n)) return false;
  return to - from === n || s.charCodeAt(to - n - 1) === 58; /* : */
}

/** A cell's type (its t attribute) as a number, so the hot path compares integers. */
const enum T {
  Number,
  Shared,
  Formula,
  Inline,
  Bool,
  Error,
  Date,
  Other,
}

function typeCode(s: string, from: number, to: number): T {
  const len = to - from;
  switch (s.charCodeAt(from)) {
    case 115 /* s */:
      return len === 1 ? T.Shared : len === 3 && s.startsWith("str", from) ? T.Formula : T.Other;
    case 110 /* n */:
      return len === 1 ? T.Number : T.Other;
    case 105 /* i */:
      return s.startsWith("inlineStr", from) && len === 9 ? T.Inline : T.Other;
    case 98 /* b */:
      return len === 1 ? T.Bool : T.Other;
    case 101 /* e */:
      return len === 1 ? T.Error : T.Other;
    case 100 /* d */:
      return len === 1 ? T.Date : T.Other;
    default:
      return len === 0 ? T.Number : T.Other;
  }
}

/**
 * The attributes of a <c> or <row> tag the reader uses (r, t, s), parsed in place. `r` and `t` are
 * offsets into `src`: the part itself, or the attribute's own text when the general parser read it.
 */
const quick = { rSrc: "", r: -1, rEnd: -1, t: T.Number, tSrc: "", tAt: 0, tEnd: 0, s: 0, end: 0, selfClosing: false };
const general = newTag();

/**
 * Read the tag whose name ends at `from` (its "<" at `lt`). The usual shape, one-letter names and
 * double-quoted values (name="value"), is read here without building anything; any other shape
 * (quotes, spaces around "=", prefixed names) goes to the one general tag reader, readTag.
 */
function quickTag(s: string, lt: number, from: number, part: string): void {
  const cell = quick;
  cell.r = -1;
  cell.t = T.Number;
  cell.s = 0;
  let i = from;
  for (;;) {
    let c = s.charCodeAt(i);
    while (isSpace(c)) c = s.charCodeAt(++i);
    if (c === 62 /* > */ || (c === 47 /* / */ && s.charCodeAt(i + 1) === 62)) {
      cell.selfClosing = c === 47;
      cell.end = i + (c === 47 ? 2 : 1);
      return;
    }
    if (s.charCodeAt(i + 1) !== 61 /* = */ || s.charCodeAt(i + 2) !== 34 /* " */) return generalTag(s, lt, part);
    const ve = s.indexOf('"', i + 3);
    if (ve < 0) throw cutOff(part);
    if (c === 114 /* r */) {
      cell.rSrc = s;
      cell.r = i + 3;
      cell.rEnd = ve;
    } else if (c === 116 /* t */) {
      cell.tSrc = s;
      cell.t = typeCode(s, i + 3, ve);
      cell.tAt = i + 3;
      cell.tEnd = ve;
    } else if (c === 115 /* s */) cell.s = Math.max(0, digits(s, i + 3, ve));
    i = ve + 1;
  }
}

function generalTag(s: string, lt: number, part: string): void {
  const tag = readTag(s, lt, part, general);
  const cell = quick;
  const r = tag.attrs.get("r");
  const t = tag.attrs.get("t");
  const style = tag.attrs.get("s");
  cell.rSrc = r ?? "";
  cell.r = r === undefined ? -1 : 0;
  cell.rEnd = r?.length ?? -1;
  cell.tSrc = t ?? "";
  cell.t = t === undefined ? T.Number : typeCode(t, 0, t.length);
  cell.tAt = 0;
  cell.tEnd = t?.length ?? 0;
  cell.s = style === undefined ? 0 : Math.max(0, digits(style, 0, style.length));
  cell.end = tag.end;
  cell.selfClosing = tag.selfClosing;
}

function tooManyCells(): XlsxError {
  return new XlsxError("tooLarge", `its sheets hold more than ${MAX_CELLS_PER_BOOK.toLocaleString("en-GB")} cells with values, more than can be checked at once`);
}

function tooFar(part: string, what: string): XlsxError {
  return new XlsxError("tooLarge", `${part} places a cell at ${what}, past the last one Excel has`);
}

/**
 * Scan <row> and <c> elements from `p` to </sheetData>; returns where the sheet data ends, or -1
 * when it reached `limit` first (the end of this piece). The usual shapes (<c ...><v>..</v></c>, unprefixed) take a fast path; anything else the general one.
 */
function scanRows(s: string, p: number, limit: number, ctx: SheetContext, cells: SheetCells, state: ScanState): number {
  const { part, strings, styles, date1904, budget } = ctx;
  const tag = newTag();
  let { row, col } = state;
  for (;;) {
    const lt = s.indexOf("<", p);
    if (lt < 0 || lt >= limit) {
      state.row = row;
      state.col = col;
      return -1;
    }
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      const ne = nameEnd(s, lt + 2);
      const gt = s.indexOf(">", ne);
      if (gt < 0) throw cutOff(part);
      if (named(s, lt + 2, ne, "sheetData")) return gt + 1;
      p = gt + 1;
      continue;
    }
    const ne = c1 === 99 /* c */ || c1 === 114 /* r */ ? (isSpace(s.charCodeAt(lt + 2)) ? lt + 2 : nameEnd(s, lt + 1)) : nameEnd(s, lt + 1);
    const isCell = ne === lt + 2 ? c1 === 99 : named(s, lt + 1, ne, "c");
    if (!isCell) {
      if (named(s, lt + 1, ne, "row")) {
        quickTag(s, lt, ne, part);
        p = quick.end;
        const r = quick.r >= 0 ? digits(quick.rSrc, quick.r, quick.rEnd) : -1;
        row = r > 0 ? r : row + 1;
        if (row > MAX_ROWS) throw tooFar(part, `row ${row.toLocaleString("en-GB")}`);
        col = 0;
      } else {
        readTag(s, lt, part, tag);
        p = tag.end;
      }
      continue;
    }
    quickTag(s, lt, ne, part);
    p = quick.end;
    if (quick.r >= 0 && parseRef(quick.rSrc, quick.r, quick.rEnd)) {
      row = ref.row;
      col = ref.col;
    } else {
      if (row === 0) row = 1;
      col++;
    }
    if (row > MAX_ROWS) throw tooFar(part, `row ${row.toLocaleString("en-GB")}`);
    if (col > MAX_COLS) throw tooFar(part, `column ${col.toLocaleString("en-GB")}`);
    if (quick.selfClosing) continue;
    const t = quick.t;
    const style = quick.s;
    const other = t === T.Other ? quick.tSrc.slice(quick.tAt, quick.tEnd) : "";
    let v: string | undefined;
    let inline: string | undefined;
    let formula = false;
    if (s.startsWith("<v>", p)) {
      const close = s.indexOf("<", p + 3);
      if (close < 0) throw cutOff(part);
      const index = t === T.Shared && s.startsWith("</v></c>", close) ? digits(s, p + 3, close) : -1;
      if (index >= 0) {
        // The commonest cell of all, shared text: no substring, no switch.
        const text = strings.get(index);
        if (text === undefined) throw new XlsxError("corrupt", `${where(row, col)} in ${part} refers to shared text that is not in the workbook`);
        p = close + 8;
        if (text === "") continue;
        if (--budget.left < 0) throw tooManyCells();
        cells.add(row, col, text, styles, style);
        continue;
      }
      v = s.slice(p + 3, close);
      p = close;
    }
    if (s.startsWith("</v></c>", p)) p += 8;
    else if (s.startsWith("</c>", p)) p += 4;
    else {
      // The cell's children in general: <f> (formula), <v> (value or cached result), <is> (inline text).
      for (;;) {
        const l2 = s.indexOf("<", p);
        if (l2 < 0) throw cutOff(part);
        if (s.charCodeAt(l2 + 1) === 47) {
          const e2 = nameEnd(s, l2 + 2);
          const g2 = s.indexOf(">", e2);
          if (g2 < 0) throw cutOff(part);
          p = g2 + 1;
          if (named(s, l2 + 2, e2, "c")) break;
          continue;
        }
        readTag(s, l2, part, tag);
        p = tag.end;
        if (tag.name === "f" && !tag.closing) formula = true;
        if (tag.closing || tag.selfClosing) continue;
        if (tag.name === "v") {
          const close = s.indexOf("<", p);
          if (close < 0) throw cutOff(part);
          v = s.slice(p, close);
          p = close;
        } else if (tag.name === "is") {
          const r = richText(s, p, "is", part);
          inline = r.text;
          p = r.end;
        } else if (tag.name === "f") {
          const close = s.indexOf("<", p);
          if (close < 0) throw cutOff(part);
          p = close;
        }
      }
    }
    const value = cellValue(t, v, inline, strings, part, row, col, other);
    if (value === null) {
      if (formula && (v === undefined || v.trim() === "") && inline === undefined) cells.uncalculated(row, col);
      continue;
    }
    if (--budget.left < 0) throw tooManyCells();
    cells.add(row, col, typeof value === "number" && date1904 && style !== 0 && styles.isCalendarDate(style) ? value + DAYS_1904 : value, styles, style);
  }
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return to > from ? n : -1;
}

const ISO_DATE = /^\s*(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?)?/;

function cellValue(t: T, v: string | undefined, inline: string | undefined, strings: SharedStrings, part: string, row: number, col: number, other: string): CellValue {
  switch (t) {
    case T.Number: {
      // No value, or an empty one (openpyxl writes <v></v> for every formula it saves): a formula
      // never calculated, or an empty cell.
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new XlsxError("corrupt", `${part} holds "${v.slice(0, 20)}" as the number in ${where(row, col)}`);
      return n;
    }
    case T.Shared: {
      if (v === undefined || v.trim() === "") return null;
      const text = strings.get(Number(v));
      if (text === undefined) throw new XlsxError("corrupt", `${where(row, col)} in ${part} refers to shared text that is not in the workbook`);
      return text === "" ? null : text;
    }
    case T.Inline:
    case T.Formula: {
      const text = inline ?? (v === undefined ? undefined : decodeCellText(v));
      return text === undefined || text === "" ? null : text;
    }
    case T.Bool:
      return v === undefined ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
    case T.Error:
      return v === undefined || v.trim() === "" ? null : decodeCellText(v).trim();
    case T.Date: {
      if (v === undefined) return null;
      const m = ISO_DATE.exec(v);
      if (!m) throw new XlsxError("corrupt", `${part} holds "${v.slice(0, 20)}" as the date in ${where(row, col)}`);
      const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), 0) + Math.round(+(m[6] ?? 0) * 1000);
      return ms / 86_400_000 + 25_569;
    }
    default:
      throw new XlsxError("corrupt", `${part} gives ${where(row, col)} a type ("${other.slice(0, 20)}") no spreadsheet program writes`);
  }
}

function where(row: number, col: number): string {
  return `cell ${columnLetter(col - 1)}${row}`;
}
