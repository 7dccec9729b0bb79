/**
 * VLO_WEIGHT, through the built bundle, finds each case's type in a Map built once per call: the
 * reads of the weights table's case types are counted through a Proxy (never timed). A search of the
 * table for every case reads n × m of them (4,000,000 at 2,000 × 2,000); a Map, about n.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { shown } from "../support/custom-functions-stub";
import { bundleFunctions, resetBundleSettings, setBundleSettings } from "../support/bundle";
import { DEFAULT_SETTINGS } from "../../src/runtime/settings";
import { DEFAULT_VLO_WEIGHTS, type VloCaseTypeWeight } from "../../src/model/vlo";
import { counted } from "../support/counted";

afterEach(resetBundleSettings);


describe("NPS.VLO_WEIGHT looks case types up in linear time (NPS Operating Model v1.0, ch.1, ch.5)", () => {
  const n = 2000;
  const m = 2000;
  const VLO = bundleFunctions().VLO_WEIGHT;

  it("vlo: m cases against the task pane's n-type table read its case types O(n + m) times, not n × m", () => {
    const types = counted<VloCaseTypeWeight>(Array.from({ length: n }, (_, i) => ({ name: `Type ${i}`, weight: 1 + (i % 4) })));
    setBundleSettings({ ...DEFAULT_SETTINGS, vloWeights: { source: "set in the task pane", caseTypes: types.array, activities: { ...DEFAULT_VLO_WEIGHTS.activities } } });
    const caseType = Array.from({ length: m }, (_, j) => [j % 10 === 9 ? `Unknown ${j}` : `type ${(j * 7919) % n}`]);
    const visits = Array.from({ length: m }, () => [1]);
    const out = shown(VLO(caseType, visits, null, null, null, null, null, null)) as unknown[][];
    expect(out).toHaveLength(m);
    // A home visit weighs 3 by default: 3 × the case type's weight, or #VALUE! for the unknown tenth.
    out.forEach(([v], j) => (j % 10 === 9 ? expect(v).toMatch(/^#VALUE!: case_type: the weights table has no case type "Unknown \d+"; expected one of Type 0, .*, and 1,980 more\.$/) : expect(v).toBe(3 * (1 + (((j * 7919) % n) % 4)))));
    expect(types.reads()).toBeLessThan(3 * (n + m));
  });
});
