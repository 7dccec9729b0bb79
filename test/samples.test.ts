/**
 * The committed sample division: it is what the generator makes from its seed, and the validator
 * finds exactly its deliberate breaches (README "The sample division") and nothing else at error
 * or warning severity.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { expectAs } from "./support/expect-as";
import { LAYOUT } from "../src/model/layout";
import { validateWorkbook } from "../src/model/validate";
import type { ValidationReport, WorkbookData } from "../src/model/validate/types";
import { readWorkbook } from "../src/workbook/read";
import { makeDivision } from "../scripts/sample-division";

const SAMPLES = join(__dirname, "..", "samples");
const division = makeDivision();
let book: WorkbookData;
let report: ValidationReport;

beforeAll(async () => {
  const r = await readWorkbook(join(SAMPLES, "sample-division.xlsx"));
  if (!r.ok) throw r.error;
  book = r.value;
  report = validateWorkbook(book);
}, 60_000);

describe("samples/sample-division.xlsx", () => {
  it("is the generator's output from its fixed seed (run `npm run samples` after changing the generator)", () => {
    expect(book.sheets.map((s) => s.name)).toEqual(division.sheets.map((s) => s.name));
    for (const s of division.sheets) {
      const read = book.sheets.find((x) => x.name === s.name)!;
      expectAs(read.rows[0], s.name).toEqual(s.header);
      expectAs(read.rows.length - 1, s.name).toBe(s.rows.length);
      const pad = (r: readonly unknown[]) => s.header.map((_, i) => r[i] ?? null);
      expectAs(read.rows.slice(1).map(pad), s.name).toEqual(s.rows.map(pad));
    }
  });

  it("is at realistic scale: several clusters, thousands of cases, about 250 staff, a year of court reports", () => {
    const n = (name: string) => division.sheets.find((s) => s.name === name)!.rows.length;
    expect(n("Clusters")).toBeGreaterThanOrEqual(5);
    expect(n("Caseload")).toBeGreaterThanOrEqual(3000);
    expect(n("Staff")).toBeGreaterThanOrEqual(220);
    expect(n("Staff")).toBeLessThanOrEqual(270);
    expect(n("Court reports")).toBeGreaterThanOrEqual(1000);
  });

  it("the validator finds exactly the deliberate breaches at error and warning severity, and nothing else", () => {
    const found = report.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.sheet ?? ""}!${f.cell ?? ""}`);
    const planted = division.breaches.map((b) => `${b.rule} ${b.sheet}!${b.cell ?? ""}`);
    expect(found.sort()).toEqual(planted.sort());
    expect(planted.length).toBeGreaterThanOrEqual(5);
  });

  it("its information lines are only the PAROM countersignature that may be lifted (NPS Operating Model v1.0, ch.4) and what the workload counted", () => {
    const info = report.findings.filter((f) => f.severity === "info");
    expect(new Set(info.map((f) => f.rule))).toEqual(new Set(["parom.liftable", "workload.counting", "workload.spread"]));
    const counting = info.filter((f) => f.rule === "workload.counting").map((f) => f.message);
    expect(counting).toEqual([
      "Workload counted: 3,001 cases, 49 court reports and 0 PAROMs in the 30 days to 16/10/2026 (the workbook's latest date).",
      expect.stringMatching(/^505 cases do not say Community, Licence or Custody in the sentence type \(first: case X100003 at Caseload!P2\)/),
    ]);
  });

  it("one OM is over capacity, as README lists them (HMPPS Workload Management Tool): Quinn Birch, 2,864 points against 2,176 available", () => {
    const over = report.findings.filter((f) => f.rule === "workload.capacity");
    expect(over.map((f) => [f.severity, `${f.sheet ?? ""}!${f.cell ?? ""}`, f.message])).toEqual([
      ["warning", "Staff!A104", "Quinn Birch holds 2,864 workload points against 2,176 available: 131.6% of capacity, over the division's 100%."],
    ]);
    expect(over[0]!.figure).toBeCloseTo(2864 / 2176, 9);
    expect(over[0]!.target).toBe(1);
    const planted = division.breaches.find((b) => b.rule === "workload.capacity")!;
    expect(planted.what).toContain("2,864 points against 2,176 available, 131.6% of capacity");
    expect(report.workload).toMatchObject({ threshold: 1, asOf: "16/10/2026", measured: 121, over: 1 });
  });

  it("every other PO and PSO of an OM team sits between 60% and 100% of capacity", () => {
    const teams = division.sheets.find((s) => s.kind === "teams")!;
    const omTeams = new Set(teams.rows.filter((r) => r[teams.header.indexOf("Type")] === "OM").map((r) => String(r[teams.header.indexOf("Team")])));
    const oms = report.workload!.teams.filter((t) => omTeams.has(t.team)).flatMap((t) => t.oms.filter((o) => o.name !== "Quinn Birch"));
    expect(oms.length).toBe(12 * 5 + 6 * 10 - 1); // North and South teams: 3 POs and 2 PSOs; East teams: 9 POs and a PSO
    for (const o of oms) expectAs(o.capacity, `${o.name}: ${o.points} of ${o.available}`).toBeGreaterThanOrEqual(0.6);
    for (const o of oms) expectAs(o.capacity, `${o.name}: ${o.points} of ${o.available}`).toBeLessThanOrEqual(1);
  });

  it("hours and reductions read as written: part-time OMs and the three reductions give the available points WMT gives", () => {
    const available = new Map(report.workload!.teams.flatMap((t) => t.oms.map((o) => [o.name, o.available] as const)));
    const staff = division.sheets.find((s) => s.kind === "staff")!;
    const at = (field: string) => staff.header.indexOf(LAYOUT.find((d) => d.kind === "staff")!.fields.find((f) => f.id === field)!.header);
    const rows = staff.rows.filter((r) => r[at("reductionReason")] !== null || (r[at("contractedHours")] as number) % 18.5 !== 0);
    const seen = rows.map((r) => [r[at("reductionReason")], r[at("reductionHours")], r[at("contractedHours")], available.get(String(r[at("name")]))]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ["Newly qualified officer", null, 37, 1740], // 20% of 37 hours off: trunc(2176 × 29.6 ÷ 37)
        ["Trade union facility time", 7.5, 37, 1734],
        ["Other", 4, 37, 1940],
        [null, null, 30, 1764],
        [null, null, 22.5, 1323],
      ]),
    );
    expect(report.findings.filter((f) => f.rule === "workload.hours")).toEqual([]);
  });

  it("every sheet of the layout is present and recognised, so every rule is checked", () => {
    expect(report.layout.sheets.map((s) => s.kind)).toEqual(LAYOUT.map((d) => d.kind));
    expect(report.summaries.filter((s) => s.status === "not checked").map((s) => s.rule)).toEqual([]);
  });
});
