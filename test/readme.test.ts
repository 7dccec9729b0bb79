/**
 * Keeps the README true: every function, sheet, header, rule and deliberate breach is documented,
 * the set-up commands exist, and every literal example `=NPS.F(...)` is **result** gives that result.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { expectAs } from "./support/expect-as";
import * as reports from "../src/functions/reports";
import * as staffing from "../src/functions/staffing";
import * as tiering from "../src/functions/tiering";
import * as vlo from "../src/functions/vlo";
import * as workload from "../src/functions/workload";
import { LAYOUT } from "../src/model/layout";
import { RULES } from "../src/model/validate";
import { makeDivision } from "../scripts/sample-division";
import { installCustomFunctionsStub, shown } from "./support/custom-functions-stub";

const ROOT = join(__dirname, "..");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = { ...reports, ...staffing, ...tiering, ...vlo, ...workload } as never;
/** Every @customfunction id in the function sources (what functions.json is generated from). */
const IDS = ["tiering", "reports", "vlo", "staffing", "workload"].flatMap((f) =>
  [...readFileSync(join(ROOT, "src", "functions", `${f}.ts`), "utf8").matchAll(/@customfunction (\w+)/g)].map((m) => m[1]!),
);

beforeAll(() => installCustomFunctionsStub());

describe("README", () => {
  it("gives the set-up in two commands that exist, and CI runs its test command", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toMatch(/^npm test\b/m);
    const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["start"]).toBeDefined();
    expect(scripts["test"]).toBeDefined();
    expect(readFileSync(join(ROOT, ".ci", "run"), "utf8")).toMatch(/^npm test$/m);
  });

  it("documents every npm script a user runs, with Microsoft's template names where they overlap", () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
    for (const name of ["build", "build:dev", "dev-server", "start", "stop", "validate", "lint", "test", "watch"]) expectAs(scripts, "package.json").toContain(name);
    const internal = new Set(["prepare", "build:cli", "typecheck"]);
    for (const name of scripts.filter((n) => !internal.has(n))) {
      const run = ["start", "stop", "test"].includes(name) ? `npm ${name}` : `npm run ${name}`;
      expectAs(readme, name).toContain(`\`${run}`);
    }
  });

  it.each(IDS)("documents NPS.%s with an example", (id) => {
    expect(IDS.length).toBeGreaterThanOrEqual(11);
    expect(readme).toContain(`NPS.${id}(`);
    expect(readme).toContain(`=NPS.${id}(`);
  });

  it("documents every argument of every function, optional ones in brackets", () => {
    for (const f of ["tiering", "reports", "vlo", "staffing"]) {
      const src = readFileSync(join(ROOT, "src", "functions", `${f}.ts`), "utf8");
      for (const m of src.matchAll(/@param (\[?\w+\]?)/g)) expectAs(readme, `${f}: ${m[1]!}`).toContain(m[1]!);
    }
  });

  it("documents every option of the command line", () => {
    const cli = readFileSync(join(ROOT, "src", "cli", "main.ts"), "utf8");
    const options = [...cli.matchAll(/\.option\("(--[a-z-]+)/g)].map((m) => m[1]!);
    expect(options.length).toBeGreaterThanOrEqual(6);
    for (const o of options) expectAs(readme, o).toContain(o);
  });

  it("documents every sheet of the layout and every header", () => {
    for (const d of LAYOUT) {
      expect(readme).toContain(`**${d.name}**`);
      for (const f of d.fields) expectAs(readme, `${d.name}: ${f.header}`).toContain(f.header);
    }
  });

  it("lists every validation rule", () => {
    for (const r of RULES) expectAs(readme, r.id).toContain(`\`${r.id}\``);
  });

  it("lists every deliberate breach of the sample division with its cell", () => {
    for (const b of makeDivision().breaches) expectAs(readme, b.rule).toContain(`| \`${b.rule}\` | ${b.sheet}!${b.cell ?? ""} |`);
  });

  const examples = [...readme.matchAll(/`=NPS\.(\w+)\(([^`:]*)\)` is \*\*([^*]+)\*\*/g)];
  it("has literal examples to check", () => expect(examples.length).toBeGreaterThanOrEqual(3));
  it.each(examples.map((m) => [m[0], m[1]!, m[2]!, m[3]!]))("example %s holds", (_text, name, args, result) => {
    const fn = FUNCTIONS[name.toLowerCase()];
    expectAs(typeof fn, name).toBe("function");
    const values = args.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((a) => {
      const t = a.trim();
      if (t === "") return null;
      if (/^".*"$/.test(t)) return t.slice(1, -1);
      if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
      return Number(t);
    });
    expect(shown(fn!(...values))).toEqual([[Number.isNaN(Number(result)) ? result : Number(result)]]);
  });
});
