/**
 * Object.prototype's names through the built bundle, called as Excel calls each function: every
 * argument that reads a word or a number from the user (a column, or a whole-call setting) refuses
 * "constructor", "__proto__", "toString" and the rest, in any case and with spaces around them,
 * with the #VALUE! a nonsense word gets; none is ever read as a value or counted. Arguments that are
 * the user's own names (cluster names, a division's case types) take them as names like any other.
 */
import { describe, expect, it } from "@jest/globals";
import { shown, StubError } from "../support/custom-functions-stub";
import { bundleFunctions, type FunctionId } from "../support/bundle";
import { PROTOTYPE_NAMES, PROTOTYPE_SPELLINGS } from "../support/prototype-names";
import { VLO_ACTIVITIES } from "../../src/model/vlo";

const fns = bundleFunctions();
const NONSENSE = "Banana";
const one = (v: unknown): unknown[][] => [[v]];
const N = one("N");

/**
 * Each function's arguments for one case that gives a value, by name; a setting (one value for the
 * whole call) is marked, and so is an argument that is the user's own name rather than a word of the model.
 */
interface Call {
  readonly args: readonly (readonly [name: string, value: unknown, kind?: "setting" | "name"])[];
}
const CALLS: Readonly<Record<FunctionId, Call>> = {
  TIER: { args: [["rosh", one("Low")], ["rsr", one(1)], ["ogrs", one(10)], ["mappa_category", one(null)], ["mappa_level", one(null)], ["child_protection_plan", N], ["iom", N], ["vulnerability", N], ["scores_as_fractions", null, "setting"], ["domestic_violence", N], ["napo_dv", null, "setting"]] },
  ALLOCATE_GRADE: { args: [["tier", one("C2")], ["rosh", one("Low")], ["pso_competent", N], ["crc_escalation", N], ["indeterminate", N], ["napo_indeterminate", null, "setting"], ["sex_offender", N], ["pso_trained", N], ["pso_cjl", N]] },
  REPORT_TYPE: {
    args: [
      ...["dangerousness", "terrorism", "complex_case", "serious_mental_health", "serious_sexual_violent", "child_safeguarding", "sentence_indicated", "complex_or_sensitive", "fdr_sufficient", "child_at_address", "dv_history", "mh_or_substance", "immigration"].map((a) => [a, N] as const),
      ["napo_adjourn", null, "setting"],
    ],
  },
  REPORT_AUTHOR: { args: [["dangerousness", N], ["terrorism", N], ["serious_mental_health", N], ["mh_vulnerability_indicated", N], ["dv_risk", one("Low")], ["sexual_offending_risk", one("Low")], ["child_safeguarding", N], ["organised_crime", N], ["rosh_info_needed", N]] },
  REPORT_MIX: { args: [["report_types", one("Oral")], ["author_grades", one("PO")]] },
  VLO_WEIGHT: { args: [["case_type", one("Standard")], ["home_visits", one(1)], ["phone_calls", one(1)], ["letters", one(1)], ["meetings", one(1)], ["parole_representations", one(0)], ["mappa_representations", one(0)]] },
  ADMIN_NEEDED: { args: [["staff_fte", one(4)], ["team_type", one("OM")]] },
  SPO_NEEDED: { args: [["staff", one(11)], ["exact", null, "setting"]] },
  COMPLEX_CLUSTERS: {
    args: [["cluster_names", one("North"), "name"], ...["volume", "complexity", "partnerships", "geography", "courts", "offices"].map((a) => [a, one(1)] as const), ["output", null, "setting"], ["share", null, "setting"], ["rounding", null, "setting"]],
  },
  YOS_FTE: { args: [["yos_caseload", one(300)], ["cases_per_po", null, "setting"]] },
  PAROM_COUNTERSIGN: { args: [["assessments", one("Good")], ["good_run", null, "setting"]] },
  WORKLOAD_POINTS: { args: [["tier", one("B1")], ["case_type", one("Community")]] },
  AVAILABLE_POINTS: { args: [["contracted_hours", one(37)], ["reduction_hours", one(1.8)], ["nominal_target", null, "setting"], ["default_hours", null, "setting"]] },
  CAPACITY: { args: [["points", one(1000)], ["available_points", one(2070)]] },
  OM_POINTS: { args: [["om_names", one("Ann"), "name"], ["case_om", one("Ann"), "name"], ["case_points", one(150)], ["item_om", one("Ann"), "name"], ["item_points", one(41)], ["item_dates", one(46000)], ["as_of", null, "setting"]] },
  REDUCTION_HOURS: { args: [["reason", one("Other"), "name"], ["contracted_hours", one(37)], ["hours", one(3)]] },
  BEST_OM: {
    args: [
      ["grade", one("PSO")],
      ["case_points", one(45)],
      ["om_names", one("Ann"), "name"],
      ["om_grades", one("PSO")],
      ["om_points", one(1000)],
      ["om_available", one(2070)],
      ["team", null, "name"],
      ["om_teams", null, "name"],
      ["threshold", null, "setting"],
    ],
  },
};

/** What the user sees: the spilled cells, or the one error the whole call gives. */
function outcome(id: FunctionId, args: readonly unknown[]): unknown {
  try {
    return shown(fns[id](...args));
  } catch (e) {
    if (e instanceof StubError) return `whole call: ${String(shown(e))}`;
    throw e;
  }
}

/** Whether an outcome holds any value at all (anything but an error). */
function holdsValue(o: unknown): boolean {
  if (Array.isArray(o)) return o.some(holdsValue);
  return !(typeof o === "string" && (o.startsWith("#") || o.startsWith("whole call: #")));
}

