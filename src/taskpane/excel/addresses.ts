/**
 * A1 addresses for the pane's Excel work: origins of used ranges, references to a sheet's cell,
 * and groups of cells written as the comma-separated areas that `getRanges` takes ("E2:E40,F7").
 */
import { columnLetter as columnLetters } from "../../model/validate/tables";

export { columnLetters };

/** 0-based column index of column letters ("A" → 0, "AA" → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Origin of a used range address: "Caseload!B3:K200" → originRow 3 (1-based), originCol 1 (0-based). */
export function parseOrigin(address: string): { originRow: number; originCol: number } {
  const a = parseArea(address);
  return { originRow: a.r1 + 1, originCol: a.c1 };
}

/** A sheet name as a formula reference: 'Court reports'!F12 (quotes doubled). */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Area {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** One area of an address, with or without its sheet ("Caseload!B3:K200", "E7"). */
export function parseArea(address: string): Area {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim();
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
  if (!m) throw new Error(`not an A1 range address: ${address}`);
  const r1 = Number(m[2]) - 1;
  const c1 = columnIndex(m[1]!);
  const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
  const c2 = m[3] === undefined ? c1 : columnIndex(m[3]);
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

export function areaAddress(a: Area): string {
  const first = `${columnLetters(a.c1)}${a.r1 + 1}`;
  return a.r1 === a.r2 && a.c1 === a.c2 ? first : `${first}:${columnLetters(a.c2)}${a.r2 + 1}`;
}

export function cellCount(a: Area): number {
  return (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);
}

/** Areas of a comma-separated address list ("E2:E40,F7"). */
export function parseAreas(list: string): Area[] {
  return list.split(",").map(parseArea);
}

/**
 * Cells as few areas as simply found: per column, runs of consecutive rows; then neighbouring
 * columns with the same run become one rectangle ("A4:E5"). Duplicates collapse. Areas come out by
 * column, then row, so the same cells always give the same addresses.
 */
export function compressCells(cells: readonly string[]): Area[] {
  const byCol = new Map<number, number[]>();
  for (const cell of cells) {
    const a = parseArea(cell);
    for (let c = a.c1; c <= a.c2; c++) {
      let rows = byCol.get(c);
      if (!rows) byCol.set(c, (rows = []));
      for (let r = a.r1; r <= a.r2; r++) rows.push(r);
    }
  }
  // Runs of rows per column, keyed by the run, listing the columns that have it.
  const runs = new Map<string, { r1: number; r2: number; cols: number[] }>();
  for (const c of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = [...new Set(byCol.get(c))].sort((x, y) => x - y);
    let start = rows[0]!;
    let prev = start;
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      const k = `${start}:${prev}`;
      let run = runs.get(k);
      if (!run) runs.set(k, (run = { r1: start, r2: prev, cols: [] }));
      run.cols.push(c);
      if (r !== undefined) start = prev = r;
    }
  }
  const out: Area[] = [];
  for (const run of runs.values()) {
    let c1 = run.cols[0]!;
    let c2 = c1;
    for (let i = 1; i <= run.cols.length; i++) {
      const c = run.cols[i];
      if (c === c2 + 1) {
        c2 = c;
        continue;
      }
      out.push({ r1: run.r1, c1, r2: run.r2, c2 });
      if (c !== undefined) c1 = c2 = c;
    }
  }
  return out.sort((a, b) => a.c1 - b.c1 || a.r1 - b.r1);
}

/**
 * Addresses (areas, or lists of them) joined with commas into lists of at most `maxChars`
 * characters and `maxItems` items each. An address longer than maxChars stays whole, alone.
 */
export function joinAddresses(addresses: readonly string[], maxChars: number, maxItems = Number.MAX_SAFE_INTEGER): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const s of addresses) {
    if (cur.length > 0 && (cur.length >= maxItems || len + 1 + s.length > maxChars)) {
      out.push(cur.join(","));
      cur = [];
      len = 0;
    }
    len += (cur.length > 0 ? 1 : 0) + s.length;
    cur.push(s);
  }
  if (cur.length > 0) out.push(cur.join(","));
  return out;
}

/**
 * Halves of an address list whose cells are not all alike: two lists of areas, or, for one area,
 * its two halves (by rows, or by columns when it is one row). A single cell has no halves.
 */
export function splitAddress(list: string): string[] {
  const areas = parseAreas(list);
  if (areas.length > 1) {
    const mid = Math.ceil(areas.length / 2);
    return [areas.slice(0, mid).map(areaAddress).join(","), areas.slice(mid).map(areaAddress).join(",")];
  }
  const a = areas[0]!;
  if (a.r2 > a.r1) {
    const m = Math.floor((a.r1 + a.r2) / 2);
    return [areaAddress({ ...a, r2: m }), areaAddress({ ...a, r1: m + 1 })];
  }
  if (a.c2 > a.c1) {
    const m = Math.floor((a.c1 + a.c2) / 2);
    return [areaAddress({ ...a, c2: m }), areaAddress({ ...a, c1: m + 1 })];
  }
  return [list];
}

/** Cells in an address list. */
export function addressCells(list: string): number {
  return parseAreas(list).reduce((n, a) => n + cellCount(a), 0);
}
