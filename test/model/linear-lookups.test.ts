/**
 * Lookups in tables are linear: a Map built once, never a search of the table for each row. Checked
 * by counting work, never by timing it: the reads of a weights table's case types through a Proxy,
 * and, for the validation rules that look people up by team, cluster or line manager, every element
 * Array.prototype's searching and iterating methods go over while the rule runs. Quadratic code at
 * these sizes does n × m of either (4,000,000 at 2,000 × 2,000); linear code a few times n + m.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { DEFAULT_CONFIG, DEFAULT_VARIANTS } from "../../src/model/config";
import type { SheetKind } from "../../src/model/layout";
import { recogniseSheet } from "../../src/model/validate/recognise";
import { RULES } from "../../src/model/validate/rules";
import { complete } from "../../src/model/validate/steps";
import { buildTable } from "../../src/model/validate/tables";
import type { RuleContext, Table } from "../../src/model/validate/types";
import { paromCountersign, paromCountersignBefore, PAROM_ASSESSMENTS, type ParomAssessment } from "../../src/model/staffing";
import { caseTypeWeight, DEFAULT_VLO_WEIGHTS, vloWeight, type VloCaseTypeWeight, type VloWeightTable } from "../../src/model/vlo";
import { sheet } from "../support/book";
import { counted } from "../support/counted";


function table(caseTypes: VloCaseTypeWeight[]): VloWeightTable {
  return { source: "test", caseTypes, activities: { ...DEFAULT_VLO_WEIGHTS.activities } };
}

describe("VLO weights: a case type is found by name in a Map built once per table (NPS Operating Model v1.0, ch.1, ch.5)", () => {
  const n = 2000;
  const m = 2000;

  it("vlo: scoring m cases against an n-type table reads the table's case types O(n + m) times, not n × m", () => {
    const types = counted(Array.from({ length: n }, (_, i) => ({ name: `Type ${i}`, weight: 1 + (i % 4) })));
    const t = table(types.array);
    let total = 0;
    for (let j = 0; j < m; j++) {
      const r = vloWeight(`type ${(j * 7919) % n}`, { "home visit": 1 }, t);
      if (!r.ok) throw new Error(r.problem.message);
      total += r.value;
    }
    expect(total).toBe(Array.from({ length: m }, (_, j) => 3 * (1 + (((j * 7919) % n) % 4))).reduce((a, b) => a + b, 0));
    expect(types.reads()).toBeLessThan(3 * (n + m));
  });

  it("vlo: unknown case types are refused from the same Map: no read of the table per case", () => {
    const types = counted(Array.from({ length: n }, (_, i) => ({ name: `Type ${i}`, weight: 1 })));
    const t = table(types.array);
    for (let j = 0; j < m; j++) expect(caseTypeWeight(t, `Unknown ${j}`).ok).toBe(false);
    expect(types.reads()).toBeLessThan(3 * (n + m));
  });

  it("vlo: a message names the first 20 case types of a long table and how many more, not all of them", () => {
    const r = caseTypeWeight(table(Array.from({ length: 10_000 }, (_, i) => ({ name: `T${i}`, weight: 1 }))), "Burglary");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problem.message).toBe(
        `case_type: the weights table has no case type "Burglary"; expected one of ${Array.from({ length: 20 }, (_, i) => `T${i}`).join(", ")}, and 9,980 more.`,
      );
  });

  it("vlo: two case types that read the same (a table readVloTable would refuse) give the first one's weight, as a search did", () => {
    const t = table([{ name: "Standard", weight: 2 }, { name: " STANDARD ", weight: 5 }]);
    expect(caseTypeWeight(t, "standard")).toEqual({ ok: true, value: 2 });
  });
});

describe("PAROM countersignature: each report's run in one pass (NPS Operating Model v1.0, ch.4)", () => {
  it("parom: the state before each report is paromCountersign of the reports before it", () => {
    const list: ParomAssessment[] = Array.from({ length: 60 }, (_, i) => PAROM_ASSESSMENTS[[0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 3][i % 11]!]!);
    expect(paromCountersignBefore(list, DEFAULT_CONFIG)).toEqual(list.map((_, i) => paromCountersign(list.slice(0, i), DEFAULT_CONFIG)));
  });
});

// --- the rules that look people up ----------------------------------------------------------------

const METHODS = ["filter", "find", "findIndex", "findLast", "findLastIndex", "some", "every", "map", "flatMap", "forEach", "reduce", "indexOf", "lastIndexOf", "includes", "slice"] as const;
type Method = (typeof METHODS)[number];
const ORIGINAL = new Map<Method, (...args: unknown[]) => unknown>(METHODS.map((k) => [k, (Array.prototype as unknown as Record<Method, (...args: unknown[]) => unknown>)[k]]));
afterEach(() => {
  for (const [k, f] of ORIGINAL) (Array.prototype as unknown as Record<string, unknown>)[k] = f;
});

/** How many elements Array.prototype's searching and iterating methods were called over while `run` ran (each call counts its array's length). */
function arrayWork(run: () => unknown): number {
  let visits = 0;
  for (const [k, f] of ORIGINAL)
    (Array.prototype as unknown as Record<string, unknown>)[k] = function (this: unknown[], ...args: unknown[]) {
      visits += this.length;
      return f.apply(this, args);
    };
  try {
    run();
  } finally {
    for (const [k, f] of ORIGINAL) (Array.prototype as unknown as Record<string, unknown>)[k] = f;
  }
  return visits;
}

