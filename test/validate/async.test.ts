/**
 * The engine in steps (src/model/validate/engine.ts): validateWorkbookAsync pauses between steps so
 * that the task pane, which shares Excel's one thread with the custom functions, keeps it
 * responsive, and gives the very report validateWorkbook gives. No timings here: the longest time
 * between pauses is the bench's (bench/validate.bench.ts).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { RULES, validateSteps, validateWorkbook, validateWorkbookAsync, type ValidationProgress, type WorkbookData } from "../../src/model/validate";
import { readWorkbook } from "../../src/workbook/read";
import { makeDivision } from "../../scripts/sample-division";
import { book as bookOf, sheet } from "../support/book";

/** The synthetic division as the pane would hand it over (header on row 1, column A first). */
function division(cases: number): WorkbookData {
  return { sheets: makeDivision({ cases }).sheets.map((s) => sheet(s.name, s.header, s.rows)) };
}

/** Runs the async validation pausing at every step (sliceMs 0), counting the pauses and keeping the progress reported. */
async function everyStep(book: WorkbookData, options: Parameters<typeof validateWorkbookAsync>[1] = {}) {
  const progress: ValidationProgress[] = [];
  let pauses = 0;
  const report = await validateWorkbookAsync(book, options, {
    sliceMs: 0,
    onProgress: (p) => progress.push(p),
    yieldToHost: async () => {
      pauses++;
    },
  });
  return { report, progress, pauses };
}

let sample: WorkbookData;
const large = division(20_000);

beforeAll(async () => {
  const r = await readWorkbook(join(__dirname, "..", "..", "samples", "sample-division.xlsx"));
  if (!r.ok) throw r.error;
  sample = r.value;
}, 60_000);

describe("validateWorkbookAsync gives validateWorkbook's report", () => {
  it("on the sample division, pausing at every step and with the default slices", async () => {
    const sync = validateWorkbook(sample);
    expect((await everyStep(sample)).report).toEqual(sync);
    expect(await validateWorkbookAsync(sample)).toEqual(sync);
  });

  it("on a generated 20,000-case division with its deliberate breaches, with what-if figures and Napo's readings", async () => {
    const options = { overrides: { reportOralShare: 0.5, spoSpan: 12 }, variants: { napoDomesticViolence: true, napoIndeterminateToPo: true } };
    for (const o of [{}, options]) {
      const sync = validateWorkbook(large, o);
      expect(sync.findings.some((f) => f.severity === "error")).toBe(true);
      expect((await everyStep(large, o)).report).toEqual(sync);
    }
  });

  it("when there is nothing to check, and with a what-if figure that cannot be used", async () => {
    for (const b of [bookOf(), bookOf(sheet("Notes", ["Date", "Note"], [["today", "hello"]]))]) {
      const options = { overrides: { reportOralShare: "lots" } };
      expect((await everyStep(b, options)).report).toEqual(validateWorkbook(b, options));
    }
  });
});

describe("pauses and progress", () => {
  it("pauses at every step with sliceMs 0: more pauses than rules, each with progress", async () => {
    const { pauses, progress } = await everyStep(sample);
    expect(pauses).toBeGreaterThan(RULES.length);
    expect(progress).toHaveLength(pauses);
  });

  it("progress rises at every report, against a total that stays put, in plain words", async () => {
    const { progress } = await everyStep(large);
    const total = progress[0]!.total;
    expect(total).toBeGreaterThan(20_000 * 2);
    progress.forEach((p, i) => {
      expect(p.total).toBe(total);
      expect(p.done).toBeLessThanOrEqual(total);
      if (i > 0) expect(p.done).toBeGreaterThan(progress[i - 1]!.done);
    });
    expect(progress.at(-1)!.label).toMatch(/^Sorting [\d,]+ findings$/);
    for (const rule of RULES.filter((r) => typeof r.label === "string")) expect(progress.map((p) => p.label)).toContain(`Checking: ${rule.label as string}`);
  });

  it("pauses while a 20,000-row caseload is read, and while the long caseload rules go down it", () => {
    const labels: string[] = [];
    const steps = validateSteps(large);
    for (let r = steps.next(); r.done !== true; r = steps.next()) labels.push(r.value.label);
    expect(labels.filter((l) => l.startsWith("Reading Caseload")).length).toBeGreaterThan(2);
    expect(labels.filter((l) => l.startsWith("Checking: Recorded tiers match the model")).length).toBeGreaterThan(2);
    expect(labels.filter((l) => l.startsWith("Checking: One OM per case")).length).toBeGreaterThan(2);
  });

  it("with a long slice, a small workbook is validated without a pause, and onProgress is only called at a pause", async () => {
    let pauses = 0;
    let reports = 0;
    const b = bookOf(sheet("Caseload", ["Case ID", "OM", "OM grade", "Team", "RoSH"], [["X1", "Ann", "PO", "T", "Low"]]));
    const report = await validateWorkbookAsync(b, {}, { sliceMs: 60_000, onProgress: () => reports++, yieldToHost: async () => void pauses++ });
    expect(report).toEqual(validateWorkbook(b));
    expect(pauses).toBe(0);
    expect(reports).toBe(0);
  });

  it("pauses with a macrotask by default, so timers and I/O callbacks run during a validation", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await validateWorkbookAsync(large, {}, { sliceMs: 0 });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});
