/**
 * Reading an .xlsx file into the engine's plain WorkbookData (src/model/validate/types.ts), for
 * the command line and tests. The file is only ever read (never opened for writing).
 *
 * Cell values become what the engine expects: numbers, strings and booleans as they are; dates as
 * Excel serial numbers (1900 system, whatever system the workbook uses); formulas as their cached
 * result; rich text and hyperlinks as their text; error cells as the error text ("#N/A"), which the
 * engine reports; merged-away and blank cells as null.
 *
 * Bad input is a typed WorkbookReadError with a reason code and a sentence a user understands,
 * never a stack trace.
 */
import { promises as fs } from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue } from "../model/values";
import type { SheetData, WorkbookData } from "../model/validate/types";

export type WorkbookReadReason =
  | "missing"
  | "unreadable"
  | "notWorkbook"
  | "encrypted"
  | "binaryWorkbook"
  | "corrupt"
  | "empty"
  | "tooLarge";

export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly reason: WorkbookReadReason,
    message: string,
    /** The file as the user named it, when read from a path. */
    readonly file?: string,
  ) {
    super(message);
  }
}

export type ReadResult = { readonly ok: true; readonly value: WorkbookData } | { readonly ok: false; readonly error: WorkbookReadError };

/** Sheets larger than this many cells (rows x columns of the used range) are refused, not read into memory. */
export const MAX_CELLS_PER_SHEET = 60_000_000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const MESSAGES: { readonly [R in WorkbookReadReason]: (file: string, detail?: string) => string } = {
  missing: (f) => `${f}: no such file. Check the path and the file name.`,
  unreadable: (f, d) => `${f}: the file cannot be read (${d ?? "permission denied"}).`,
  notWorkbook: (f, d) =>
    `${f}: this is not an Excel workbook${d ? ` (it looks like ${d})` : ""}. Open it in Excel and save it as an Excel Workbook (.xlsx).`,
  encrypted: (f) =>
    `${f}: the workbook is password-protected or an old .xls file, which cannot be read. ` +
    `Open it in Excel and save it as an Excel Workbook (.xlsx) without a password.`,
  binaryWorkbook: (f) => `${f}: this is an Excel Binary Workbook (.xlsb), which cannot be read. Save it as an Excel Workbook (.xlsx).`,
  corrupt: (f, d) =>
    `${f}: the file is damaged or incomplete and cannot be read as a workbook${d ? ` (${d})` : ""}. ` +
    `Open it in Excel, let Excel repair it if it offers to, and save it again as .xlsx.`,
  empty: (f, d) => `${f}: the workbook has ${d ?? "no data"}; there is nothing to validate.`,
  tooLarge: (f, d) => `${f}: ${d ?? "a sheet"} is too large to read. Delete stray cells far below or to the right of the data and save again.`,
};

function failure(reason: WorkbookReadReason, file: string, detail?: string): ReadResult {
  return { ok: false, error: new WorkbookReadError(reason, MESSAGES[reason](file, detail), file) };
}

/** What a file that is not a zip looks like, for the message. */
function sniff(buf: Buffer): string | undefined {
  if (buf.length === 0) return "an empty file";
  const head = buf.subarray(0, 8).toString("latin1");
  if (head.startsWith("%PDF")) return "a PDF";
  if (head.startsWith("{\\rtf")) return "an RTF document";
  const text = buf.subarray(0, 2048).toString("utf8");
  if (/^\s*<(\?xml|html|!doctype)/i.test(text)) return "an XML or HTML file";
  // Printable text: CSV if lines have commas, tabs or semicolons.
  const binary = [...text.slice(0, 512)].some((ch) => {
    const c = ch.charCodeAt(0);
    return c < 9 || (c > 13 && c < 32);
  });
  if (!binary) {
    const firstLine = text.split(/\r?\n/)[0] ?? "";
    return /[,;\t]/.test(firstLine) ? "a CSV or text file" : "a text file";
  }
  return undefined;
}

