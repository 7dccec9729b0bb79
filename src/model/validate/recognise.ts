/**
 * Header recognition: which documented sheet (src/model/layout.ts) a sheet is, where its header
 * row is, and which column holds which field. It tolerates what people write: case, spacing,
 * punctuation, a trailing note such as "(yes/no)", and the aliases of each field. A user's own
 * mapping (header as written -> field id) wins over recognition.
 */
import { LAYOUT, type SheetDef, type SheetKind } from "../layout";
import type { CellValue } from "../values";
import { closestField } from "./similar";
import type { SheetData } from "./types";

/** How many rows from the top the header row may sit (titles above a table are common). */
export const HEADER_SCAN_ROWS = 10;

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

/** A header of a recognised sheet that no field is read from. */
export interface UnknownColumn {
  /** 0-based column index within the sheet's rows. */
  readonly index: number;
  /** The header as written. */
  readonly header: string;
  /** The field the header names, when that field is already read from an earlier column. */
  readonly takenBy?: string;
  /** The field the header most likely is, among those with no column, when one is close. */
  readonly like?: string;
  /** Whether the user mapped it to a field the sheet does not have (reported as a bad mapping). */
  readonly badMapping?: boolean;
}

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
  /** Recognised sheets: each header no field is read from, with why and what it may be. */
  readonly unknown?: readonly UnknownColumn[];
  /** Sheets not recognised that have all but one of a kind's required columns: that kind. */
  readonly nearly?: { readonly kind: SheetKind; readonly missing: readonly string[] };
}

function matchRow(def: SheetDef, header: readonly CellValue[], userMap: Readonly<Record<string, string>>) {
  const names = FIELD_NAMES.get(def.kind)!;
  const fieldIds = new Set(def.fields.map((f) => f.id));
  const columns: Record<string, number> = {};
  const unrecognised: string[] = [];
  const unknown: UnknownColumn[] = [];
  const badMappings: string[] = [];
  const mapped = new Map(Object.entries(userMap).map(([h, f]) => [normaliseHeader(h), f]));
  header.forEach((cell, i) => {
    const h = normaliseHeader(cell);
    if (h === "") return;
    const byUser = mapped.get(h);
    const badMapping = byUser !== undefined && !fieldIds.has(byUser);
    if (badMapping) badMappings.push(`${String(cell)} -> ${byUser}`);
    const field = byUser !== undefined && fieldIds.has(byUser) ? byUser : names.get(h);
    if (field !== undefined && columns[field] === undefined) columns[field] = i;
    else {
      unrecognised.push(String(cell).trim());
      unknown.push({ index: i, header: String(cell).trim(), ...(field !== undefined ? { takenBy: field } : {}), ...(badMapping ? { badMapping } : {}) });
    }
  });
  const matched = Object.keys(columns).length;
  const requiredMatched = def.fields.filter((f) => f.required && columns[f.id] !== undefined).length;
  return { columns, unrecognised, unknown, badMappings, matched, requiredMatched };
}

/** What each unknown header of the recognised sheet may be: the closest field that has no column. */
function withLikeness(def: SheetDef, m: ReturnType<typeof matchRow>): UnknownColumn[] {
  const free = def.fields.filter((f) => m.columns[f.id] === undefined);
  return m.unknown.map((u) => {
    if (u.takenBy !== undefined || u.badMapping) return u;
    const like = closestField(normaliseHeader(u.header), free, normaliseHeader);
    return like ? { ...u, like: like.id } : u;
  });
}

/**
 * Recognise one sheet. A sheet named like a layout sheet ("Caseload", "Cases") is of that kind
 * when its header names any of the kind's fields; its missing required columns are reported. A
 * sheet named otherwise is of a kind only when its header has every one of the kind's required
 * columns (so a sheet of drop-down lists headed RoSH, Grade, Tier is not a caseload), and of the
 * kind it matches best when several fit.
 */
export function recogniseSheet(sheet: SheetData, userMap: Readonly<Record<string, string>> = {}): Recognition {
  const byName = SHEET_NAMES.get(normaliseHeader(sheet.name));
  let best: { def: SheetDef; index: number; score: number; m: ReturnType<typeof matchRow> } | undefined;
  let nearly: { def: SheetDef; score: number; m: ReturnType<typeof matchRow> } | undefined;
  const scan = Math.min(HEADER_SCAN_ROWS, sheet.rows.length);
  for (let index = 0; index < scan; index++) {
    const header = sheet.rows[index]!;
    for (const def of LAYOUT) {
      if (byName !== undefined && def.kind !== byName) continue;
      const m = matchRow(def, header, userMap);
      const required = def.fields.filter((f) => f.required).length;
      const plausible = byName !== undefined ? m.matched >= 1 : m.requiredMatched === required;
      // Prefer more required fields, then more fields; the earlier row and the earlier kind on ties.
      const score = m.requiredMatched * 100 + m.matched;
      if (!plausible) {
        // All but one required column, and at least two: most likely this kind with a renamed column.
        if (byName === undefined && m.requiredMatched >= 2 && m.requiredMatched === required - 1 && (!nearly || score > nearly.score)) nearly = { def, score, m };
        continue;
      }
      if (!best || score > best.score) best = { def, index, score, m };
    }
  }
  if (!best && byName !== undefined) {
    // Named like a layout sheet but no header is known: still that kind, every required column missing.
    const def = LAYOUT.find((d) => d.kind === byName)!;
    best = { def, index: 0, score: 0, m: matchRow(def, sheet.rows[0] ?? [], userMap) };
  }
  if (!best) {
    const near = nearly ? { nearly: { kind: nearly.def.kind, missing: nearly.def.fields.filter((f) => f.required && nearly.m.columns[f.id] === undefined).map((f) => f.id) } } : {};
    return { sheet: sheet.name, headerIndex: 0, columns: {}, unrecognised: headerTexts(sheet.rows[0]), missing: [], badMappings: [], ...near };
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
    unknown: withLikeness(def, m),
  };
}

function headerTexts(row: readonly CellValue[] | undefined): string[] {
  return (row ?? []).filter((c) => normaliseHeader(c) !== "").map((c) => String(c).trim());
}
