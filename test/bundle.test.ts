/**
 * The built bundle, as Excel loads it: dist/functions.js evaluated in a bare JavaScript context
 * with only CustomFunctions and Office stubbed (no window, no document; see support/bundle.ts), and
 * dist/functions.json as Excel reads it. `npm test` builds dist/ before running the tests.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { expectAs } from "./support/expect-as";
import { shown } from "./support/custom-functions-stub";
import { associatedFunctions, bundleFunctions, DIST, type CustomFn } from "./support/bundle";
import { BLANK, CONVENTIONS } from "./support/blanks";

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
}

let metadata: { functions: FunctionMeta[] };
let associated: ReadonlyMap<string, CustomFn>;

beforeAll(() => {
  associated = associatedFunctions(); // throws "run `npm run build` first" when dist/ is missing
  metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as typeof metadata;
});

describe("built bundle: dist/functions.json and CustomFunctions.associate", () => {
  it("registers every function in functions.json, and nothing else, under its id", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect([...associated.keys()].sort()).toEqual(ids);
  });

  it("gives every function a description and a help link, and every argument a description", () => {
    for (const f of metadata.functions) {
      expectAs(f.description, f.id).toMatch(/\S{10,}/);
      expectAs(f.helpUrl, f.id).toMatch(/^https:\/\/localhost:3000\/help\.html#[a-z_]+$/);
      for (const p of f.parameters) expectAs(p.description, `${f.id}(${p.name})`).toMatch(/\S{5,}/);
    }
  });

  it("keeps descriptions within Microsoft's published manifest schemas: the newest one's limits, and 128 characters per argument as every schema before v1.27 required", () => {
    const dir = join(dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
    type Defs = Record<string, { properties?: { description?: { maxLength?: number } } }>;
    const versions = readdirSync(dir)
      .filter((v) => /^v\d+\.\d+$/.test(v) && existsSync(join(dir, v, "MicrosoftTeams.schema.json")))
      .map((v) => ({ v: v.slice(1).split(".").map(Number), defs: (JSON.parse(readFileSync(join(dir, v, "MicrosoftTeams.schema.json"), "utf8")) as { definitions?: Defs }).definitions ?? {} }))
      .filter((x) => x.defs.extensionFunction !== undefined)
      .sort((a, b) => a.v[0]! - b.v[0]! || a.v[1]! - b.v[1]!);
    const newest = versions.at(-1)!.defs;
    const limit = (d: Defs, key: string) => d[key]!.properties!.description!.maxLength!;
    const argMax = Math.min(128, limit(newest, "extensionFunctionParameter"));
    for (const f of metadata.functions) {
      expectAs(f.description!.length, f.id).toBeLessThanOrEqual(limit(newest, "extensionFunction"));
      for (const p of f.parameters) expectAs(p.description!.length, `${f.id}(${p.name}): "${p.description!}"`).toBeLessThanOrEqual(argMax);
    }
  });

  it("says in every argument's help what a blank cell means", () => {
    for (const f of metadata.functions)
      for (const p of f.parameters) expectAs(p.description, `${f.id}(${p.name})`).toMatch(/\b(blank|empty|omitted|Blank|Omitted)\b/);
  });

  it("every help link lands on a section of the built help page", () => {
    const help = readFileSync(join(DIST, "help.html"), "utf8");
    for (const f of metadata.functions) {
      const anchor = f.helpUrl!.split("#")[1]!;
      expectAs(help, f.id).toMatch(new RegExp(`id="?${anchor}[" >]`)); // the production build drops the quotes
      expectAs(anchor, f.id).toBe(f.id.toLowerCase());
    }
  });

  it("declares each function's JavaScript arity to cover its listed parameters", () => {
    for (const f of metadata.functions) {
      const fn = associated.get(f.id)!;
      expectAs(fn.length, f.id).toBeLessThanOrEqual(f.parameters.length);
      const required = f.parameters.filter((p) => !p.optional && !p.repeating).length;
      expectAs(fn.length, f.id).toBeGreaterThanOrEqual(required);
    }
  });

  it("lists TIER's first eight arguments in the documented order, taking ranges", () => {
    const t = metadata.functions.find((f) => f.id === "TIER")!;
    expect(t.parameters.slice(0, 8).map((p) => p.name)).toEqual([
      "rosh", "rsr", "ogrs", "mappa_category", "mappa_level", "child_protection_plan", "iom", "vulnerability",
    ]);
    for (const p of t.parameters.slice(0, 8)) expect(p.dimensionality).toBe("matrix");
    expect(t.result.dimensionality).toBe("matrix");
  });
});

describe("built bundle: functions work as Excel calls them", () => {
  const col = (...v: unknown[]) => v.map((x) => [x]);

  it("allocate: ALLOCATE_GRADE advises PO for High RoSH in tier C2 (ch.1 summary)", () => {
    const fns = bundleFunctions();
    expect(shown(fns.ALLOCATE_GRADE([["C2"], ["C2"]], [["High"], ["Medium"]], null, null, null, null))).toEqual([["PO"], ["PSO"]]);
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const fns = bundleFunctions(blank);
    const nul = [[BLANK]];

    it("tier: TIER spills one tier per row (ch.3 Diagram 1)", () => {
      expect(shown(fns.TIER(col("High", BLANK, "Medium"), col(1, BLANK, 4), col(BLANK, BLANK, 80), nul, nul, nul, col("N", BLANK, "Y"), nul, null, null, null))).toEqual([
        ["B2"], [""], ["C1"],
      ]);
    });

    it("tier: TIER gives #VALUE! with a message naming the argument", () => {
      const out = shown(fns.TIER([["Hgh"]], nul, nul, nul, nul, nul, nul, nul, null, null, null)) as string[][];
      expect(out[0]![0]).toMatch(/^#VALUE!: rosh: expected Low, None, Medium, High or Very High/);
    });
  });
});
