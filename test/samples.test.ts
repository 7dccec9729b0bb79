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

  it("is at realistic scale: several clusters, thousands of cases, about 150 staff, a year of court reports", () => {
    const n = (name: string) => division.sheets.find((s) => s.name === name)!.rows.length;
    expect(n("Clusters")).toBeGreaterThanOrEqual(5);
    expect(n("Caseload")).toBeGreaterThanOrEqual(3000);
    expect(n("Staff")).toBeGreaterThanOrEqual(130);
    expect(n("Staff")).toBeLessThanOrEqual(180);
    expect(n("Court reports")).toBeGreaterThanOrEqual(1000);
  });

  it("the validator finds exactly the deliberate breaches at error and warning severity, and nothing else", () => {
    const found = report.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.sheet ?? ""}!${f.cell ?? ""}`);
    const planted = division.breaches.map((b) => `${b.rule} ${b.sheet}!${b.cell ?? ""}`);
    expect(found.sort()).toEqual(planted.sort());
    expect(planted.length).toBeGreaterThanOrEqual(5);
  });

  it("its information lines are only the PAROM countersignature that may be lifted (NPS Operating Model v1.0, ch.4)", () => {
    const info = report.findings.filter((f) => f.severity === "info");
    expect(new Set(info.map((f) => f.rule))).toEqual(new Set(["parom.liftable"]));
  });

  it("every sheet of the layout is present and recognised, so every rule is checked", () => {
    expect(report.layout.sheets.map((s) => s.kind)).toEqual(LAYOUT.map((d) => d.kind));
    expect(report.summaries.filter((s) => s.status === "not checked").map((s) => s.rule)).toEqual([]);
  });
});
