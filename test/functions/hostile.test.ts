/**
 * Every function, through the built bundle, with random and hostile cells: each result is a value
 * or a CustomFunctions error, never a JavaScript exception; it is rectangular, of the height the
 * input's last non-blank row gives, and every number in it is finite. Then 200,000-row inputs.
 * FUZZ_RUNS=n and FUZZ_SEED=n change how many random calls are made and which.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { associatedFunctions, type CustomFn } from "../support/bundle";
import { StubError } from "../support/custom-functions-stub";
import { errorCell, richErrorCell } from "../support/office-errors";

const RUNS = { numRuns: Number(process.env["FUZZ_RUNS"] ?? 300), seed: Number(process.env["FUZZ_SEED"] ?? 20261203) };

/** The functions' arguments, as functions.json declares them: a column (m) or a single value (s). */
const SHAPES: Record<string, string> = {
  TIER: "mmmmmmmmsms",
  ALLOCATE_GRADE: "mmmmmsmmm",
  REPORT_TYPE: "mmmmmmmmmmmmms",
  REPORT_AUTHOR: "mmmmmmmmm",
  REPORT_MIX: "mm",
  VLO_WEIGHT: "mmmmmmmm",
  ADMIN_NEEDED: "mm",
  SPO_NEEDED: "ms",
  COMPLEX_CLUSTERS: "mmmmmmmsss",
  YOS_FTE: "ms",
  PAROM_COUNTERSIGN: "ms",
  WORKLOAD_POINTS: "mmm",
  AVAILABLE_POINTS: "mmss",
  CAPACITY: "mm",
  OM_POINTS: "mmmmmms",
  REDUCTION_HOURS: "mmm",
  BEST_OM: "mmmmmmmms",
};
/** Functions that read every row into one answer, and the width of the answer. */
const SUMMARIES: Record<string, number> = { REPORT_MIX: 4, PAROM_COUNTERSIGN: 1 };
/** VLO_WEIGHT's and WORKLOAD_POINTS's last arguments are tables, not columns. */
const TABLES = new Set(["VLO_WEIGHT:7", "WORKLOAD_POINTS:2"]);
/** Functions whose answer is as tall as some of their columns only (one per OM, or one per new case): those columns' indexes. */
const HEIGHT_FROM: Record<string, readonly number[]> = { OM_POINTS: [0], BEST_OM: [0, 1, 6] };

const blankish = (v: unknown) => v === null || v === undefined || v === 0 || v === false || (typeof v === "string" && v.trim() === "");

/** Cells as Excel may hand them over: plain values in both blank conventions, words of every function, and worse. */
const cell = fc.oneof(
  fc.constantFrom(null, 0, false, true, "", "  ", 1, 2, 3, -1, 0.5, 6.9, 75, 90, 100, 1e300, 1e308, -1e308, Number.MIN_VALUE),
  fc.constantFrom("High", "Very High", "medium", "Low", "None", "A", "B1", "C1", "D2", "Y", "N", "Yes", "TRUE", "OM", "Court", "Oral", "FDR", "SDR", "Adjourn"),
  fc.constantFrom("PO", "PSO", "Good", "Not good", "Standard", "flag", "rank", "up", "Level 2", "Cat 1", "6.9%", "1,250"),
  fc.constantFrom("0x10", "1e1", "Infinity", "NaN", "constructor", "__proto__", "toString", "#N/A", "=1+1", "\u202e", "x".repeat(40_000)),
  fc.constantFrom("#REF!", "#DIV/0!").map((c) => errorCell(c)),
  fc.constant(richErrorCell("#N/A", "NotAvailable")),
  fc.constantFrom({ type: "Entity", text: "Team" }, { type: "Double", basicValue: 4 }, { type: "FormattedNumber", basicValue: 0.25 }, {}, []),
  fc.double(),
  fc.string({ maxLength: 12 }),
);

/** One call: a height, then each argument as a column of that height, a single cell, or omitted. */
function call(id: string) {
  const shape = SHAPES[id]!;
  return fc.integer({ min: 1, max: 40 }).chain((height) =>
    fc.tuple(
      ...[...shape].map((kind, i) => {
        if (TABLES.has(`${id}:${i}`)) return fc.constant(null);
        if (kind === "s") return fc.oneof(fc.constant(null), cell);
        return fc.oneof(
          { weight: 3, arbitrary: fc.array(cell, { minLength: height, maxLength: height }).map((c) => c.map((v) => [v])) },
          { weight: 1, arbitrary: cell.map((v) => [[v]]) },
          { weight: 1, arbitrary: fc.constant(null) },
        );
      }),
    ),
  );
}

/** The height a row-by-row answer must have: up to the last row with any non-blank column cell. */
function expectedHeight(args: unknown[], from?: readonly number[]): number {
  const cols = args.filter((a, i): a is unknown[][] => Array.isArray(a) && a.length > 1 && (from === undefined || from.includes(i)));
  const all = cols.length > 0 ? cols : [];
  let end = Math.max(1, ...all.map((c) => c.length));
  while (end > 1 && all.every((c) => blankish(c[end - 1]![0]))) end--;
  return end;
}

