/**
 * Reading the add-in's settings back from the workbook (Office.context.document.settings): the one
 * implementation, used both at start-up (src/runtime/startup.ts, in the functions bundle) and by the
 * pane's store (src/taskpane/document-settings.ts, which also writes them). Settings read back are
 * checked with the model's own checks; anything wrong is dropped and said, never applied.
 */
import { checkOverride, DEFAULT_VARIANTS, type Overrides, type Variants } from "../model/config";
import { checkVloTable, type VloWeightTable } from "../model/vlo";
import { DEFAULT_SETTINGS, type AddinSettings } from "./settings";

export const SETTINGS_KEY = "nps.settings";
export const HIGHLIGHTS_KEY = "nps.highlights";

/** The read half of Office.Settings (so tests can pass a plain object). */
export interface ReadableDocSettings {
  get(name: string): unknown;
}

/** A highlighted cell and the fill it had ("#RRGGBB", or null for none); the shape of the pane's SavedFill. */
export interface SavedHighlight {
  readonly sheet: string;
  readonly cell: string;
  readonly color: string | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * An object with no prototype, for what is keyed by names from the workbook (sheets, headers): a
 * sheet called "__proto__" is then a key like any other, never the object's prototype, and
 * looking up "constructor" finds only what was saved under it.
 */
function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

const VARIANT_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_VARIANTS));

/** Check settings read from a workbook: unknown or out-of-range values are dropped with a message. */
export function checkSettings(raw: unknown): { settings: AddinSettings; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (!isRecord(raw)) return { settings: DEFAULT_SETTINGS, problems: ["The saved settings in this workbook could not be read; the model's figures are used."] };
  const variants: Record<string, boolean> = { ...DEFAULT_VARIANTS };
  if (isRecord(raw.variants))
    for (const [k, v] of Object.entries(raw.variants)) {
      if (!VARIANT_KEYS.has(k)) problems.push(`Saved policy variant ignored: there is no policy variant called "${k}".`);
      else if (typeof v === "boolean") variants[k] = v;
    }
  const overrides: Record<string, number | string> = {};
  if (isRecord(raw.overrides))
    for (const [k, v] of Object.entries(raw.overrides)) {
      if (typeof v !== "number" && typeof v !== "string") continue;
      const r = checkOverride(k, v);
      if (r.ok) overrides[k] = r.value;
      else problems.push(`Saved what-if ignored: ${r.problem.message}`);
    }
  const columnMaps = dictionary<Record<string, string>>();
  if (isRecord(raw.columnMaps))
    for (const [sheet, m] of Object.entries(raw.columnMaps)) {
      if (!isRecord(m)) continue;
      const clean = dictionary<string>();
      for (const [h, f] of Object.entries(m)) if (typeof f === "string") clean[h] = f;
      columnMaps[sheet] = clean;
    }
  let vloWeights: VloWeightTable | undefined;
  if (raw.vloWeights !== undefined) {
    const t = raw.vloWeights as VloWeightTable;
    const p = isRecord(t) && Array.isArray(t.caseTypes) && isRecord(t.activities) ? checkVloTable(t, "VLO weights") : [{ message: "The saved VLO weight table is not a table." }];
    if (p.length === 0) vloWeights = t;
    // A loop, not push(...): a saved table of many thousand bad rows would overflow the call stack.
    else for (const x of p) problems.push(`Saved VLO weights ignored: ${x.message}`);
  }
  return {
    settings: {
      variants: variants as unknown as Variants,
      overrides: overrides as Overrides,
      ...(Object.keys(columnMaps).length > 0 ? { columnMaps } : {}),
      ...(vloWeights ? { vloWeights } : {}),
    },
    problems,
  };
}

/** A document setting as stored (a JSON string); "unreadable" (which checkSettings refuses) when it is not JSON. */
export function parseSaved(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return "unreadable";
  }
}

/** The workbook's saved settings, checked; the model's defaults when none are saved. */
export function readSavedSettings(doc: ReadableDocSettings): { settings: AddinSettings; problems: string[] } {
  return checkSettings(parseSaved(doc.get(SETTINGS_KEY)));
}

/** The workbook's remembered highlights; anything not shaped like one is left out. */
export function readSavedHighlights(doc: ReadableDocSettings): SavedHighlight[] {
  const h = parseSaved(doc.get(HIGHLIGHTS_KEY));
  return Array.isArray(h)
    ? (h as unknown[]).filter((x): x is SavedHighlight => isRecord(x) && typeof x.sheet === "string" && typeof x.cell === "string" && (x.color === null || typeof x.color === "string"))
    : [];
}
