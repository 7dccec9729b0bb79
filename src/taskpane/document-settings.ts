/**
 * The pane's settings kept in the workbook (Office.context.document.settings), so what-if options,
 * column mappings and remembered highlights travel with the workbook and nothing leaves it.
 * Reading them back (and checking them with the model's own checks) is src/runtime/saved-settings.ts,
 * shared with the start-up code that puts them in force before the pane opens; this file writes them.
 */
import type { AddinSettings } from "../runtime/settings";
import { HIGHLIGHTS_KEY, readSavedHighlights, readSavedSettings, SETTINGS_KEY } from "../runtime/saved-settings";
import type { SavedFill } from "./excel-adapter";

// Kept here too, so the pane's imports (and its tests) need not know where they moved.
export { checkSettings, HIGHLIGHTS_KEY, SETTINGS_KEY } from "../runtime/saved-settings";

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

function saveAsync(doc: DocSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    doc.saveAsync((r) => {
      if (String(r.status) === "failed") reject(new Error(r.error?.message ?? "the workbook's settings could not be saved"));
      else resolve();
    });
  });
}

export function documentSettingsStore(doc: DocSettings): SettingsStore {
  return {
    load() {
      const { settings, problems } = readSavedSettings(doc);
      const highlights: SavedFill[] = readSavedHighlights(doc);
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
