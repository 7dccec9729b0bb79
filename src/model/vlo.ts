/**
 * Victim work weighting — NPS Operating Model ch.1 ("Victim case complexity weighting model ... to
 * support equity in caseloads") and ch.5 (the Victim Contact Service) (NPS Operating Model v1.0).
 *
 * Reading: a victim case's workload score is its case-type weight times the weighted sum of its
 * activities: score = caseTypeWeight × Σ (count of activity × activity weight). The Operating Model names the
 * model but give NO weights, so the add-in ships DEFAULT_VLO_WEIGHTS, labelled a default
 * everywhere it shows; a division's own table (Kind | Name | Weight) replaces it.
 */
import { fail, ok, problem, type Problem, type Result } from "./problem";
import { isBlank, isErrorText, numberText, type CellValue } from "./values";

/** The activities a VLO's work is counted in; each function argument is one of these. */
export const VLO_ACTIVITIES = ["home visit", "phone call", "letter", "meeting", "parole representation", "MAPPA representation"] as const;
export type VloActivity = (typeof VLO_ACTIVITIES)[number];

export interface VloCaseTypeWeight {
  readonly name: string;
  readonly weight: number;
}

/**
 * A weight table: plain data so the task pane can keep it in the workbook's settings (JSON).
 * `source` says where the weights came from ("Add-in default: NPS Operating Model v1.0 gives no weights" or the range).
 */
export interface VloWeightTable {
  readonly source: string;
  readonly caseTypes: readonly VloCaseTypeWeight[];
  readonly activities: Readonly<Record<VloActivity, number>>;
}

export const VLO_DEFAULT_SOURCE = "Add-in default: NPS Operating Model v1.0 gives no weights";

/**
 * THE DEFAULT weight table — an assumption of this add-in, not a figure from the Operating Model, which name
 * the weighting model (NPS Operating Model v1.0, ch.1) and the statutory scope (ch.5) but give no weights. Case types
 * follow the VCS scope: victims of specified sexual and violent offences sentenced to 12 months or
 * more, bereaved families, indeterminate sentences with parole reviews, restricted hospital orders,
 * and non-statutory contact. Replace it with the division's own table.
 */
export const DEFAULT_VLO_WEIGHTS: VloWeightTable = {
  source: VLO_DEFAULT_SOURCE,
  caseTypes: [
    { name: "Standard", weight: 1 },
    { name: "Sexual offence", weight: 1.25 },
    { name: "Domestic abuse", weight: 1.25 },
    { name: "Homicide", weight: 1.5 },
    { name: "Indeterminate", weight: 1.5 },
    { name: "Mental health order", weight: 1.25 },
    { name: "Non-statutory", weight: 0.75 },
  ],
  activities: {
    "home visit": 3,
    "phone call": 0.5,
    letter: 0.5,
    meeting: 1.5,
    "parole representation": 2,
    "MAPPA representation": 1.5,
  },
};

export type VloCounts = Partial<Record<VloActivity, number>>;

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

/** How many case types a message names before "and N more": a division's table may list thousands. */
const NAMED_IN_MESSAGES = 20;

/** A table's case types by normalised name, and their names as a message lists them. */
interface CaseTypeIndex {
  readonly byName: ReadonlyMap<string, number>;
  readonly known: readonly string[];
}

/**
 * Each table's index, built once: a workbook scores thousands of cases against one table, so a
 * lookup is a Map's, never a search of the table. Keyed by the case type list, which a table never
 * changes (it is readonly, and settings replace a table whole).
 */
const INDEXES = new WeakMap<readonly VloCaseTypeWeight[], CaseTypeIndex>();

function caseTypeIndex(table: VloWeightTable): CaseTypeIndex {
  const hit = INDEXES.get(table.caseTypes);
  if (hit) return hit;
  const byName = new Map<string, number>();
  const known: string[] = [];
  // Where two names read the same, the first wins (readVloTable refuses such a table in any case).
  for (const c of table.caseTypes) {
    const key = norm(c.name);
    if (byName.has(key)) continue;
    byName.set(key, c.weight);
    if (known.length < NAMED_IN_MESSAGES) known.push(c.name);
  }
  const more = table.caseTypes.length - known.length;
  const index = { byName, known: more > 0 ? [...known, `and ${more.toLocaleString("en-GB")} more`] : known };
  INDEXES.set(table.caseTypes, index);
  return index;
}

/** The table's case types as a message names them: the first 20, then how many more. */
export function caseTypeNames(table: VloWeightTable): readonly string[] {
  return caseTypeIndex(table).known;
}

/** The case type's weight, matched ignoring case and spacing; a problem naming the known types otherwise. */
export function caseTypeWeight(table: VloWeightTable, caseType: string, arg = "case_type"): Result<number> {
  const index = caseTypeIndex(table);
  const weight = index.byName.get(norm(caseType));
  return weight !== undefined ? ok(weight) : fail("vlo.caseType", { arg, got: caseType, known: index.known });
}

/**
 * The workload score of one victim case (NPS Operating Model v1.0, ch.1, ch.5; weights per `table`):
 * case-type weight × Σ (count × activity weight). Missing counts are 0. Counts are checked by the
 * caller's parser (whole numbers of 0 or more); a negative count here is a programmer mistake.
 */
export function vloWeight(caseType: string, counts: VloCounts, table: VloWeightTable = DEFAULT_VLO_WEIGHTS, arg = "case_type"): Result<number> {
  const w = caseTypeWeight(table, caseType, arg);
  if (!w.ok) return w;
  let sum = 0;
  for (const a of VLO_ACTIVITIES) {
    const n = counts[a] ?? 0;
    if (!(n >= 0)) throw new Error(`vloWeight: count of ${a} must be 0 or more, got ${n}`);
    sum += n * table.activities[a];
  }
  return ok(Math.round(w.value * sum * 1e9) / 1e9);
}