/**
 * Read a workbook from a path or from the file's bytes. `name` names a Buffer in messages.
 * Never throws for bad input; a programmer mistake (wrong argument type) still throws.
 */
export async function readWorkbook(input: string | Buffer, name = "The workbook"): Promise<ReadResult> {
  const file = typeof input === "string" ? input : name;
  let buf: Buffer;
  if (typeof input === "string") {
    try {
      buf = await fs.readFile(input, { flag: "r" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return failure("missing", file);
      if (code === "EISDIR") return failure("notWorkbook", file, "a folder");
      return failure("unreadable", file, code === "EACCES" || code === "EPERM" ? "permission denied" : code);
    }
  } else if (Buffer.isBuffer(input)) {
    buf = input;
  } else {
    throw new TypeError("readWorkbook: expected a path or a Buffer");
  }

  if (buf.subarray(0, 8).equals(CFB_MAGIC)) return failure("encrypted", file);
  if (buf.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) return failure("corrupt", file, "it is an empty zip archive");
  if (!buf.subarray(0, 4).equals(ZIP_MAGIC)) return failure("notWorkbook", file, sniff(buf));
  // A zip ends with its central directory; without it the file was cut short (a failed copy or download).
  if (buf.lastIndexOf(EMPTY_ZIP_MAGIC, buf.length) < Math.max(0, buf.length - 65_557))
    return failure("corrupt", file, "the zip archive is truncated");
  // Zip entry names are stored as plain text, so the parts of a workbook can be spotted cheaply.
  if (buf.indexOf("xl/workbook.bin") >= 0) return failure("binaryWorkbook", file);
  if (buf.indexOf("xl/workbook.xml") < 0) {
    if (buf.indexOf("word/document.xml") >= 0) return failure("notWorkbook", file, "a Word document");
    if (buf.indexOf("ppt/presentation.xml") >= 0) return failure("notWorkbook", file, "a PowerPoint presentation");
    if (buf.indexOf("content.xml") >= 0 && buf.indexOf("opendocument") >= 0) return failure("notWorkbook", file, "an OpenDocument file");
    return failure("notWorkbook", file, "a zip archive without a workbook inside");
  }

  let read: { sheets: SheetData[]; count: number } | { tooLarge: string };
  try {
    // ExcelJS's streaming reader can lose the zip's last part (xl/workbook.xml) on a busy machine
    // and then fails; the whole-book reader is the answer to any failure of the streaming one, and
    // its own failure is what the user hears about.
    read = (streamable(buf) ? await readStreaming(buf).catch(() => undefined) : undefined) ?? (await readLoaded(buf));
  } catch (e) {
    return failure("corrupt", file, shortReason(e));
  }
  if ("tooLarge" in read) return failure("tooLarge", file, `sheet "${read.tooLarge}"`);
  const { sheets, count } = read;
  if (count === 0) return failure("empty", file, "no worksheets");
  if (sheets.length === 0) return failure("empty", file, count === 1 ? "one sheet, and it is empty" : "no data on any of its sheets");
  return { ok: true, value: { sheets } };
}

/** The whole workbook in ExcelJS's model: for files whose parts are in an order streaming cannot follow. */
async function readLoaded(buf: Buffer): Promise<{ sheets: SheetData[]; count: number } | { tooLarge: string }> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer flavour; a Node Buffer is what it reads.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  const sheets: SheetData[] = [];
  for (const ws of wb.worksheets) {
    const cells = new SheetCells();
    ws.eachRow((row, rowNumber) => {
      row.eachCell((cell, col) => {
        if (cell.type !== MERGE) cells.add(rowNumber, col, cell.value, cell);
      });
    });
    const r = cells.sheet(ws.name);
    if (r === "tooLarge") return { tooLarge: ws.name };
    if (r) sheets.push(r);
  }
  return { sheets, count: wb.worksheets.length };
}

/**
 * Row by row with ExcelJS's streaming reader, so a 100,000-case workbook is never held as
 * ExcelJS cell objects (a few hundred bytes each) but only as plain values. Sheets come back in
 * the workbook's order. Undefined when a cell needs the whole-workbook reader.
 */
async function readStreaming(buf: Buffer): Promise<{ sheets: SheetData[]; count: number } | { tooLarge: string } | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const read: { id: number; sheet: SheetData | undefined }[] = [];
  for await (const ws of reader) {
    const w = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string; id: number | string };
    const cells = new SheetCells();
    for await (const row of w) {
      let lost = false;
      row.eachCell((cell, col) => {
        const v = cell.value as { formula?: unknown; sharedFormula?: unknown; result?: unknown } | null;
        // The streaming reader drops a formula's cached error (#N/A): its result comes back empty.
        const formula = v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v);
        if (formula && (v.result === undefined || (typeof v.result === "number" && Number.isNaN(v.result)))) lost = true;
        else cells.add(row.number, col, cell.value, cell);
      });
      if (lost) return undefined; // read whole instead, which keeps the error's text
    }
    const r = cells.sheet(w.name);
    if (r === "tooLarge") return { tooLarge: w.name };
    read.push({ id: Number(w.id), sheet: r });
  }
  const model = (reader as unknown as { model?: { sheets?: { id: number }[] } }).model;
  if (!model?.sheets) return undefined; // the workbook part was not seen: no sheet names or order
  const order = model.sheets.map((x) => Number(x.id));
  read.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { sheets: read.flatMap((r) => (r.sheet ? [r.sheet] : [])), count: read.length };
}

