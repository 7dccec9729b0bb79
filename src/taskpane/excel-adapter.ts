/**
 * How the task pane talks to Excel. Everything Office.js lives here and in ./excel/, behind
 * `ExcelAdapter`, so the pane's components take an adapter as a dependency and are tested without
 * Excel (a fake adapter), and the adapter itself is tested on Microsoft's own Office.js client
 * against a strict test host that refuses requests over 5 MB as Excel on the web does
 * (test/taskpane/excel-adapter.test.ts).
 *
 * Every request is packed by an estimate of its bytes (./excel/payload.ts): reads (./excel/read.ts),
 * highlights (./excel/highlight.ts) and the report sheet (./excel/report.ts).
 */
import type { CellValue } from "../model/values";
import { LAYOUT } from "../model/layout";
import { columnIndex, columnLetters, parseOrigin, sheetRef } from "./excel/addresses";
import { clearCells, HIGHLIGHT_COLOR, highlightCells } from "./excel/highlight";
import { readBook, type ReadOptions, type ReadResult } from "./excel/read";
import { asText, writeReportSheet } from "./excel/report";

export { asText, columnIndex, columnLetters, HIGHLIGHT_COLOR, parseOrigin, sheetRef };
export type { ReadResult };

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

/**
 * The fill some cells had before they were highlighted, so it can be put back exactly. `cell` is
 * an address list ("E2:E40,F7"): cells that shared a fill are kept as one entry.
 */
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
  /** Read what the checks need; `columnMaps` as the validator takes them. */
  readWorkbook(onProgress?: Progress, columnMaps?: ReadOptions["columnMaps"]): Promise<ReadResult>;
  select(ref: CellRef): Promise<void>;
  /** Whether a sheet of this name exists (for the confirm message before a write). */
  sheetExists(name: string): Promise<boolean>;
  /** Build the report in a new sheet; only when complete does it replace the old one. Never a second copy, never a half sheet. */
  writeReport(report: ReportSheet): Promise<{ replaced: boolean }>;
  /** Fill the cells; returns the fills they had (grouped), to restore with clearHighlights. */
  highlight(cells: readonly CellRef[]): Promise<SavedFill[]>;
  /** Put back each saved fill on cells still carrying the highlight; returns how many cells were restored. */
  clearHighlights(saved: readonly SavedFill[]): Promise<number>;
  /** Add one sheet per layout sheet with its header row; skip sheets that exist. */
  insertTemplate(): Promise<TemplateResult>;
  /** Full recalculation, so custom functions see changed settings. */
  recalculate(): Promise<void>;
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface AdapterOptions {
  /** Sheets never read (the pane's own report sheet, which the validator does not check). */
  readonly skipSheets?: readonly string[];
  /** Whether Worksheet.getRanges (ExcelApi 1.9) may be used; asked at each call, as the pane learns it at start. */
  readonly getRanges?: () => boolean;
  /** Bytes per request and response (tests make it small to force many requests). */
  readonly budget?: number;
}

/** An adapter over Excel.run; `run` is injected for tests and defaults to Excel.run. */
export function createExcelAdapter(run: Run = (b) => Excel.run(b), options: AdapterOptions = {}): ExcelAdapter {
  const skipSheets = options.skipSheets ?? [];
  const fills = () => ({ getRanges: options.getRanges?.() ?? true, ...(options.budget !== undefined ? { budget: options.budget } : {}) });
  return {
    async readWorkbook(onProgress, columnMaps) {
      return run((context) => readBook(context, onProgress, { skipSheets, ...(columnMaps ? { columnMaps } : {}), ...(options.budget !== undefined ? { budget: options.budget } : {}) }));
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
      return run((context) => writeReportSheet(context, report, options.budget));
    },

    async highlight(cells) {
      if (cells.length === 0) return [];
      return run((context) => highlightCells(context, cells, fills()));
    },

    async clearHighlights(saved) {
      if (saved.length === 0) return 0;
      return run((context) => clearCells(context, saved, fills()));
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
