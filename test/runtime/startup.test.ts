/**
 * Start-up: the workbook's saved settings are put in force for the custom functions without the pane,
 * and the workbook is recalculated once, only when they are not the model's defaults.
 */
import { beforeEach, describe, expect, it, jest } from "@jest/globals";
import {
  loadedSettings,
  loadSavedSettings,
  loadSavedSettingsWhenOfficeReady,
  resetStartupForTests,
  settingsReady,
  type StartupDeps,
} from "../../src/runtime/startup";
import { HIGHLIGHTS_KEY, SETTINGS_KEY } from "../../src/runtime/saved-settings";
import { DEFAULT_SETTINGS, getSettings, setSettings, type AddinSettings } from "../../src/runtime/settings";
import { DEFAULT_VARIANTS } from "../../src/model/config";

const mine: AddinSettings = {
  variants: { ...DEFAULT_VARIANTS, napoDomesticViolence: !DEFAULT_VARIANTS.napoDomesticViolence },
  overrides: { omAdminRatio: 5 },
};

function fakes(saved: Record<string, unknown> = {}, recalc: () => Promise<void> = () => Promise.resolve()) {
  const inForce: AddinSettings[] = [];
  const recalculate = jest.fn(recalc);
  const deps: StartupDeps = {
    docSettings: { get: (k) => saved[k] ?? null },
    setSettings: (s) => void inForce.push(s),
    recalculate,
  };
  return { deps, inForce, recalculate };
}

beforeEach(() => resetStartupForTests());

describe("loadSavedSettings", () => {
  it("puts saved settings that differ from the defaults in force and recalculates once", async () => {
    const { deps, inForce, recalculate } = fakes({ [SETTINGS_KEY]: JSON.stringify(mine) });
    const r = loadSavedSettings(deps);
    expect(inForce).toEqual([mine]);
    expect(r.settings).toEqual(mine);
    expect(r.problems).toEqual([]);
    expect(await r.recalculation).toEqual({ status: "done" });
    expect(recalculate).toHaveBeenCalledTimes(1);
  });

  it("puts the settings in force before the recalculation is requested", async () => {
    const order: string[] = [];
    const { deps } = fakes({ [SETTINGS_KEY]: JSON.stringify(mine) });
    await loadSavedSettings({ ...deps, setSettings: () => void order.push("set"), recalculate: async () => void order.push("recalculate") }).recalculation;
    expect(order).toEqual(["set", "recalculate"]);
  });

  it("with no saved settings puts the defaults in force and does not recalculate", async () => {
    const { deps, inForce, recalculate } = fakes();
    const r = loadSavedSettings(deps);
    expect(inForce).toEqual([DEFAULT_SETTINGS]);
    expect(r).toMatchObject({ settings: DEFAULT_SETTINGS, problems: [], highlights: [] });
    expect(await r.recalculation).toEqual({ status: "not needed" });
    expect(recalculate).not.toHaveBeenCalled();
  });

  it("with saved settings equal to the defaults (keys in another order) does not recalculate", async () => {
    const saved = JSON.stringify({ overrides: {}, variants: Object.fromEntries(Object.entries(DEFAULT_VARIANTS).reverse()) });
    const { deps, recalculate } = fakes({ [SETTINGS_KEY]: saved });
    expect(await loadSavedSettings(deps).recalculation).toEqual({ status: "not needed" });
    expect(recalculate).not.toHaveBeenCalled();
  });

  it("with unreadable saved settings returns the problem, puts the defaults in force and does not recalculate", async () => {
    const { deps, inForce, recalculate } = fakes({ [SETTINGS_KEY]: "{not json" });
    const r = loadSavedSettings(deps);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(inForce).toEqual([DEFAULT_SETTINGS]);
    expect(r.problems[0]).toMatch(/could not be read/);
    await r.recalculation;
    expect(recalculate).not.toHaveBeenCalled();
  });

  it("drops an out-of-range saved figure with a message and keeps the rest, recalculating for the rest", async () => {
    const { deps, inForce, recalculate } = fakes({ [SETTINGS_KEY]: JSON.stringify({ overrides: { omAdminRatio: 5, reportOralShare: 1.5 } }) });
    const r = loadSavedSettings(deps);
    expect(inForce[0]!.overrides).toEqual({ omAdminRatio: 5 });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/reportOralShare/);
    await r.recalculation;
    expect(recalculate).toHaveBeenCalledTimes(1);
  });

  it("with document settings that throw puts the defaults in force and says so", () => {
    const { deps, inForce } = fakes();
    const r = loadSavedSettings({
      ...deps,
      docSettings: {
        get: () => {
          throw new Error("no document");
        },
      },
    });
    expect(inForce).toEqual([DEFAULT_SETTINGS]);
    expect(r.problems[0]).toMatch(/no document/);
  });

  it("reads the remembered highlights, leaving out malformed ones", () => {
    const good = { sheet: "Caseload", cell: "F12", color: null };
    const { deps } = fakes({ [HIGHLIGHTS_KEY]: JSON.stringify([good, { sheet: "Caseload" }]) });
    expect(loadSavedSettings(deps).highlights).toEqual([good]);
  });

  it("a second call neither reads, sets nor recalculates again, and returns the first result", async () => {
    const first = fakes({ [SETTINGS_KEY]: JSON.stringify(mine) });
    const a = loadSavedSettings(first.deps);
    await a.recalculation;
    const second = fakes({ [SETTINGS_KEY]: JSON.stringify(DEFAULT_SETTINGS) });
    const b = loadSavedSettings(second.deps);
    const again = loadSavedSettings(first.deps);
    await b.recalculation;
    expect(b).toBe(a);
    expect(again).toBe(a);
    expect(first.recalculate).toHaveBeenCalledTimes(1);
    expect(first.inForce).toHaveLength(1);
    expect(second.recalculate).not.toHaveBeenCalled();
    expect(second.inForce).toEqual([]);
  });

  it("a failed recalculation leaves the settings in force and settles with a message, never rejecting", async () => {
    const { deps, inForce } = fakes({ [SETTINGS_KEY]: JSON.stringify(mine) }, () => Promise.reject(new Error("busy")));
    const r = loadSavedSettings(deps);
    expect(inForce).toEqual([mine]);
    const rc = await r.recalculation;
    expect(rc.status).toBe("failed");
    expect(rc.status === "failed" && rc.problem).toMatch(/busy.*Ctrl\+Alt\+F9/);
  });
});