/** Zip entries (name and local header offset) from the central directory at the end of the file. */
function zipEntries(buf: Buffer): { name: string; offset: number }[] | undefined {
  const eocd = buf.lastIndexOf(EMPTY_ZIP_MAGIC);
  if (eocd < 0 || eocd + 22 > buf.length) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({ name: buf.toString("utf8", p + 46, p + 46 + nameLen), offset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Whether ExcelJS's streaming reader sees the parts each sheet needs before it reads the sheet.
 * It reads a sheet at once when the shared strings and the workbook's relationships came before
 * it, else it keeps the sheet aside until the end. A sheet read at once also needs the workbook
 * (sheet names) and the styles (number formats: dates, and the percent hazard) before it.
 * Anything else is read whole instead.
 */
export function streamable(buf: Buffer): boolean {
  const entries = zipEntries(buf);
  if (!entries) return false;
  const at = (name: string) => entries.find((e) => e.name === name)?.offset;
  const ss = at("xl/sharedStrings.xml");
  const rels = at("xl/_rels/workbook.xml.rels");
  const wb = at("xl/workbook.xml");
  const styles = at("xl/styles.xml");
  if (wb === undefined || rels === undefined) return false;
  return entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .every((e) => !(ss !== undefined && ss < e.offset && rels < e.offset) || (wb < e.offset && (styles === undefined || styles < e.offset)));
}

function shortReason(e: unknown): string | undefined {
  const m = e instanceof Error ? e.message : undefined;
  if (!m) return undefined;
  if (/end of central directory|corrupted zip|invalid (zip|signature)|unexpected end/i.test(m)) return "the zip archive is truncated or damaged";
  // Otherwise a part of the workbook the reader could not parse; its one-line reason helps whoever looks next.
  const line = m.split("\n")[0]!.trim();
  return `the reader stopped at: ${line.length > 120 ? line.slice(0, 117) + "..." : line}`;
}

/** Excel serial number (1900 system) of a date ExcelJS built in UTC. */
export function dateToSerial(d: Date): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) return NaN;
  return t / 86_400_000 + 25_569;
}

/** A value ExcelJS hands over, as a plain cell value. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : null;
    case "string":
      return v === "" ? null : v;
    case "boolean":
      return v;
    case "object":
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) {
    const s = dateToSerial(v);
    return Number.isFinite(s) ? s : null;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return o.error;
  if (Array.isArray(o.richText)) return plainValue((o.richText as { text?: unknown }[]).map((r) => String(r.text ?? "")).join(""));
  if ("formula" in o || "sharedFormula" in o || "result" in o) return plainValue(o.result);
  if ("hyperlink" in o || "text" in o) return plainValue(o.text);
  return null;
}

const MERGE = ExcelJS.ValueType.Merge;

/** How many numbers per column the reader looks at for a percent format. */
const FORMAT_SAMPLE = 20;

/**
 * Worksheet parts the reader does not need, skipped while parsing for speed: drop-down lists
 * (ExcelJS expands each range into one entry per cell), conditional formats, links (a link cell's
 * text is its value) and page layout. Cell values, styles (number formats) and merges are kept.
 */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "hyperlinks", "extLst", "pageSetup", "headerFooter", "printOptions", "pageMargins", "rowBreaks", "drawing", "picture"];

