/**
 * The report sheet, written so that it cannot half-fail: it is built in a new sheet under a
 * working name, in requests packed by their bytes (values, then links), and only when that sheet is
 * complete does it take the report's name, in one request that deletes the old report and renames
 * the new one. If anything fails on the way, the half-built sheet is removed and the old report is
 * left as it was.
 */
import { CELL_TEXT_MAX, storedCellText } from "../../model/cell-text";
import type { CellValue } from "../../model/values";
import type { ReportSheet } from "../excel-adapter";
import { columnLetters, sheetRef } from "./addresses";
import { CLIENT_SLICE_CELLS, linkOpBytes, packByBytes, REQUEST_BASE, REQUEST_BUDGET, valuesWriteBytes } from "./payload";

/** The working name of a report being built: Excel allows 31 characters in a sheet name. */
export function workingName(name: string): string {
  const suffix = " (writing)";
  return `${name.slice(0, 31 - suffix.length)}${suffix}`;
}

/**
 * What to enter in a report cell. Text is to be stored as every report stores it (storedCellText:
 * an apostrophe in front of = + - @ tab CR LF, which a spreadsheet or CSV reader would take for a
 * formula, and at most 32,767 characters), so a message or sheet name quoting a user's cell stays
 * inert when the report is saved as CSV. But Excel takes ONE leading apostrophe on entry as "this
 * is text" and stores the rest, so text to be stored with an apostrophe in front (that escape, or
 * the user's own text beginning with one) is entered with a second. The second counts against
 * Excel's 32,767 characters on entry, so such text at the limit is cut one character shorter.
 */
export function asText(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return v;
  const stored = storedCellText(v);
  return stored.startsWith("'") ? `'${storedCellText(v, CELL_TEXT_MAX - 1)}` : stored;
}

type Ctx = Excel.RequestContext;

export async function writeReportSheet(context: Ctx, report: ReportSheet, budget = REQUEST_BUDGET): Promise<{ replaced: boolean }> {
  const sheets = context.workbook.worksheets;
  const temp = workingName(report.name);
  const old = sheets.getItemOrNullObject(report.name);
  const left = sheets.getItemOrNullObject(temp);
  old.load("name,position");
  left.load("name");
  await context.sync();
  const replaced = !old.isNullObject;
  // A working sheet left by a run that was interrupted (Excel closed mid-write) goes first.
  if (!left.isNullObject) left.delete();
  const ws = sheets.add(temp);
  await context.sync();
  try {
    await fill(context, ws, report, budget);
    if (replaced) old.delete();
    ws.name = report.name;
    if (replaced) ws.position = old.position;
    ws.activate();
    await context.sync();
    return { replaced };
  } catch (e) {
    // Leave no half sheet: the old report (if any) was not touched.
    try {
      sheets.getItem(temp).delete();
      await context.sync();
    } catch {
      // The working sheet could not be removed either (Excel closed, or it was renamed): the error that matters is the first.
    }
    throw e;
  }
}

async function fill(context: Ctx, ws: Excel.Worksheet, report: ReportSheet, budget: number): Promise<void> {
  const width = report.header.length;
  const last = columnLetters(width - 1);
  const rows = [report.header.map(asText), ...report.rows.map((r) => Array.from({ length: width }, (_, i) => asText(r[i])))];
  // Rows in blocks of at most CLIENT_SLICE_CELLS cells (one range write each, which Office.js sends
  // as it is); blocks packed into requests by bytes.
  const BLOCK = Math.max(1, Math.floor(CLIENT_SLICE_CELLS / width));
  const blocks: { start: number; values: (string | number | boolean)[][] }[] = [];
  for (let start = 0; start < rows.length; start += BLOCK) blocks.push({ start, values: rows.slice(start, start + BLOCK) });
  const address = (b: { start: number; values: unknown[] }) => `A${b.start + 1}:${last}${b.start + b.values.length}`;
  for (const batch of packByBytes(blocks, (b) => valuesWriteBytes(address(b), b.values), budget, REQUEST_BASE)) {
    for (const b of batch) ws.getRange(address(b)).values = b.values;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch packed by bytes: Excel on the web refuses a request over 5 MB
    await context.sync();
  }
  const cellCol = report.header.indexOf("Cell");
  if (cellCol >= 0) {
    const col = columnLetters(cellCol);
    const links = report.links.flatMap((link, i) =>
      link ? [{ address: `${col}${i + 2}`, value: { documentReference: sheetRef(link.sheet, link.cell), textToDisplay: link.cell, screenTip: `Go to ${link.sheet}!${link.cell}` } }] : [],
    );
    for (const batch of packByBytes(links, (l) => linkOpBytes(l.address, l.value), budget, REQUEST_BASE)) {
      for (const l of batch) ws.getRange(l.address).hyperlink = l.value;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch packed by bytes: Excel on the web refuses a request over 5 MB
      await context.sync();
    }
  }
  ws.getRange(`A1:${last}1`).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  await context.sync();
}
