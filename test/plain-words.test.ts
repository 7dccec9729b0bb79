/**
 * What users read names its sources as a reader would ("NPS Operating Model v1.0, ch.3"), never by
 * the team's shorthand for its reference files. Checked over the README and docs, the built add-in
 * (dist/, as `npm run build` leaves it), and the command line's output; and every source the engine
 * gives is one the rule book (docs/operating-model.md) lists, which covers every rule id the engine emits.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { expectAs } from "./support/expect-as";
import { FIGURES, VARIANT_INFO } from "../src/model/config";
import { SOURCES, citesKnownSources } from "../src/model/sources";
import { RULES } from "../src/model/validate";

const ROOT = join(__dirname, "..");
/** The team's shorthand: reference files users never see. */
const SHORTHAND = /seed 0\d|seeds? \d{3}|\bthe seeds?\b|DOMAIN(\.md| ?§)|\.\.\/shared|\bbusiness days?\b/i;
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), "utf8");
const ruleBook = read("docs", "operating-model.md");

/** The command line's output, run once per argument list (each run reads the sample afresh). */
const cliRuns = new Map<string, { stdout: string; stderr: string }>();
function cli(...args: string[]): { stdout: string; stderr: string } {
  const key = args.join("\0");
  if (!cliRuns.has(key)) cliRuns.set(key, spawnSync(process.execPath, [join(ROOT, "bin", "nps-om.js"), ...args], { cwd: ROOT, encoding: "utf8" }));
  return cliRuns.get(key)!;
}
const SAMPLE = join(ROOT, "samples", "sample-division.xlsx");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}
function shorthandIn(text: string): string[] {
  return text.split("\n").filter((l) => SHORTHAND.test(l)).map((l) => l.trim().slice(0, 160));
}

describe("sources named as a reader would", () => {
  it.each(["README.md", "docs/operating-model.md", "docs/taskpane.md"])("%s uses no shorthand", (file) => {
    expect(shorthandIn(read(file))).toEqual([]);
  });

  it("the built add-in (dist/) uses no shorthand in any file", () => {
    const dist = join(ROOT, "dist");
    expectAs(existsSync(join(dist, "functions.json")), "dist/ is built by `npm run build` before the tests").toBe(true);
    const text = filesUnder(dist).filter((f) => !/\.(png|ico)$/.test(f));
    expect(text.length).toBeGreaterThan(5);
    for (const f of text) expectAs(shorthandIn(readFileSync(f, "utf8")), f).toEqual([]);
  });

  it("no module path says it either: a development build (npm run build:dev, the e2e tests' build) prints each import's path", () => {
    const paths = filesUnder(join(ROOT, "src")).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/from "([^"]+)"/g)].map((m) => `${f}: ${m[1]!}`));
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => SHORTHAND.test(p.split(": ")[1]!))).toEqual([]);
  });

  it("the command line's output uses no shorthand (text and --json, figures, help)", () => {
    for (const args of [["validate", SAMPLE], ["validate", SAMPLE, "--verbose"], ["validate", SAMPLE, "--json"], ["figures"], ["--help"], ["validate", "--help"]]) {
      const run = cli(...args);
      expectAs(run.stdout.length, args.join(" ")).toBeGreaterThan(100);
      expectAs(shorthandIn(run.stdout + run.stderr), args.join(" ")).toEqual([]);
    }
  });

  it("each finding the command line prints names its source once", () => {
    const run = cli("validate", SAMPLE);
    const findingLines = run.stdout.split("\n").filter((l) => /^ {2}\S+!\S+: /.test(l));
    expect(findingLines.length).toBeGreaterThan(10);
    for (const line of findingLines) for (const s of SOURCES) expectAs(line.split(s.cite).length, line).toBeLessThanOrEqual(2);
  });

  it("every rule, figure and variant cites documents the rule book lists", () => {
    const sources = [...RULES.map((r) => [r.id, r.source]), ...Object.entries(FIGURES).map(([k, f]) => [k, f.source]), ...Object.entries(VARIANT_INFO).map(([k, v]) => [k, v.source])];
    for (const [what, source] of sources) expectAs(citesKnownSources(source!), `${what}: "${source!}"`).toBe(true);
    for (const s of SOURCES) expectAs(ruleBook, s.cite).toContain(`| ${s.cite} |`);
  });

  it("the functions' help page lists the documents it cites", () => {
    const help = read("src", "help", "help.html");
    for (const s of SOURCES.filter((d) => !/^Add-in (rule book|workbook layout)$/.test(d.cite))) expectAs(help, s.cite).toContain(`<strong>${s.cite}</strong>`);
  });
});

