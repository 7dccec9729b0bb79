/**
 * How the task pane talks to Excel. Everything Office.js lives here, behind `ExcelAdapter`, so the
 * pane's components take an adapter as a dependency and are tested without Excel (a fake adapter),
 * and this file is tested with office-addin-mock.
 *
 * Reads: one sync for the sheet list, ONE sync for every sheet's used range (address, rowCount,
 * columnCount), then the values in row chunks, several chunks queued per sync within a cell budget
 * that keeps a request well under Excel's ~5 MB payload limit (see `planReads`, `readSyncCount`).
 * Writes: one sync per write action, after at most one read sync to see what is there.
 */
import type { CellValue } from "../model/values";
import type { SheetData, WorkbookData } from "../model/validate/types";
import { LAYOUT } from "../model/layout";
import { columnLetter as columnLetters } from "../model/validate/tables";

/** Most rows in one chunk (one getRange(...).load("values")). */
export const MAX_ROWS_PER_CHUNK = 5000;
/**
 * Most cells read in one sync. Excel on the web limits a request's payload to about 5 MB; at a
 * generous ~20 bytes per cell in JSON, 200,000 cells is about 4 MB.
 */
export const CELLS_PER_SYNC = 200_000;
/** Fill colour of highlighted cells (a light amber that keeps black text readable). */
export const HIGHLIGHT_COLOR = "#FFD966";

