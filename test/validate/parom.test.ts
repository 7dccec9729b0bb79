import { describe, expect, it } from "@jest/globals";
import { validateWorkbook } from "../../src/model/validate";
import type { CellValue } from "../../src/model/values";
import { book, rowsOf, sheet } from "../support/book";
import { findings, summary } from "./staffing-fixtures";

const HEADER = ["OM", "Date", "Assessment", "SPO countersigned"] as const;
type P = [om: string, date: CellValue, assessment: CellValue, countersigned: CellValue];
const paroms = (rows: P[], header: readonly string[] = HEADER) =>
  sheet("PAROMs", header, rowsOf(header, rows.map(([om, d, a, c]) => ({ OM: om, Date: d, Assessment: a, "SPO countersigned": c }))));

const RULE = "parom.countersign";

describe("parom.countersign: routine SPO countersignature until three successive reports are Good (NPS Operating Model v1.0, ch.4)", () => {
  it("parom.countersign: three countersigned Good reports, then an uncountersigned fourth, passes (NPS Operating Model v1.0, ch.4)", () => {
    const b = book(paroms([["Ann", "2026-01-05", "Good", "Yes"], ["Ann", "2026-02-05", "Good", "Yes"], ["Ann", "2026-03-05", "Good", "Yes"], ["Ann", "2026-04-05", "Good", "No"]]));
    expect(findings(b, RULE)).toEqual([]);
  });

  it("parom.countersign: the third report not countersigned after only two Good is an error at the cell (boundary, NPS Operating Model v1.0, ch.4)", () => {
    const f = findings(book(paroms([["Ann", "2026-01-05", "Good", "Yes"], ["Ann", "2026-02-05", "Good", "Yes"], ["Ann", "2026-03-05", "Good", "No"]])), RULE);
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["error", "D4"]]);
    expect(f[0]!.message).toBe(
      "PAROM by Ann on 05/03/2026 was not countersigned by an SPO, but Ann had 2 successive reports assessed Good before it; routine countersignature is lifted only after 3 (NPS Operating Model v1.0, ch.4).",
    );
  });

  it("parom.countersign: reports are taken in date order per OM, whatever the sheet order (NPS Operating Model v1.0, ch.4)", () => {
    const b = book(paroms([["Ann", "2026-04-05", "Good", "No"], ["Bob", "2026-01-01", "Good", "Yes"], ["Ann", "2026-03-05", "Good", "Yes"], ["Ann", "2026-01-05", "Good", "Yes"], ["ann", "2026-02-05", "Good", "Yes"]]));
    expect(findings(b, RULE)).toEqual([]);
  });

  it("parom.countersign: a report not Good ends the run, so the next one must be countersigned again (NPS Operating Model v1.0, ch.4)", () => {
    const b = book(
      paroms([
        ["Ann", "2026-01-05", "Good", "Yes"],
        ["Ann", "2026-02-05", "Good", "Yes"],
        ["Ann", "2026-03-05", "Good", "Yes"],
        ["Ann", "2026-04-05", "Requires improvement", "No"],
        ["Ann", "2026-05-05", "Good", "No"],
      ]),
    );
    expect(findings(b, RULE).map((x) => x.cell)).toEqual(["D6"]);
  });

  it("parom.countersign: an override of 2 Good lifts countersignature from the third report (what-if)", () => {
    const b = book(paroms([["Ann", "2026-01-05", "Good", "Yes"], ["Ann", "2026-02-05", "Good", "Yes"], ["Ann", "2026-03-05", "Good", "No"]]));
    expect(findings(b, RULE)).toHaveLength(1);
    expect(findings(b, RULE, { overrides: { paromGoodRun: 2 } })).toEqual([]);
  });

  it("parom.countersign: an unknown assessment is an error and counts as not Good; a blank one a warning; a blank countersigned cell a warning (bad input)", () => {
    const f = findings(
      book(paroms([["Ann", "2026-01-05", "Excellent", "Yes"], ["Ann", "2026-02-05", null, "Yes"], ["Ann", "2026-03-05", "Good", null], ["Ann", null, "Good", "Yes"]])),
      RULE,
    );
    expect(f.map((x) => [x.severity, x.cell])).toEqual([
      ["error", "C2"],
      ["warning", "C3"],
      ["warning", "D4"],
      ["warning", "B5"],
    ]);
    expect(f[0]!.message).toMatch(/^Assessment: expected a PAROM quality assessment, one of Good, Not good/);
  });

  it("parom.countersign: without an SPO countersigned column, one info finding says it was not checked (bad input)", () => {
    const f = findings(book(paroms([["Ann", "2026-01-05", "Good", "Yes"]], ["OM", "Date", "Assessment"])), RULE);
    expect(f.map((x) => x.severity)).toEqual(["info"]);
  });
});

describe("parom.liftable: OMs for whom countersignature may be lifted (NPS Operating Model v1.0, ch.4)", () => {
  const LIFT = "parom.liftable";
  it("parom.liftable: an OM whose last three reports are Good is listed as info; one with two is not (boundary)", () => {
    const b = book(
      paroms([
        ["Ann", "2026-01-05", "Good", "Yes"],
        ["Ann", "2026-02-05", "Good", "Yes"],
        ["Ann", "2026-03-05", "Good", "Yes"],
        ["Bob", "2026-01-05", "Good", "Yes"],
        ["Bob", "2026-02-05", "Good", "Yes"],
      ]),
    );
    const r = validateWorkbook(b);
    const f = r.findings.filter((x) => x.rule === LIFT);
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["info", "A4"]]);
    expect(f[0]!.message).toMatch(/^Ann: the last 3 PAROMs were assessed Good .* SPOs still audit and endorse a sample each year/);
    // It describes, it does not judge: for information, never a pass.
    expect(summary(r, LIFT)).toMatchObject({ status: "information", family: "PAROM countersignature", figure: "1 of 2 OMs", target: "3 successive Good" });
  });
});
