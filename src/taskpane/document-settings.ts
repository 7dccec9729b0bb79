/**
 * The pane's settings kept in the workbook (Office.context.document.settings), so what-if options,
 * column mappings and remembered highlights travel with the workbook and nothing leaves it.
 * Settings read back are checked with the model's own checks; anything wrong is dropped and said.
 */
import { checkOverride, DEFAULT_VARIANTS, type Overrides, type Variants } from "../model/config";
import { checkVloTable, type VloWeightTable } from "../model/vlo";
import { DEFAULT_SETTINGS, type AddinSettings } from "../shared/settings";
import type { SavedFill } from "./excel-adapter";

export const SETTINGS_KEY = "nps.settings";
export const HIGHLIGHTS_KEY = "nps.highlights";

/** The part of Office.Settings the pane uses (so tests can pass a plain object). */
export interface DocSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export interface SettingsStore {
  load(): { settings: AddinSettings; highlights: SavedFill[]; problems: string[] };
  save(settings: AddinSettings): Promise<void>;
  saveHighlights(h: readonly SavedFill[]): Promise<void>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Check settings read from a workbook: unknown or out-of-range values are dropped with a message. */
export function checkSettings(raw: unknown): { settings: AddinSettings; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (!isRecord(raw)) return { settings: DEFAULT_SETTINGS, problems: ["The saved settings in this workbook could not be read; the model's figures are used."] };
  const variants: Record<string, boolean> = { ...DEFAULT_VARIANTS };
  if (isRecord(raw.variants))
    for (const k of Object.keys(DEFAULT_VARIANTS)) if (typeof raw.variants[k] === "boolean") variants[k] = raw.variants[k] as boolean;
  const overrides: Record<string, number | string> = {};
  if (isRecord(raw.overrides))
    for (const [k, v] of Object.entries(raw.overrides)) {
      if (typeof v !== "number" && typeof v !== "string") continue;
      const r = checkOverride(k, v);
      if (r.ok) overrides[k] = r.value;
      else problems.push(`Saved what-if ignored: ${r.problem.message}`);
    }
  const columnMaps: Record<string, Record<string, string>> = {};
  if (isRecord(raw.columnMaps))
    for (const [sheet, m] of Object.entries(raw.columnMaps)) {
      if (!isRecord(m)) continue;
      const clean: Record<string, string> = {};
      for (const [h, f] of Object.entries(m)) if (typeof f === "string") clean[h] = f;
      columnMaps[sheet] = clean;
    }
  let vloWeights: VloWeightTable | undefined;
  if (raw.vloWeights !== undefined) {
    const t = raw.vloWeights as VloWeightTable;
    const p = isRecord(t) && Array.isArray(t.caseTypes) && isRecord(t.activities) ? checkVloTable(t, "VLO weights") : [{ message: "The saved VLO weight table is not a table." }];
    if (p.length === 0) vloWeights = t;
    else problems.push(...p.map((x) => `Saved VLO weights ignored: ${x.message}`));
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

function saveAsync(doc: DocSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    doc.saveAsync((r) => {
      if (String(r.status) === "failed") reject(new Error(r.error?.message ?? "the workbook's settings could not be saved"));
      else resolve();
    });
  });
}

function parse(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return "unreadable";
  }
}

export function documentSettingsStore(doc: DocSettings): SettingsStore {
  return {
    load() {
      const { settings, problems } = checkSettings(parse(doc.get(SETTINGS_KEY)));
      const h = parse(doc.get(HIGHLIGHTS_KEY));
      const highlights = Array.isArray(h)
        ? (h as unknown[]).filter((x): x is SavedFill => isRecord(x) && typeof x.sheet === "string" && typeof x.cell === "string" && (x.color === null || typeof x.color === "string"))
        : [];
      return { settings, highlights, problems };
    },
    async save(settings) {
      doc.set(SETTINGS_KEY, JSON.stringify(settings));
      await saveAsync(doc);
    },
    async saveHighlights(h) {
      if (h.length === 0) doc.remove(HIGHLIGHTS_KEY);
      else doc.set(HIGHLIGHTS_KEY, JSON.stringify(h));
      await saveAsync(doc);
    },
  };
}
