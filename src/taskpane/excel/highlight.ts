/**
 * Highlighting the cells of findings, and putting their fills back. Cells are grouped into address
 * lists ("E2:E40,F7,...") and each group is one `getRanges` (ExcelApi 1.9); where Excel lacks 1.9,
 * each group is one area and one `getRange`. Either way a request is packed by its estimated bytes
 * (payload.ts), so 20,000 cells fit in a few requests far under Excel on the web's 5 MB.
 *
 * A group's fill is read as one colour: Excel answers null when its cells differ, and such a group
 * is split in halves and read again, so the saved fills stay as compact as the sheet allows (one
 * entry for a column of unfilled cells) and are still exact per cell.
 */
import type { CellRef, SavedFill } from "../excel-adapter";
import { addressCells, areaAddress, compressCells, joinAddresses, splitAddress } from "./addresses";
import { fillOpBytes, packByBytes, REQUEST_BASE, REQUEST_BUDGET, SHEET_COST } from "./payload";

/** Fill colour of highlighted cells (a light amber that keeps black text readable). */
export const HIGHLIGHT_COLOR = "#FFD966";
/** Characters in one getRanges address list (no limit is documented; this stays well inside any). */
export const MAX_GROUP_CHARS = 8_000;

export interface HighlightOptions {
  /** Whether Worksheet.getRanges (ExcelApi 1.9) may be used. */
  readonly getRanges: boolean;
  readonly budget?: number;
}

interface Group {
  readonly sheet: string;
  /** An address list: several areas with getRanges, one area without. */
  readonly address: string;
  /** When clearing: the fill saved for these cells (a split group keeps its parent's). */
  readonly saved?: string | null;
}

/** Excel reports an unfilled cell as white ("#FFFFFF") or null. */
export function noFill(color: string | null | undefined): boolean {
  return color === null || color === undefined || color === "" || color.toUpperCase() === "#FFFFFF";
}

/** The cells as groups, per sheet in the order first met, each within MAX_GROUP_CHARS. */
export function groupCells(cells: readonly CellRef[], getRanges: boolean): Group[] {
  const bySheet = new Map<string, string[]>();
  for (const c of cells) {
    let list = bySheet.get(c.sheet);
    if (!list) bySheet.set(c.sheet, (list = []));
    list.push(c.cell);
  }
  const out: Group[] = [];
  for (const [sheet, list] of bySheet) for (const address of joinAddresses(compressCells(list).map(areaAddress), MAX_GROUP_CHARS, getRanges ? Number.MAX_SAFE_INTEGER : 1)) out.push({ sheet, address });
  return out;
}

type Ctx = Excel.RequestContext;

/** The fill of a group's cells: one getRanges, or one getRange for a single area. */
function fillOf(context: Ctx, sheets: Map<string, Excel.Worksheet>, g: Group, getRanges: boolean): Excel.RangeFill {
  let ws = sheets.get(g.sheet);
  if (!ws) sheets.set(g.sheet, (ws = context.workbook.worksheets.getItem(g.sheet)));
  const cells: Excel.Range | Excel.RangeAreas = getRanges ? ws.getRanges(g.address) : ws.getRange(g.address);
  return cells.format.fill;
}

const groupBytes = (g: Group) => fillOpBytes(g.address) + SHEET_COST / 4 + g.sheet.length;

/**
 * Read each group's fill; groups whose cells differ are split until each reads as one colour.
 * Returns each group with its colour.
 */
async function readFills(context: Ctx, groups: readonly Group[], o: HighlightOptions): Promise<{ group: Group; color: string }[]> {
  const out: { group: Group; color: string }[] = [];
  let pending = groups;
  while (pending.length > 0) {
    const next: Group[] = [];
    for (const batch of packByBytes(pending, groupBytes, o.budget ?? REQUEST_BUDGET, REQUEST_BASE)) {
      const sheets = new Map<string, Excel.Worksheet>();
      const fills = batch.map((g) => {
        const fill = fillOf(context, sheets, g, o.getRanges);
        fill.load("color");
        return { g, fill };
      });
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch packed by bytes: Excel on the web refuses a request over 5 MB
      await context.sync();
      for (const { g, fill } of fills) {
        const color = fill.color as string | null;
        if (color !== null) out.push({ group: g, color });
        else for (const address of splitAddress(g.address)) next.push({ ...g, address });
      }
    }
    pending = next;
  }
  return out;
}

/** Queue one change per group, a sync per batch packed by bytes. */
async function writeFills(context: Ctx, groups: readonly Group[], o: HighlightOptions, apply: (fill: Excel.RangeFill, g: Group) => void): Promise<void> {
  for (const batch of packByBytes(groups, groupBytes, o.budget ?? REQUEST_BUDGET, REQUEST_BASE)) {
    const sheets = new Map<string, Excel.Worksheet>();
    for (const g of batch) apply(fillOf(context, sheets, g, o.getRanges), g);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch packed by bytes: Excel on the web refuses a request over 5 MB
    await context.sync();
  }
}

/** Fill the cells; returns the fills they had (compactly: one entry per group of like cells). */
export async function highlightCells(context: Ctx, cells: readonly CellRef[], o: HighlightOptions): Promise<SavedFill[]> {
  const groups = groupCells(cells, o.getRanges);
  const before = await readFills(context, groups, o);
  await writeFills(context, groups, o, (fill) => {
    fill.color = HIGHLIGHT_COLOR;
  });
  // Saved compactly: the groups of a sheet that had the same fill joined into address lists.
  const bySheetColor = new Map<string, { sheet: string; color: string | null; areas: string[] }>();
  for (const { group, color } of before) {
    const c = noFill(color) ? null : color.toUpperCase();
    const k = `${group.sheet}\u0000${c ?? ""}`;
    let e = bySheetColor.get(k);
    if (!e) bySheetColor.set(k, (e = { sheet: group.sheet, color: c, areas: [] }));
    e.areas.push(group.address);
  }
  return [...bySheetColor.values()].flatMap((e) => joinAddresses(e.areas, MAX_GROUP_CHARS).map((cell) => ({ sheet: e.sheet, cell, color: e.color })));
}

/**
 * Put back each saved fill on the cells still carrying the highlight (a fill the user changed since
 * stays as they made it; cells of a deleted sheet are skipped). Returns how many cells were restored.
 */
export async function clearCells(context: Ctx, saved: readonly SavedFill[], o: HighlightOptions): Promise<number> {
  const sheetNames = [...new Set(saved.map((s) => s.sheet))];
  const probes = sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("name");
    return { name, ws };
  });
  await context.sync();
  const present = new Set(probes.filter((p) => !p.ws.isNullObject).map((p) => p.name));
  const groups: Group[] = [];
  for (const s of saved) {
    if (!present.has(s.sheet)) continue;
    // Without getRanges (ExcelApi 1.9) each group is one area.
    for (const address of o.getRanges ? [s.cell] : s.cell.split(",")) groups.push({ sheet: s.sheet, address, saved: s.color });
  }
  const now = await readFills(context, groups, o);
  const restore = now.filter(({ color }) => color.toUpperCase() === HIGHLIGHT_COLOR).map(({ group }) => group);
  await writeFills(context, restore, o, (fill, g) => {
    if (g.saved === null || g.saved === undefined) fill.clear();
    else fill.color = g.saved;
  });
  return restore.reduce((n, g) => n + addressCells(g.address), 0);
}