function check(id: string, fn: CustomFn, args: unknown[]): void {
  let out: unknown;
  try {
    out = fn(...args);
  } catch (e) {
    // A whole-call problem is one Excel error; anything else escaping is a bug.
    expect(e).toBeInstanceOf(StubError);
    return;
  }
  expect(Array.isArray(out)).toBe(true);
  const rows = out as unknown[][];
  const width = SUMMARIES[id] ?? 1;
  for (const row of rows) {
    expect(Array.isArray(row)).toBe(true);
    for (const v of row) {
      if (v instanceof StubError) continue;
      expect(["string", "number", "boolean"]).toContain(typeof v);
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    }
  }
  if (id in SUMMARIES) {
    if (!(rows.length === 1 && rows[0]![0] === "")) for (const row of rows) expect(row.length).toBe(width);
  } else {
    expect(rows.length).toBe(expectedHeight(args, HEIGHT_FROM[id]));
    for (const row of rows) expect(row.length).toBe(1);
  }
}

describe("every function survives random and hostile cells through the built bundle", () => {
  it.each(Object.keys(SHAPES))("%s: a value or an Excel error, rectangular, of the expected height, finite", (id) => {
    const fn = associatedFunctions().get(id)!;
    expect(fn).toBeDefined();
    fc.assert(fc.property(call(id), (args) => check(id, fn, args)), RUNS);
  });
});

describe("every function takes 200,000 rows without a JavaScript exception", () => {
  const N = 200_000;
  const column = (f: (i: number) => unknown) => Array.from({ length: N }, (_, i) => [f(i)]);
  const yn = column((i) => (i % 3 === 0 ? "Y" : i % 3 === 1 ? "N" : null));
  const rosh = column((i) => ["Low", "Medium", "High", "Very High", null][i % 5]);
  const num = (m: number) => column((i) => (i * 7919) % m);
  /** A staff list of 2,000, against which each of the 200,000 rows is weighed. */
  const staff = (f: (i: number) => unknown) => Array.from({ length: 2000 }, (_, i) => [f(i)]);
  const ARGS: Record<string, unknown[]> = {
    TIER: [rosh, num(10), num(100), column((i) => (i % 7 ? null : 2)), column((i) => (i % 7 ? null : 1 + (i % 3))), yn, yn, yn, null, yn, null],
    ALLOCATE_GRADE: [column((i) => ["A", "B1", "C1", "C2", "D1", "D2"][i % 6]), column((i) => ["Low", "Medium", "High", "Very High"][i % 4]), yn, yn, yn, null, yn, yn, yn],
    REPORT_TYPE: [yn, yn, yn, yn, yn, yn, yn, yn, yn, yn, yn, yn, yn, true],
    REPORT_AUTHOR: [yn, yn, yn, yn, rosh, rosh, yn, yn, yn],
    REPORT_MIX: [column((i) => ["Oral", "FDR", "SDR", "Adjourn"][i % 4]), column((i) => (i % 3 ? "PSO" : "PO"))],
    VLO_WEIGHT: [column((i) => ["Standard", "Homicide", "Domestic abuse"][i % 3]), num(5), num(9), num(3), num(4), num(2), num(2), null],
    ADMIN_NEEDED: [num(40), column((i) => (i % 2 ? "OM" : "Court"))],
    SPO_NEEDED: [num(300), null],
    COMPLEX_CLUSTERS: [column((i) => `Cluster ${i}`), num(9000), num(50), num(12), num(300), num(6), num(9), "rank", null, null],
    YOS_FTE: [num(900), null],
    PAROM_COUNTERSIGN: [column((i) => (i % 17 ? "Good" : "Inadequate")), null],
    WORKLOAD_POINTS: [column((i) => ["A", "B1", "B2", "C1", "C2", "D1", "D2", "Untiered"][i % 8]), column((i) => ["Community", "Licence", "Custody"][i % 3]), null],
    AVAILABLE_POINTS: [column((i) => (i % 5 ? 37 : 18.5)), num(10), null, null],
    CAPACITY: [num(3000), column(() => 2070)],
    OM_POINTS: [column((i) => `OM ${i % 2000}`), column((i) => `om ${(i * 7) % 2000}`), num(150), column((i) => `OM ${i % 500}`), num(140), num(400), 300],
    REDUCTION_HOURS: [column((i) => ["Long-term sickness", "Newly qualified officer", "Other"][i % 3]), column(() => 37), column((i) => (i % 3 === 2 ? 3 : null))],
    BEST_OM: [
      column((i) => (i % 3 ? "PSO" : "PO")),
      num(150),
      staff((i) => `OM ${i}`),
      staff((i) => (i % 3 ? "PSO" : "PO")),
      staff((i) => (i * 37) % 2500),
      staff(() => 2070),
      column((i) => `Team ${i % 40}`),
      staff((i) => `Team ${i % 40}`),
      null,
    ],
  };

  it.each(Object.keys(SHAPES))("%s over 200,000 rows", (id) => {
    const fn = associatedFunctions().get(id)!;
    const out = fn(...ARGS[id]!) as unknown[][];
    expect(out.length).toBe(id in SUMMARIES ? out.length : N);
    const errors = out.filter((r) => r.some((v) => v instanceof StubError));
    expect(errors.slice(0, 1)).toEqual([]);
  });
});