describe("settingsReady and loadedSettings", () => {
  it("resolve with the very result loadSavedSettings produced, whether asked before or after", async () => {
    expect(loadedSettings()).toBeUndefined();
    const early = settingsReady();
    const r = loadSavedSettings(fakes({ [SETTINGS_KEY]: JSON.stringify(mine) }).deps);
    expect(await early).toBe(r);
    expect(await settingsReady()).toBe(r);
    expect(loadedSettings()).toBe(r);
  });

  it("are shared through globalThis, as the functions and pane bundles each have their own copy of the module", async () => {
    const r = loadSavedSettings(fakes({ [SETTINGS_KEY]: JSON.stringify(mine) }).deps);
    let copy: typeof import("../../src/runtime/startup") | undefined;
    jest.isolateModules(() => {
      copy = jest.requireActual<typeof import("../../src/runtime/startup")>("../../src/runtime/startup");
    });
    expect(copy!.loadedSettings()).toBe(r);
    expect(await copy!.settingsReady()).toBe(r);
  });
});

describe("loadSavedSettingsWhenOfficeReady", () => {
  it("does nothing where there is no Office (Node, the bare bundle)", () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe("undefined");
    expect(() => loadSavedSettingsWhenOfficeReady()).not.toThrow();
    expect(loadedSettings()).toBeUndefined();
  });

  it("does nothing when onReady fires without a document (as the bundle test's stub has)", async () => {
    const g = globalThis as { Office?: unknown };
    let ready: (() => void) | undefined;
    g.Office = { onReady: (cb: () => void) => ((ready = cb), Promise.resolve()) };
    try {
      loadSavedSettingsWhenOfficeReady();
      ready!();
      expect(loadedSettings()).toBeUndefined();
    } finally {
      delete g.Office;
    }
  });

  it("loads the document's settings when Office is ready, and recalculates through Excel.run", async () => {
    const g = globalThis as { Office?: unknown; Excel?: unknown };
    let ready: (() => void) | undefined;
    const calculated: unknown[] = [];
    g.Office = {
      onReady: (cb: () => void) => ((ready = cb), Promise.resolve()),
      context: { document: { settings: { get: (k: string) => (k === SETTINGS_KEY ? JSON.stringify(mine) : null) } } },
    };
    g.Excel = {
      run: async (batch: (ctx: unknown) => Promise<void>) =>
        batch({ workbook: { application: { calculate: (t: unknown) => void calculated.push(t) } }, sync: () => Promise.resolve() }),
    };
    try {
      loadSavedSettingsWhenOfficeReady();
      expect(loadedSettings()).toBeUndefined(); // nothing before onReady
      ready!();
      const r = await settingsReady();
      expect(r.settings).toEqual(mine);
      expect(await r.recalculation).toEqual({ status: "done" });
      expect(calculated).toEqual(["Full"]);
      expect(getSettings()).toEqual(mine);
    } finally {
      delete g.Office;
      delete g.Excel;
      setSettings(DEFAULT_SETTINGS);
    }
  });
});