export interface UsedRange {
  readonly sheet: string;
  /** e.g. "Caseload!B3:K200" */
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface Chunk {
  readonly sheet: string;
  /** 0-based row offset within the used range, and how many rows. */
  readonly start: number;
  readonly rows: number;
  readonly columns: number;
}

export interface ReadPlan {
  readonly chunks: readonly Chunk[];
  /** Chunks grouped by the sync that reads them. */
  readonly batches: readonly (readonly Chunk[])[];
}

/** Rows per chunk for a sheet of `columns` columns: floor(budget / columns), at most MAX_ROWS_PER_CHUNK, at least 1. */
export function rowsPerChunk(columns: number, cellsPerSync = CELLS_PER_SYNC, maxRows = MAX_ROWS_PER_CHUNK): number {
  return Math.max(1, Math.min(maxRows, Math.floor(cellsPerSync / Math.max(1, columns))));
}

/** Split every used range into row chunks, and pack chunks into syncs of at most `cellsPerSync` cells. */
export function planReads(
  ranges: readonly { sheet: string; rowCount: number; columnCount: number }[],
  cellsPerSync = CELLS_PER_SYNC,
  maxRows = MAX_ROWS_PER_CHUNK,
): ReadPlan {
  const chunks: Chunk[] = [];
  for (const r of ranges) {
    if (r.rowCount <= 0 || r.columnCount <= 0) continue;
    const per = rowsPerChunk(r.columnCount, cellsPerSync, maxRows);
    for (let start = 0; start < r.rowCount; start += per)
      chunks.push({ sheet: r.sheet, start, rows: Math.min(per, r.rowCount - start), columns: r.columnCount });
  }
  const batches: Chunk[][] = [];
  let cur: Chunk[] = [];
  let cells = 0;
  for (const c of chunks) {
    const n = c.rows * c.columns;
    if (cur.length > 0 && cells + n > cellsPerSync) {
      batches.push(cur);
      cur = [];
      cells = 0;
    }
    cur.push(c);
    cells += n;
  }
  if (cur.length > 0) batches.push(cur);
  return { chunks, batches };
}

/**
 * context.sync calls `readWorkbook` makes: 1 for the sheet list, 1 for all used ranges, then one
 * per batch of chunks (the first data row's number formats ride in the first batch).
 * A 100,000-row caseload of 19 columns: 5,000-row chunks (95,000 cells), two per sync → 20 chunks,
 * 10 batches, 12 syncs in all.
 */
export function readSyncCount(ranges: readonly { sheet: string; rowCount: number; columnCount: number }[], cellsPerSync = CELLS_PER_SYNC): number {
  return 2 + planReads(ranges, cellsPerSync).batches.length;
}

// --- addresses ------------------------------------------------------------------------------------

/** 0-based column index of column letters ("A" → 0, "AA" → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column letters of a 0-based index (0 → "A"): the engine's, so pane and findings agree. */
export { columnLetters };

/** Origin of a used range address: "Caseload!B3:K200" → originRow 3 (1-based), originCol 1 (0-based). */
export function parseOrigin(address: string): { originRow: number; originCol: number } {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const m = /^([A-Za-z]{1,3})(\d+)(?::|$)/.exec(local);
  if (!m) throw new Error(`not an A1 range address: ${address}`);
  return { originRow: Number(m[2]), originCol: columnIndex(m[1]!) };
}

/** A sheet name as a formula reference: 'Court reports'!F12 (quotes doubled). */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * Text that Excel would read as a formula (=, +, -, @) is written with a leading apostrophe, so a
 * message quoting a cell can never become a live formula in the report.
 */
export function asText(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

// --- errors ---------------------------------------------------------------------------------------

/** A readable sentence for an error from Excel (OfficeExtension.Error has a `code`). */
export function excelErrorMessage(e: unknown, action: string): string {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  switch (code) {
    case "ItemNotFound":
      return `Could not ${action}: a sheet or cell it needs was not found. It may have been deleted or renamed while the pane was working. Validate again and retry.`;
    case "AccessDenied":
    case "InvalidOperation":
    case "InvalidOperationInCellEditMode":
      return `Excel refused to ${action}. The sheet or workbook may be protected, or a cell is being edited. Unprotect it (Review > Unprotect Sheet), finish editing, and try again.`;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return `Could not ${action}: the data is too large for one request to Excel. Try again on a smaller workbook or in Excel desktop.`;
    case "InvalidArgument":
      return `Could not ${action}: Excel did not accept a sheet name or cell address (${detail || "invalid argument"}).`;
    default:
      return `Could not ${action}: ${detail || "Excel reported an error"}${code ? ` (${code})` : ""}.`;
  }
}

// --- the adapter ----------------------------------------------------------------------------------

export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

/** The fill a cell had before it was highlighted, so it can be put back exactly. */
export interface SavedFill extends CellRef {
  /** "#RRGGBB", or null for no fill. */
  readonly color: string | null;
}

export interface ReportSheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Per row, the cell the row points at, made a hyperlink in the column named "Cell". */
  readonly links: readonly (CellRef | undefined)[];
}

export interface TemplateResult {
  readonly added: readonly string[];
  readonly skipped: readonly string[];
}

export type Progress = (done: number, total: number, label: string) => void;

export interface ExcelAdapter {
  readWorkbook(onProgress?: Progress): Promise<WorkbookData>;
  select(ref: CellRef): Promise<void>;
  /** Whether a sheet of this name exists (for the confirm message before a write). */
  sheetExists(name: string): Promise<boolean>;
  /** Delete the sheet if present, then add it with the report. Never appends, never a second copy. */
  writeReport(report: ReportSheet): Promise<{ replaced: boolean }>;
  /** Fill the cells; returns the fills they had, to restore with clearHighlights. */
  highlight(cells: readonly CellRef[]): Promise<SavedFill[]>;
  /** Put back each saved fill on cells still carrying the highlight; returns how many were restored. */
  clearHighlights(saved: readonly SavedFill[]): Promise<number>;
  /** Add one sheet per layout sheet with its header row; skip sheets that exist. */
  insertTemplate(): Promise<TemplateResult>;
  /** Full recalculation, so custom functions see changed settings. */
  recalculate(): Promise<void>;
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * An adapter over Excel.run; `run` is injected for tests (office-addin-mock) and defaults to Excel.run.
 * `skipSheets` are never read (the pane's own report sheet, which the engine does not validate).
 */
export function createExcelAdapter(run: Run = (b) => Excel.run(b), cellsPerSync = CELLS_PER_SYNC, skipSheets: readonly string[] = []): ExcelAdapter {
  const skip = new Set(skipSheets.map((n) => n.toLowerCase()));
  return {
    async readWorkbook(onProgress) {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const used = sheets.items.filter((ws) => !skip.has(ws.name.toLowerCase())).map((ws) => ({ ws, range: ws.getUsedRangeOrNullObject(true) }));
        for (const u of used) u.range.load("address,rowCount,columnCount");
        await context.sync();

        const ranges: (UsedRange & { ws: Excel.Worksheet })[] = [];
        const empty: SheetData[] = [];
        for (const u of used) {
          if (u.range.isNullObject) {
            empty.push({ name: u.ws.name, rows: [], originRow: 1, originCol: 0 });
            continue;
          }
          ranges.push({ ws: u.ws, sheet: u.ws.name, address: u.range.address, rowCount: u.range.rowCount, columnCount: u.range.columnCount });
        }
        const plan = planReads(ranges, cellsPerSync);
        const rows = new Map<string, CellValue[][]>(ranges.map((r) => [r.sheet, []]));
        const formats = new Map<string, Excel.Range>();
        let done = 0;
        onProgress?.(0, plan.chunks.length, "Reading the workbook");
        for (const [b, batch] of plan.batches.entries()) {
          const loads = batch.map((c) => {
            const r = ranges.find((x) => x.sheet === c.sheet)!;
            const origin = parseOrigin(r.address);
            const first = `${columnLetters(origin.originCol)}${origin.originRow + c.start}`;
            const last = `${columnLetters(origin.originCol + c.columns - 1)}${origin.originRow + c.start + c.rows - 1}`;
            const range = r.ws.getRange(`${first}:${last}`);
            range.load("values");
            return { c, range };
          });
          if (b === 0) {
            // Number formats of the first data row (the row under the header), per sheet.
            for (const r of ranges) {
              if (r.rowCount < 2) continue;
              const o = parseOrigin(r.address);
              const fr = r.ws.getRange(`${columnLetters(o.originCol)}${o.originRow + 1}:${columnLetters(o.originCol + r.columnCount - 1)}${o.originRow + 1}`);
              fr.load("numberFormat");
              formats.set(r.sheet, fr);
            }
          }
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per planned batch: Excel caps a request's size, so a big workbook cannot be read in one
          await context.sync();
          for (const { c, range } of loads) {
            const target = rows.get(c.sheet)!;
            for (const row of range.values as unknown[][]) target.push(row.map(toCell));
            done += 1;
            onProgress?.(done, plan.chunks.length, `Read ${c.sheet} rows ${c.start + 1}-${c.start + c.rows}`);
          }
        }
        const out: SheetData[] = ranges.map((r) => {
          const o = parseOrigin(r.address);
          const fmt = formats.get(r.sheet);
          const fmtRow = fmt ? ((fmt.numberFormat as unknown[][])[0] ?? []) : undefined;
          return {
            name: r.sheet,
            rows: rows.get(r.sheet)!,
            originRow: o.originRow,
            originCol: o.originCol,
            ...(fmtRow ? { columnFormats: fmtRow.map((f) => (typeof f === "string" ? f : undefined)) } : {}),
          };
        });
        // Keep the workbook's sheet order.
        const order = used.map((u) => u.ws.name);
        return { sheets: [...out, ...empty].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name)) };
      });
    },

