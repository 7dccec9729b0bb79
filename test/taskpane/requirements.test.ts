/**
 * src/taskpane/requirements.ts against the code, the type definitions and the manifest, so the table
 * of Office APIs cannot rot: every watched API the code calls must be in the table with the set and
 * version @types/office-js (or @types/custom-functions-runtime) gives it, every table entry must still
 * be used, manifest.xml must declare exactly REQUIRED_SETS, and docs/taskpane.md must list the table.
 * Then checkRequirements with a fake Office.context.requirements.isSetSupported.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "@jest/globals";
import { expectAs } from "../support/expect-as";
import { checkRequirements, compareVersions, EXCEL_VERSIONS, FEATURES, OFFICE_APIS, REQUIRED_SETS, type Feature } from "../../src/taskpane/requirements";

const ROOT = join(__dirname, "..", "..");

interface Watched {
  readonly api: string;
  readonly set: string;
  readonly version: string;
  /** How the code calls it (comments are stripped before matching). */
  readonly pattern: RegExp;
  /** Where the use shows, when not in the code: the manifest. */
  readonly in?: "manifest";
}

/**
 * Office APIs with a requirement set, and how the code would call each: the ones it calls today and
 * others it might start to. Sets and versions are checked against the type definitions below.
 */
const WATCHED: readonly Watched[] = [
  { api: "Workbook.worksheets", set: "ExcelApi", version: "1.1", pattern: /\.workbook\.worksheets\b/ },
  { api: "Worksheet.getUsedRangeOrNullObject", set: "ExcelApi", version: "1.4", pattern: /\.getUsedRangeOrNullObject\(/ },
  { api: "Worksheet.getUsedRange", set: "ExcelApi", version: "1.1", pattern: /\.getUsedRange\(/ },
  { api: "Worksheet.getRange", set: "ExcelApi", version: "1.1", pattern: /\.getRange\(/ },
  { api: "Worksheet.getRanges", set: "ExcelApi", version: "1.9", pattern: /\.getRanges\(/ },
  { api: "Worksheet.getRangeByIndexes", set: "ExcelApi", version: "1.7", pattern: /\.getRangeByIndexes\(/ },
  { api: "Range.values", set: "ExcelApi", version: "1.1", pattern: /\.values\s*=(?!=)|\.load\(\s*["'`][^"'`]*\bvalues\b/ },
  { api: "Range.numberFormat", set: "ExcelApi", version: "1.1", pattern: /\bnumberFormat\b/ },
  { api: "Range.numberFormatLocal", set: "ExcelApi", version: "1.7", pattern: /\bnumberFormatLocal\b/ },
  { api: "WorksheetCollection.getItem", set: "ExcelApi", version: "1.1", pattern: /\.getItem\(/ },
  { api: "WorksheetCollection.getItemOrNullObject", set: "ExcelApi", version: "1.4", pattern: /\.getItemOrNullObject\(/ },
  { api: "WorksheetCollection.getActiveWorksheet", set: "ExcelApi", version: "1.1", pattern: /\.getActiveWorksheet\(/ },
  { api: "WorksheetCollection.add", set: "ExcelApi", version: "1.1", pattern: /\b(?:sheets|worksheets)\.add\(/ },
  { api: "Worksheet.activate", set: "ExcelApi", version: "1.1", pattern: /\.activate\(\)/ },
  { api: "Worksheet.delete", set: "ExcelApi", version: "1.1", pattern: /\.delete\(\)/ },
  { api: "Worksheet.name", set: "ExcelApi", version: "1.1", pattern: /(?<!\bthis)\.name\s*=(?!=)/ },
  { api: "Worksheet.position", set: "ExcelApi", version: "1.1", pattern: /\.position\b|\.load\(\s*["'`][^"'`]*\bposition\b/ },
  { api: "Worksheet.visibility", set: "ExcelApi", version: "1.1", pattern: /\.visibility\b/ },
  { api: "Worksheet.tabColor", set: "ExcelApi", version: "1.7", pattern: /\.tabColor\b/ },
  { api: "Worksheet.showGridlines", set: "ExcelApi", version: "1.8", pattern: /\.showGridlines\b/ },
  { api: "Worksheet.protection", set: "ExcelApi", version: "1.2", pattern: /\.protection\b/ },
  { api: "Worksheet.copy", set: "ExcelApi", version: "1.7", pattern: /\bws\.copy\(|\bsheet\.copy\(/ },
  { api: "Worksheet.onChanged", set: "ExcelApi", version: "1.7", pattern: /\.onChanged\b/ },
  { api: "Worksheet.tables", set: "ExcelApi", version: "1.1", pattern: /\.tables\b/ },
  { api: "Worksheet.freezePanes", set: "ExcelApi", version: "1.7", pattern: /\.freezePanes\b/ },
  { api: "WorksheetFreezePanes.freezeRows", set: "ExcelApi", version: "1.7", pattern: /\.freezeRows\(/ },
  { api: "Range.select", set: "ExcelApi", version: "1.1", pattern: /\.select\(\)/ },
  { api: "Range.hyperlink", set: "ExcelApi", version: "1.7", pattern: /\.hyperlink\b/ },
  { api: "Range.getSpecialCells", set: "ExcelApi", version: "1.9", pattern: /\.getSpecialCells\(/ },
  { api: "Range.copyFrom", set: "ExcelApi", version: "1.9", pattern: /\.copyFrom\(/ },
  { api: "Range.getResizedRange", set: "ExcelApi", version: "1.2", pattern: /\.getResizedRange\(/ },
  { api: "Range.format", set: "ExcelApi", version: "1.1", pattern: /\.format\.(?:fill|font)\b|\)\.format\b/ },
  { api: "RangeFormat.fill", set: "ExcelApi", version: "1.1", pattern: /\.fill\b(?!\s*\()/ },
  { api: "RangeFormat.autofitColumns", set: "ExcelApi", version: "1.2", pattern: /\.autofitColumns\(/ },
  { api: "RangeFormat.columnWidth", set: "ExcelApi", version: "1.2", pattern: /\.columnWidth\b/ },
  { api: "RangeFill.color", set: "ExcelApi", version: "1.1", pattern: /\bfill\.(?:color\b|load\(\s*["'`]color)/ },
  { api: "RangeFill.clear", set: "ExcelApi", version: "1.1", pattern: /\bfill\.clear\(\)/ },
  { api: "RangeFont.bold", set: "ExcelApi", version: "1.1", pattern: /\.font\.bold\b/ },
  { api: "Workbook.getSelectedRange", set: "ExcelApi", version: "1.1", pattern: /\.getSelectedRange\(/ },
  { api: "Workbook.getSelectedRanges", set: "ExcelApi", version: "1.9", pattern: /\.getSelectedRanges\(/ },
  { api: "Application.calculate", set: "ExcelApi", version: "1.1", pattern: /\.application\.calculate\(/ },
  { api: "Application.suspendApiCalculationUntilNextSync", set: "ExcelApi", version: "1.6", pattern: /\.suspendApiCalculationUntilNextSync\(/ },
  { api: "CustomFunctions.Error", set: "CustomFunctionsRuntime", version: "1.2", pattern: /new CustomFunctions\.Error\(/ },
  { api: "Office.context.document.settings", set: "Settings", version: "1.1", pattern: /Office\.context\.document\??\.settings\b/ },
  { api: "Office.addin", set: "SharedRuntime", version: "1.1", pattern: /Office\.addin\./ },
  { api: "Shared runtime (functions and pane on one page)", set: "SharedRuntime", version: "1.1", pattern: /<Runtime\b[^>]*\blifetime="long"/, in: "manifest" },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Source without comments (block comments, keeping their line breaks, and // comments not inside a URL). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, "")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** The code that talks to Office: the pane, the functions and what they share; not the table itself. */
const CODE = ["src/taskpane", "src/functions", "src/runtime"]
  .flatMap((d) => filesUnder(join(ROOT, d)))
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(join("taskpane", "requirements.ts")))
  .map((f) => ({ file: relative(ROOT, f), text: stripComments(readFileSync(f, "utf8")) }));
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** Where each watched API is used: "file: line" for each hit. */
function usesOf(w: Watched): string[] {
  if (w.in === "manifest") return w.pattern.test(MANIFEST) ? ["manifest.xml"] : [];
  const global = new RegExp(w.pattern.source, `${w.pattern.flags.replace("g", "")}g`);
  return CODE.flatMap(({ file, text }) => [...text.matchAll(global)].map((m) => `${file}: ${text.slice(0, m.index).split("\n").length}`));
}

// --- the type definitions -------------------------------------------------------------------------

const officeTypes = readFileSync(join(dirname(require.resolve("@types/office-js/package.json")), "index.d.ts"), "utf8");
const cfTypes = readFileSync(join(dirname(require.resolve("@types/custom-functions-runtime/package.json")), "index.d.ts"), "utf8");
/** The Excel namespace's classes (up to its Interfaces namespace of load options and data shapes). */
const excelTypes = (() => {
  const start = officeTypes.indexOf("declare namespace Excel {");
  return officeTypes.slice(start, officeTypes.indexOf("\n    namespace Interfaces {", start));
})();

/** The `[Api set: X n]` tag on `member`'s JSDoc in `Class`'s body, or a reason it was not found. */
function apiSetTag(types: string, cls: string, member: string): string {
  const head = new RegExp(`\\n    (?:export )?(?:class|interface) ${cls}\\b[^{]*\\{`).exec(types);
  if (!head) return `no class ${cls}`;
  const bodyStart = head.index + head[0].length;
  const body = types.slice(bodyStart, types.indexOf("\n    }\n", bodyStart));
  const doc = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*(?:readonly\\s+)?${member}\\??\\s*[(:<]`).exec(body);
  if (!doc) return `no member ${cls}.${member}`;
  const tag = /\[Api set: (\w+) ([\d.]+)/.exec(doc[1]!);
  return tag ? `${tag[1]} ${tag[2]}` : `no [Api set] tag on ${cls}.${member}`;
}

/** What the type definitions say of a watched API, or undefined where they carry no tag to check. */
function typesSay(w: Watched): string | undefined {
  const [cls, member] = w.api.split(".");
  if (w.set === "ExcelApi") return apiSetTag(excelTypes, cls!, member!);
  if (w.api === "CustomFunctions.Error") return /\[Api set: (CustomFunctionsRuntime [\d.]+)\]\s*\*\/\s*class Error\b/.exec(cfTypes)?.[1] ?? "no tag on CustomFunctions.Error";
  if (w.api === "Office.addin") return /\| (SharedRuntime [\d.]+)\}\s*\*\/\s*interface Addin\b/.exec(officeTypes)?.[1] ?? "no tag on Office.Addin";
  return undefined; // Settings (a common API) and the shared runtime itself: no tag in the types.
}

describe("the table of Office APIs (OFFICE_APIS) against the code", () => {
  it("watches APIs with the set and version the type definitions give them", () => {
    for (const w of WATCHED) {
      const said = typesSay(w);
      if (said !== undefined) expectAs(said, w.api).toBe(`${w.set} ${w.version}`);
    }
  });

  it("lists every watched API the code calls, with that set and version", () => {
    const missing = WATCHED.filter((w) => usesOf(w).length > 0)
      .filter((w) => !OFFICE_APIS.some((e) => e.api === w.api && e.set === w.set && e.version === w.version))
      .map((w) => `${w.api} (${w.set} ${w.version}) used at ${usesOf(w).join(", ")}`);
    expect(missing).toEqual([]);
  });

  it("lists every *OrNullObject method the code calls", () => {
    const called = new Set(CODE.flatMap(({ text }) => [...text.matchAll(/\.(\w+OrNullObject)\(/g)].map((m) => m[1]!)));
    expect(called.size).toBeGreaterThan(0);
    for (const m of called) expectAs(OFFICE_APIS.some((e) => e.api.endsWith(`.${m}`)), m).toBe(true);
  });

  it("has no entry the code no longer uses (each entry's use is found)", () => {
    const unused = OFFICE_APIS.filter((e) => {
      const w = WATCHED.find((x) => x.api === e.api);
      return !w || usesOf(w).length === 0;
    }).map((e) => `${e.api} (${e.set} ${e.version})${WATCHED.some((x) => x.api === e.api) ? "" : ": not watched in this test"}`);
    expect(unused).toEqual([]);
  });

  it("names, for every set and version it uses, the Excel versions that have it", () => {
    for (const e of OFFICE_APIS) expectAs(EXCEL_VERSIONS[`${e.set} ${e.version}`], `${e.api}: ${e.set} ${e.version}`).toMatch(/Excel/);
    for (const e of OFFICE_APIS) expectAs(e.features.length, e.api).toBeGreaterThan(0);
  });

  it("is listed in docs/taskpane.md (api, set, version)", () => {
    const doc = readFileSync(join(ROOT, "docs", "taskpane.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Requirement sets"));
    expect(section.length).toBeGreaterThan(100);
    for (const e of OFFICE_APIS) expectAs(section, e.api).toMatch(new RegExp(`\\| \`?${e.api.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\`? \\| ${e.set} ${e.version.replace(".", "\\.")}\\b`));
  });
});

describe("REQUIRED_SETS and manifest.xml", () => {
  it("requires ExcelApi 1.7, CustomFunctionsRuntime 1.2 and SharedRuntime 1.1, and not the optional getRanges' 1.9", () => {
    expect(REQUIRED_SETS).toEqual([
      { name: "CustomFunctionsRuntime", version: "1.2" },
      { name: "ExcelApi", version: "1.7" },
      { name: "SharedRuntime", version: "1.1" },
    ]);
    expect(OFFICE_APIS.find((e) => e.api === "Worksheet.getRanges")).toMatchObject({ set: "ExcelApi", version: "1.9", optional: true });
  });

  it("manifest.xml declares exactly REQUIRED_SETS", () => {
    const doc = new new JSDOM("").window.DOMParser().parseFromString(MANIFEST, "application/xml");
    const declared = Array.from(doc.getElementsByTagName("Requirements")[0]!.getElementsByTagName("Set"))
      .map((s) => ({ name: s.getAttribute("Name"), version: s.getAttribute("MinVersion") }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    expect(declared).toEqual(REQUIRED_SETS.map((s) => ({ ...s })));
  });
});

describe("checkRequirements", () => {
  /** A fake isSetSupported: each set up to a version (absent: not supported). */
  const excel =
    (have: Record<string, string>) =>
    (name: string, version: string): boolean =>
      have[name] !== undefined && compareVersions(version, have[name]) <= 0;
  const everything = { ExcelApi: "1.17", CustomFunctionsRuntime: "1.5", SharedRuntime: "1.2" };
  const features = (r: ReturnType<typeof checkRequirements>) => r.missing.map((m) => m.feature);

  it("with every set present: nothing missing, getRanges usable", () => {
    expect(checkRequirements(excel(everything))).toEqual({ missing: [], canUseGetRanges: true });
  });

  it("with ExcelApi only up to 1.4: the report sheet (hyperlinks, frozen header, 1.7) is off, saying Excel 2019", () => {
    const r = checkRequirements(excel({ ...everything, ExcelApi: "1.4" }));
    expect(features(r)).toEqual(["report"]);
    expect(r.missing[0]).toMatchObject({ set: "ExcelApi", version: "1.7" });
    expect(r.missing[0]!.message).toBe(
      "Writing the report sheet needs Excel 2019 or later, Microsoft 365 or Excel on the web (ExcelApi 1.7); this Excel does not have it, so Write report sheet is turned off.",
    );
    expect(r.canUseGetRanges).toBe(false);
  });

  it("with ExcelApi 1.1 only (Excel 2016): reading, the report and highlighting are off, each saying which Excel", () => {
    const r = checkRequirements(excel({ ...everything, ExcelApi: "1.1" }));
    expect(features(r)).toEqual(["read", "report", "highlight"]);
    expect(r.missing.map((m) => `${m.set} ${m.version}`)).toEqual(["ExcelApi 1.4", "ExcelApi 1.7", "ExcelApi 1.4"]);
    for (const m of r.missing) expect(m.message).toMatch(/^[A-Z].* needs Excel 2019 or later, Microsoft 365 or Excel on the web \(ExcelApi 1\.[47]\); this Excel does not have it, so .+\.$/);
    expect(r.missing.find((m) => m.feature === "highlight")!.message).toContain("so Highlight is turned off.");
  });

  it("without ExcelApi 1.9: getRanges is not used (cell by cell instead), and nothing is turned off", () => {
    expect(checkRequirements(excel({ ...everything, ExcelApi: "1.8" }))).toEqual({ missing: [], canUseGetRanges: false });
  });

  it("without CustomFunctionsRuntime 1.2 or the shared runtime: the functions and Apply are off, saying Excel 2021", () => {
    const r = checkRequirements(excel({ ExcelApi: "1.9" }));
    expect(r.missing.map((m) => `${m.feature}: ${m.set} ${m.version}`)).toEqual(["whatif: SharedRuntime 1.1", "functions: CustomFunctionsRuntime 1.2"]);
    for (const m of r.missing) expect(m.message).toContain("needs Excel 2021 or later, Microsoft 365 or Excel on the web");
  });

  it("never asks about the common Settings API (in every Excel that runs add-ins)", () => {
    const asked: string[] = [];
    checkRequirements((n, v) => {
      asked.push(`${n} ${v}`);
      return true;
    });
    expect(asked.some((a) => a.startsWith("Settings"))).toBe(false);
    expect(new Set(asked)).toEqual(new Set(["ExcelApi 1.1", "ExcelApi 1.4", "ExcelApi 1.7", "ExcelApi 1.9", "SharedRuntime 1.1", "CustomFunctionsRuntime 1.2"]));
  });

  it("words every feature for a manager, without the team's shorthand", () => {
    for (const f of Object.keys(FEATURES) as Feature[]) {
      const { does, off } = FEATURES[f];
      expectAs(`${does} ${off}`, f).not.toMatch(/seed|DOMAIN|\.\.\/shared|undefined/);
      expectAs(does, f).toMatch(/^[A-Z]/);
    }
  });
});
