/**
 * The Check tab's words: counts with their grammar, severity counts without "0 errors" noise, and
 * rules by title, never by id.
 */
import { describe, expect, it } from "@jest/globals";
import { andList, countsInWords, finishedText, plural, ruleTitle } from "../../src/taskpane/check/words";
import type { Finding } from "../../src/model/validate/types";

const finding = (severity: Finding["severity"]): Finding => ({ rule: "caseload.tier", severity, message: "m", source: "s" });

describe("counts in words", () => {
  it("says 1 error, 2 warnings, 20,000 findings", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(2, "warning")).toBe("2 warnings");
    expect(plural(20_000, "finding")).toBe("20,000 findings");
  });

  it("leaves out a severity with none, and says nothing when there are none at all", () => {
    expect(countsInWords({ error: 1, warning: 0, info: 3 })).toBe("1 error, 3 notes");
    expect(countsInWords({ error: 0, warning: 1, info: 0 })).toBe("1 warning");
    expect(countsInWords({ error: 0, warning: 0, info: 0 })).toBe("");
  });

  it("the validation finished notice", () => {
    expect(finishedText([finding("error")])).toBe("1 finding: 1 error.");
    expect(finishedText([finding("error"), finding("warning"), finding("warning"), finding("info")])).toBe("4 findings: 1 error, 2 warnings, 1 note.");
    expect(finishedText([])).toMatch(/^No findings/);
  });

  it("lists with and", () => {
    expect(andList(["Caseload"])).toBe("Caseload");
    expect(andList(["Caseload", "Staff", "Teams"])).toBe("Caseload, Staff and Teams");
  });
});

describe("rule titles", () => {
  const labels = new Map([["caseload.tier", "Recorded tiers match the model"]]);
  it("a summary's label, else the engine's own title, else the family and name in words; never the id", () => {
    expect(ruleTitle("caseload.tier", labels)).toBe("Recorded tiers match the model");
    expect(ruleTitle("layout.missingSheet", labels)).toBe("Sheets the workbook lacks");
    expect(ruleTitle("data.unreadable", labels)).toBe("Cells that could not be read");
    expect(ruleTitle("caseload.newThing", labels)).toBe("Caseload: new thing");
    expect(ruleTitle("mystery.someCheck", labels)).toBe("Mystery: some check");
  });
});