/** A division of `n` staff in n/2 teams and n/4 clusters, each team and cluster with people in it, and one OM's n PAROMs. */
function division(n: number): { ctx: RuleContext; rows: number } {
  const roles = ["PO", "PSO", "CA", "SPO", "BM", "DM", "SOSM", "Head of LDU"];
  const teams = n / 2;
  const clusters = n / 4;
  const staff = Array.from({ length: n }, (_, i) => [`P${i}`, roles[i % roles.length]!, 1, `T${i % teams}`, `C${i % clusters}`, `P${(i * 31 + 3) % n}`, i % 5 === 0 ? "Yes" : "No", i % 7 === 0 ? "Yes" : "No"]);
  const sheets = [
    sheet("Staff", ["Name", "Role", "FTE", "Team", "Cluster", "Line manager", "YOS secondment", "YOS link SPO"], staff),
    sheet("Teams", ["Team", "Type", "Cluster", "YOS caseload"], Array.from({ length: teams }, (_, i) => [`T${i}`, ["OM", "Court", "YOS"][i % 3]!, `C${i % clusters}`, i % 3 === 2 ? 200 : null])),
    sheet("Clusters", ["Cluster", "Head of LDU cluster", "Caseload volume", "Caseload complexity", "Partnerships", "Geography", "Courts", "Offices"], Array.from({ length: clusters }, (_, i) => [`C${i}`, `P${i}`, i, i % 7, 3, 4, 2, 1])),
    sheet("PAROMs", ["OM", "Date", "Assessment", "SPO countersigned"], Array.from({ length: n }, (_, i) => ["P0", 45000 + i, i % 9 === 0 ? "Not good" : "Good", i % 2 === 0 ? "Yes" : "No"])),
  ];
  const tables = new Map<SheetKind, Table>();
  for (const s of sheets) {
    const rec = recogniseSheet(s);
    tables.set(rec.kind!, buildTable(s, rec).table);
  }
  return { ctx: { config: DEFAULT_CONFIG, variants: DEFAULT_VARIANTS, table: (k) => tables.get(k) }, rows: sheets.reduce((a, s) => a + s.rows.length, 0) };
}

const PEOPLE_RULES = ["staffing.omAdminRatio", "staffing.courtAdminRatio", "staffing.spoSpan", "structure.lineManagement", "structure.clusterSupport", "structure.complexClusters", "yos.resource", "yos.linkSpo", "parom.countersign", "parom.liftable"];

describe("validation rules look people up by team, cluster or manager in Maps built once per check", () => {
  const { ctx, rows } = division(2000);

  it.each(PEOPLE_RULES)("%s: its check and summary go over O(rows) elements, not teams × staff", (id) => {
    const rule = RULES.find((r) => r.id === id)!;
    const visits = arrayWork(() => {
      const findings = complete(rule.check(ctx));
      if (rule.summarise) complete(rule.summarise(ctx, findings));
    });
    expect(visits).toBeLessThan(5 * rows);
  });
});
