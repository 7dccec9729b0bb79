/**
 * Fixtures shaped like cells: a sheet is its header row and data rows exactly as a reader hands
 * them over (header on sheet row 1, column A first unless moved).
 */
import type { CellValue } from "../../src/model/values";
import type { SheetData, WorkbookData } from "../../src/model/validate/types";

export function sheet(
  name: string,
  header: readonly string[],
  rows: readonly (readonly CellValue[])[],
  opts: { originRow?: number; originCol?: number; columnFormats?: readonly (string | undefined)[] } = {},
): SheetData {
  return {
    name,
    rows: [header, ...rows],
    originRow: opts.originRow ?? 1,
    originCol: opts.originCol ?? 0,
    ...(opts.columnFormats ? { columnFormats: opts.columnFormats } : {}),
  };
}

export function book(...sheets: SheetData[]): WorkbookData {
  return { sheets };
}

/** Rows from objects keyed by header, so a test names only the cells it is about. */
export function rowsOf(header: readonly string[], objects: readonly Readonly<Record<string, CellValue>>[]): CellValue[][] {
  return objects.map((o) => header.map((h) => o[h] ?? null));
}
