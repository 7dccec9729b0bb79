/**
 * The add-in's what-if settings, shared by the task pane and the custom functions.
 * In the shared runtime both bundles run in one page, but each webpack bundle has its own
 * module instances, so the store lives on globalThis under a registered symbol.
 * The task pane persists it in the workbook's document settings; this module does not.
 */
import { DEFAULT_VARIANTS, type Overrides, type Variants } from "../model/config";
import type { VloWeightTable } from "../model/vlo";

export interface AddinSettings {
  readonly variants: Variants;
  /** What-if figures by key (see FIGURES in src/model/config.ts). */
  readonly overrides: Overrides;
  /** Caseload columns mapped to fields by hand, per sheet: { sheet: { header: field } }. */
  readonly columnMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The division's victim-work weight table, set from the task pane; VLO_WEIGHT uses the default without it. */
  readonly vloWeights?: VloWeightTable;
}

export const DEFAULT_SETTINGS: AddinSettings = { variants: DEFAULT_VARIANTS, overrides: {} };

type Listener = (s: AddinSettings) => void;
interface Store {
  current: AddinSettings;
  listeners: Set<Listener>;
}

const KEY = Symbol.for("nps-operating-model.settings");

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  let s = g[KEY];
  if (!s) {
    s = { current: DEFAULT_SETTINGS, listeners: new Set() };
    g[KEY] = s;
  }
  return s;
}

export function getSettings(): AddinSettings {
  return store().current;
}

export function setSettings(next: AddinSettings): void {
  const s = store();
  s.current = next;
  for (const l of s.listeners) l(next);
}

export function onSettingsChange(l: Listener): () => void {
  const s = store();
  s.listeners.add(l);
  return () => s.listeners.delete(l);
}
