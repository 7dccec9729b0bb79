/**
 * What a manager reads: rule families with a status word, information never shown as a pass, why a
 * check was not run, each finding's source once, shares as percentages, UK dates and counted nouns.
 */
import { describe, expect, it } from "@jest/globals";
import { checkOverride, FIGURE_KEYS, FIGURES, showFigure } from "../../src/model/config";
import { findingText } from "../../src/model/sources";
import { FAMILIES, familyOf, familySummaries, RULES, statusWord, validateWorkbook } from "../../src/model/validate";
import type { RuleSummary } from "../../src/model/validate/types";
import { ukDate, workingDaysBetween } from "../../src/model/validate/rules/people";
import { book, sheet } from "../support/book";

const summary = (rule: string, status: RuleSummary["status"], counts = { error: 0, warning: 0, info: 0 }): RuleSummary => ({
  rule,
  family: familyOf(rule),
  label: rule,
  status,
  source: "NPS Operating Model v1.0, ch.3",
  counts,
});

describe("rule families: one summary line each, the worst status of their rules", () => {
  it("every rule the engine runs belongs to a named family", () => {
    const prefixes = new Set(FAMILIES.map((f) => f.prefix));
    expect(RULES.map((r) => r.id.split(".")[0]).filter((p) => !prefixes.has(p!))).toEqual([]);
  });

  it("a family fails if one rule fails; a family of information lines is for information; none checked is not checked", () => {
    const fams = familySummaries([
      summary("caseload.tier", "pass"),
      summary("caseload.highRoshPso", "fail", { error: 2, warning: 0, info: 0 }),
      summary("caseload.napoDvWhatIf", "not checked"),
      summary("parom.liftable", "information", { error: 0, warning: 0, info: 3 }),
      summary("upw.start", "not checked"),
    ]);
    expect(fams.map((f) => [f.family, f.status, f.checked, f.rules.length])).toEqual([
      ["Caseload", "fail", 2, 3],
      ["PAROM countersignature", "information", 1, 1],
      ["Unpaid work", "not checked", 0, 1],
    ]);
    expect(fams[0]!.counts).toEqual({ error: 2, warning: 0, info: 0 });
  });

  it("status words a reader says, information never 'Pass'", () => {
    expect(["pass", "fail", "warning", "information", "not checked"].map((s) => statusWord(s as RuleSummary["status"]))).toEqual([
      "Pass",
      "Fail",
      "Warning",
      "For information",
      "Not checked",
    ]);
  });

  it("a rule whose sheet is missing is not checked, saying which sheet", () => {
    const r = validateWorkbook(book(sheet("Staff", ["Name", "Role", "FTE", "Team"], [["Ann", "PO", 1, "North"]])));
    const s = r.summaries.find((x) => x.rule === "reports.typeMix")!;
    expect(s).toMatchObject({ status: "not checked", family: "Court reports", why: "the workbook has no Court reports sheet" });
    for (const x of r.summaries) if (x.status === "not checked") expect(x.why).toMatch(/^the (workbook|\w[\w ]* sheet) has no /);
  });
});

describe("findings: the source once", () => {
  it("a citation in brackets inside the message is taken out; the finding's source is given once", () => {
    const t = findingText(
      "AP Oak Lodge: the rota drops to 1 waking staff on site; at least 2 are on site at all times (NPS Operating Model v1.0, ch.6).",
      "NPS Operating Model v1.0, ch.6",
    );
    expect(t).toEqual({ text: "AP Oak Lodge: the rota drops to 1 waking staff on site; at least 2 are on site at all times.", source: "NPS Operating Model v1.0, ch.6" });
  });
  it("brackets that are not a citation stay", () => {
    const m = "Case X1: recorded tier C1 is lower than the model's B1 (RSR 7.4%, OGRS 0%, Medium RoSH); the case may be under-managed.";
    expect(findingText(m, "NPS Operating Model v1.0, ch.3 Diagram 1").text).toBe(m);
  });
});

describe("figures people read as percentages", () => {
  it("shares show as percentages, the report-mix tolerance in points, other figures as they are", () => {
    expect(showFigure("reportOralShare", 0.6)).toBe("60%");
    expect(showFigure("reportPoShare", 0.35)).toBe("35%");
    expect(showFigure("reportMixTolerance", 0.05)).toBe("5 points");
    expect(showFigure("omAdminRatio", 4)).toBe("4");
  });
  it("a share may be typed as 60% (exactly 0.6) or 0.6; 60 without % is out of range and says how to write it", () => {
    expect(checkOverride("reportOralShare", "60%")).toEqual({ ok: true, value: 0.6 });
    expect(checkOverride("reportPoShare", "35%")).toEqual({ ok: true, value: 0.35 });
    expect(checkOverride("reportOralShare", "0.6")).toEqual({ ok: true, value: 0.6 });
    const r = checkOverride("reportOralShare", "60");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/a percentage from 0% to 100%, written as 60% or 0\.6/);
  });
  it("every share figure (a fraction from 0 to 1) is marked as a percentage", () => {
    const shares = FIGURE_KEYS.filter((k) => {
      const d = FIGURES[k] as { min?: number; max?: number };
      return d.min === 0 && d.max === 1;
    });
    expect(shares.filter((k) => (FIGURES[k] as { percent?: boolean }).percent !== true)).toEqual([]);
  });
});

describe("dates and working days, as UK readers write them", () => {
  it("dates are dd/mm/yyyy", () => {
    expect(ukDate(46053)).toBe("31/01/2026");
    expect(ukDate(45658)).toBe("01/01/2025");
  });
  it("working days leave out Saturdays and Sundays", () => {
    // Friday 02/01/2026 to Monday 05/01/2026: one working day.
    expect(workingDaysBetween(46024, 46027)).toBe(1);
  });
});

describe("a check with nothing to check is not checked, and says why; never a pass", () => {
  const staffHeader = ["Name", "Role", "FTE", "Team"];
  const r = validateWorkbook(
    book(
      sheet("Staff", staffHeader, [
        ["Ann", "PO", 1, "North"],
        ["Cal", "CA", 0.5, "North"],
      ]),
      sheet("Teams", ["Team", "Type"], [["North", "OM"]]),
    ),
  );
  const why = (rule: string) => r.summaries.find((s) => s.rule === rule)!;
  it.each([
    ["staffing.spoSpan", "the Staff sheet has no Line manager column"],
    ["structure.lineManagement", "the Staff sheet has no Line manager column"],
    ["structure.clusterSupport", "the Staff sheet has no Cluster column"],
    ["yos.linkSpo", "the Staff sheet has no YOS link SPO column"],
    ["staffing.courtAdminRatio", "the Teams sheet lists no court team"],
    ["yos.resource", "the Teams sheet lists no YOS team with a caseload"],
  ])("%s: %s", (rule, text) => {
    expect(why(rule)).toMatchObject({ status: "not checked", why: text });
  });
  it("a rule that could run still passes (OM team ratio)", () => {
    expect(why("staffing.omAdminRatio").status).not.toBe("not checked");
  });
});
