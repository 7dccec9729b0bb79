import { describe, expect, it } from "@jest/globals";
import { validateWorkbook } from "../../src/model/validate";
import type { CellValue } from "../../src/model/values";
import { book, rowsOf, sheet } from "../support/book";
import { findings, staffSheet } from "./staffing-fixtures";

const AP_HEADER = [
  "AP",
  "AP type",
  "AP manager",
  "AP area manager",
  "Minimum waking staff",
  "CA FTE",
  "PO key worker",
  "Operational staff",
  "Female operational staff",
  "Purposeful activity hours",
] as const;

/** An AP that meets every rule; `over` changes the cells a test is about. */
const ap = (name: string, over: Readonly<Record<string, CellValue>> = {}) => ({
  AP: name,
  "AP type": "Men",
  "AP manager": `Manager of ${name}`,
  "AP area manager": "Alex",
  "Minimum waking staff": 2,
  "CA FTE": 0.5,
  "Purposeful activity hours": 6,
  ...over,
});
const aps = (...rows: Readonly<Record<string, CellValue>>[]) => sheet("Approved premises", AP_HEADER, rowsOf(AP_HEADER, rows));

describe("Approved Premises (NPS Operating Model v1.0, ch.6)", () => {
  it("ap.*: an AP that meets every rule gives no AP findings (NPS Operating Model v1.0, ch.6)", () => {
    const r = validateWorkbook(book(aps(ap("Elm House")), staffSheet([{ Name: "Fin", Role: "Financial administrator", FTE: 1 }])));
    expect(r.findings.filter((f) => f.rule.startsWith("ap."))).toEqual([]);
  });

  it("ap.manager: a blank manager, and one manager named for two APs, are errors at the cell (NPS Operating Model v1.0, ch.6)", () => {
    const f = findings(book(aps(ap("A", { "AP manager": null }), ap("B", { "AP manager": "Jo" }), ap("C", { "AP manager": "jo " }))), "ap.manager");
    expect(f.map((x) => [x.severity, x.cell])).toEqual([
      ["error", "C2"],
      ["error", "C3"],
      ["error", "C4"],
    ]);
    expect(f[0]!.message).toBe("AP A has no AP manager recorded; each AP has a dedicated manager (NPS Operating Model v1.0, ch.6).");
    expect(f[1]!.message).toBe("AP B: the AP manager Jo also manages C; each AP has a dedicated manager (NPS Operating Model v1.0, ch.6).");
  });

  it.each([
    [2, 0],
    [1, 1],
  ])("ap.wakingStaff: %i waking staff at the rota's lowest gives %i errors (boundary at two, NPS Operating Model v1.0, ch.6)", (n, k) => {
    const f = findings(book(aps(ap("A", { "Minimum waking staff": n }))), "ap.wakingStaff");
    expect(f).toHaveLength(k);
    if (k) expect(f[0]).toMatchObject({ severity: "error", cell: "E2", figure: 1, target: 2 });
  });

  it("ap.wakingStaff: an override to 3 fails an AP with 2; a blank is a warning; a negative an error (what-if, bad input)", () => {
    expect(findings(book(aps(ap("A"))), "ap.wakingStaff", { overrides: { apWakingStaff: 3 } })).toHaveLength(1);
    expect(findings(book(aps(ap("A", { "Minimum waking staff": null }))), "ap.wakingStaff").map((x) => x.severity)).toEqual(["warning"]);
    expect(findings(book(aps(ap("A", { "Minimum waking staff": -1 }))), "ap.wakingStaff").map((x) => x.severity)).toEqual(["error"]);
  });

  it.each([
    [0.5, 0],
    [0.49, 1],
  ])("ap.caFte: %s FTE case administrator gives %i warnings (boundary at 0.5, NPS Operating Model v1.0, ch.6)", (fte, k) => {
    const f = findings(book(aps(ap("A", { "CA FTE": fte }))), "ap.caFte");
    expect(f).toHaveLength(k);
    if (k) expect(f[0]).toMatchObject({ severity: "warning", cell: "F2", figure: 0.49, target: 0.5 });
  });

  it("ap.pipeKeyWorker: a PIPE AP without a PO key worker is a warning; with one it passes; Men's APs are not asked (NPS Operating Model v1.0, ch.6)", () => {
    const f = findings(book(aps(ap("A", { "AP type": "PIPE", "PO key worker": "No" }), ap("B", { "AP type": "pipe", "PO key worker": "Yes" }), ap("C", { "PO key worker": "No" }))), "ap.pipeKeyWorker");
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["warning", "G2"]]);
    expect(f[0]!.message).toMatch(/^AP A is a PIPE AP, where a PO takes the place of a key-worker PSO/);
  });

  it.each([
    [12, 12, []],
    [12, 11, ["error"]],
    [12, 13, ["warning"]],
  ])("ap.womenStaff: an AP for women with %i operational staff, %i female, gives %j (NPS Operating Model v1.0, ch.6)", (total, female, want) => {
    const f = findings(book(aps(ap("W", { "AP type": "Women's", "Operational staff": total, "Female operational staff": female }))), "ap.womenStaff");
    expect(f.map((x) => x.severity)).toEqual(want);
    if (want[0] === "error") expect(f[0]!.message).toMatch(/11 of its 12 operational staff are female/);
  });

  it("ap.womenStaff: blank counts in an AP for women are a warning; Men's APs are not asked (bad input)", () => {
    expect(findings(book(aps(ap("W", { "AP type": "Women" }))), "ap.womenStaff").map((x) => [x.severity, x.cell])).toEqual([["warning", "H2"]]);
    expect(findings(book(aps(ap("M", { "Operational staff": 10, "Female operational staff": 0 }))), "ap.womenStaff")).toEqual([]);
  });

  it("ap.type: an AP type that is not Men, Women or PIPE is a warning, so no rule is silently skipped (bad input)", () => {
    const f = findings(book(aps(ap("X", { "AP type": "Mixed" }))), "ap.type");
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["warning", "B2"]]);
  });

  it.each([
    [6, 0],
    [5.9, 1],
  ])("ap.purposefulHours: %s hours a week gives %i warnings (boundary at 6, NPS Operating Model v1.0, ch.6)", (h, k) => {
    expect(findings(book(aps(ap("A", { "Purposeful activity hours": h }))), "ap.purposefulHours")).toHaveLength(k);
  });

  it("ap.purposefulHours: an override to 5 passes 5.5 hours (what-if)", () => {
    const b = book(aps(ap("A", { "Purposeful activity hours": 5.5 })));
    expect(findings(b, "ap.purposefulHours")).toHaveLength(1);
    expect(findings(b, "ap.purposefulHours", { overrides: { apPurposefulHours: 5 } })).toEqual([]);
  });

  it("ap.financeAdmin: two area managers need 2.0 FTE financial administrators; 1.5 is a warning with figure and target (NPS Operating Model v1.0, ch.6)", () => {
    const b = (fin: number[]) =>
      book(
        aps(ap("A"), ap("B", { "AP area manager": "Bo" }), ap("C", { "AP area manager": "alex" })),
        staffSheet(fin.map((f, i) => ({ Name: `F${i}`, Role: "Financial administrator", FTE: f }))),
      );
    expect(findings(b([1, 1]), "ap.financeAdmin")).toEqual([]);
    const f = findings(b([1, 0.5]), "ap.financeAdmin");
    expect(f[0]).toMatchObject({ severity: "warning", figure: 1.5, target: 2 });
    expect(f[0]!.message).toBe("1.5 FTE financial administrators on the staff list for 2 AP area managers; the model has 1.0 full-time per area manager, 2.0 FTE (NPS Operating Model v1.0, ch.6).");
  });

  it("ap.*: without an Approved premises sheet the AP rules are not checked", () => {
    const r = validateWorkbook(book(staffSheet([{ Name: "Fin", Role: "Financial administrator", FTE: 1 }])));
    expect(r.summaries.filter((s) => s.rule.startsWith("ap.")).every((s) => s.status === "not checked")).toBe(true);
  });
});
