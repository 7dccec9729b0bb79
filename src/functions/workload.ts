/* Custom functions for workload and capacity, as the HMPPS Workload Management Tool (WMT) measures them. JSDoc here is the help Excel shows. */
import type { FigureKey } from "../model/config";
import { fail, ok, problem, type Result } from "../model/problem";
import { parseDate } from "../model/validate/tables";
import { personKey, roleOf } from "../model/validate/rules/people";
import { isBlank, parseGrade, parseNumber, parseText, type CellValue, type Grade } from "../model/values";
import {
  availablePoints,
  bestOmChooser,
  capacity as capacityOf,
  countsOn,
  ITEM_EXPECTED,
  itemPoints,
  parsePointsTier,
  parseWorkloadItem,
  readPointsTable,
  reductionHours,
  REDUCTION_REASONS,
  type OmCapacity,
} from "../model/workload";
import { CellProblem, configInForce, figureArg, firstRowProblem, num, readSetting, rowwise, setting, text, toExcel, type Out } from "./runner";

/**
 * Workload points of each case (or report) as WMT counts them: the points table's figure for the case's tier and type. Without a points_table this uses the task pane's table, else WMT's seven-tier table of 2017 (community A 150 … D2 24; licence and custody A 150 … D2 20; SDR 132, FDR 41, PAROM 123), a default to replace with the division's own. One answer per row.
 * @customfunction WORKLOAD_POINTS
 * @helpurl https://localhost:3000/help.html#workload_points
 * @param tier Tier of the case: A, B1, B2, C1, C2, D1 or D2, or Untiered (0 points). Not used for a report. Blank (or 0) for a case: #VALUE!.
 * @param case_type Community, Licence or Custody for a case; SDR, FDR, PAROM or Oral (0) for a report. Blank (or 0): #VALUE!.
 * @param [points_table] The division's table: Tier | Community | Licence | Custody, a row per tier. Blank or 0: the pane's or default table.
 * @returns Points per row.
 */
export function workload_points(tier: any[][], case_type: any[][], points_table?: any[][]): any[][] {
  return toExcel(() => {
    const config = configInForce(pointsTable(points_table));
    return rowwise([text("tier", parsePointsTier), text("case_type", parseWorkloadItem)] as const, [tier, case_type], ([t, type]) => {
      if (type === undefined) return fail("value.required", { arg: "case_type", expected: ITEM_EXPECTED });
      return itemPoints(type, t, config);
    });
  });
}

/** Hours a week: 0 to 100. */
const weekHours = (v: CellValue, name: string) => parseNumber(v, name, { min: 0, max: 100, expected: "hours a week from 0 to 100" });
/** Hours off: 0 or more. */
const hoursOff = (v: CellValue, name: string) => parseNumber(v, name, { min: 0, expected: "hours of 0 or more" });
/** Points: 0 or more. */
const pointsValue = (v: CellValue, name: string) => parseNumber(v, name, { min: 0, expected: "points, 0 or more" });

/**
 * Available workload points of each OM as WMT works them out: nominal target × (contracted hours − reduction hours) ÷ default hours, truncated to a whole number. With the defaults 2,176 points on 37 hours, 37 hours with a 1.8-hour reduction give 2,070, and 30 hours with 1.8 give 1,658. One answer per row.
 * @customfunction AVAILABLE_POINTS
 * @helpurl https://localhost:3000/help.html#available_points
 * @param contracted_hours Contracted hours a week, 0 to 100 (37 full time). Blank: blank.
 * @param reduction_hours Hours a week taken off (e.g. from NPS.REDUCTION_HOURS), 0 or more; more than contracted gives 0. Blank is 0.
 * @param [nominal_target] Points of a full-time OM on the default hours, a whole number 1 to 100000. Blank or 0: the pane's, normally 2176.
 * @param [default_hours] The hours the nominal target is set on, 1 to 100. Blank or 0: the task pane's figure, normally 37.
 * @returns Available points per row.
 */
export function available_points(contracted_hours: any[][], reduction_hours: any[][], nominal_target?: any, default_hours?: any): any[][] {
  return toExcel(() => {
    const target = readSetting(setting("nominal_target", figureArg("wmtNominalTarget")), nominal_target);
    const base = readSetting(setting("default_hours", figureArg("wmtDefaultHours")), default_hours);
    const config = configInForce({ ...(target !== undefined ? { wmtNominalTarget: target } : {}), ...(base !== undefined ? { wmtDefaultHours: base } : {}) });
    return rowwise([num("contracted_hours", weekHours), num("reduction_hours", hoursOff)] as const, [contracted_hours, reduction_hours], ([c, r]): Result<number | ""> => {
      if (c === undefined) return fail("value.required", { arg: "contracted_hours", expected: "contracted hours a week, e.g. 37" });
      return ok(availablePoints(c, r ?? 0, config.wmtNominalTarget, config.wmtDefaultHours));
    });
  });
}

