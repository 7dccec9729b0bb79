/**
 * Header recognition: which documented sheet (src/model/layout.ts) a sheet is, where its header
 * row is, and which column holds which field. It tolerates what people write: case, spacing,
 * punctuation, a trailing note such as "(yes/no)", and the aliases of each field. A user's own
 * mapping (header as written -> field id) wins over recognition.
 */
import { LAYOUT, type SheetDef, type SheetKind } from "../layout";
import type { CellValue } from "../values";
import type { SheetData } from "./types";

/** How many rows from the top the header row may sit (titles above a table are common). */
const HEADER_SCAN_ROWS = 10;

/** "ROSH level (Low/Med/High)" -> "rosh level"; "RSR %" -> "rsr"; "Case-ID" -> "case id". */
export function normaliseHeader(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return String(v)
    .toLowerCase()
    .replace(/\([^)]*\)\s*$/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Every header a field answers to, normalised, per sheet kind. Built once. */
const FIELD_NAMES: ReadonlyMap<SheetKind, ReadonlyMap<string, string>> = new Map(
  LAYOUT.map((def) => {
    const names = new Map<string, string>();
    // The documented header wins over another field's alias ("Grade" is an alias in several kinds).
    for (const f of def.fields) names.set(normaliseHeader(f.header), f.id);
    for (const f of def.fields) for (const a of f.aliases) if (!names.has(normaliseHeader(a))) names.set(normaliseHeader(a), f.id);
    return [def.kind, names] as const;
  }),
);

const SHEET_NAMES: ReadonlyMap<string, SheetKind> = new Map(
  LAYOUT.flatMap((def) => [def.name, ...def.aliases].map((n) => [normaliseHeader(n), def.kind] as const)),
);

export interface Recognition {
  readonly sheet: string;
  readonly kind?: SheetKind;
  /** Index within SheetData.rows of the header row. */
  readonly headerIndex: number;
  /** field id -> 0-based column index within the sheet's rows. */
  readonly columns: Readonly<Record<string, number>>;
  readonly unrecognised: readonly string[];
  /** Required fields of the kind with no column. */
  readonly missing: readonly string[];
  /** User mappings that name no field of the sheet's kind: "header -> field". */
  readonly badMappings: readonly string[];
}

function matchRow(def: SheetDef, header: readonly CellValue[], userMap: Readonly<Record<string, string>>) {
  const names = FIELD_NAMES.get(def.kind)!;
  const fieldIds = new Set(def.fields.map((f) => f.id));
  const columns: Record<string, number> = {};
  const unrecognised: string[] = [];
  const badMappings: string[] = [];
  const mapped = new Map(Object.entries(userMap).map(([h, f]) => [normaliseHeader(h), f]));
  header.forEach((cell, i) => {
    const h = normaliseHeader(cell);
    if (h === "") return;
    const byUser = mapped.get(h);
    if (byUser !== undefined && !fieldIds.has(byUser)) badMappings.push(`${String(cell)} -> ${byUser}`);
    const field = byUser !== undefined && fieldIds.has(byUser) ? byUser : names.get(h);
    if (field !== undefined && columns[field] === undefined) columns[field] = i;
    else unrecognised.push(String(cell).trim());
  });
  const matched = Object.keys(columns).length;
  const requiredMatched = def.fields.filter((f) => f.required && columns[f.id] !== undefined).length;
  return { columns, unrecognised, badMappings, matched, requiredMatched };
}

/**
 * Recognise one sheet. The kind is the one whose fields the header matches best, with the sheet's
 * name as a strong hint; a sheet matching fewer than two required fields, and not named like a
 * layout sheet, is not recognised.
 */
export function recogniseSheet(sheet: SheetData, userMap: Readonly<Record<string, string>> = {}): Recognition {
  const byName = SHEET_NAMES.get(normaliseHeader(sheet.name));
  let best: { def: SheetDef; index: number; score: number; m: ReturnType<typeof matchRow> } | undefined;
  const scan = Math.min(HEADER_SCAN_ROWS, sheet.rows.length);
  for (let index = 0; index < scan; index++) {
    const header = sheet.rows[index]!;
    for (const def of LAYOUT) {
      if (byName !== undefined && def.kind !== byName) continue;
      const m = matchRow(def, header, userMap);
      const required = def.fields.filter((f) => f.required).length;
      const plausible = byName !== undefined ? m.matched >= 1 : m.requiredMatched >= Math.min(2, required);
      if (!plausible) continue;
      // Prefer more required fields, then more fields; the earlier row and the earlier kind on ties.
      const score = m.requiredMatched * 100 + m.matched;
      if (!best || score > best.score) best = { def, index, score, m };
    }
  }
  if (!best) {
    return { sheet: sheet.name, ...(byName !== undefined ? { kind: byName } : {}), headerIndex: 0, columns: {}, unrecognised: headerTexts(sheet.rows[0]), missing: byName ? requiredOf(byName) : [], badMappings: [] };
  }
  const { def, index, m } = best;
  return {
    sheet: sheet.name,
    kind: def.kind,
    headerIndex: index,
    columns: m.columns,
    unrecognised: m.unrecognised,
    missing: def.fields.filter((f) => f.required && m.columns[f.id] === undefined).map((f) => f.id),
    badMappings: m.badMappings,
  };
}

function requiredOf(kind: SheetKind): string[] {
  return LAYOUT.find((d) => d.kind === kind)!.fields.filter((f) => f.required).map((f) => f.id);
}

function headerTexts(row: readonly CellValue[] | undefined): string[] {
  return (row ?? []).filter((c) => normaliseHeader(c) !== "").map((c) => String(c).trim());
}
