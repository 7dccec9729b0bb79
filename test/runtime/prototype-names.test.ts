/**
 * Settings saved in a workbook are JSON anyone can edit: a key named after Object.prototype
 * ("constructor", "__proto__") is refused where the key must be one the add-in knows (a what-if
 * figure, a policy variant, a VLO activity), and is data like any other where the key is the user's
 * own (a sheet or header name in a column mapping): never a prototype, never polluting anything.
 */
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_VARIANTS } from "../../src/model/config";
import { checkSettings, parseSaved } from "../../src/runtime/saved-settings";
import { DEFAULT_VLO_WEIGHTS } from "../../src/model/vlo";
import { PROTOTYPE_SPELLINGS } from "../support/prototype-names";

/** An object with `key` as its own property, even "__proto__" (an object literal would set the prototype instead). */
const own = (key: string, value: unknown): Record<string, unknown> => Object.fromEntries([[key, value]]);

describe("saved settings: keys named after Object.prototype", () => {
  it("a saved what-if names a model figure: Object.prototype names are dropped and said, never applied", () => {
    for (const t of PROTOTYPE_SPELLINGS) {
      const r = checkSettings({ overrides: { ...own(t, 2), omAdminRatio: 5 } });
      expect(Object.keys(r.settings.overrides)).toEqual(["omAdminRatio"]);
      expect(r.problems).toEqual([`Saved what-if ignored: figure: there is no model figure called "${t}".`]);
    }
  });

  it("a saved policy variant is one the add-in has: Object.prototype names are dropped and said, never applied", () => {
    for (const t of PROTOTYPE_SPELLINGS) {
      const r = checkSettings({ variants: { ...own(t, true), napoAdjournments: true } });
      expect(r.settings.variants).toEqual({ ...DEFAULT_VARIANTS, napoAdjournments: true });
      expect(Object.keys(r.settings.variants).sort()).toEqual(Object.keys(DEFAULT_VARIANTS).sort());
      expect(r.problems).toEqual([`Saved policy variant ignored: there is no policy variant called "${t}".`]);
    }
  });

  it("a saved policy variant that is not one is said even when it is not TRUE or FALSE", () => {
    expect(checkSettings({ variants: { napoEverything: "yes" } }).problems).toEqual(['Saved policy variant ignored: there is no policy variant called "napoEverything".']);
  });

  it("a saved VLO table's activities are the six by name: an Object.prototype name is refused, the table not used", () => {
    for (const t of PROTOTYPE_SPELLINGS) {
      const r = checkSettings({ vloWeights: { ...DEFAULT_VLO_WEIGHTS, activities: { ...DEFAULT_VLO_WEIGHTS.activities, ...own(t, 1) } } });
      expect(r.settings.vloWeights).toBeUndefined();
      expect(r.problems).toEqual([expect.stringMatching(new RegExp(`^Saved VLO weights ignored: VLO weights row 15: unknown activity `))]);
    }
  });

  it("a column mapping is the user's own names: a sheet or header named after Object.prototype is kept as a name, never a prototype", () => {
    for (const t of PROTOTYPE_SPELLINGS) {
      const saved = JSON.stringify({ columnMaps: { ...own(t, { ...own(t, "om"), Officer: "om" }), Caseload: { Officer: "om" } } });
      const r = checkSettings(parseSaved(saved));
      const maps = r.settings.columnMaps!;
      expect(Object.getPrototypeOf(maps)).toBeNull();
      expect(Object.keys(maps)).toEqual([t, "Caseload"]);
      expect(Object.hasOwn(maps, t)).toBe(true);
      expect(Object.keys(maps[t]!)).toEqual([t, "Officer"]);
      expect(maps[t]![t]).toBe("om");
      expect(Object.getPrototypeOf(maps[t])).toBeNull();
      // Nothing else gained a member: no prototype was polluted on the way.
      expect(Object.hasOwn(maps, "Officer")).toBe(false);
      expect(({} as Record<string, unknown>)["Officer"]).toBeUndefined();
      expect(r.problems).toEqual([]);
    }
  });

  it("a column mapping keyed by a sheet the workbook has not got is no mapping of any other sheet", () => {
    const r = checkSettings(parseSaved(JSON.stringify({ columnMaps: { Caseload: { Officer: "om" } } })));
    const maps = r.settings.columnMaps!;
    for (const t of ["constructor", "toString", "__proto__", "valueOf", "hasOwnProperty"]) expect(maps[t]).toBeUndefined();
  });
});