/**
 * Capacity of each OM as WMT shows it: workload points ÷ available points, a fraction to format as a percentage (1.12 is 112%). 0 when either is 0 or blank, as WMT shows it: an OM with points and no available points shows 0, so check their available points. One answer per row.
 * @customfunction CAPACITY
 * @helpurl https://localhost:3000/help.html#capacity
 * @param points The OM's workload points (e.g. from NPS.OM_POINTS), 0 or more. Blank is 0.
 * @param available_points The OM's available points (e.g. from NPS.AVAILABLE_POINTS), 0 or more. Blank is 0.
 * @returns Capacity per row, as a fraction.
 */
export function capacity(points: any[][], available_points: any[][]): any[][] {
  return toExcel(() => rowwise([num("points", pointsValue), num("available_points", pointsValue)] as const, [points, available_points], ([p, a]) => ok(capacityOf(p ?? 0, a ?? 0))));
}

/**
 * Workload points of each OM: the points of the cases they hold, plus reports and other items (court reports, PAROMs, ARMS assessments) dated in the 30 days up to as_of, rounded to a whole number as WMT does. Names match ignoring case and spaces. Spills one total per name.
 * @customfunction OM_POINTS
 * @helpurl https://localhost:3000/help.html#om_points
 * @param om_names The OMs to total, one per row (e.g. Staff[Name]). Blank rows stay blank.
 * @param case_om The OM holding each case (e.g. Caseload[OM]). Rows blank in both case columns are skipped.
 * @param case_points Each case's points (e.g. from NPS.WORKLOAD_POINTS), as tall as case_om. Blank is 0.
 * @param [item_om] Who each report or other item counts for (e.g. the report's author). Blank: no items.
 * @param [item_points] Each item's points (e.g. NPS.WORKLOAD_POINTS("", "SDR")), as tall as item_om. Blank: #VALUE! beside a name.
 * @param [item_dates] Each item's date; only items dated in the 30 days up to as_of count. Blank (or 0): the item always counts.
 * @param [as_of] The date to count back from. Blank or 0: the latest of item_dates.
 * @returns Points per OM.
 */
export function om_points(om_names: any[][], case_om: any[][], case_points: any[][], item_om?: any[][], item_points?: any[][], item_dates?: any[][], as_of?: any): any[][] {
  return toExcel(() => {
    const asOf = readSetting(setting("as_of", parseDate), as_of);
    const totals = new Map<string, number>();
    const add = (name: string, n: number) => {
      const k = personKey(name);
      totals.set(k, (totals.get(k) ?? 0) + n);
    };
    const cases = rowwise([text("case_om", parseText), num("case_points", pointsValue)] as const, [case_om, case_points], ([om, p]) => {
      if (om === undefined) return p === undefined || p === 0 ? ok("") : fail("value.required", { arg: "case_om", expected: "the name of the OM holding the case" });
      add(om, p ?? 0);
      return ok("");
    });
    firstRowProblem(cases, (row, detail) => problem("staffing.row", { arg: "case_om and case_points", row, detail }));

    // Items are read first, then counted: the as-of date may be the latest of their own dates.
    const items: { om: string; points: number; date: number | undefined }[] = [];
    const itemCells = rowwise(
      [text("item_om", parseText), num("item_points", pointsValue), text("item_dates", parseDate)] as const,
      [item_om ?? null, item_points ?? null, item_dates ?? null],
      ([om, p, d]) => {
        if (om === undefined) return p === undefined || p === 0 ? ok("") : fail("value.required", { arg: "item_om", expected: "who the item counts for" });
        if (p === undefined) return fail("value.required", { arg: "item_points", expected: "the item's points" });
        items.push({ om, points: p, date: d });
        return ok("");
      },
    );
    firstRowProblem(itemCells, (row, detail) => problem("staffing.row", { arg: "the item ranges", row, detail }));
    let latest = asOf;
    if (latest === undefined) for (const it of items) if (it.date !== undefined && (latest === undefined || it.date > latest)) latest = it.date;
    for (const it of items) if (it.date === undefined || countsOn(it.date, latest!)) add(it.om, it.points);

    return rowwise([text("om_names", parseText)] as const, [om_names], ([name]) => ok(name === undefined ? "" : Math.round(totals.get(personKey(name)) ?? 0)));
  });
}

/**
 * Hours a week a workload reduction takes off contracted hours (WMT): Long-term sickness 100%, Newly qualified officer 20% (9 months), PSO learning and development 20% (6 months); Trade union facility time and any other reason take the hours given, facility time up to 50%; never more than the contracted hours. One answer per row.
 * @customfunction REDUCTION_HOURS
 * @helpurl https://localhost:3000/help.html#reduction_hours
 * @param reason Long-term sickness, Newly qualified officer, PSO learning and development, Trade union facility time or other. Blank: use hours.
 * @param contracted_hours Contracted hours a week, 0 to 100 (37 full time). Blank (or 0): 0 hours off.
 * @param [hours] Hours off for facility time or another reason. Leave blank for a reason with a set allowance.
 * @returns Reduction hours per row.
 */
