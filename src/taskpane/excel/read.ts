/**
 * Reading the workbook for a validation, within Excel's limits and no more than the checks need.
 *
 * 1. The sheet list, then every sheet's used range (its address and size).
 * 2. The head of each sheet (the rows where a header may sit, and a few below), with the number
 *    formats: enough to recognise the sheet and its columns, as the validator does.
 * 3. For each recognised sheet (the first of each kind), the rest of the rows of the columns the
 *    checks read, in chunks whose height comes from the bytes per row measured so far (the head's
 *    first, then each chunk's), so a response stays near RESPONSE_BUDGET whatever the cells hold.
 *    Other sheets and columns are not read beyond their head. A chunk Excel still finds too large
 *    is read again at half the height.
 * 4. The used ranges again: if one changed while it was read (rows inserted or deleted), the
 *    workbook is read once more; if it changes again, the result says which sheets may be stale.
 */
import type { CellValue } from "../../model/values";
import type { SheetData, WorkbookData } from "../../model/validate/types";
import { HEADER_SCAN_ROWS, recogniseSheet } from "../../model/validate/recognise";
import type { Progress } from "../excel-adapter";
import { areaAddress, parseArea } from "./addresses";
import { REQUEST_BASE, RESPONSE_BUDGET, RESPONSE_RANGE_COST, jsonBytes } from "./payload";

/** Rows read for recognition: the header may sit in the first HEADER_SCAN_ROWS rows. */
export const HEAD_ROWS = HEADER_SCAN_ROWS + 20;
/** Most rows in one chunk, and most cells in one range read (Excel's limit is 5 million). */
export const MAX_CHUNK_ROWS = 50_000;
export const MAX_CHUNK_CELLS = 1_000_000;
/** Rows of the first chunk after the head, whose measured size sets the height of the rest. */
export const FIRST_CHUNK_ROWS = 1_000;

export interface ReadOptions {
  readonly skipSheets?: readonly string[];
  /** The user's column mappings per sheet (header as written → field id), as the validator takes them. */
  readonly columnMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly budget?: number;
}

export interface ReadResult extends WorkbookData {
  /** Sheets whose size changed while they were read, twice: the findings may not match them. */
  readonly changed?: readonly string[];
}

type Ctx = Excel.RequestContext;

interface Used {
  readonly sheet: string;
  readonly address: string;
  readonly rows: number;
  readonly columns: number;
}

