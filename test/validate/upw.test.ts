import { describe, expect, it } from "@jest/globals";
import type { CellValue } from "../../src/model/values";
import { book, rowsOf, sheet } from "../support/book";
import { findings } from "./staffing-fixtures";

const HEADER = ["Case ID", "Sentence date", "Start date", "Completed date", "Hours ordered", "Education hours", "Travel minutes"] as const;
const upw = (...rows: Readonly<Record<string, CellValue>>[]) =>
  book(sheet("Unpaid work", HEADER, rowsOf(HEADER, rows.map((r, i) => ({ "Case ID": `X${i + 1}`, "Sentence date": "2026-01-05", "Hours ordered": 100, ...r })))));

describe("upw.start: unpaid work starts within 20 working days of sentence (NPS FAQ on the future of probation, June 2020)", () => {
  const RULE = "upw.start";
  // Sentence Monday 2026-01-05: 20 working days later is Monday 2026-02-02.
  it.each([
    ["2026-02-02", 0],
    ["2026-02-03", 1],
  ])("upw.start: sentenced Mon 2026-01-05, started %s gives %i warnings (boundary at 20 working days, weekends excluded)", (start, n) => {
    expect(findings(upw({ "Start date": start }), RULE)).toHaveLength(n);
  });

  it("upw.start: the warning gives the working days and the limit at the Start date cell (NPS FAQ on the future of probation, June 2020)", () => {
    const f = findings(upw({ "Start date": "2026-02-03" }), RULE);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "Unpaid work", cell: "C2", figure: 21, target: 20, source: "NPS FAQ on the future of probation, June 2020" });
    expect(f[0]!.message).toBe("Case X1: unpaid work started 03/02/2026, 21 working days after sentence on 05/01/2026; it starts within 20 working days (NPS FAQ on the future of probation, June 2020).");
  });

  it("upw.start: an override to 25 working days passes a start 21 days after (what-if)", () => {
    expect(findings(upw({ "Start date": "2026-02-03" }), RULE, { overrides: { upwStartBusinessDays: 25 } })).toEqual([]);
  });

  it("upw.start: a start before sentence is an error; no start yet is not overdue while the workbook's latest date is within the limit", () => {
    const f = findings(upw({ "Start date": "2026-01-02" }, {}), RULE);
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["error", "C2"]]);
    expect(f[0]!.message).toMatch(/is before the sentence date 05\/01\/2026/);
  });
});

describe("upw.complete: completed within 12 months of sentence (NPS FAQ on the future of probation, June 2020)", () => {
  const RULE = "upw.complete";
  it.each([
    ["2027-01-05", 0],
    ["2027-01-06", 1],
  ])("upw.complete: sentenced 2026-01-05, completed %s gives %i warnings (boundary at 12 months)", (done, n) => {
    expect(findings(upw({ "Completed date": done }), RULE)).toHaveLength(n);
  });

  it("upw.complete: a month end rolls to the shorter month's last day (31 Jan + 1 month = 28 Feb) under an override (what-if)", () => {
    const row = { "Sentence date": "2026-01-31", "Completed date": "2026-03-01" };
    expect(findings(upw(row), RULE)).toEqual([]);
    const f = findings(upw(row), RULE, { overrides: { upwCompleteMonths: 1 } });
    expect(f[0]!.message).toBe("Case X1: unpaid work completed 01/03/2026, sentenced 31/01/2026; it is completed within 1 month (by 28/02/2026) (NPS FAQ on the future of probation, June 2020).");
  });

  it("upw.complete: a completion before sentence is an error (bad input)", () => {
    expect(findings(upw({ "Completed date": "2025-12-31" }), RULE).map((x) => [x.severity, x.cell])).toEqual([["error", "D2"]]);
  });
});

