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

  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want its own Buffer flavour; a Node Buffer is what it reads.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    return failure("corrupt", file, shortReason(e));
  }

  const sheets: SheetData[] = [];
  for (const ws of wb.worksheets) {
    const r = readSheet(ws);
    if (r === "tooLarge") return failure("tooLarge", file, `sheet "${ws.name}"`);
    if (r) sheets.push(r);
  }
  if (wb.worksheets.length === 0) return failure("empty", file, "no worksheets");
  if (sheets.length === 0) return failure("empty", file, wb.worksheets.length === 1 ? "one sheet, and it is empty" : "no data on any of its sheets");
  return { ok: true, value: { sheets } };
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

/** The used range of one sheet (the bounding box of cells with values), or undefined when empty. */
function readSheet(ws: ExcelJS.Worksheet): SheetData | undefined | "tooLarge" {
  const rowNumbers: number[] = [];
  const rowCells: { col: number; value: CellValue; fmt: string | undefined }[][] = [];
  let minCol = Infinity;
  let maxCol = -Infinity;
  ws.eachRow((row, rowNumber) => {
    const cells: { col: number; value: CellValue; fmt: string | undefined }[] = [];
    row.eachCell((cell, col) => {
      if (cell.type === MERGE) return;
      const value = plainValue(cell.value);
      if (value === null) return;
      cells.push({ col, value, fmt: typeof value === "number" ? cell.numFmt : undefined });
      if (col < minCol) minCol = col;
      if (col > maxCol) maxCol = col;
    });
    if (cells.length > 0) {
      rowNumbers.push(rowNumber);
      rowCells.push(cells);
    }
  });
  if (rowNumbers.length === 0) return undefined;
  const firstRow = rowNumbers[0]!;
  const height = rowNumbers[rowNumbers.length - 1]! - firstRow + 1;
  const width = maxCol - minCol + 1;
  if (height * width > MAX_CELLS_PER_SHEET) return "tooLarge";

  const rows: CellValue[][] = new Array<CellValue[]>(height);
  for (let r = 0; r < height; r++) rows[r] = new Array<CellValue>(width).fill(null);
  // Number format of the first number under the first row, per column (the header row holds text).
  // A percent format on any of the next few numbers wins: a stray number in a title row above the
  // header must not hide a percent-formatted score column (DOMAIN §1; the dangerous direction).
  const formats: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
  const seen: number[] = new Array<number>(width).fill(0);
  for (let i = 0; i < rowNumbers.length; i++) {
    const r = rowNumbers[i]! - firstRow;
    const target = rows[r]!;
    for (const c of rowCells[i]!) {
      const j = c.col - minCol;
      target[j] = c.value;
      if (r > 0 && typeof c.value === "number" && seen[j]! < FORMAT_SAMPLE) {
        const fmt = c.fmt ?? "General";
        if (seen[j] === 0 || (fmt.includes("%") && !formats[j]!.includes("%"))) formats[j] = fmt;
        seen[j]!++;
      }
    }
  }
  return { name: ws.name, rows, originRow: firstRow, originCol: minCol - 1, columnFormats: formats };
}
