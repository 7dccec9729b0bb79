/**
 * Reading an .xlsx file into the engine's plain WorkbookData (src/model/validate/types.ts), for
 * the command line and tests. The file is only ever read (never opened for writing).
 *
 * Cell values become what the engine expects: numbers, strings and booleans as they are; dates as
 * Excel serial numbers (1900 system, whatever system the workbook uses); formulas as their cached
 * result; rich text and hyperlinks as their text; error cells as the error text ("#N/A"), which the
 * engine reports; merged-away and blank cells as null.
 *
 * The reading itself is in ./xlsx/: the zip by its central directory, parts found through the
 * package's relationships, shared strings and styles before any sheet, a tokenizer over each
 * sheet's XML. Reading is sequential and depends on nothing but the file's bytes, so the same
 * file gives the same values on every run. Nothing is written to disk.
 *
 * Bad input is a typed WorkbookReadError with a reason code and a sentence a user understands,
 * never a stack trace; every failure inside the reader becomes one (never a hang or silence).
 */
import { promises as fs } from "node:fs";
import type { SheetData, WorkbookData } from "../model/validate/types";
import { osErrorWords } from "./os-errors";
import { XlsxError } from "./xlsx/errors";
import { locateParts, readSharedStrings, readStyles } from "./xlsx/package";
import { MAX_CELLS_PER_BOOK, readSheet } from "./xlsx/sheet";
import { Zip } from "./xlsx/zip";

export { MAX_CELLS_PER_SHEET } from "./xlsx/cells";

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
  tooLarge: (f, d) =>
    `${f}: the workbook is too large to check: ${d ?? "a sheet is too large"}. ` +
    `If it is a real workbook, delete stray cells far below or to the right of the data, or split it, and save it again.`,
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
      return failure("unreadable", file, osErrorWords(e, file));
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

  try {
    return { ok: true, value: await readParts(buf) };
  } catch (e) {
    if (e instanceof XlsxError) return failure(e.reason, file, e.detail);
    if (e instanceof EmptyWorkbook) return failure("empty", file, e.message);
    // A fault in the reader itself: still one line and exit 2, never silence.
    return failure("corrupt", file, `the reader stopped at: ${e instanceof Error ? e.message.split("\n")[0]!.slice(0, 120) : String(e)}`);
  }
}

class EmptyWorkbook extends Error {}


/**
 * The workbook's parts in the order they are needed, whatever their order in the zip: the
 * package and workbook relationships, then styles and shared strings, then each sheet in the
 * workbook's order. One sheet's XML is in memory at a time.
 */
async function readParts(buf: Buffer): Promise<WorkbookData> {
  const zip = await Zip.open(buf);
  const parts = await locateParts(zip);
  const styles = await readStyles(zip, parts.styles);
  const strings = await readSharedStrings(zip, parts.sharedStrings);
  const budget = { left: MAX_CELLS_PER_BOOK };
  const sheets: SheetData[] = [];
  for (const { name, part } of parts.sheets) {
    // Messages name the sheet as the user knows it, and its part for whoever repairs the file.
    const what = `the sheet "${name}", part ${part},`;
    const sheet = await readSheet(name, (await zip.pieces(part, what))!, { part: what, strings, styles, date1904: parts.date1904, budget });
    if (sheet) sheets.push(sheet);
  }
  const count = parts.sheets.length;
  if (count === 0) throw new EmptyWorkbook(parts.otherSheets > 0 ? "only chart sheets, no worksheets" : "no worksheets");
  if (sheets.length === 0) throw new EmptyWorkbook(count === 1 ? "one sheet, and it is empty" : "no data on any of its sheets");
  return { sheets };
}
