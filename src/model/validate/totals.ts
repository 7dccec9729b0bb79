/**
 * Totals rows under (or within) a table: "Total", "Grand total", "North OM Total" (what Excel's
 * Subtotal writes), "Sum". The validator sees values, not formulas, so a totals row is known by its
 * label: the first filled cell among the columns the validator reads, or a cell of one of the kind's required text columns
 * (Case ID, OM, Team...), with no text in the other such columns. A totals row is never data. The table ends at a totals row after which no
 * row looks like data (only notes or more totals follow); rows inside the table stay data.
 */
import { problem } from "../problem";
import type { SheetDef } from "../layout";
import { isBlank, type CellValue } from "../values";
import { normaliseHeader, type Recognition } from "./recognise";
import type { Finding, SheetData } from "./types";

/** A quick test that rules out almost every cell before the full one. */
const MAYBE_TOTALS = /total|sum|count/i;
const TOTALS_LABEL = /^(?:(?:grand|overall|sub) ?)?totals?(?: .*)?$|^.+ (?:sub ?)?totals?$|^(?:sum|count)$/;

/** A totals row's label and its column. */
export interface TotalsLabel {
  readonly index: number;
  readonly text: string;
}

/**
 * The totals label of a row of a recognised sheet, if the row is a totals row: a label, and no text
 * in the other label columns (a case of the "Total Care" team has its Case ID and OM beside it).
 */
export function totalsLabeller(rec: Recognition, def: SheetDef): (cells: readonly CellValue[]) => TotalsLabel | undefined {
  const labelColumns = def.fields.filter((f) => f.required && f.type === "text").flatMap((f) => (rec.columns[f.id] === undefined ? [] : [rec.columns[f.id]!]));
  const read = Object.values(rec.columns).sort((a, b) => a - b);
  return (cells) => totalsLabel(cells, labelColumns, read);
}

/** @param read the columns the validator reads, in order: the label may be the first of them that is filled */
function totalsLabel(cells: readonly CellValue[], labelColumns: readonly number[], read: readonly number[]): TotalsLabel | undefined {
  let first = -1;
  for (let i = 0; i < read.length && first < 0; i++) if (!isBlank(cells[read[i]!])) first = read[i]!;
  // The first filled cell, then each label column (no array built: this runs for every row).
  for (let k = -1; k < labelColumns.length; k++) {
    const index = k < 0 ? first : labelColumns[k]!;
    const v = cells[index];
    if (typeof v !== "string" || !MAYBE_TOTALS.test(v) || !TOTALS_LABEL.test(normaliseHeader(v))) continue;
    if (labelColumns.some((c) => c !== index && typeof cells[c] === "string" && !isBlank(cells[c]))) return undefined;
    return { index, text: v.trim() };
  }
  return undefined;
}

export interface Totals {
  /** Indices into SheetData.rows of the rows that are data. */
  readonly rows: readonly number[];
  /** One information finding when rows were left out, saying which. */
  readonly finding?: Finding;
}

/**
 * Leave totals rows, and notes under the last of them, out of a table.
 * @param candidates indices into sheet.rows of the rows below the header that are not blank
 * @param labels each candidate's totals label (totalsLabeller), undefined for a row that is not a totals row
 */
export function withoutTotals(
  sheet: SheetData,
  rec: Recognition,
  def: SheetDef,
  candidates: readonly number[],
  labels: readonly (TotalsLabel | undefined)[],
  cellAddress: (index: number, row: number) => string,
): Totals {
  const column = (id: string) => rec.columns[id];
  const required = def.fields.filter((f) => f.required).flatMap((f) => (column(f.id) === undefined ? [] : [column(f.id)!]));
  // A row looks like data when it fills at least half its kind's required columns (and two, where there are two).
  const needed = Math.max(1, Math.min(required.length, Math.max(2, Math.ceil(required.length / 2))));
  let lastData = -1;
  for (let i = candidates.length - 1; i >= 0 && lastData < 0; i--) {
    if (labels[i] !== undefined) continue;
    const cells = sheet.rows[candidates[i]!]!;
    let filled = 0;
    for (const c of required) if (!isBlank(cells[c])) filled++;
    if (filled >= needed) lastData = i;
  }
  const end = labels.findIndex((l, i) => l !== undefined && i > lastData);
  const keep: number[] = [];
  let firstTotals: number | undefined;
  let count = 0;
  candidates.forEach((r, i) => {
    if (labels[i] !== undefined) {
      count++;
      firstTotals ??= i;
    } else if (end < 0 || i < end) keep.push(r);
  });
  if (firstTotals === undefined) return { rows: candidates };
  const below = end < 0 ? 0 : candidates.length - end - labels.slice(end).filter((l) => l !== undefined).length;
  const label = labels[firstTotals]!;
  const row = sheet.originRow + candidates[firstTotals]!;
  const message = problem("layout.totalsRow", { sheet: sheet.name, row, label: label.text, count, end: end < 0 ? row : sheet.originRow + candidates[end]!, below }).message;
  return {
    rows: keep,
    finding: { rule: "layout.totalsRow", severity: "info", sheet: sheet.name, row, cell: cellAddress(label.index, row), message, source: "Add-in workbook layout" },
  };
}
