/**
 * The built bundle, as Excel loads it: dist/functions.js evaluated in a bare JavaScript context
 * with only CustomFunctions and Office stubbed (no window, no document), and dist/functions.json
 * as Excel reads it. `npm test` builds dist/ before running the tests.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { expectAs } from "./support/expect-as";
import { ErrorCode, StubError, shown } from "./support/custom-functions-stub";

const DIST = join(__dirname, "..", "dist");

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
const associated = new Map<string, (...args: unknown[]) => unknown>();

beforeAll(() => {
  const script = join(DIST, "functions.js");
  if (!existsSync(script)) throw new Error("dist/functions.js is missing: run `npm run build` first (npm test does).");
  metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as typeof metadata;
  const sandbox = {
    CustomFunctions: {
      Error: StubError,
      ErrorCode,
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        if (associated.has(id)) throw new Error(`${id} associated twice`);
        associated.set(id, fn);
      },
    },
    Office: { onReady: () => Promise.resolve({ host: null, platform: null }) },
  };
  // Only what a bare JavaScript engine has: touching the DOM at load would throw a ReferenceError here.
  runInContext(readFileSync(script, "utf8"), createContext(sandbox), { filename: "functions.js" });
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
  const nul = [[null]];

  it("tier: TIER spills one tier per row (ch.3 Diagram 1)", () => {
    const TIER = associated.get("TIER")!;
    expect(shown(TIER(col("High", "Medium", null), col(1, 4, null), col(null, 80, null), nul, nul, nul, col("N", "Y", null), nul, null, null, null))).toEqual([
      ["B2"], ["C1"], [""],
    ]);
  });

  it("tier: TIER gives #VALUE! with a message naming the argument", () => {
    const TIER = associated.get("TIER")!;
    const out = shown(TIER([["Hgh"]], nul, nul, nul, nul, nul, nul, nul, null, null, null)) as string[][];
    expect(out[0]![0]).toMatch(/^#VALUE!: rosh: expected Low, None, Medium, High or Very High/);
  });

  it("allocate: ALLOCATE_GRADE advises PO for High RoSH in tier C2 (ch.1 summary)", () => {
    const ALLOCATE = associated.get("ALLOCATE_GRADE")!;
    expect(shown(ALLOCATE([["C2"], ["C2"]], [["High"], ["Medium"]], null, null, null, null))).toEqual([["PO"], ["PSO"]]);
  });
});
