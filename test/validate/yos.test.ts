import { describe, expect, it } from "@jest/globals";
import { validateWorkbook } from "../../src/model/validate";
import { book, rowsOf, sheet } from "../support/book";
import { findings, staffSheet, summary, teamsSheet, type Rec } from "./staffing-fixtures";

const yosTeam = (caseload: number | string | null) => teamsSheet([{ Team: "Leeds YOS", Type: "YOS", "YOS caseload": caseload }]);
const secondee = (name: string, fte: number, extra: Rec = {}): Rec => ({ Name: name, Role: "PO", FTE: fte, Team: "Leeds YOS", "YOS secondment": "Yes", ...extra });

describe("yos.resource: seconded PO resource of about 10% of the YOS caseload (NPS Operating Model v1.0, ch.7)", () => {
  const RULE = "yos.resource";

  it.each([
    [0.75, 0],
    [0.74, 1],
  ])("yos.resource: 300 YOS cases need 0.75 FTE (10%% at 40 cases per PO); %s FTE seconded gives %i warnings (boundary)", (fte, n) => {
    expect(findings(book(yosTeam(300), staffSheet([secondee("Pat", fte)])), RULE)).toHaveLength(n);
  });

  it("yos.resource: the warning gives figure, target and the reading (NPS Operating Model v1.0, ch.7)", () => {
    const f = findings(book(yosTeam(300), staffSheet([secondee("Pat", 0.5)])), RULE);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "Teams", cell: "D2", figure: 0.5, target: 0.75, source: "NPS Operating Model v1.0, ch.7" });
    expect(f[0]!.message).toBe("YOS Leeds YOS: 0.5 FTE seconded POs; about 10% of its 300 cases is 30.0 cases, which at 40 cases per PO needs 0.75 FTE (NPS Operating Model v1.0, ch.7).");
  });

  it("yos.resource: only POs marked seconded to that YOS count (NPS Operating Model v1.0, ch.7: seconded qualified POs)", () => {
    const b = book(
      yosTeam(300),
      staffSheet([
        secondee("Pat", 0.5),
        secondee("Not seconded", 1, { "YOS secondment": "No" }),
        secondee("A PSO", 1, { Role: "PSO" }),
        secondee("Elsewhere", 1, { Team: "Other YOS" }),
      ]),
    );
    expect(findings(b, RULE)).toHaveLength(1);
  });

  it("yos.resource: an override of 30 cases per PO raises the need to 1.0 FTE (what-if)", () => {
    const b = book(yosTeam(300), staffSheet([secondee("Pat", 0.75)]));
    expect(findings(b, RULE)).toEqual([]);
    expect(findings(b, RULE, { overrides: { yosCasesPerPo: 30 } })[0]).toMatchObject({ figure: 0.75, target: 1 });
    expect(summary(validateWorkbook(b, { overrides: { yosCasesPerPo: 30 } }), RULE).status).toBe("warning");
  });

  it("yos.resource: a YOS with no caseload is an info finding, not a guess (bad input)", () => {
    const f = findings(book(yosTeam(null), staffSheet([secondee("Pat", 1)])), RULE);
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["info", "D2"]]);
    expect(f[0]!.message).toMatch(/has no YOS caseload/);
  });

  it("yos.resource: an unreadable caseload is reported once by the engine and not checked (bad input)", () => {
    const r = validateWorkbook(book(yosTeam("lots"), staffSheet([secondee("Pat", 1)])));
    expect(r.findings.filter((x) => x.rule === RULE)).toEqual([]);
    expect(r.findings.some((x) => x.cell === "D2" && x.message.includes("lots"))).toBe(true);
  });
});