    async select(ref) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(ref.cell).select();
        await context.sync();
      });
    },

    async sheetExists(name) {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        ws.load("name");
        await context.sync();
        return !ws.isNullObject;
      });
    },

    async writeReport(report) {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        const old = sheets.getItemOrNullObject(report.name);
        old.load("name");
        await context.sync();
        const replaced = !old.isNullObject;
        if (replaced) old.delete();
        const ws = sheets.add(report.name);
        const width = report.header.length;
        const all = [report.header.map(asText), ...report.rows.map((r) => Array.from({ length: width }, (_, i) => asText(r[i])))];
        // Large reports go in blocks within the payload budget, one sync per block; a small one is a single write.
        const per = rowsPerChunk(width, cellsPerSync);
        for (let start = 0; start < all.length; start += per) {
          const block = all.slice(start, start + per);
          ws.getRange(`A${start + 1}:${columnLetters(width - 1)}${start + block.length}`).values = block;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows: Excel caps a request's size, so a long report cannot go in one
          if (start + per < all.length) await context.sync();
        }
        const cellCol = report.header.indexOf("Cell");
        if (cellCol >= 0) {
          const col = columnLetters(cellCol);
          report.links.forEach((link, i) => {
            if (!link) return;
            ws.getRange(`${col}${i + 2}`).hyperlink = { documentReference: sheetRef(link.sheet, link.cell), textToDisplay: link.cell, screenTip: `Go to ${link.sheet}!${link.cell}` };
          });
        }
        ws.getRange(`A1:${columnLetters(width - 1)}1`).format.font.bold = true;
        ws.freezePanes.freezeRows(1);
        ws.activate();
        await context.sync();
        return { replaced };
      });
    },

    async highlight(cells) {
      if (cells.length === 0) return [];
      return run(async (context) => {
        const fills = cells.map((c) => {
          const fill = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill;
          fill.load("color");
          return { c, fill };
        });
        await context.sync();
        const saved: SavedFill[] = fills.map(({ c, fill }) => ({ sheet: c.sheet, cell: c.cell, color: noFill(fill.color) ? null : fill.color }));
        for (const { fill } of fills) fill.color = HIGHLIGHT_COLOR;
        await context.sync();
        return saved;
      });
    },

    async clearHighlights(saved) {
      if (saved.length === 0) return 0;
      return run(async (context) => {
        const fills = saved.map((s) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(s.sheet);
          const fill = ws.getRange(s.cell).format.fill;
          ws.load("name");
          fill.load("color");
          return { s, ws, fill };
        });
        await context.sync();
        let n = 0;
        for (const { s, ws, fill } of fills) {
          // Only cells still carrying our colour: a fill the user changed since stays as they made it.
          if (ws.isNullObject || String(fill.color).toUpperCase() !== HIGHLIGHT_COLOR) continue;
          if (s.color === null) fill.clear();
          else fill.color = s.color;
          n += 1;
        }
        await context.sync();
        return n;
      });
    },

    async insertTemplate() {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const have = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        const added: string[] = [];
        const skipped: string[] = [];
        for (const def of LAYOUT) {
          if (have.has(def.name.toLowerCase())) {
            skipped.push(def.name);
            continue;
          }
          const ws = sheets.add(def.name);
          const header = def.fields.map((f) => f.header);
          const r = ws.getRange(`A1:${columnLetters(header.length - 1)}1`);
          r.values = [header];
          r.format.font.bold = true;
          added.push(def.name);
        }
        if (added.length > 0) await context.sync();
        return { added, skipped };
      });
    },

    async recalculate() {
      await run(async (context) => {
        context.workbook.application.calculate("Full" as Excel.CalculationType.full);
        await context.sync();
      });
    },
  };
}

/** Excel reports an unfilled cell as white ("#FFFFFF") or null. */
function noFill(color: string | null | undefined): boolean {
  return color === null || color === undefined || color === "" || color.toUpperCase() === "#FFFFFF";
}