describe("upw.travel: at most 90 minutes' travel each way (NPS FAQ on the future of probation, June 2020)", () => {
  const RULE = "upw.travel";
  it.each([
    [90, 0],
    [91, 1],
  ])("upw.travel: %i minutes gives %i warnings (boundary at 90)", (m, n) => {
    expect(findings(upw({ "Travel minutes": m }), RULE)).toHaveLength(n);
  });

  it("upw.travel: figure and target on the finding; an override to 120 passes 91; a negative time is an error (what-if, bad input)", () => {
    expect(findings(upw({ "Travel minutes": 91 }), RULE)[0]).toMatchObject({ cell: "G2", figure: 91, target: 90 });
    expect(findings(upw({ "Travel minutes": 91 }), RULE, { overrides: { upwMaxTravelMinutes: 120 } })).toEqual([]);
    expect(findings(upw({ "Travel minutes": -5 }), RULE).map((x) => x.severity)).toEqual(["error"]);
  });
});

describe("upw.education: up to 20% of an order on education or training (NPS FAQ on the future of probation, June 2020)", () => {
  const RULE = "upw.education";
  it.each([
    [20, 0],
    [20.5, 1],
  ])("upw.education: %s education hours of 100 ordered gives %i warnings (boundary at 20%%)", (h, n) => {
    expect(findings(upw({ "Education hours": h }), RULE)).toHaveLength(n);
  });

  it("upw.education: the warning gives the share and hours; an override to 25% passes 24 of 100 (what-if)", () => {
    const f = findings(upw({ "Education hours": 24 }), RULE);
    expect(f[0]).toMatchObject({ severity: "warning", cell: "F2", figure: 24, target: 20 });
    expect(f[0]!.message).toBe("Case X1: 24 hours of education or training in an order of 100 hours; at most 20% of an order (20 hours) may be spent on education or training (NPS FAQ on the future of probation, June 2020).");
    expect(findings(upw({ "Education hours": 24 }), RULE, { overrides: { upwEducationShare: 0.25 } })).toEqual([]);
  });

  it("upw.education: unreadable hours are the engine's to report, never guessed; negative ordered hours are an error (bad input)", () => {
    expect(findings(upw({ "Education hours": "some" }), RULE)).toEqual([]);
    expect(findings(upw({ "Education hours": 5, "Hours ordered": -100 }), RULE).map((x) => [x.severity, x.cell])).toEqual([["error", "E2"]]);
  });
});

describe("unpaid work not started or not completed by the workbook's latest date (NPS FAQ on the future of probation, June 2020)", () => {
  // X1 is sentenced Mon 2026-01-05 and has neither date; X2's dates set the workbook's as-of date.
  it.each([
    ["2026-02-02", 0],
    ["2026-02-03", 1],
  ])("upw.start: not started by %s (the latest date in the workbook) gives %i warnings (20 working days)", (latest, n) => {
    const f = findings(upw({}, { "Sentence date": latest, "Start date": latest }), "upw.start");
    expect(f).toHaveLength(n);
    if (n) {
      expect(f[0]).toMatchObject({ severity: "warning", cell: "C2" });
      expect(f[0]!.message).toBe(
        `Case X1: sentenced 05/01/2026 and not started by ${latest.split("-").reverse().join("/")} (the workbook's latest date), 21 working days on; unpaid work starts within 20 working days of sentence (NPS FAQ on the future of probation, June 2020).`,
      );
    }
  });

  it.each([
    ["2027-01-05", 0],
    ["2027-01-06", 1],
  ])("upw.complete: not completed by %s (the latest date in the workbook) gives %i warnings (12 months)", (latest, n) => {
    const f = findings(upw({ "Start date": "2026-01-12" }, { "Sentence date": "2026-06-01", "Start date": "2026-06-08", "Completed date": latest }), "upw.complete");
    expect(f).toHaveLength(n);
    if (n) expect(f[0]).toMatchObject({ severity: "warning", cell: "D2", message: expect.stringMatching(/^Case X1: sentenced 05\/01\/2026 and not completed by 06\/01\/2027 .* by 05\/01\/2027 \(NPS FAQ on the future of probation, June 2020\)\.$/) });
  });

  it("an unreadable start date is the engine's finding, not an overdue one", () => {
    const r = findings(upw({ "Start date": "soon" }, { "Sentence date": "2026-06-01", "Start date": "2026-06-01" }), "upw.start");
    expect(r).toEqual([]);
  });
});