/** Every string in an outcome with `from` (quoted, as messages quote what was typed) swapped for `to`. */
function swapped(o: unknown, from: string, to: string): unknown {
  if (Array.isArray(o)) return o.map((x) => swapped(x, from, to));
  return typeof o === "string" ? o.split(`"${from}"`).join(`"${to}"`) : o;
}

/** The call with argument `k` holding `text`: a cell for a column, the value itself for a setting. */
function withArg(call: Call, k: number, text: string): unknown[] {
  return call.args.map(([, v, kind], i) => (i !== k ? v : kind === "setting" ? text : one(text)));
}

const SLOTS = (Object.keys(CALLS) as FunctionId[]).flatMap((id) =>
  CALLS[id].args.flatMap(([name, , kind], k) => (kind === "name" ? [] : [[id, name, k] as const])),
);

describe("custom functions: Object.prototype's names are no words of the model", () => {
  it.each(Object.keys(CALLS) as FunctionId[])("%s: the case the tests start from gives a value", (id) => {
    expect(holdsValue(outcome(id, CALLS[id].args.map(([, v]) => v)))).toBe(true);
  });

  it.each(SLOTS)("%s(%s): Object.prototype names are refused with the #VALUE! a nonsense word gets, never a value", (id, _name, k) => {
    const nonsense = outcome(id, withArg(CALLS[id], k, NONSENSE));
    expect(holdsValue(nonsense)).toBe(false);
    // Free text (a case type) is trimmed before it is looked up, so a message may quote it trimmed.
    const asNonsense = (t: string, got: unknown) => [t, t.trim()].some((shownAs) => JSON.stringify(got) === JSON.stringify(swapped(nonsense, NONSENSE, shownAs)));
    const wrong = PROTOTYPE_SPELLINGS.filter((t) => !asNonsense(t, outcome(id, withArg(CALLS[id], k, t))));
    expect(wrong.map((t) => [t, outcome(id, withArg(CALLS[id], k, t))])).toEqual([]);
  });

  it("REPORT_MIX: a report type that is an Object.prototype name is never counted: the whole call names its row", () => {
    for (const t of ["constructor", "__proto__", "toString", "CONSTRUCTOR", " valueOf "])
      expect(outcome("REPORT_MIX", [[["Oral"], [t], ["SDR"]], [["PO"], ["PSO"], ["PO"]]])).toBe(
        `whole call: #VALUE!: Row 2 of the ranges: report_types: expected a report type Oral, FDR, SDR or Adjourn; got "${t}".`,
      );
  });

  it("an Excel error's type is one Excel names: a rich error whose type is an Object.prototype name reads as #VALUE!", () => {
    for (const t of PROTOTYPE_SPELLINGS)
      expect(outcome("TIER", withArg(CALLS.TIER, 0, "x").map((v, i) => (i === 0 ? one({ type: "Error", errorType: t }) : v)))).toEqual([
        ["#VALUE!: #VALUE! in rosh: the cell holds an Excel error (#N/A often means a lookup found nothing); fix it before this can be worked out."],
      ]);
  });
});

describe("VLO_WEIGHT: a weights table's kinds and activities are the model's words (NPS Operating Model v1.0, ch.1, ch.5)", () => {
  const table = (kind: string, name: string) => [["Kind", "Name", "Weight"], ["case type", "Standard", 1], ...VLO_ACTIVITIES.map((a) => ["activity", a, 1]), [kind, name, 2]];
  const call = (weights: unknown[][], type = "Standard") => outcome("VLO_WEIGHT", [...CALLS.VLO_WEIGHT.args.map(([, v], i) => (i === 0 ? one(type) : v)), weights]);

  it("VLO_WEIGHT: an activity named after Object.prototype is refused as an unknown activity, like any unknown word", () => {
    const nonsense = call(table("activity", NONSENSE));
    expect(nonsense).toMatch(/^whole call: #VALUE!: weights row 9: unknown activity "Banana"/);
    for (const t of PROTOTYPE_SPELLINGS) expect(call(table("activity", t))).toBe(swapped(nonsense, NONSENSE, t));
  });

  it("VLO_WEIGHT: a kind named after Object.prototype is refused, like any unknown word", () => {
    const nonsense = call(table(NONSENSE, "Something"));
    for (const t of PROTOTYPE_SPELLINGS) expect(call(table(t, "Something"))).toBe(swapped(nonsense, NONSENSE, t));
  });

  it("VLO_WEIGHT: a division's case type named after Object.prototype is a name like any other, and weighs what the table says", () => {
    const rows = [["Kind", "Name", "Weight"], ...PROTOTYPE_NAMES.map((n, i) => ["case type", n, i + 1]), ...VLO_ACTIVITIES.map((a) => ["activity", a, 1])];
    // home visits, phone calls, letters and meetings 1 each: 4 × the case type's weight.
    PROTOTYPE_NAMES.forEach((n, i) => expect(call(rows, ` ${n.toUpperCase()} `)).toEqual([[4 * (i + 1)]]));
  });
});

describe("COMPLEX_CLUSTERS: cluster names are the user's own", () => {
  it("COMPLEX_CLUSTERS: clusters named after Object.prototype are ranked like any others", () => {
    const n = PROTOTYPE_NAMES.length;
    const volume = PROTOTYPE_NAMES.map((_, i) => [n - i]);
    const ones = PROTOTYPE_NAMES.map(() => [1]);
    const ranks = outcome("COMPLEX_CLUSTERS", [PROTOTYPE_NAMES.map((c) => [c]), volume, ones, ones, ones, ones, ones, "rank"]);
    expect(ranks).toEqual(PROTOTYPE_NAMES.map((_, i) => [i + 1]));
  });
});
