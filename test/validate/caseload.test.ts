import { describe, expect, it } from "@jest/globals";
import { validateWorkbook } from "../../src/model/validate";
import type { Finding, ValidateOptions } from "../../src/model/validate/types";
import type { CellValue } from "../../src/model/values";
import { book, rowsOf, sheet } from "../support/book";

const H = ["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "MAPPA category", "MAPPA level", "IOM", "Domestic violence", "Tier", "Sentence type", "Allocation reason"];
type Case = Readonly<Record<string, CellValue>>;
const base: Case = { "Case ID": "X1", OM: "Ann Smith", "OM grade": "PO", Team: "Leeds North", RoSH: "Low" };

const STAFF_H = ["Name", "Role", "FTE", "Team", "VLO"];
const staff = (rows: CellValue[][]) => sheet("Staff", STAFF_H, rows);
const defaultStaff = staff([
  ["Ann Smith", "PO", 1, "Leeds North", "N"],
  ["Bo Jones", "PSO", 1, "Leeds North", "N"],
]);

function run(cases: Case[], opts: ValidateOptions = {}, formats?: (string | undefined)[], staffSheet = defaultStaff) {
  const cl = sheet("Caseload", H, rowsOf(H, cases.map((c) => ({ ...base, ...c }))), formats ? { columnFormats: formats } : {});
  return validateWorkbook(book(cl, staffSheet), opts);
}
const only = (fs: readonly Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe("caseload.tier: recorded tiers match the model (NPS Operating Model v1.0, ch.3 Diagram 1)", () => {
  it.each([
    ["RSR 6.9% is band B", { RSR: 6.9, Tier: "B2" }],
    ["RSR 6.8% is band C", { RSR: 6.8, Tier: "C2" }],
    ["OGRS 90% is band B", { OGRS: 90, Tier: "B2" }],
    ["Medium RoSH with IOM is C1", { RoSH: "Medium", IOM: "Y", Tier: "C1" }],
    ["MAPPA level 2 is A whatever else holds", { "MAPPA category": 2, "MAPPA level": 2, Tier: "A" }],
    ["written in lower case with a 'Tier' prefix", { RoSH: "Medium", Tier: "tier c2" }],
  ])("caseload.tier: %s: no finding when recorded as the model says", (_n, c) => {
    expect(only(run([c]).findings, "caseload.tier")).toEqual([]);
  });

  it("caseload.tier: a recorded tier below the model's is an error naming both tiers and why (ch.3 Diagram 1)", () => {
    const f = only(run([{ RSR: 7.1, Tier: "C2" }]).findings, "caseload.tier");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Caseload", row: 2, cell: "L2" });
    expect(f[0]!.message).toBe("Case X1: recorded tier C2 is lower than the model's B2 (RSR 7.1%, Low RoSH); the case may be under-managed.");
  });

  it("caseload.tier: a recorded tier above the model's is a warning (tiers are indicative, ch.3)", () => {
    const f = only(run([{ RSR: 1, Tier: "C2" }]).findings, "caseload.tier");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("warning");
  });

  it("caseload.tier: a MAPPA category without a level cannot be tiered: a warning, never a guess", () => {
    const f = only(run([{ "MAPPA category": 1, Tier: "D2" }]).findings, "caseload.tier");
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message).toMatch(/cannot be worked out: mappa_level is blank but mappa_category is 1/);
  });

  it("caseload.tier: Napo's variant counts domestic violence as an additional factor (Napo's feedback on the Operating Model, ch.3)", () => {
    const c = { "Domestic violence": "Yes", Tier: "D2" };
    expect(only(run([c]).findings, "caseload.tier")).toEqual([]);
    const f = only(run([c], { variants: { napoDomesticViolence: true } }).findings, "caseload.tier");
    expect(f[0]!.message).toContain("the model's D1");
  });

  it("caseload.tier: an unreadable score is reported once by the engine, not again as a tier difference", () => {
    const r = run([{ RSR: "high", Tier: "D2" }]);
    expect(only(r.findings, "caseload.tier")).toEqual([]);
    expect(only(r.findings, "data.unreadable")).toHaveLength(1);
  });

  it("caseload.tier: the summary counts differing tiers", () => {
    const r = run([{ Tier: "D2" }, { "Case ID": "X2", RSR: 7, Tier: "D2" }]);
    expect(r.summaries.find((s) => s.rule === "caseload.tier")).toMatchObject({ status: "fail", figure: "1 of 2 recorded tiers differ", target: "none" });
  });
});

describe("caseload.highRoshPso: High and Very High RoSH cases are managed by a PO (NPS Operating Model v1.0, ch.1, ch.3)", () => {
  it.each([
    ["High", "PSO", 1],
    ["Very High", "PSO", 1],
    ["very high", "pso", 1],
    ["High", "PO", 0],
    ["Medium", "PSO", 0],
    ["Low", "PSO", 0],
  ])("caseload.highRoshPso: %s RoSH held by a %s gives %i error(s)", (rosh, grade, n) => {
    const f = only(run([{ RoSH: rosh, "OM grade": grade, OM: "Bo Jones" }]).findings, "caseload.highRoshPso");
    expect(f).toHaveLength(n);
    if (n) expect(f[0]).toMatchObject({ severity: "error", cell: "C2" });
  });

  it("caseload.highRoshPso: is not repeated as an allocation-advice warning", () => {
    const r = run([{ RoSH: "High", "OM grade": "PSO", OM: "Bo Jones", Tier: "B2" }]);
    expect(only(r.findings, "caseload.gradeAdvice")).toEqual([]);
  });
});

describe("caseload.gradeAdvice: recorded grade follows ALLOCATE_GRADE (NPS Operating Model v1.0, ch.1, ch.3)", () => {
  it.each([
    ["tier B with a PO", { RSR: 7, "OM grade": "PO" }, 0],
    ["tier D2 with a PSO", { "OM grade": "PSO", OM: "Bo Jones" }, 0],
    ["tier B2 with a PSO", { RSR: 7, "OM grade": "PSO", OM: "Bo Jones" }, 1],
    ["tier C1 (IOM) with a PSO, no competency recorded", { RoSH: "Medium", IOM: "Y", "OM grade": "PSO", OM: "Bo Jones" }, 1],
    ["tier D2 with a PO", { "OM grade": "PO" }, 1],
  ])("caseload.gradeAdvice: %s gives %i warning(s)", (_n, c, n) => {
    const f = only(run([c]).findings, "caseload.gradeAdvice");
    expect(f).toHaveLength(n);
    if (n) expect(f[0]!.severity).toBe("warning");
  });

  it("caseload.gradeAdvice: a recorded allocation reason turns the warning into information", () => {
    const f = only(run([{ "OM grade": "PO", "Allocation reason": "Complex family case" }]).findings, "caseload.gradeAdvice");
    expect(f[0]!.severity).toBe("info");
    expect(f[0]!.message).toContain('"Complex family case"');
  });

  it("caseload.gradeAdvice: under Napo's variant an indeterminate sentence goes to a PO (Napo's feedback on the Operating Model, ch.3)", () => {
    const c = { RoSH: "Medium", "OM grade": "PSO", OM: "Bo Jones", "Sentence type": "Life" };
    expect(only(run([c]).findings, "caseload.gradeAdvice")).toEqual([]);
    expect(only(run([c], { variants: { napoIndeterminateToPo: true } }).findings, "caseload.gradeAdvice")).toHaveLength(1);
  });
});

describe("caseload.singleOm: each offender has a single, clearly identified OM (NPS Operating Model v1.0, ch.3)", () => {
  it("caseload.singleOm: one case held by two OMs is an error pointing at both cells", () => {
    const f = only(run([{}, { OM: "Bo Jones", "OM grade": "PSO" }]).findings, "caseload.singleOm");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", row: 3, cell: "B3" });
    expect(f[0]!.message).toBe("Case X1 is held by Bo Jones here and by Ann Smith at A2; each case has a single, clearly identified OM.");
  });

  it("caseload.singleOm: the same case twice for the same OM (spacing and case aside) is a duplicate-row warning", () => {
    const f = only(run([{}, { OM: " ann  SMITH " }]).findings, "caseload.singleOm");
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
  });

  it("caseload.singleOm: distinct cases give nothing", () => {
    expect(only(run([{}, { "Case ID": "X2" }]).findings, "caseload.singleOm")).toEqual([]);
  });
});

describe("caseload.vloNotOm: VLOs do victim contact work only, never also OM work (NPS Operating Model v1.0, ch.5)", () => {
  const vloStaff = staff([
    ["Ann Smith", "PO", 1, "Leeds North", "Yes"],
    ["Cy Vlo", "VLO", 1, "Victims", null],
  ]);
  it("caseload.vloNotOm: a VLO (by the VLO column or the role) holding cases is one error per VLO with the count", () => {
    const r = run([{}, { "Case ID": "X2" }, { "Case ID": "X3", OM: "Cy Vlo" }], {}, undefined, vloStaff);
    const f = only(r.findings, "caseload.vloNotOm");
    expect(f.map((x) => x.message)).toEqual([
      "Ann Smith is a VLO but holds 2 cases as OM (first at B2); VLOs do victim contact work only, never also OM work.",
      "Cy Vlo is a VLO but holds 1 case as OM (first at B4); VLOs do victim contact work only, never also OM work.",
    ]);
  });
  it("caseload.vloNotOm: no VLO among the OMs gives nothing", () => {
    expect(only(run([{}]).findings, "caseload.vloNotOm")).toEqual([]);
  });
});

describe("caseload.omKnown: every OM is on the staff list (NPS Operating Model v1.0, ch.3)", () => {
  it("caseload.omKnown: an OM missing from Staff is one warning however many cases they hold", () => {
    const f = only(run([{ OM: "Dee Who" }, { "Case ID": "X2", OM: "Dee Who" }]).findings, "caseload.omKnown");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", cell: "B2" });
  });
});

describe("caseload.required: every case has its required fields (workbook layout)", () => {
  it.each([["Case ID", "A2"], ["OM", "B2"], ["OM grade", "C2"], ["Team", "D2"], ["RoSH", "E2"]])("caseload.required: a blank %s is an error at %s", (field, cell) => {
    const f = only(run([{ [field]: null }]).findings, "caseload.required");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", cell });
    expect(f[0]!.message).toContain(`${field} is blank`);
  });
  it("caseload.required: a complete row gives nothing", () => {
    expect(only(run([{}]).findings, "caseload.required")).toEqual([]);
  });
});

describe("caseload.percentHazard: score columns that hold fractions (rule book §1)", () => {
  const formats = (rsr: string) => [undefined, undefined, undefined, undefined, undefined, rsr];
  it("caseload.percentHazard: a percent-formatted RSR column warns first, and its cells are read as fractions", () => {
    const r = run([{ RSR: 0.071, Tier: "B2" }], {}, formats("0.00%"));
    expect(r.findings[0]).toMatchObject({ rule: "caseload.percentHazard", severity: "warning", cell: "F2" });
    expect(r.findings[0]!.message).toMatch(/percent-formatted.*scores_as_fractions/);
    expect(only(r.findings, "caseload.tier")).toEqual([]);
  });

  it.each([
    [9, 0.5, 0],
    [10, 0.5, 1],
    [10, 1, 1],
    [10, 1.5, 0],
  ])("caseload.percentHazard: %i unformatted scores all at most %f give %i warning(s) (fewer than 10 prove nothing)", (n, v, warnings) => {
    const cases = Array.from({ length: n }, (_, i) => ({ "Case ID": `X${i}`, RSR: i === 0 ? v : 0.01 }));
    expect(only(run(cases, {}, formats("General")).findings, "caseload.percentHazard")).toHaveLength(warnings);
  });
});

describe("caseload.napoDvWhatIf: how many cases move if domestic violence counted (rule book §1; Napo's feedback on the Operating Model, ch.3)", () => {
  const figure = (cases: Case[], opts: ValidateOptions = {}) => run(cases, opts).summaries.find((s) => s.rule === "caseload.napoDvWhatIf")!;
  it("caseload.napoDvWhatIf: a D2 case with domestic violence would move to D1; one without, or already with a factor, would not", () => {
    const cases = [{ "Domestic violence": "Yes" }, { "Case ID": "X2", "Domestic violence": "No" }, { "Case ID": "X3", IOM: "Y", "Domestic violence": "Yes" }];
    expect(figure(cases)).toMatchObject({ status: "information", figure: "1 of 3 cases would move tier" });
    expect(figure(cases).target).toBeUndefined();
    expect(figure(cases, { variants: { napoDomesticViolence: true } }).figure).toBe("1 of 3 cases would move tier");
  });
  it("caseload.napoDvWhatIf: cases with no domestic violence answer are counted apart, not guessed", () => {
    expect(figure([{ "Domestic violence": null }, { "Case ID": "X2", "Domestic violence": "Y" }]).figure).toBe("1 of 2 cases would move tier; 1 has no domestic violence answer");
  });
  it("caseload.napoDvWhatIf: for information, never a pass; without a Domestic violence column it is not checked, and says why", () => {
    const withColumn = figure([{ "Domestic violence": "No" }]);
    expect(withColumn.status).toBe("information");
    const noDv = H.filter((h) => h !== "Domestic violence");
    const cl = sheet("Caseload", noDv, rowsOf(noDv, [{ ...base }]));
    const without = validateWorkbook(book(cl, defaultStaff)).summaries.find((s) => s.rule === "caseload.napoDvWhatIf")!;
    expect(without).toMatchObject({ status: "not checked", why: "the Caseload sheet has no Domestic violence column" });
    expect(without.figure).toBeUndefined();
  });
  it("caseload.napoDvWhatIf: it is a summary, never a finding", () => {
    expect(only(run([{ "Domestic violence": "Yes" }]).findings, "caseload.napoDvWhatIf")).toEqual([]);
  });
});