describe("the command line's summary reads as a manager's report", () => {
  it("no rule ids, sheet kinds or exit codes without --verbose; --verbose and --json keep the ids", () => {
    const plain = cli("validate", SAMPLE).stdout;
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id) => plain.includes(id))).toEqual([]);
    expect(plain).not.toMatch(/exit code|Exit codes|\((caseload|staff|teams|courtReports|approvedPremises|paroms|unpaidWork)\)/);
    const verbose = cli("validate", SAMPLE, "--verbose").stdout;
    expect(ids.filter((id) => !verbose.includes(id) && !id.startsWith("layout."))).toEqual([]);
    expect(verbose).toMatch(/\(exit code 1\)/);
    const json = JSON.parse(cli("validate", SAMPLE, "--json").stdout) as { findings: { rule: string }[] };
    expect(json.findings.every((f) => ids.includes(f.rule) || /^[a-z]+\.[A-Za-z]+$/.test(f.rule))).toBe(true);
  });

  it("information lines say so and are never a pass; counts agree in number; dates are dd/mm/yyyy", () => {
    const plain = cli("validate", SAMPLE).stdout;
    expect(plain).toMatch(/\n {4}For information +What if domestic violence counted in tiering/);
    expect(plain).toMatch(/\n {4}For information +OMs for whom routine PAROM countersignature may be lifted/);
    expect(plain).not.toMatch(/Pass +(What if domestic violence|OMs for whom routine PAROM)/);
    expect(plain).not.toMatch(/\b1 (errors|warnings|cases|findings|reports|months|years|working days)\b|\w\(s\)/);
    expect(plain).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(plain).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
  });

  it("no message in the catalogue hedges a plural with (s)", () => {
    for (const f of filesUnder(join(ROOT, "src", "model", "messages"))) expectAs(readFileSync(f, "utf8").match(/\w\(s\)/g) ?? [], f).toEqual([]);
  });
});

describe("the rule book (docs/operating-model.md)", () => {
  const anchors = new Set([...ruleBook.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!));

  it("has an entry for every rule id the engine emits", () => {
    const emitted = new Set(RULES.map((r) => r.id));
    for (const f of filesUnder(join(ROOT, "src", "model", "validate"))) {
      for (const m of readFileSync(f, "utf8").matchAll(/rule: (?:isError \? )?"([a-z]+\.[A-Za-z]+)"(?: : "([a-z]+\.[A-Za-z]+)")?/g)) {
        emitted.add(m[1]!);
        if (m[2]) emitted.add(m[2]);
      }
    }
    expect(emitted.size).toBeGreaterThan(RULES.length);
    expect([...emitted].filter((id) => !anchors.has(id))).toEqual([]);
  });

  it("has an entry for every rule the sample division's findings and summary name", () => {
    const run = cli("validate", SAMPLE, "--json");
    const report = JSON.parse(run.stdout) as { findings: { rule: string }[]; summaries: { rule: string }[] };
    const named = new Set([...report.findings, ...report.summaries].map((f) => f.rule));
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((id) => !anchors.has(id))).toEqual([]);
  });

  it("lists every figure a what-if can change", () => {
    for (const key of Object.keys(FIGURES)) expectAs(ruleBook, key).toContain(`\`${key}\``);
  });

  it("every link into it from the README lands on an entry", () => {
    const links = [...read("README.md").matchAll(/docs\/operating-model\.md#([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(RULES.length);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
    expect([...ruleBook.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!).filter((l) => !anchors.has(l))).toEqual([]);
  });
});
