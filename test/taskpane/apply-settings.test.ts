/**
 * The pane's Apply: nothing happens when nothing changed; otherwise the workbook is saved first, and
 * only a saved change is put in force for the custom functions and recalculated.
 */
import { describe, expect, it } from "@jest/globals";
import { applySettings, isSavedButNotRecalculated, SavedButNotRecalculatedError, type ApplyDeps } from "../../src/taskpane/apply-settings";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/runtime/settings";
import { DEFAULT_VARIANTS } from "../../src/model/config";

const before: AddinSettings = { variants: DEFAULT_VARIANTS, overrides: { omAdminRatio: 5 }, columnMaps: { Caseload: { Mystery: "om", Other: "tier" } } };

function fakes(opts: { saveFails?: boolean; recalcFails?: boolean } = {}) {
  const calls: string[] = [];
  const set: AddinSettings[] = [];
  const deps: ApplyDeps = {
    store: {
      save: async () => {
        calls.push("save");
        if (opts.saveFails) throw new Error("disk full");
      },
    },
    settings: { set: (s) => void (calls.push("set"), set.push(s)) },
    recalculate: async () => {
      calls.push("recalculate");
      if (opts.recalcFails) throw new Error("Excel is busy");
    },
  };
  return { deps, calls, set };
}

describe("applySettings", () => {
  it("does nothing for settings equal to those in force, whatever the order of their keys", async () => {
    const { deps, calls } = fakes();
    const same: AddinSettings = {
      columnMaps: { Caseload: { Other: "tier", Mystery: "om" } },
      overrides: { omAdminRatio: 5 },
      variants: Object.fromEntries(Object.entries(DEFAULT_VARIANTS).reverse()) as AddinSettings["variants"],
    };
    expect(await applySettings(before, same, deps)).toBe("unchanged");
    expect(await applySettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, columnMaps: undefined }, deps)).toBe("unchanged");
    expect(calls).toEqual([]);
  });

  it("saves, then puts in force, then recalculates a change", async () => {
    const { deps, calls, set } = fakes();
    const next: AddinSettings = { ...before, overrides: { omAdminRatio: 6 } };
    expect(await applySettings(before, next, deps)).toBe("applied");
    expect(calls).toEqual(["save", "set", "recalculate"]);
    expect(set).toEqual([next]);
  });

  it("sees a change deep inside (one column mapping)", async () => {
    const { deps, calls } = fakes();
    expect(await applySettings(before, { ...before, columnMaps: { Caseload: { Mystery: "om", Other: "rosh" } } }, deps)).toBe("applied");
    expect(calls).toEqual(["save", "set", "recalculate"]);
  });

  it("when the save fails puts nothing in force, does not recalculate, and passes the error on", async () => {
    const { deps, calls } = fakes({ saveFails: true });
    const err = await applySettings(before, { ...before, overrides: {} }, deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe("disk full");
    expect(isSavedButNotRecalculated(err)).toBe(false);
    expect(calls).toEqual(["save"]);
  });

  it("when only the recalculation fails the settings are saved and in force, and the error says so", async () => {
    const { deps, calls, set } = fakes({ recalcFails: true });
    const next: AddinSettings = { ...before, overrides: {} };
    const err = await applySettings(before, next, deps).catch((e: unknown) => e);
    expect(calls).toEqual(["save", "set", "recalculate"]);
    expect(set).toEqual([next]);
    expect(err).toBeInstanceOf(SavedButNotRecalculatedError);
    expect(isSavedButNotRecalculated(err)).toBe(true);
    const e = err as SavedButNotRecalculatedError;
    expect(e.saved).toBe(true);
    expect(e.message).toMatch(/saved.*Excel is busy.*Ctrl\+Alt\+F9/);
    expect((e.cause as Error).message).toBe("Excel is busy");
  });
});
