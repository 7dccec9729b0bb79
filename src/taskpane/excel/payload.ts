/**
 * Sizes of requests to Excel, in bytes, as Microsoft's Office.js client serialises them. Excel on the
 * web refuses a request or a response over 5 MB, so every write and read is batched by an estimate
 * of its bytes, never by a count of cells. The per-operation costs below were measured with the real
 * client (the strict test host records each request's bytes); test/taskpane/excel-payload.test.ts
 * checks that every estimate is at least what the client sends and not wildly more.
 */

/** Bytes we allow ourselves per request and per response: half of Excel on the web's 5 MB. */
export const REQUEST_BUDGET = 2_500_000;
export const RESPONSE_BUDGET = 2_500_000;

/** The envelope of a request and the workbook/worksheets paths every request carries. */
export const REQUEST_BASE = 700;
/** A worksheets.getItem(name) path, plus the name. */
export const SHEET_COST = 250;
/** range.format.fill.color = ..., .clear() or .load("color"): the range, format and fill paths and the action. */
export const FILL_OP_COST = 900;
/** range.hyperlink = {...}: the range path and the action, plus the link's JSON. */
export const LINK_OP_COST = 600;
/** range.values = [[...]] or range.load("values"): the range path and the action, plus the address and values. */
export const RANGE_OP_COST = 500;
/** A response's cost per loaded range beyond its values' JSON. */
export const RESPONSE_RANGE_COST = 120;

/** Bytes of a string as UTF-8, as it travels. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON bytes of a value as the client writes it (JSON.stringify, UTF-8). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}

/** Cost of a fill operation (set, clear or load) on a range or group of ranges given by address. */
export function fillOpBytes(address: string): number {
  return FILL_OP_COST + utf8Length(address);
}

/**
 * Office.js splits a write of more than this many cells into row slices, each with paths of its
 * own (getRow(i).getBoundingRect(getRow(j))).
 */
export const CLIENT_SLICE_CELLS = 1_500;
export const SLICE_COST = 900;

/** Cost of writing values to a range. */
export function valuesWriteBytes(address: string, values: readonly (readonly unknown[])[]): number {
  const cells = values.length * (values[0]?.length ?? 0);
  const slices = cells > CLIENT_SLICE_CELLS ? Math.ceil(cells / CLIENT_SLICE_CELLS) + 1 : 0;
  return RANGE_OP_COST + utf8Length(address) + jsonBytes(values) + slices * SLICE_COST;
}

/** Cost of setting a hyperlink. */
export function linkOpBytes(address: string, link: unknown): number {
  return LINK_OP_COST + utf8Length(address) + jsonBytes(link);
}

/**
 * Pack items into batches whose estimated bytes stay within `budget` (each batch also pays
 * `base`). An item bigger than the budget on its own goes alone (the caller makes items small).
 */
export function packByBytes<T>(items: readonly T[], cost: (t: T) => number, budget = REQUEST_BUDGET, base = REQUEST_BASE): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = base;
  for (const it of items) {
    const c = cost(it);
    if (cur.length > 0 && bytes + c > budget) {
      out.push(cur);
      cur = [];
      bytes = base;
    }
    cur.push(it);
    bytes += c;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
