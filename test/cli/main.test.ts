import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseMaps, parseSets, parseVariants } from "../../src/cli/main";
import { FIGURE_KEYS } from "../../src/model/config";
import { LAYOUT } from "../../src/model/layout";
import { REPORT_SHEET_NAME } from "../../src/model/validate";
import { cleanDivision, divisionWithErrors, tempDir, writeBook } from "../workbook/fixtures";
import { runCli } from "../support/cli";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ROOT = path.resolve(__dirname, "../..");

const run = runCli;

/** One clear line on stderr: no stack trace, no second line. */
function oneLine(err: string): void {
  expect(err.trimEnd().split("\n")).toHaveLength(1);
  expect(err).not.toMatch(/\bat .*:\d+:\d+/);
}

let clean: string;
let errors: string;
beforeAll(async () => {
  clean = await writeBook(tmp.file("clean.xlsx"), cleanDivision());
  errors = await writeBook(tmp.file("errors.xlsx"), divisionWithErrors());
});

describe("nps-om validate: exit codes 0 / 1 / 2", () => {
  it("0 for a workbook with no error-severity findings, with a readable summary", async () => {
    const r = await run("validate", clean);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`NPS Operating Model check of ${clean}`);
    expect(r.out).toMatch(/Sheets read: Caseload, Staff, Teams/);
    expect(r.out).toMatch(/\n {2}Caseload: Pass; 8 of 9 checks run\n/);
    expect(r.out).toMatch(/\n {2}Court reports: Not checked, as the workbook has no Court reports sheet\n/);
    expect(r.out).toMatch(/Not checked \(8\):\n {2}What if domestic violence counted in tiering \(Napo\): the Caseload sheet has no Domestic violence column\./);
    expect(r.out).toMatch(/\n {4}Pass +High and Very High RoSH cases are held by POs/);
    expect(r.out).toMatch(/Result: no errors and no warnings; 9 findings for information\./);
    // A manager's summary: no rule ids, no sheet kinds, no exit codes.
    expect(r.out).not.toMatch(/exit code|Exit codes|\(caseload\)|\b(caseload|staffing)\.[a-z]/);
  });

  it("--verbose adds the rule ids, sheet kinds, every check's source and the exit code", async () => {
    const r = await run("validate", errors, "--verbose");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Sheets read: Caseload \(caseload\), Staff \(staff\), Teams \(teams\)/);
    expect(r.out).toMatch(/Fail +High and Very High RoSH cases are held by POs.*\[caseload\.highRoshPso; NPS Operating Model v1\.0, ch\.1, ch\.3\]/);
    expect(r.out).toMatch(/caseload\.highRoshPso +1 error/);
    expect(r.out).toMatch(/Caseload!C2: Case X100001 is High RoSH .*\(NPS Operating Model v1\.0, ch\.1, ch\.3\) \[caseload\.highRoshPso\]/);
    expect(r.out).toMatch(/Result: 1 error to put right.* \(exit code 1\)\./);
    expect(r.out).toMatch(/Exit codes: 0 no errors, 1 errors found/);
  });

  it("1 when there are error-severity findings, listing each with sheet!cell and message", async () => {
    const r = await run("validate", errors);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Fail +High and Very High RoSH cases are held by POs/);
    expect(r.out).toMatch(/Errors \(1\):\n {2}Caseload!C2: Case X100001 is High RoSH but held by a PSO.*\(NPS Operating Model v1\.0, ch\.1, ch\.3\)\n/);
    expect(r.out).toMatch(/Result: 1 error to put right/);
    expect(r.out).not.toMatch(/1 errors|exit code/);
  });

  const bad: [string, () => string, RegExp][] = [
    ["a missing file", () => tmp.file("missing.xlsx"), /no such file/],
    ["a CSV file", () => write("cases.csv", "Case ID,OM\nX1,Sam\n"), /not an Excel workbook \(it looks like a CSV or text file\)/],
    ["a text file named .xlsx", () => write("text.xlsx", "just words"), /not an Excel workbook/],
    ["random bytes", () => write("random.xlsx", Buffer.from([1, 2, 3, 250, 0, 7])), /not an Excel workbook/],
    ["an encrypted workbook", () => write("locked.xlsx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(200)])), /password-protected or an old \.xls/],
    ["a truncated workbook", () => write("cut.xlsx", readFileSync(clean).subarray(0, 900)), /damaged or incomplete/],
  ];
  for (const [what, make, message] of bad)
    it(`2 for ${what}, with one clear line on stderr and nothing on stdout`, async () => {
      const r = await run("validate", make());
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/^nps-om: /);
      expect(r.err).toMatch(message);
      oneLine(r.err);
    });

  it("2 for an empty workbook", async () => {
    const r = await run("validate", await writeBook(tmp.file("empty.xlsx"), { Sheet1: [] }));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing to validate/);
  });

  it("2 for a workbook with no recognisable sheets, still printing the explanation (and JSON with --json)", async () => {
    const file = await writeBook(tmp.file("lists.xlsx"), { Lists: [["RoSH", "Grade", "Tier"], ["Low", "PO", "A"], ["High", "PSO", "B1"]] });
    const r = await run("validate", file);
    expect(r.code).toBe(2);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/Sheets read: none/);
    expect(r.out).toMatch(/None of the sheets \(Lists\) is one of the documented sheets \(Caseload, Staff, Teams/);
    expect(r.out).toMatch(/Result: nothing could be checked; see below\./);
    expect(r.out).toMatch(/Checks:\n {2}None could be run, as no sheet of the workbook was recognised\.\n/);
    const j = await run("validate", file, "--json");
    expect(j.code).toBe(2);
    expect((JSON.parse(j.out) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(["layout.noneRecognised"]);
  });

  it("a workbook whose cells hold #N/A gives findings, not a crash", async () => {
    const file = await writeBook(tmp.file("na.xlsx"), cleanDivision(), (wb) => {
      wb.getWorksheet("Caseload")!.getCell("E2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    });
    const r = await run("validate", file, "--json");
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as { findings: { cell?: string; message: string; severity: string }[] };
    const f = json.findings.find((x) => x.cell === "E2");
    expect(f?.message).toMatch(/#N\/A/);
    expect(r.code).toBe(json.findings.some((x) => x.severity === "error") ? 1 : 0);
  });
});

describe("nps-om validate: the percent hazard (rule book §1) is read from the cells' number format", () => {
  it("percent-formatted RSR fractions are shown first, before the errors", async () => {
    const file = await writeBook(
      tmp.file("percent.xlsx"),
      cleanDivision([
        ["X100001", "Sam Smith", "PSO", "North OM", "High", 0.069, 0.1, "B2"],
        ["X100002", "Sam Smith", "PSO", "North OM", "Low", 0.005, 0.05, "D2"],
      ]),
      (wb) => {
        const ws = wb.getWorksheet("Caseload")!;
        ws.getCell("F2").numFmt = "0.0%";
        ws.getCell("F3").numFmt = "0.0%";
      },
    );
    const r = await run("validate", file);
    expect(r.code).toBe(1);
    const first = r.out.indexOf("Read these first:");
    expect(first).toBeGreaterThan(0);
    expect(r.out.slice(first)).toMatch(/^Read these first:\n {2}Warning: Caseload!F2: .*\(Add-in rule book/);
    expect(first).toBeLessThan(r.out.indexOf("Errors ("));
  });
});

describe("nps-om validate: bad usage is exit 2 with one clear line", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown figure in --set", ["--set", "omAdminRation=5"], /--set omAdminRation=5: figure: there is no model figure called "omAdminRation"\. Run nps-om figures/],
    ["an out-of-range --set value", ["--set", "omAdminRatio=0"], /--set omAdminRatio=0: omAdminRatio: expected a number from 0\.1 to 100; got "0"/],
    ["a --set without =", ["--set", "omAdminRatio"], /expected figure=value/],
    ["an unknown --variant", ["--variant", "napoEverything"], /no policy variant called "napoEverything"; expected one of napoDomesticViolence/],
    ["a --map without a field", ["--map", "Caseload:Officer"], /expected "Sheet:Header=field"/],
    ["a --map to an unknown field", ["--map", "Caseload:Officer=officer"], /no field called "officer"/],
    ["a --map naming a sheet the workbook lacks", ["--map", "Cases:Officer=om"], /the workbook has no sheet called "Cases"; its sheets are "Caseload", "Staff", "Teams"/],
    ["a --report that is not .xlsx", ["--report", "out.csv"], /ending in \.xlsx/],
    ["an unknown option", ["--frobnicate"], /unknown option '--frobnicate'/],
  ];
  for (const [what, args, message] of cases)
    it(what, async () => {
      const r = await run("validate", clean, ...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(message);
    });

  it("no command at all, or validate without a workbook", async () => {
    expect((await run()).code).toBe(2);
    const r = await run("validate");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing required argument 'book\.xlsx'/);
  });

  it("--help is not an error", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: nps-om/);
    expect(r.out).toMatch(/Exit codes: 0/);
  });
});

describe("nps-om validate --json", () => {
  it("prints only parseable JSON of findings, summaries and overrides on stdout", async () => {
    const r = await run("validate", errors, "--json", "--set", "omAdminRatio=5", "--variant", "napoDomesticViolence");
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["findings", "summaries", "overrides"]);
    expect(json.overrides).toEqual([expect.objectContaining({ key: "omAdminRatio", from: 4, to: 5 })]);
    expect(json.findings).toContainEqual(expect.objectContaining({ rule: "caseload.highRoshPso", sheet: "Caseload", cell: "C2", severity: "error" }));
  });

  it("an unreadable input with --json: still nothing on stdout, the message on stderr, exit 2", async () => {
    const r = await run("validate", tmp.file("absent.xlsx"), "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^nps-om: .*no such file/);
  });

  it("--map maps a header by hand (sheet name in any case): a renamed OM column is recognised", async () => {
    const sheets = cleanDivision();
    const caseload = sheets.Caseload!.map((r, i) => (i === 0 ? r.map((h) => (h === "OM" ? "Officer in charge" : h)) : r));
    const file = await writeBook(tmp.file("renamed.xlsx"), { ...sheets, Caseload: caseload });
    const without = JSON.parse((await run("validate", file, "--json")).out) as { findings: { rule: string }[] };
    expect(without.findings.map((f) => f.rule)).toContain("layout.missingField");
    const r = await run("validate", file, "--json", "--map", "caseload:Officer in charge=om");
    const mapped = JSON.parse(r.out) as { findings: { rule: string }[] };
    expect(mapped.findings.map((f) => f.rule)).not.toContain("layout.missingField");
    expect(r.code).toBe(0);
  });
});

describe("nps-om validate: columns it does not read (layout.unknownColumn)", () => {
  it("are listed as information with the --map that reads them, and that --map does", async () => {
    const sheets = cleanDivision();
    const caseload = sheets.Caseload!.map((r, i) => [...r, i === 0 ? "Transferred from CRC" : "No"]);
    const file = await writeBook(tmp.file("crc.xlsx"), { ...sheets, Caseload: caseload });
    const r = await run("validate", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `Caseload!I1: Caseload: the column "Transferred from CRC" is not one the validator knows, so it is not checked. It looks like "CRC risk escalation" (field crcEscalation); ` +
        `if it is, map it with --map "Caseload:Transferred from CRC=crcEscalation" or in the task pane's Columns tab. (Add-in workbook layout)`,
    );
    const mapped = await run("validate", file, "--json", "--map", "Caseload:Transferred from CRC=crcEscalation");
    expect((JSON.parse(mapped.out) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).not.toContain("layout.unknownColumn");
  });
});

describe("nps-om validate --report and what-if output", () => {
  it("writes the report workbook; the text output shows the what-if figures in effect", async () => {
    const out = tmp.file("report.xlsx");
    const r = await run("validate", errors, "--report", out, "--set", "spoSpan=8");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/WHAT-IF FIGURES IN EFFECT/);
    expect(r.out).toMatch(/Staff per SPO line manager \(1:10\): 8 instead of 10 \(Employer's reply on the E3 Phase 2 Blueprint, ch\.3\)/);
    expect(r.out).toContain(`Report written to ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet(REPORT_SHEET_NAME)).toBeDefined();
  });

  it("refuses --report naming the input, leaving the input unchanged", async () => {
    const before = readFileSync(errors);
    const mtime = statSync(errors).mtimeMs;
    const r = await run("validate", errors, "--report", errors);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/that is the workbook being validated/);
    expect(readFileSync(errors).equals(before)).toBe(true);
    expect(statSync(errors).mtimeMs).toBe(mtime);
  });
});

describe("nps-om figures and template", () => {
  it("figures lists every model figure with its value and source", async () => {
    const r = await run("figures");
    expect(r.code).toBe(0);
    for (const k of FIGURE_KEYS) expect(r.out).toContain(k);
    expect(r.out).toMatch(/omAdminRatio +4 +OMs per case administrator.*Employer's reply on the E3 Phase 2 Blueprint, ch\.4/);
    expect(r.out).toMatch(/napoDomesticViolence/);
    const json = JSON.parse((await run("figures", "--json")).out) as { figures: { key: string; value: unknown }[] };
    expect(json.figures.find((f) => f.key === "apWakingStaff")?.value).toBe(2);
  });

  it("template writes the template, and refuses to overwrite without --force", async () => {
    const out = tmp.file("t.xlsx");
    expect((await run("template", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(LAYOUT.map((d) => d.name));
    const again = await run("template", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/t\.xlsx exists; choose another name or add --force to replace it/);
    expect((await run("template", out, "--force")).code).toBe(0);
    expect((await run("template", tmp.file("t.txt"))).code).toBe(2);
  });
});

describe("parsers", () => {
  it("parseSets converts values; parseVariants accepts commas and any case; parseMaps splits at the first : and last =", () => {
    expect(parseSets(["omAdminRatio=5", "complexClusterRounding=Nearest"])).toEqual({ omAdminRatio: 5, complexClusterRounding: "nearest" });
    expect(parseVariants(["napodomesticviolence,napoAdjournments"])).toEqual({ napoDomesticViolence: true, napoAdjournments: true });
    expect(parseMaps(["Court reports:Type = of report=reportType"])).toEqual({ "Court reports": { "Type = of report": "reportType" } });
  });

  it('parseMaps keeps "__proto__" and "constructor" as names: no object of the process changes', async () => {
    const maps = parseMaps(["__proto__:polluted=om", "constructor:Officer=om"]);
    expect(Object.keys(maps)).toEqual(["__proto__", "constructor"]);
    expect(maps["__proto__"]).toEqual({ polluted: "om" });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const r = await run("validate", clean, "--map", "__proto__:polluted=om");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the workbook has no sheet called "__proto__"/);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("the bin (node bin/nps-om.js) runs the compiled command line", () => {
  const bin = path.join(ROOT, "bin", "nps-om.js");
  (existsSync(path.join(ROOT, "lib", "cli", "main.js")) ? it : it.skip)("exit codes and output through a real process", () => {
    const ok = spawnSync(process.execPath, [bin, "validate", clean, "--json"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveProperty("findings");
    const bad = spawnSync(process.execPath, [bin, "validate", errors], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    const missing = spawnSync(process.execPath, [bin, "validate", tmp.file("gone.xlsx")], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/^nps-om: .*no such file/);
  });
});

function write(name: string, content: string | Buffer): string {
  const file = tmp.file(name);
  writeFileSync(file, content);
  return file;
}

describe("nps-om validate on workbooks other programs wrote (test/corpus)", () => {
  const corpus = (name: string) => path.join(ROOT, "test", "corpus", "files", name);

  it("LibreOffice: the lookup-list sheet is not a second caseload, the Total row is not a case, percent formats are found", async () => {
    const r = await run("validate", corpus("libreoffice-division.xlsx"), "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { findings: { rule: string; sheet?: string; cell?: string; message: string }[] };
    const rules = report.findings.map((f) => f.rule);
    expect(rules).not.toContain("layout.duplicateKind");
    expect(report.findings.filter((f) => f.rule === "caseload.percentHazard").map((f) => f.cell)).toEqual(["G3", "H3"]);
    expect(report.findings.find((f) => f.rule === "layout.totalsRow")!.cell).toBe("A10");
    expect(report.findings.filter((f) => f.sheet === "Caseload" && f.cell?.endsWith("10") && f.rule.startsWith("caseload."))).toEqual([]);
    expect(report.findings.find((f) => f.rule === "layout.unknownColumn" && /Transferred from CRC/.test(f.message))!.message).toMatch(/crcEscalation/);
  });

  it("openpyxl (formulas saved without values): a warning that they read as blank, naming the first, so a blank risk is not taken as no risk", async () => {
    const r = await run("validate", corpus("openpyxl-basic.xlsx"), "--json");
    const report = JSON.parse(r.out) as { findings: { rule: string; severity: string; sheet?: string; cell?: string; message: string }[] };
    const f = report.findings.find((x) => x.rule === "data.uncalculated")!;
    expect(f).toMatchObject({ severity: "warning", sheet: "Caseload", cell: "G3" });
    expect(f.message).toMatch(/4 formulas \(the first at G3\) have no calculated value saved in the file, so they are read as blank\..*open the workbook in Excel, save it/);
  });

  it("pandas (absolute part paths): sheets keep their own names, so --map can name them", async () => {
    const r = await run("validate", corpus("pandas-sheets.xlsx"), "--json", "--map", "Caseload:OM=om");
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { findings: { rule: string; sheet?: string }[] };
    const sheets = new Set(report.findings.flatMap((f) => (f.sheet === undefined ? [] : [f.sheet])));
    expect([...sheets].every((s) => ["Caseload", "Staff", "By team", "Offset"].includes(s))).toBe(true);
    expect(report.findings.find((f) => f.rule === "caseload.percentHazard")!.sheet).toBe("Caseload");
  });

  it("a workbook whose caseload part has damaged compressed data: exit 2 with one line naming the part, never exit 0 in silence", async () => {
    const { zip, bookParts } = await import("../support/zip");
    const parts = bookParts({ sheets: [["Caseload", `<row r="1"><c r="A1" t="inlineStr"><is><t>Case ID</t></is></c></row>`]] }).map((p) =>
      p.name === "xl/worksheets/sheet1.xml" ? { ...p, packed: (b: Buffer) => Buffer.concat([b.subarray(0, 8), Buffer.alloc(b.length - 8, 0xee)]) } : p,
    );
    const file = tmp.file("damaged.xlsx");
    writeFileSync(file, zip(parts));
    const r = await run("validate", file);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    oneLine(r.err);
    expect(r.err).toMatch(/damaged\.xlsx: the file is damaged or incomplete .*\(the sheet "Caseload", part xl\/worksheets\/sheet1\.xml, is damaged: its compressed data cannot be unpacked\)/);
  });
});
