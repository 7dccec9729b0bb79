/**
 * Settings kept in the workbook's document settings: saved as JSON and read back through the model's
 * own checks (checkOverride, checkVloTable); anything wrong is dropped with a message, never applied.
 */
import { describe, expect, it } from "@jest/globals";
import { checkSettings, documentSettingsStore, HIGHLIGHTS_KEY, SETTINGS_KEY, type DocSettings } from "../../src/taskpane/document-settings";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/runtime/settings";
import { DEFAULT_VLO_WEIGHTS } from "../../src/model/vlo";

function fakeDoc(initial: Record<string, unknown> = {}, fail = false) {
  const data = new Map(Object.entries(initial));
  let saves = 0;
  const doc: DocSettings = {
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
    saveAsync: (cb) => {
      saves += 1;
      cb?.((fail ? { status: "failed", error: { message: "disk full" } } : { status: "succeeded" }) as unknown as Office.AsyncResult<void>);
    },
  };
  return { doc, data, saves: () => saves };
}

describe("document settings", () => {
  it("round-trips settings and highlights through the workbook", async () => {
    const { doc, data, saves } = fakeDoc();
    const store = documentSettingsStore(doc);
    const s: AddinSettings = {
      variants: { napoDomesticViolence: true, napoIndeterminateToPo: false, napoAdjournments: false },
      overrides: { omAdminRatio: 5, complexClusterRounding: "down" },
      columnMaps: { Caseload: { Mystery: "om" } },
      vloWeights: { ...DEFAULT_VLO_WEIGHTS, source: "set in the task pane" },
    };
    await store.save(s);
    await store.saveHighlights([{ sheet: "Caseload", cell: "F12", color: null }]);
    expect(typeof data.get(SETTINGS_KEY)).toBe("string");
    expect(saves()).toBe(2);
    const back = documentSettingsStore(doc).load();
    expect(back.settings).toEqual(s);
    expect(back.highlights).toEqual([{ sheet: "Caseload", cell: "F12", color: null }]);
    expect(back.problems).toEqual([]);
    await store.saveHighlights([]);
    expect(data.has(HIGHLIGHTS_KEY)).toBe(false);
  });

  it("a workbook without settings gives the model's defaults", () => {
    expect(documentSettingsStore(fakeDoc().doc).load()).toEqual({ settings: DEFAULT_SETTINGS, highlights: [], problems: [] });
  });

  it("an out-of-range or unknown figure is dropped and said, the rest kept", () => {
    const r = checkSettings({ overrides: { omAdminRatio: 5, reportOralShare: 1.5, noSuchFigure: 1 } });
    expect(r.settings.overrides).toEqual({ omAdminRatio: 5 });
    expect(r.problems).toHaveLength(2);
    expect(r.problems.join(" ")).toMatch(/reportOralShare/);
  });

  it("a broken VLO table is dropped and said", () => {
    const bad = { ...DEFAULT_VLO_WEIGHTS, activities: { ...DEFAULT_VLO_WEIGHTS.activities, letter: -1 } };
    const r = checkSettings({ vloWeights: bad });
    expect(r.settings.vloWeights).toBeUndefined();
    expect(r.problems[0]).toMatch(/^Saved VLO weights ignored: /);
  });

  it("unreadable JSON gives defaults and a message", () => {
    const r = documentSettingsStore(fakeDoc({ [SETTINGS_KEY]: "{not json" }).doc).load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.problems[0]).toMatch(/could not be read/);
  });

  it("a failed save rejects with Excel's reason", async () => {
    await expect(documentSettingsStore(fakeDoc({}, true).doc).save(DEFAULT_SETTINGS)).rejects.toThrow("disk full");
  });
});
