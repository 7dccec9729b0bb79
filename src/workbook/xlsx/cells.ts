/**
 * One sheet's cells as the scanner finds them, then its used range as SheetData: the bounding box
 * of the cells with values, merged-away cells blank, and each column's number format (sampled from
 * its first numbers, for the percent hazard).
 */
import type { CellValue } from "../../model/values";
import { columnLetter } from "../../model/validate/tables";
import type { SheetData } from "../../model/validate/types";
import { XlsxError } from "./errors";
import type { Styles } from "./styles";

/** Used ranges (rows x columns) larger than this are refused rather than held in memory. */
export const MAX_CELLS_PER_SHEET = 20_000_000;
/** Merged ranges a sheet may declare. */
export const MAX_MERGES = 200_000;
/** How many numbers per column the reader looks at for a percent format. */
const FORMAT_SAMPLE = 20;

/** "AB12" -> column 28 (1-based) and row 12, set on `ref`; false when it is not a cell reference. */
export const ref = { row: 0, col: 0 };
export function parseRef(s: string, from: number, to: number): boolean {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = s.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  let row = 0;
  const digits = i;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (col === 0 || i === digits) return false;
  ref.row = row;
  ref.col = col;
  return true;
}

/** The <mergeCell> ranges after the sheet data: [top, left, bottom, right], 1-based. */
export function merges(s: string, from: number, part: string): number[][] {
  const out: number[][] = [];
  const re = /<(?:[A-Za-z0-9_]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']\s*([A-Za-z]+\d+)(?::([A-Za-z]+\d+))?\s*["']/g;
  re.lastIndex = from;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (out.length === MAX_MERGES) throw new XlsxError("tooLarge", `${part} declares more than ${MAX_MERGES.toLocaleString("en-GB")} merged ranges`);
    const a = m[1]!;
    const b = m[2] ?? a;
    if (!parseRef(a, 0, a.length)) continue;
    const [r1, c1] = [ref.row, ref.col];
    if (!parseRef(b, 0, b.length)) continue;
    out.push([Math.min(r1, ref.row), Math.min(c1, ref.col), Math.max(r1, ref.row), Math.max(c1, ref.col)]);
  }
  return out;
}

/**
 * The values of one sheet as they are read, then its used range (the bounding box of cells with
 * values) as plain rows, with the number format of each column's first numbers.
 */
export class SheetCells {
  /** Per sheet row: its values by 0-based column (column A at 0). */
  private readonly byRow = new Map<number, CellValue[]>();
  private currentRow = -1;
  private current: CellValue[] = [];
  private rowsSeen = 0;
  private minCol = Infinity;
  private maxCol = -Infinity;
  /** Per 1-based column: the format chosen so far and how many numbers below the first row were seen. */
  private readonly formats: (string | undefined)[] = [];
  private readonly seen: number[] = [];
  merges: number[][] = [];
  private notCalculated = 0;
  private firstNotCalculated = "";

  /** A formula saved without its value: counted, so the engine can say the cells read as blank. */
  uncalculated(row: number, col: number): void {
    if (this.notCalculated++ === 0) this.firstNotCalculated = `${columnLetter(col - 1)}${row}`;
  }

  constructor(private readonly name: string) {}

  add(row: number, col: number, value: CellValue, styles: Styles, style: number): void {
    if (row !== this.currentRow) {
      let r = this.byRow.get(row);
      if (r === undefined) {
        // Sized as wide as the sheet so far: the row's array never grows as its cells arrive.
        r = new Array<CellValue>(this.maxCol > 0 ? this.maxCol : 0);
        this.byRow.set(row, r);
        this.rowsSeen++;
      }
      this.current = r;
      this.currentRow = row;
    }
    this.current[col - 1] = value;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
    // Number format of the first numbers under the first row, per column (the header row holds
    // text). A percent format on any of the next few numbers wins: a stray number in a title row
    // above the header must not hide a percent-formatted score column (the dangerous direction).
    if (this.rowsSeen > 1 && typeof value === "number") {
      const seen = this.seen[col] ?? 0;
      if (seen < FORMAT_SAMPLE) {
        const fmt = styles.format(style);
        const had = this.formats[col];
        if (had === undefined || (fmt.includes("%") && !had.includes("%"))) this.formats[col] = fmt;
        this.seen[col] = seen + 1;
      }
    }
  }

  sheet(): SheetData | undefined {
    if (this.byRow.size === 0) return undefined;
    const keys = [...this.byRow.keys()];
    const rowNums = keys.every((k, i) => i === 0 || keys[i - 1]! < k) ? keys : keys.sort((a, b) => a - b);
    let { minCol, maxCol } = this;
    let kept = rowNums;
    if (this.merges.length > 0) {
      // Merged-away cells hold nothing Excel shows: blank them, then measure the used range again.
      for (const [top, left, bottom, right] of this.merges) {
        for (const r of rowNums) {
          if (r < top! || r > bottom!) continue;
          const vals = this.byRow.get(r)!;
          for (let c = left!; c <= right! && c <= vals.length; c++) if (r !== top || c !== left) vals[c - 1] = undefined;
        }
      }
      minCol = Infinity;
      maxCol = -Infinity;
      kept = [];
      for (const r of rowNums) {
        const vals = this.byRow.get(r)!;
        let any = false;
        for (let c = 1; c <= vals.length; c++) {
          if (vals[c - 1] === undefined || vals[c - 1] === null) continue;
          any = true;
          if (c < minCol) minCol = c;
          if (c > maxCol) maxCol = c;
        }
        if (any) kept.push(r);
      }
    }
    if (kept.length === 0) return undefined;
    const firstRow = kept[0]!;
    const height = kept[kept.length - 1]! - firstRow + 1;
    const width = maxCol - minCol + 1;
    if (height * width > MAX_CELLS_PER_SHEET) throw new XlsxError("tooLarge", `sheet "${this.name}" spans ${height.toLocaleString("en-GB")} rows by ${width.toLocaleString("en-GB")} columns`);
    const rows: CellValue[][] = new Array<CellValue[]>(height);
    let next = 0;
    for (let r = 0; r < height; r++) {
      const vals = kept[next] === firstRow + r ? this.byRow.get(kept[next++]!) : undefined;
      if (vals !== undefined && minCol === 1) {
        // The usual case, a table from column A: the row's own array becomes the row, blanks as null.
        vals.length = width;
        for (let j = 0; j < width; j++) if (vals[j] === undefined) vals[j] = null;
        rows[r] = vals;
        continue;
      }
      const row = new Array<CellValue>(width);
      for (let j = 0; j < width; j++) row[j] = vals?.[minCol - 1 + j] ?? null;
      rows[r] = row;
    }
    const columnFormats: (string | undefined)[] = [];
    for (let j = 0; j < width; j++) columnFormats.push(this.formats[minCol + j]);
    return {
      name: this.name,
      rows,
      originRow: firstRow,
      originCol: minCol - 1,
      columnFormats,
      ...(this.notCalculated > 0 ? { uncalculated: { count: this.notCalculated, first: this.firstNotCalculated } } : {}),
    };
  }
}