describe("yos.secondmentLength: secondments of three years (NPS Operating Model v1.0, ch.7)", () => {
  const RULE = "yos.secondmentLength";
  const reports = (date: string) => sheet("Court reports", ["Date", "Report type", "Author grade"], rowsOf(["Date", "Report type", "Author grade"], [{ Date: date, "Report type": "Oral", "Author grade": "PSO" }]));

  it.each([
    ["2023-06-30", 0],
    ["2023-06-29", 1],
  ])("yos.secondmentLength: a secondment started %s, measured at the workbook's latest date 2026-06-30, gives %i warnings (boundary at 3 years)", (start, n) => {
    const b = book(staffSheet([secondee("Pat", 1, { "Secondment start": start })]), reports("2026-06-30"));
    expect(findings(b, RULE)).toHaveLength(n);
  });

  it("yos.secondmentLength: the warning names the start, the length and the as-of date (NPS Operating Model v1.0, ch.7)", () => {
    const f = findings(book(staffSheet([secondee("Pat", 1, { "Secondment start": "2022-01-10" })]), reports("2026-06-30")), RULE);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "Staff", cell: "H2" });
    expect(f[0]!.message).toBe("Pat's YOS secondment began 10/01/2022; secondments last 3 years (until 10/01/2025) and the workbook's latest date is 30/06/2026 (NPS Operating Model v1.0, ch.7).");
  });

  it("yos.secondmentLength: an override to 5 years passes a 4-year secondment (what-if)", () => {
    const b = book(staffSheet([secondee("Pat", 1, { "Secondment start": "2022-06-30" })]), reports("2026-06-30"));
    expect(findings(b, RULE)).toHaveLength(1);
    expect(findings(b, RULE, { overrides: { yosSecondmentYears: 5 } })).toEqual([]);
  });

  it("yos.secondmentLength: no dated records means one info finding, not checked; a secondee with no start is a warning (bad input)", () => {
    const none = findings(book(staffSheet([secondee("Pat", 1, { "Secondment start": "2000-01-01" })])), RULE);
    expect(none.map((x) => x.severity)).toEqual(["info"]);
    expect(none[0]!.message).toMatch(/no dated records/);
    const noStart = findings(book(staffSheet([secondee("Pat", 1)]), reports("2026-06-30")), RULE);
    expect(noStart.map((x) => [x.severity, x.cell])).toEqual([["warning", "H2"]]);
  });
});

describe("yos.linkSpo: a link SPO in each LDU cluster for staff seconded to the YOS (NPS Operating Model v1.0, ch.7)", () => {
  const RULE = "yos.linkSpo";
  const H = ["Name", "Role", "FTE", "Team", "Cluster", "YOS link SPO"];
  const heads: Rec[] = [
    { Name: "Hal Head", Role: "Head of LDU", FTE: 1, Cluster: "Aire" },
    { Name: "Hil Head", Role: "Head of LDU", FTE: 1, Cluster: "Calder" },
  ];
  const spo = (name: string, cluster: string, link: string | null, role = "SPO"): Rec => ({ Name: name, Role: role, FTE: 1, Cluster: cluster, "YOS link SPO": link });

  it("yos.linkSpo: every cluster with an SPO marked as its YOS link passes", () => {
    expect(findings(book(staffSheet([...heads, spo("Sam", "Aire", "Yes"), spo("Sue", "Calder", "Y")], H)), RULE)).toEqual([]);
  });

  it("yos.linkSpo: a cluster without one is a warning naming the cluster", () => {
    const f = findings(book(staffSheet([...heads, spo("Sam", "Aire", "Yes"), spo("Sue", "Calder", "No")], H)), RULE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "Staff", cell: "E3" });
    expect(f[0]!.message).toMatch(/^LDU cluster Calder has no YOS link SPO/);
  });

  it("yos.linkSpo: someone marked who is not an SPO is a warning, and does not count as the link", () => {
    const f = findings(book(staffSheet([...heads, spo("Sam", "Aire", "Yes"), spo("Pat", "Calder", "Yes", "PO")], H)), RULE);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(/^LDU cluster Calder has no YOS link SPO/),
      "Pat is marked as YOS link SPO but is a PO; the link is an SPO (NPS Operating Model v1.0, ch.7).",
    ]);
  });

  it("yos.linkSpo: without a YOS link SPO column the check says it could not be made (information, not a guess)", () => {
    const f = findings(book(staffSheet(heads)), RULE);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("info");
    expect(f[0]!.message).toContain("YOS link SPO");
  });
});