/**
 * The cells of one sheet as they are read, then its used range (the bounding box of cells with
 * values) as plain rows, with the number format of each column's first numbers. Values go straight
 * into one array per row (no object per cell: a 100,000-case sheet has two million cells).
 */
class SheetCells {
  private readonly rowNumbers: number[] = [];
  /** Per row read, its values indexed by 1-based column. */
  private readonly rowValues: CellValue[][] = [];
  private minCol = Infinity;
  private maxCol = -Infinity;
  /** Per 1-based column: the format chosen so far and how many numbers below the first row were seen. */
  private readonly formats: (string | undefined)[] = [];
  private readonly seen: number[] = [];

  /** `cell.numFmt` is only read for the first numbers of a column: it is a style lookup per cell. */
  add(rowNumber: number, col: number, raw: unknown, cell: { readonly numFmt: string | undefined }): void {
    const value = plainValue(raw);
    if (value === null) return;
    if (this.rowNumbers[this.rowNumbers.length - 1] !== rowNumber) {
      this.rowNumbers.push(rowNumber);
      this.rowValues.push([]);
    }
    this.rowValues[this.rowValues.length - 1]![col] = value;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
    // Number format of the first number under the first row, per column (the header row holds text).
    // A percent format on any of the next few numbers wins: a stray number in a title row above the
    // header must not hide a percent-formatted score column (rule book §1; the dangerous direction).
    if (this.rowNumbers.length > 1 && typeof value === "number") {
      const seen = this.seen[col] ?? 0;
      if (seen < FORMAT_SAMPLE) {
        const fmt = cell.numFmt ?? "General";
        const had = this.formats[col];
        if (had === undefined || (fmt.includes("%") && !had.includes("%"))) this.formats[col] = fmt;
        this.seen[col] = seen + 1;
      }
    }
  }

  sheet(name: string): SheetData | undefined | "tooLarge" {
    const { rowNumbers, rowValues, minCol, maxCol } = this;
    if (rowNumbers.length === 0) return undefined;
    const firstRow = rowNumbers[0]!;
    const height = rowNumbers[rowNumbers.length - 1]! - firstRow + 1;
    const width = maxCol - minCol + 1;
    if (height * width > MAX_CELLS_PER_SHEET) return "tooLarge";
    const rows: CellValue[][] = new Array<CellValue[]>(height);
    let next = 0;
    for (let r = 0; r < height; r++) {
      const row = new Array<CellValue>(width);
      const values = rowNumbers[next] === firstRow + r ? rowValues[next++] : undefined;
      for (let j = 0; j < width; j++) row[j] = values?.[minCol + j] ?? null;
      rows[r] = row;
    }
    const columnFormats: (string | undefined)[] = [];
    for (let j = 0; j < width; j++) columnFormats.push(this.formats[minCol + j]);
    return { name, rows, originRow: firstRow, originCol: minCol - 1, columnFormats };
  }
}
