/**
 * The one blank convention, through the built bundle, in every way Excel passes a blank cell (null
 * on the web, 0 or FALSE on desktop): the cases seen in desktop Excel, whole columns, header rows,
 * Excel's own error values, and numbers that must not be guessed.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { BLANK, CONVENTIONS } from "../support/blanks";
import { associatedFunctions, bundleFunctions, resetBundleSettings, setBundleSettings } from "../support/bundle";
import { shown, StubError } from "../support/custom-functions-stub";
import { errorCell, richErrorCell } from "../support/office-errors";
import { DEFAULT_SETTINGS } from "../../src/runtime/settings";

const col = (...v: unknown[]) => v.map((x) => [x]);
const one = (v: unknown) => [[v]];
const B = (): unknown[][] => [[BLANK]];

/** A whole call's error, shown as the cell shows it; the result itself when there is none. */
function run(f: () => unknown): unknown {
  try {
    return shown(f());
  } catch (e) {
    if (e instanceof StubError) return shown(e);
    throw e;
  }
}

const CLUSTERS = [col("North", "South", "East", "West"), col(9, 5, 3, 1), col(9, 5, 3, 1), col(1, 1, 1, 1), col(1, 1, 1, 1), col(1, 1, 1, 1), col(1, 1, 1, 1)];

afterEach(() => resetBundleSettings());