export function reduction_hours(reason: any[][], contracted_hours: any[][], hours?: any[][]): any[][] {
  return toExcel(() =>
    rowwise([text("reason", parseText), num("contracted_hours", weekHours), num("hours", hoursOff)] as const, [reason, contracted_hours, hours ?? null], ([why, c, h]) => {
      if (why === undefined && h === undefined) return fail("value.required", { arg: "reason", expected: `a reason (${REDUCTION_REASONS.map((r) => r.name).join(", ")}) or the hours` });
      const r = reductionHours(why, c ?? 0, h, { reason: "reason", hours: "hours" });
      return r.ok ? ok(r.value.hours) : r;
    }),
  );
}

/** A staff member's grade as an OM: PO or PSO; "other" for any other known role (never given cases by BEST_OM). */
function omGrade(v: CellValue, name: string): Result<Grade | "other" | undefined> {
  if (isBlank(v)) return ok(undefined);
  const g = parseGrade(v, name);
  if (g.ok) return g;
  const role = roleOf(v);
  if (role === undefined) return fail("value.grade", { arg: name, got: v });
  return ok(role === "PO" || role === "PSO" ? role : "other");
}

/**
 * The OM to take a new case: among OMs of the grade advised for it (e.g. by NPS.ALLOCATE_GRADE), and of its team when given, the one with the most headroom after taking its points, staying at or under the capacity threshold; ties go to the first name alphabetically. "None: …" with the reason when nobody can. Each row is one new case, weighed on its own.
 * @customfunction BEST_OM
 * @helpurl https://localhost:3000/help.html#best_om
 * @param grade The grade advised for the case: PO or PSO (e.g. from NPS.ALLOCATE_GRADE). Blank (or 0): #VALUE!.
 * @param case_points The new case's points (e.g. from NPS.WORKLOAD_POINTS), 0 or more. Blank is 0.
 * @param om_names The OMs, one per row (e.g. Staff[Name]). Rows blank in every OM column are skipped.
 * @param om_grades Each OM's grade or role: PO or PSO; other roles, or a blank, are never chosen. As tall as om_names.
 * @param om_points Each OM's workload points now (e.g. from NPS.OM_POINTS). Blank is 0.
 * @param om_available Each OM's available points (e.g. from NPS.AVAILABLE_POINTS). Blank or 0: cannot take cases.
 * @param [team] The case's team: only OMs of this team are considered. Blank: any team.
 * @param [om_teams] Each OM's team, as tall as om_names; needed when team is given. A blank team never matches one.
 * @param [threshold] Capacity an OM may reach with the case, e.g. 110% or 1.1. Blank or 0: the task pane's figure, normally 100%.
 * @returns An OM's name, or "None: " and the reason, per row.
 */
export function best_om(
  grade: any[][],
  case_points: any[][],
  om_names: any[][],
  om_grades: any[][],
  om_points: any[][],
  om_available: any[][],
  team?: any[][],
  om_teams?: any[][],
  threshold?: any,
): any[][] {
  return toExcel(() => {
    const limit = readSetting(setting("threshold", figureArg("capacityThreshold")), threshold) ?? configInForce().capacityThreshold;
    const oms: OmCapacity[] = [];
    const staff = rowwise(
      [text("om_names", parseText), text("om_grades", omGrade), num("om_points", pointsValue), num("om_available", pointsValue), text("om_teams", parseText)] as const,
      [om_names, om_grades, om_points, om_available, om_teams ?? null],
      ([name, g, p, a, t]) => {
        if (name === undefined) return fail("value.required", { arg: "om_names", expected: "the OM's name" });
        oms.push({ name, grade: g === "other" ? undefined : g, points: p ?? 0, available: a ?? 0, team: t });
        return ok("");
      },
    );
    firstRowProblem(staff, (row, detail) => problem("staffing.row", { arg: "the OM ranges", row, detail }));
    const teamsGiven = oms.some((o) => o.team !== undefined);
    const choose = bestOmChooser(oms, limit);
    return rowwise([text("grade", parseGrade), num("case_points", pointsValue), text("team", parseText)] as const, [grade, case_points, team ?? null], ([g, p, t]): Result<Out> => {
      if (g === undefined) return fail("value.required", { arg: "grade", expected: "PO or PSO, the grade advised for the case" });
      if (t !== undefined && !teamsGiven) return fail("value.required", { arg: "om_teams", expected: "each OM's team, to choose within the case's team" });
      const best = choose(g, p ?? 0, t);
      return ok("name" in best ? best.name : best.none);
    });
  });
}

/** The points_table range if given, as figure overrides for the call; nothing when omitted or one blank cell. */
function pointsTable(table: unknown): Partial<Record<FigureKey, number>> {
  const rows = Array.isArray(table) ? (table as CellValue[][]) : [[table as CellValue]];
  const only = rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : undefined;
  if (rows.length === 1 && rows[0]!.length === 1 && (isBlank(only) || only === 0 || only === false)) return {};
  // The blank convention in a table: the Tier column and the header are text (desktop's 0 or FALSE is blank).
  const plainRows = rows.map((r, i) => (Array.isArray(r) ? r.map((c, j) => ((i === 0 || j === 0) && (c === 0 || c === false) ? null : c === false ? null : c)) : r));
  const { overrides, problems } = readPointsTable(plainRows, "points_table");
  if (!overrides) throw new CellProblem(problems[0]!);
  return overrides;
}
