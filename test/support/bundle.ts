/**
 * The built custom functions as Excel loads them: dist/functions.js evaluated once per test file in
 * a bare JavaScript context (node:vm) with only CustomFunctions and Office stubbed (no window, no
 * document). Each function is reached by the id it registers with CustomFunctions.associate:
 *
 *   const fns = bundleFunctions();        // or bundleFunctions(blank), see ./blanks
 *   shown(fns.TIER([["High"]], [[1]], …));
 *
 * The what-if settings the bundle reads live in its own realm; set them with setBundleSettings and
 * put them back with resetBundleSettings (in finally or afterEach).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createContext, runInContext } from "node:vm";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/runtime/settings";
import { ErrorCode, StubError } from "./custom-functions-stub";
import { fillBlanks, hasBlank, type BlankValue } from "./blanks";

/** dist/, or another build to compare against: NPS_DIST=/path/to/dist npx jest … */
export const DIST = process.env.NPS_DIST ? resolve(process.env.NPS_DIST) : join(__dirname, "..", "..", "dist");

export type CustomFn = (...args: unknown[]) => unknown;

/** The ids in dist/functions.json (an id missing from the bundle throws when used). */
export type FunctionId =
  | "TIER"
  | "ALLOCATE_GRADE"
  | "REPORT_TYPE"
  | "REPORT_AUTHOR"
  | "REPORT_MIX"
  | "VLO_WEIGHT"
  | "ADMIN_NEEDED"
  | "SPO_NEEDED"
  | "COMPLEX_CLUSTERS"
  | "YOS_FTE"
  | "PAROM_COUNTERSIGN"
  | "WORKLOAD_POINTS"
  | "AVAILABLE_POINTS"
  | "CAPACITY"
  | "OM_POINTS"
  | "REDUCTION_HOURS"
  | "BEST_OM";

export type BundleFunctions = Readonly<Record<FunctionId, CustomFn>>;

/** The bundle's settings store: src/runtime/settings.ts keeps it on globalThis under this key. */
const SETTINGS_KEY = Symbol.for("nps-operating-model.settings");
interface SettingsStore {
  current: AddinSettings;
  listeners: Set<(s: AddinSettings) => void>;
}

interface Loaded {
  readonly associated: ReadonlyMap<string, CustomFn>;
  /** The bundle realm's globalThis (symbol-keyed globals are not mirrored onto the sandbox object). */
  readonly global: Record<symbol, SettingsStore | undefined>;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const script = join(DIST, "functions.js");
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first (npm test does).`);
  const associated = new Map<string, CustomFn>();
  const sandbox = {
    CustomFunctions: {
      Error: StubError,
      ErrorCode,
      associate: (id: string, fn: CustomFn) => {
        if (associated.has(id)) throw new Error(`${id} associated twice`);
        associated.set(id, fn);
      },
    },
    Office: { onReady: () => Promise.resolve({ host: null, platform: null }) },
  };
  const context = createContext(sandbox);
  // Only what a bare JavaScript engine has: touching the DOM at load would throw a ReferenceError here.
  runInContext(readFileSync(script, "utf8"), context, { filename: "functions.js" });
  loaded = { associated, global: runInContext("globalThis", context) as Loaded["global"] };
  return loaded;
}

/** Every function the bundle associated, by id, exactly as registered. */
export function associatedFunctions(): ReadonlyMap<string, CustomFn> {
  return load().associated;
}

/**
 * The bundle's functions by id. Without `blank`, an argument holding BLANK is refused (the test
 * forgot its convention); with it, every BLANK in the arguments arrives as `blank`.
 */
export function bundleFunctions(blank?: BlankValue): BundleFunctions {
  const { associated } = load();
  return new Proxy({} as BundleFunctions, {
    get(_, id) {
      if (typeof id !== "string") return undefined;
      const fn = associated.get(id);
      if (!fn) throw new Error(`dist/functions.js associates no function ${id}; it has ${[...associated.keys()].join(", ")}.`);
      return (...args: unknown[]) => {
        if (blank === undefined) {
          if (hasBlank(args)) throw new Error(`${id} was given BLANK outside a convention: use bundleFunctions(blank) under CONVENTIONS.`);
          return fn(...args);
        }
        return fn(...fillBlanks(args, blank));
      };
    },
  });
}

function store(): SettingsStore {
  const g = load().global;
  let s = g[SETTINGS_KEY];
  if (!s) {
    s = { current: DEFAULT_SETTINGS, listeners: new Set() };
    g[SETTINGS_KEY] = s;
  }
  return s;
}

/** Set the what-if settings the bundle's functions read, as the task pane would. */
export function setBundleSettings(settings: AddinSettings): void {
  const s = store();
  s.current = settings;
  for (const l of s.listeners) l(settings);
}

/** Put the bundle's settings back to the defaults. */
export function resetBundleSettings(): void {
  setBundleSettings(DEFAULT_SETTINGS);
}
