/** The cells a highlight fills or a clear restores, as the confirmation lists them. */
import type { CellRef, SavedFill } from "../excel-adapter";
import { addressCells, areaAddress, parseAreas } from "../excel/addresses";

/** Cells per sheet for a confirmation: "Caseload: E2, E3 and 40 more". */
export function describeCells(cells: readonly CellRef[], max = 12): string[] {
  const bySheet = new Map<string, string[]>();
  for (const c of cells) {
    let list = bySheet.get(c.sheet);
    if (!list) bySheet.set(c.sheet, (list = []));
    // One push per cell: spreading a group of many thousand cells into push() overflows the call stack.
    for (const cell of c.cell.split(",")) list.push(cell);
  }
  return [...bySheet.entries()].map(([sheet, list]) => `${sheet}: ${list.slice(0, max).join(", ")}${list.length > max ? ` and ${list.length - max} more` : ""}`);
}

/** Every single cell of saved fills ("Caseload!E2"), to leave cells already highlighted alone. */
export function cellsOf(saved: readonly SavedFill[]): Set<string> {
  const out = new Set<string>();
  for (const s of saved)
    for (const a of parseAreas(s.cell)) for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) out.add(`${s.sheet}!${areaAddress({ r1: r, c1: c, r2: r, c2: c })}`);
  return out;
}

export const countCells = (saved: readonly SavedFill[]) => saved.reduce((n, s) => n + addressCells(s.cell), 0);