function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** Contiguous runs of column indices: [0,1,2,5,6] → [[0,2],[5,6]]. */
export function columnRuns(cols: readonly number[]): [number, number][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

async function usedRanges(context: Ctx, skip: ReadonlySet<string>): Promise<{ order: string[]; used: Used[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const order = sheets.items.map((ws) => ws.name);
  const probes = sheets.items.filter((ws) => !skip.has(ws.name.toLowerCase())).map((ws) => ({ name: ws.name, range: ws.getUsedRangeOrNullObject(true) }));
  for (const p of probes) p.range.load("address,rowCount,columnCount");
  await context.sync();
  const used = probes.filter((p) => !p.range.isNullObject).map((p) => ({ sheet: p.name, address: p.range.address, rows: p.range.rowCount, columns: p.range.columnCount }));
  return { order, used };
}

async function readOnce(context: Ctx, onProgress: Progress | undefined, o: ReadOptions, skip: ReadonlySet<string>): Promise<{ book: WorkbookData; sizes: Map<string, string> }> {
  const budget = o.budget ?? RESPONSE_BUDGET;
  const { order, used } = await usedRanges(context, skip);
  const sizes = new Map(used.map((u) => [u.sheet, u.address]));
  const origin = new Map(used.map((u) => [u.sheet, parseArea(u.address)]));
  const rangeAt = (u: Used, r0: number, rows: number, c0: number, c1: number) => {
    const a = origin.get(u.sheet)!;
    return context.workbook.worksheets.getItem(u.sheet).getRange(areaAddress({ r1: a.r1 + r0, c1: a.c1 + c0, r2: a.r1 + r0 + rows - 1, c2: a.c1 + c1 }));
  };

  // The heads, with their number formats, packed by a generous guess of 40 bytes a cell.
  const heads = new Map<string, { values: unknown[][]; formats: unknown[][] }>();
  let batch: { u: Used; range: Excel.Range }[] = [];
  let guess = REQUEST_BASE;
  const flushHeads = async () => {
    if (batch.length === 0) return;
    await context.sync();
    for (const { u, range } of batch) heads.set(u.sheet, { values: range.values, formats: range.numberFormat });
    batch = [];
    guess = REQUEST_BASE;
  };
  for (const u of used) {
    const rows = Math.min(u.rows, HEAD_ROWS);
    const cost = rows * u.columns * 40 + RESPONSE_RANGE_COST;
    if (batch.length > 0 && guess + cost > budget) await flushHeads();
    const range = rangeAt(u, 0, rows, 0, u.columns - 1);
    range.load("values,numberFormat");
    batch.push({ u, range });
    guess += cost;
  }
  await flushHeads();

  // Recognise each sheet from its head; the first of each kind is read in full, in the columns the checks use.
  const plans: { u: Used; runs: [number, number][]; bytesPerRow: number; rows: CellValue[][] }[] = [];
  const sheetsOut = new Map<string, SheetData>();
  const kinds = new Set<string>();
  for (const u of used) {
    const head = heads.get(u.sheet)!;
    const a = origin.get(u.sheet)!;
    const rows = head.values.map((r) => r.map(toCell));
    const rec = recogniseSheet({ name: u.sheet, rows, originRow: a.r1 + 1, originCol: a.c1 }, o.columnMaps?.[u.sheet] ?? {});
    const columnFormats = formatsBelow(head.formats.slice(rec.headerIndex + 1), u.columns);
    const data: SheetData = { name: u.sheet, rows, originRow: a.r1 + 1, originCol: a.c1, ...(columnFormats ? { columnFormats } : {}) };
    sheetsOut.set(u.sheet, data);
    const cols = Object.values(rec.columns);
    if (rec.kind === undefined || kinds.has(rec.kind) || u.rows <= HEAD_ROWS || cols.length === 0) {
      if (rec.kind !== undefined) kinds.add(rec.kind);
      continue;
    }
    kinds.add(rec.kind);
    const runs = columnRuns(cols);
    // Bytes per row of the read columns, measured on the head's rows below the header.
    const below = head.values.slice(rec.headerIndex + 1);
    const sample = below.map((r) => runs.map(([c0, c1]) => r.slice(c0, c1 + 1)));
    const bytesPerRow = sample.length > 0 ? Math.max(8, jsonBytes(sample) / sample.length) : 20 * cols.length;
    plans.push({ u, runs, bytesPerRow, rows });
  }

  // The rest of each planned sheet in chunks.
  const width = (p: (typeof plans)[number]) => p.runs.reduce((n, [c0, c1]) => n + c1 - c0 + 1, 0);
  const heightFor = (p: (typeof plans)[number]) => Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(MAX_CHUNK_CELLS / width(p)), Math.floor(budget / (p.bytesPerRow * 1.25))));
  const total = plans.reduce((n, p) => n + p.u.rows - HEAD_ROWS, 0);
  let done = 0;
  onProgress?.(0, total, "Reading the workbook");
  for (const p of plans) {
    let start = HEAD_ROWS;
    let first = true;
    while (start < p.u.rows) {
      // The first chunk is a small probe; its measured bytes set the height of the next.
      let height = Math.min(first ? Math.min(FIRST_CHUNK_ROWS, heightFor(p)) : heightFor(p), p.u.rows - start);
      first = false;
      for (let attempt = 0; ; attempt++) {
        const ranges = p.runs.map(([c0, c1]) => {
          const r = rangeAt(p.u, start, height, c0, c1);
          r.load("values");
          return { c0, r };
        });
        try {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk sized by bytes: Excel on the web refuses a response over 5 MB
          await context.sync();
        } catch (e) {
          // Longer cells further down than the head suggested: half the height, and try again.
          if (attempt < 6 && height > 1 && isPayloadError(e)) {
            height = Math.max(1, Math.floor(height / 2));
            p.bytesPerRow *= 2;
            continue;
          }
          throw e;
        }
        const full = p.u.columns;
        const chunk: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(full).fill(null));
        for (const { c0, r } of ranges) {
          const values = r.values as unknown[][];
          for (let i = 0; i < height; i++) {
            const src = values[i]!;
            const dst = chunk[i]!;
            for (let j = 0; j < src.length; j++) dst[c0 + j] = toCell(src[j]);
          }
        }
        for (const row of chunk) p.rows.push(row);
        // The next chunk's height follows the bytes this one measured (never below the head's).
        p.bytesPerRow = Math.max(p.bytesPerRow, jsonBytes(ranges.map(({ r }) => r.values)) / height);
        break;
      }
      start += height;
      done += height;
      onProgress?.(done, total, `Read ${p.u.sheet} rows ${start.toLocaleString("en-GB")} of ${p.u.rows.toLocaleString("en-GB")}`);
    }
  }
  const sheets: SheetData[] = [];
  for (const name of order) {
    const s = sheetsOut.get(name);
    if (s) sheets.push(s);
    else if (!skip.has(name.toLowerCase())) sheets.push({ name, rows: [], originRow: 1, originCol: 0 });
  }
  return { book: { sheets }, sizes };
}

/**
 * Each column's number format from the rows under the header, as the file reader takes it: the
 * first one that is not General, and a percent format if any cell has one (rule book §1's hazard).
 */
function formatsBelow(rows: readonly (readonly unknown[])[], width: number): (string | undefined)[] | undefined {
  if (rows.length === 0) return undefined;
  const out: (string | undefined)[] = [];
  for (let j = 0; j < width; j++) {
    let f: string | undefined;
    for (const r of rows) {
      const v = r[j];
      if (typeof v !== "string" || v === "General") continue;
      if (f === undefined || (v.includes("%") && !f.includes("%"))) f = v;
    }
    out.push(f ?? "General");
  }
  return out;
}

function isPayloadError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Read the workbook (see the module's comment); re-read once if a used range changed meanwhile. */
export async function readBook(context: Ctx, onProgress: Progress | undefined, o: ReadOptions = {}): Promise<ReadResult> {
  const skip = new Set((o.skipSheets ?? []).map((n) => n.toLowerCase()));
  for (let attempt = 0; ; attempt++) {
    const { book, sizes } = await readOnce(context, onProgress, o, skip);
    const after = new Map((await usedRanges(context, skip)).used.map((u) => [u.sheet, u.address]));
    const changed = [...new Set([...after.keys(), ...sizes.keys()])].filter((n) => sizes.get(n) !== after.get(n));
    if (changed.length === 0) return book;
    if (attempt >= 1) return { ...book, changed };
    onProgress?.(0, 1, "The workbook changed while it was read: reading it again");
  }
}