describe.each(CONVENTIONS)("blank cells as Excel $name passes them", ({ blank }) => {
  const fns = bundleFunctions(blank);

  it("tier: a blank RoSH with RSR 7 is B2 from the score alone (ch.3 Diagram 1)", () => {
    expect(run(() => fns.TIER(B(), one(7), B(), B(), B(), B(), B(), B(), null, null, null))).toEqual([["B2"]]);
  });

  it("tier: a blank RoSH whose scores are 0 is refused, not tiered D: desktop cannot tell 0 from blank", () => {
    expect(run(() => fns.TIER(B(), one(0), B(), B(), B(), one("Y"), B(), B(), null, null, null))).toEqual([
      [expect.stringMatching(/^#VALUE!: The tier cannot be worked out: rosh is blank and rsr and ogrs are 0/)],
    ]);
  });

  it("allocate: tier A with a blank RoSH goes to a PO (ch.3: POs manage tiers A and B)", () => {
    expect(run(() => fns.ALLOCATE_GRADE(one("A"), B(), B(), B(), B(), null))).toEqual([["PO"]]);
  });

  it("allocate: tier D1 with a blank RoSH is refused: RoSH is needed for tiers C and D", () => {
    expect(run(() => fns.ALLOCATE_GRADE(one("D1"), B(), null, null, null, null))).toEqual([[expect.stringMatching(/^#VALUE!: rosh is blank; tier D1/)]]);
  });

  it("staffing: a blank optional setting is the default, not 0 (share, output, rounding of the top 25%, ch.8)", () => {
    const byDefault = run(() => fns.COMPLEX_CLUSTERS(...CLUSTERS, null, null, null));
    expect(byDefault).toEqual([[true], [false], [false], [false]]);
    expect(run(() => fns.COMPLEX_CLUSTERS(...CLUSTERS, "flag", B(), B()))).toEqual(byDefault);
    expect(run(() => fns.COMPLEX_CLUSTERS(...CLUSTERS, B(), null, null))).toEqual(byDefault);
  });

  it("staffing: YOS_FTE(300, blank) uses 40 cases per PO: 0.75 FTE (ch.7)", () => {
    expect(run(() => fns.YOS_FTE(one(300), B()))).toEqual([[0.75]]);
  });

  it("staffing: PAROM_COUNTERSIGN with a blank good_run uses the run of 3 (ch.4)", () => {
    expect(run(() => fns.PAROM_COUNTERSIGN(col("Good", "Good", "Good"), B()))).toEqual([["May lift"]]);
  });

  it("victim work: VLO_WEIGHT with a blank weights cell uses the default table", () => {
    expect(run(() => fns.VLO_WEIGHT(one("Standard"), one(2), one(4), one(1), B(), B(), B(), B()))).toEqual([[8.5]]);
  });

  it("staffing: ADMIN_NEEDED names a blank team type as blank, and a blank FTE gives a blank", () => {
    expect(run(() => fns.ADMIN_NEEDED(one(8), B()))).toEqual([["#VALUE!: team_type is blank; expected OM or Court."]]);
    expect(run(() => fns.ADMIN_NEEDED(col(11, BLANK, 10.5), one("OM")))).toEqual([[2.75], [""], [2.625]]);
  });

  it.each([
    ["TIER", () => fns.TIER(col(BLANK, BLANK), col(BLANK, BLANK), B(), B(), B(), B(), B(), B(), B(), B(), B())],
    ["ALLOCATE_GRADE", () => fns.ALLOCATE_GRADE(col(BLANK, BLANK), col(BLANK, BLANK), B(), B(), B(), B())],
    ["REPORT_TYPE", () => fns.REPORT_TYPE(col(BLANK, BLANK), ...Array.from({ length: 12 }, B), B())],
    ["REPORT_AUTHOR", () => fns.REPORT_AUTHOR(col(BLANK, BLANK), ...Array.from({ length: 8 }, B))],
    ["VLO_WEIGHT", () => fns.VLO_WEIGHT(col(BLANK, BLANK), B(), B(), B(), B(), B(), B(), B())],
    ["ADMIN_NEEDED", () => fns.ADMIN_NEEDED(col(BLANK, BLANK), col(BLANK, BLANK))],
    ["SPO_NEEDED", () => fns.SPO_NEEDED(col(BLANK, BLANK), B())],
    ["YOS_FTE", () => fns.YOS_FTE(col(BLANK, BLANK), B())],
    ["WORKLOAD_POINTS", () => fns.WORKLOAD_POINTS(col(BLANK, BLANK), col(BLANK, BLANK), B())],
    ["AVAILABLE_POINTS", () => fns.AVAILABLE_POINTS(col(BLANK, BLANK), col(BLANK, BLANK), B(), B())],
    ["CAPACITY", () => fns.CAPACITY(col(BLANK, BLANK), col(BLANK, BLANK))],
    ["OM_POINTS", () => fns.OM_POINTS(col(BLANK, BLANK), col(BLANK, BLANK), col(BLANK, BLANK), B(), B(), B(), B())],
    ["REDUCTION_HOURS", () => fns.REDUCTION_HOURS(col(BLANK, BLANK), col(BLANK, BLANK), B())],
    ["BEST_OM", () => fns.BEST_OM(col(BLANK, BLANK), col(BLANK, BLANK), col(BLANK, BLANK), col(BLANK, BLANK), col(BLANK, BLANK), col(BLANK, BLANK), B(), B(), B())],
  ])("every function: %s gives a blank for rows whose cells are all blank", (_name, call) => {
    expect(run(call)).toEqual([[""]]);
  });

  it.each([
    ["REPORT_MIX", () => fns.REPORT_MIX(col(BLANK, BLANK, BLANK), col(BLANK, BLANK, BLANK))],
    ["PAROM_COUNTERSIGN", () => fns.PAROM_COUNTERSIGN(col(BLANK, BLANK, BLANK), null)],
    ["COMPLEX_CLUSTERS", () => fns.COMPLEX_CLUSTERS(...Array.from({ length: 7 }, () => col(BLANK, BLANK)), null, null, null)],
  ])("every function: the summary %s gives a blank for an all-blank input, not an answer", (_name, call) => {
    expect(run(call)).toEqual([[""]]);
  });

  it("tier: a whole column (1,048,576 rows) spills only as far as the last row with input", () => {
    // Built with the blank itself (not BLANK) and shared between arguments: a million-row copy per argument is the test's cost, not the function's.
    const whole = (...top: unknown[]) => Array.from({ length: 1_048_576 }, (_, i) => [i < top.length ? top[i] : blank]);
    const empty = whole();
    const TIER = associatedFunctions().get("TIER")!;
    const out = run(() => TIER(whole("High", "Medium", blank, "Low"), whole(1, 4, blank, 7), empty, empty, empty, empty, empty, empty, null, null, null));
    expect(out).toEqual([["B2"], ["C2"], [""], ["B2"]]);
  });

  it("tier: a header row caught in the range says so, and the rows below still work", () => {
    const out = run(() => fns.TIER(col("RoSH", "High", "Low"), col("RSR", 1, 2), col("OGRS", BLANK, BLANK), B(), B(), B(), B(), B(), null, null, null)) as string[][];
    expect(out[0]![0]).toMatch(/^#VALUE!: rosh: expected Low, None, Medium, High or Very High; got "RoSH"\. If this is the header row, start the range on the row below/);
    expect(out.slice(1)).toEqual([["B2"], ["D2"]]);
  });
});

describe("Excel's own error values in cells are named as Excel names them", () => {
  const fns = bundleFunctions();

  it.each([
    ["#N/A", () => errorCell("#N/A")],
    ["#REF!", () => errorCell("#REF!")],
    ["#DIV/0!", () => richErrorCell("#DIV/0!", "Div0")],
    ["#N/A", () => ({ type: "Error", errorType: "NotAvailable" })],
  ])("tier: %s in rsr gives '%s in rsr', not a JavaScript word", (code, cell) => {
    const out = run(() => fns.TIER(col("Low", "Low"), col(2, cell()), col(null, null), one(null), one(null), one(null), one(null), one(null), null, null, null)) as string[][];
    expect(out[0]).toEqual(["D2"]);
    expect(out[1]![0]).toBe(`#VALUE!: ${code} in rsr: the cell holds an Excel error (#N/A often means a lookup found nothing); fix it before this can be worked out.`);
    expect(out[1]![0]).not.toMatch(/Error:|object|undefined/);
  });

  it("report mix: an error in a report type names its row and the error", () => {
    expect(run(() => fns.REPORT_MIX(col("Oral", errorCell("#N/A")), col("PSO", "PO")))).toMatch(/^#VALUE!: Row 2 of the ranges: #N\/A in report_types/);
  });

  it("a linked data type or image is refused by name, and a formatted number is its number", () => {
    expect(run(() => fns.SPO_NEEDED(one({ type: "Entity", text: "Team" }), null))).toEqual([["#VALUE!: staff: expected text, a number or TRUE/FALSE; got a linked data type."]]);
    expect(run(() => fns.SPO_NEEDED(one({ type: "FormattedNumber", basicValue: 11, numberFormat: "0" }), null))).toEqual([[2]]);
    expect(run(() => fns.SPO_NEEDED(one({ type: "Double", basicValue: 21 }), null))).toEqual([[3]]);
  });
});

describe("no silent wrong answer: numbers as Excel reads them, finite results, whole counts", () => {
  const fns = bundleFunctions();

  it.each(["0x10", "1e1", "Infinity", "1 0", "--1", "1,00"])("staffing: SPO_NEEDED(%j) is refused: Excel shows it as text, not a number", (text) => {
    expect(run(() => fns.SPO_NEEDED(one(text), null))).toEqual([[expect.stringMatching(/^#VALUE!: staff: expected a whole number of people/)]]);
    expect(run(() => fns.ADMIN_NEEDED(one(text), one("OM")))).toEqual([[expect.stringMatching(/^#VALUE!: staff_fte: expected a number of 0 or more/)]]);
  });

  it("staffing: numbers written as a person writes them are read (\"1,250\", \" 11 \")", () => {
    expect(run(() => fns.SPO_NEEDED(col("1,250", " 11 "), null))).toEqual([[125], [2]]);
  });

  it("staffing: huge inputs give finite answers or a message, never Infinity", () => {
    expect(run(() => fns.ADMIN_NEEDED(one(1e300), one("OM")))).toEqual([[2.5e299]]);
    expect(run(() => fns.YOS_FTE(one(1e308), null))).toEqual([[expect.any(Number)]]);
    setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { omAdminRatio: 0.1 } });
    expect(run(() => fns.ADMIN_NEEDED(one(1.7e308), one("OM")))).toEqual([["#VALUE!: The result is too large for Excel to hold; check staff_fte."]]);
  });

  it("staffing: counts that must be whole are refused when they are not (good_run 2.5, a caseload of 300.5)", () => {
    expect(run(() => fns.PAROM_COUNTERSIGN(col("Good", "Good", "Good"), 2.5))).toBe("#VALUE!: good_run: expected a whole number from 1 to 50; got 2.5.");
    expect(run(() => fns.YOS_FTE(one(300.5), null))).toEqual([["#VALUE!: yos_caseload: expected a whole number of cases, 0 or more; got 300.5."]]);
  });

  it("staffing: ADMIN_NEEDED(FALSE, \"OM\") is blank like an empty FTE cell; 0 FTE needs 0", () => {
    expect(run(() => fns.ADMIN_NEEDED(one(false), one("OM")))).toEqual([[""]]);
    expect(run(() => fns.ADMIN_NEEDED(one(0), one("OM")))).toEqual([[0]]);
  });
});