/**
 * The words each activity is written as, normalised. A Map, never an object literal: a lookup by
 * what a user typed must not find Object.prototype's members ("constructor", "toString").
 */
const ACTIVITY_ALIASES: ReadonlyMap<string, VloActivity> = new Map<string, VloActivity>([
  ["home visit", "home visit"],
  ["home visits", "home visit"],
  ["visit", "home visit"],
  ["phone call", "phone call"],
  ["phone calls", "phone call"],
  ["telephone call", "phone call"],
  ["telephone calls", "phone call"],
  ["letter", "letter"],
  ["letters", "letter"],
  ["meeting", "meeting"],
  ["meetings", "meeting"],
  ["parole representation", "parole representation"],
  ["parole representations", "parole representation"],
  ["mappa representation", "MAPPA representation"],
  ["mappa representations", "MAPPA representation"],
]);

const KIND_CASE = new Set(["case type", "case", "type", "case types"]);
const KIND_ACTIVITY = new Set(["activity", "activities"]);

function cellText(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v);
}

/**
 * Read a division's weight table from a range: a header row Kind | Name | Weight, then one row per
 * case type (kind "case type") or activity (kind "activity"). Every problem is returned, not just the
 * first: unknown kinds and activities, blank names, weights that are not numbers of 0 or more,
 * duplicates, activities without a weight (a silent 0 would leave work out) and no case types.
 * Wholly blank rows are skipped (a range drawn larger than the table).
 */
export function readVloTable(rows: readonly (readonly CellValue[])[], arg: string, source: string): { table?: VloWeightTable; problems: Problem[] } {
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2 || width !== 3 || rows.some((r) => r.length !== width))
    return { problems: [problem("vlo.tableShape", { arg, rows: rows.length, cols: width })] };
  const header = rows[0]!.map((c) => norm(cellText(c)));
  if (header[0] !== "kind" || header[1] !== "name" || header[2] !== "weight")
    return { problems: [problem("vlo.tableHeader", { arg, got: rows[0]!.map((c) => `"${cellText(c)}"`).join(" | ") })] };

  const problems: Problem[] = [];
  const caseTypes: VloCaseTypeWeight[] = [];
  const activities: Partial<Record<VloActivity, number>> = {};
  const seen = new Set<string>();
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    const [kind, name, weight] = r as [CellValue, CellValue, CellValue];
    if (isBlank(kind) && isBlank(name) && isBlank(weight)) return;
    const k = typeof kind === "string" ? norm(kind) : "";
    const isCase = KIND_CASE.has(k);
    if (!isCase && !KIND_ACTIVITY.has(k)) {
      problems.push(problem("vlo.tableKind", { arg, row, got: kind }));
      return;
    }
    if (isBlank(name)) {
      problems.push(problem("vlo.tableName", { arg, row }));
      return;
    }
    const label = cellText(name).trim();
    const w = typeof weight === "number" ? weight : typeof weight === "string" && !isErrorText(weight) ? numberText(weight) : NaN;
    if (!Number.isFinite(w) || w < 0) {
      problems.push(problem("vlo.tableWeight", { arg, row, name: label, got: weight }));
      return;
    }
    let key: string;
    if (isCase) {
      key = `case:${norm(label)}`;
      if (!seen.has(key)) caseTypes.push({ name: label, weight: w });
    } else {
      const a = ACTIVITY_ALIASES.get(norm(label));
      if (a === undefined) {
        problems.push(problem("vlo.tableActivity", { arg, row, got: name, known: VLO_ACTIVITIES }));
        return;
      }
      key = `activity:${a}`;
      if (!seen.has(key)) activities[a] = w;
    }
    if (seen.has(key)) problems.push(problem("vlo.tableDuplicate", { arg, row, name: label }));
    seen.add(key);
  });
  const missing = VLO_ACTIVITIES.filter((a) => activities[a] === undefined);
  if (missing.length > 0) problems.push(problem("vlo.tableMissingActivity", { arg, missing }));
  if (caseTypes.length === 0) problems.push(problem("vlo.tableNoCaseTypes", { arg }));
  if (problems.length > 0) return { problems };
  return { table: { source, caseTypes, activities: activities as Record<VloActivity, number> }, problems };
}

const ACTIVITY_NAMES: ReadonlySet<string> = new Set(VLO_ACTIVITIES);

/**
 * Check a table that did not come through readVloTable (e.g. restored from saved settings). Its
 * activities are keyed by the exact names of VLO_ACTIVITIES; any other key (an alias, a typing
 * slip, "constructor") is refused as an unknown activity, never ignored.
 */
export function checkVloTable(t: VloWeightTable, arg: string): Problem[] {
  const rows: CellValue[][] = [["Kind", "Name", "Weight"]];
  // A name that is not text (a saved table is JSON, and may say anything) is refused as no name.
  for (const c of t.caseTypes) rows.push(["case type", typeof c?.name === "string" ? c.name : null, c?.weight]);
  const activities = t.activities as Partial<Record<VloActivity, number>>;
  for (const a of VLO_ACTIVITIES) rows.push(["activity", a, Object.hasOwn(activities, a) ? activities[a] : undefined]);
  const problems = readVloTable(rows, arg, t.source).problems;
  let row = rows.length;
  for (const key of Object.keys(activities))
    if (!ACTIVITY_NAMES.has(key)) problems.push(problem("vlo.tableActivity", { arg, row: ++row, got: key, known: VLO_ACTIVITIES }));
  return problems;
}
