/**
 * Start-up: put the workbook's saved settings in force for the custom functions as soon as Office is
 * ready, whether or not the task pane is ever opened, and recalculate once if that changed anything.
 *
 * Why a recalculation, and why one is enough. The functions bundle calls CustomFunctions.associate
 * while it is evaluated, and Excel may call a function from then on: that is before Office.onReady
 * (Office.js still has its handshake with Excel to do), and in the shared runtime the page is often
 * started by exactly such a calculation. Until the saved settings are read, the functions use the
 * in-memory defaults (src/runtime/settings.ts), so any cell computed that early holds the model's
 * default figures; and Excel does not compute a custom function again unless its inputs change, so
 * it would keep them. Every function reads the settings when it is called (getSettings, at the
 * call) and returns synchronously, so any evaluation that begins after setSettings uses the saved
 * figures. One full recalculation requested after setSettings (a full one: an ordinary
 * recalculation skips cells whose inputs did not change) therefore recomputes every cell that might
 * have been computed before, and nothing later can see the defaults again; from then on the
 * settings change only through the pane's Apply, which recalculates by itself. When the saved
 * settings are the defaults, what was computed early is already right: no recalculation (a full one
 * can be slow on a large workbook, and marks the workbook changed).
 *
 * Both webpack entries (functions.js and taskpane.js, one page) get their own copy of this module,
 * so its state lives on globalThis under a registered symbol, like the settings themselves: the
 * start-up runs once, from the functions bundle (src/functions/index.ts), and the pane's copy of
 * settingsReady() gets the same result rather than reading the workbook again.
 */
import { readSavedHighlights, readSavedSettings, type ReadableDocSettings, type SavedHighlight } from "./saved-settings";
import { DEFAULT_SETTINGS, setSettings, type AddinSettings } from "./settings";
import { jsonEqual } from "./json-equal";

export interface StartupDeps {
  /** Office.context.document.settings, or anything with its get. */
  readonly docSettings: ReadableDocSettings;
  /** Puts settings in force for the custom functions (setSettings). */
  readonly setSettings: (s: AddinSettings) => void;
  /** A full recalculation of the workbook (excelFullRecalculation). */
  readonly recalculate: () => Promise<void>;
}

/** How the start-up recalculation went; "failed" carries a message for the pane to show. */
export type Recalculation =
  | { readonly status: "not needed" }
  | { readonly status: "done" }
  | { readonly status: "failed"; readonly problem: string };

export interface LoadedSettings {
  /** The settings put in force: the saved ones, checked, or the model's defaults. */
  readonly settings: AddinSettings;
  /** Saved values that were ignored, in words, for the pane to show. */
  readonly problems: readonly string[];
  /** The pane's remembered highlights (the shape of its SavedFill). */
  readonly highlights: readonly SavedHighlight[];
  /** Settles, never rejects, when the one start-up recalculation is over (or was not needed). */
  readonly recalculation: Promise<Recalculation>;
}

interface StartupState {
  loaded: LoadedSettings | undefined;
  readonly ready: Promise<LoadedSettings>;
  readonly resolve: (l: LoadedSettings) => void;
}

const KEY = Symbol.for("nps-operating-model.startup");

function state(): StartupState {
  const g = globalThis as unknown as Record<symbol, StartupState | undefined>;
  let s = g[KEY];
  if (!s) {
    let resolve!: (l: LoadedSettings) => void;
    const ready = new Promise<LoadedSettings>((r) => (resolve = r));
    s = { loaded: undefined, ready, resolve };
    g[KEY] = s;
  }
  return s;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Read the saved settings (checked as the pane checks them), put them in force, and when they differ
 * from the defaults request one full recalculation. Returns at once, the settings already in force;
 * `recalculation` says when the recalculation is over. Runs once per page: a second call does nothing
 * and returns the first call's result.
 */
export function loadSavedSettings(deps: StartupDeps): LoadedSettings {
  const s = state();
  if (s.loaded) return s.loaded;
  let settings: AddinSettings = DEFAULT_SETTINGS;
  let problems: string[] = [];
  let highlights: SavedHighlight[] = [];
  try {
    ({ settings, problems } = readSavedSettings(deps.docSettings));
    highlights = readSavedHighlights(deps.docSettings);
  } catch (e) {
    settings = DEFAULT_SETTINGS;
    problems = [`The saved settings in this workbook could not be read (${message(e)}); the model's figures are used.`];
  }
  deps.setSettings(settings);
  const recalculation: Promise<Recalculation> = jsonEqual(settings, DEFAULT_SETTINGS)
    ? Promise.resolve({ status: "not needed" })
    : Promise.resolve()
        .then(() => deps.recalculate())
        .then(
          (): Recalculation => ({ status: "done" }),
          (e: unknown): Recalculation => ({
            status: "failed",
            problem: `The workbook's saved settings are in force, but Excel could not recalculate (${message(e)}): press Ctrl+Alt+F9 so every formula uses them.`,
          }),
        );
  const loaded: LoadedSettings = { settings, problems, highlights, recalculation };
  s.loaded = loaded;
  s.resolve(loaded);
  return loaded;
}

/** Resolves with what loadSavedSettings put in force, once it has run (the same object for every caller). */
export function settingsReady(): Promise<LoadedSettings> {
  return state().ready;
}

/** What loadSavedSettings put in force, or undefined before it has run. */
export function loadedSettings(): LoadedSettings | undefined {
  return state().loaded;
}

/** Tests only: forget the start-up, as a fresh page would. */
export function resetStartupForTests(): void {
  (globalThis as unknown as Record<symbol, StartupState | undefined>)[KEY] = undefined;
}

/** A full recalculation of the workbook, every formula, custom functions included. */
export async function excelFullRecalculation(): Promise<void> {
  await Excel.run(async (context) => {
    // The enum's value as a string, as the pane's adapter does: the same at run time, and test fakes need no enum.
    context.workbook.application.calculate("Full" as Excel.CalculationType.full);
    await context.sync();
  });
}

/**
 * Run the start-up when Office is ready, in Excel. Does nothing where there is no Office (Node, the
 * tests, the bundle evaluated bare): nothing here touches Office, Excel or the DOM before onReady.
 */
export function loadSavedSettingsWhenOfficeReady(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  void Office.onReady(() => {
    try {
      const docSettings = typeof Office.context === "undefined" ? undefined : Office.context.document?.settings;
      if (!docSettings) return;
      const loaded = loadSavedSettings({ docSettings, setSettings, recalculate: excelFullRecalculation });
      void loaded.recalculation.then((r) => {
        if (r.status === "failed") console.error(r.problem);
      });
    } catch (e) {
      console.error("Start-up: the saved settings could not be put in force.", e);
    }
  });
}
