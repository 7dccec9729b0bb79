/**
 * The lint config applies Office's own rules (eslint-plugin-office-addins) to the pane's TypeScript
 * and TSX: each rule is shown to fire on code that breaks it, and not on the same work done right.
 * A config that silently skipped .ts or .tsx files (as the plugin's published one does) fails here.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";

const ROOT = join(__dirname, "..", "..");

/**
 * Lints each text as if it were a file in src/taskpane, with the project's own eslint.config.mjs, in
 * one child process (ESLint loads its config with import(), which Jest's module sandbox does not offer).
 */
function lintAll(texts: Record<string, string>): Record<string, string[]> {
  const script = `
    const { ESLint } = require("eslint");
    const texts = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = {};
      for (const [file, code] of Object.entries(texts)) {
        const [r] = await eslint.lintText(code, { filePath: require("node:path").join("src", "taskpane", file) });
        out[file] = r.messages.map((m) => m.ruleId ?? "fatal: " + m.message);
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(2); });`;
  const run = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, input: JSON.stringify(texts), encoding: "utf8" });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

const broken: Record<string, string> = {
  "office-addins/load-object-before-read": `
    export async function f(context: Excel.RequestContext) {
      const r = context.workbook.getSelectedRange();
      await context.sync();
      return r.values;
    }`,
  "office-addins/call-sync-before-read": `
    export async function f(context: Excel.RequestContext) {
      const r = context.workbook.getSelectedRange();
      r.load("values");
      return r.values;
    }`,
  "office-addins/call-sync-after-load": `
    export async function f(context: Excel.RequestContext) {
      const r = context.workbook.getSelectedRange();
      r.load("values");
      const rows = r.values;
      await context.sync();
      return rows;
    }`,
  "office-addins/no-context-sync-in-loop": `
    export async function f(context: Excel.RequestContext, names: string[]) {
      for (const n of names) {
        context.workbook.worksheets.getItem(n).activate();
        await context.sync();
      }
    }`,
  "office-addins/no-empty-load": `
    export async function f(context: Excel.RequestContext) {
      const r = context.workbook.getSelectedRange();
      r.load();
      await context.sync();
    }`,
  "office-addins/no-navigational-load": `
    export async function f(context: Excel.RequestContext) {
      const r = context.workbook.getSelectedRange();
      r.load("worksheet");
      await context.sync();
    }`,
  "office-addins/test-for-null-using-isNullObject": `
    export async function f(context: Excel.RequestContext) {
      const ws = context.workbook.worksheets.getItemOrNullObject("Caseload");
      await context.sync();
      return ws === null;
    }`,
  "office-addins/no-office-initialize": `
    Office.initialize = () => undefined;
    export {};`,
};

const right = `
  export async function f(context: Excel.RequestContext) {
    const r = context.workbook.getSelectedRange();
    r.load("values");
    const ws = context.workbook.worksheets.getItemOrNullObject("Caseload");
    ws.load("name");
    await context.sync();
    return ws.isNullObject ? [] : r.values;
  }`;

const EXTS = ["ts", "tsx"] as const;
let found: Record<string, string[]> = {};
beforeAll(() => {
  const texts: Record<string, string> = {};
  for (const ext of EXTS) {
    for (const [rule, code] of Object.entries(broken)) texts[`${rule.replace("office-addins/", "")}.${ext}`] = code;
    texts[`right.${ext}`] = right;
  }
  found = lintAll(texts);
}, 60_000);

describe("lint: Office's rules over the task pane's TypeScript", () => {
  for (const ext of EXTS) {
    it.each(Object.keys(broken))(`%s fires on a .${ext} file that breaks it`, (rule) => {
      expect(found[`${rule.replace("office-addins/", "")}.${ext}`]).toContain(rule);
    });
    it(`code that loads, syncs and tests isNullObject passes in a .${ext} file`, () => {
      expect(found[`right.${ext}`]).toEqual([]);
    });
  }
});
