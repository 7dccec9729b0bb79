/**
 * Shared reading for the staffing, structure, YOS, AP, PAROM and unpaid work rules: the roles of
 * the Staff sheet, the staff list as plain records, findings at a cell, and Excel serial dates.
 */
import { problem } from "../../problem";
import { isBlank } from "../../values";
import type { Finding, RuleContext, Severity, Table, TableRow } from "../types";

/** Names as people write them in different sheets: case, spacing and surrounding blanks ignored. */
export function personKey(v: unknown): string {
  const s = typeof v === "string" ? v : String(v);
  const hit = KEYS.get(s);
  if (hit !== undefined) return hit;
  const key = s.trim().toLowerCase().replace(/\s+/g, " ");
  if (KEYS.size > 50_000) KEYS.clear();
  KEYS.set(s, key);
  return key;
}
/** A caseload names the same few hundred people tens of thousands of times. */
const KEYS = new Map<string, string>();

/**
 * Items grouped by a key (a person, team or cluster key), in one pass: what a rule looks up per
 * team or per cluster, so that it never filters the whole staff list once for each.
 * Items whose key is undefined are left out.
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** A staff member's team, cluster or line manager as a key, or undefined when blank. */
export const keyOf = (v: string | undefined): string | undefined => (v === undefined ? undefined : personKey(v));


/** The roles of the Staff sheet the model knows (layout: Staff › Role). */
export const ROLES = [
  "PO",
  "PSO",
  "SPO",
  "CA",
  "SAO",
  "BM",
  "DM",
  "SOSM",
  "Head of LDU",
  "VLO",
  "AP manager",
  "AP area manager",
  "Residential worker",
  "Key worker PSO",
  "Financial administrator",
] as const;
export type Role = (typeof ROLES)[number];

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Spelled-out forms people write for each role; matching ignores case and punctuation. */
export const ROLE_WORDS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...ROLES.map((r) => [norm(r), r] as const),
  ["probation officer", "PO"],
  ["probation services officer", "PSO"],
  ["senior probation officer", "SPO"],
  ["case administrator", "CA"],
  ["case admin", "CA"],
  ["senior administrative officer", "SAO"],
  ["senior administration officer", "SAO"],
  ["business manager", "BM"],
  ["diary manager", "DM"],
  ["senior operational support manager", "SOSM"],
  ["head of ldu cluster", "Head of LDU"],
  ["head of cluster", "Head of LDU"],
  ["victim liaison officer", "VLO"],
  ["victim liaison", "VLO"],
  ["approved premises manager", "AP manager"],
  ["approved premises area manager", "AP area manager"],
  ["residential worker", "Residential worker"],
  ["key worker", "Key worker PSO"],
  ["pso key worker", "Key worker PSO"],
  ["finance administrator", "Financial administrator"],
  ["financial admin", "Financial administrator"],
]);

export function roleOf(v: unknown): Role | undefined {
  return v === undefined || v === null ? undefined : ROLE_WORDS.get(norm(String(v)));
}

export interface StaffMember {
  readonly row: TableRow;
  readonly name: string;
  readonly key: string;
  readonly role?: Role;
  /** Undefined when blank, unreadable or outside 0..1 (reported by staffing.staffRows). */
  readonly fte?: number;
  readonly team?: string;
  readonly cluster?: string;
  readonly lineManager?: string;
}

const text = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

/** The Staff sheet's named rows as records; rows without a name are left out. */
export function staffList(staff: Table): StaffMember[] {
  const out: StaffMember[] = [];
  for (const row of staff.rows) {
    const name = row.get("name");
    if (name === undefined) continue;
    const f = row.get("fte");
    const role = roleOf(row.get("role"));
    const team = text(row.get("team"));
    const cluster = text(row.get("cluster"));
    const lineManager = text(row.get("lineManager"));
    out.push({
      row,
      name: String(name),
      key: personKey(name),
      ...(role !== undefined ? { role } : {}),
      ...(typeof f === "number" && f >= 0 && f <= 1 ? { fte: f } : {}),
      ...(team !== undefined ? { team } : {}),
      ...(cluster !== undefined ? { cluster } : {}),
      ...(lineManager !== undefined ? { lineManager } : {}),
    });
  }
  return out;
}

/** A cell that is really blank, not one the engine could not read (it reports those itself). */
export function blankCell(row: TableRow, field: string): boolean {
  return isBlank(row.raw(field));
}

/**
 * A number field's value for a rule: undefined when blank or unreadable (the engine reports that);
 * a negative value is an error finding with the family's message, and undefined.
 */
export function nonNegative(table: Table, row: TableRow, field: string, rule: string, out: Finding[], negative: (got: number) => string, source: string): number | undefined {
  const v = row.get(field);
  if (typeof v !== "number") return undefined;
  if (v < 0) {
    out.push(at(table, row, field, rule, "error", negative(v), source));
    return undefined;
  }
  return v;
}

/** Information that a rule could not check: the sheet has no column for what it needs. */
export function noColumn(table: Table, rule: string, column: string, what: string, source: string): Finding {
  return { rule, severity: "info", sheet: table.sheet, message: problem("staffingRule.noColumn", { sheet: table.sheet, column, what }).message, source };
}

/** A finding at a row's cell of a field (the row alone when the sheet has no such column). */
export function at(table: Table, row: TableRow, field: string, rule: string, severity: Severity, message: string, source: string, extra: { figure?: number; target?: number } = {}): Finding {
  const cell = row.cell(field);
  return { rule, severity, sheet: table.sheet, row: row.row, ...(cell !== undefined ? { cell } : {}), message, source, ...extra };
}

/** Sum without floating-point dust (0.1 × 3 is 0.3). */
export function sum(xs: readonly number[]): number {
  return Math.round(xs.reduce((a, b) => a + b, 0) * 1e9) / 1e9;
}

// --- dates: Excel serial numbers (1 = 1900-01-01 on the 1899-12-30 epoch the readers use) -------------

const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialToDate(serial: number): Date {
  return new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
}

export function dateToSerial(d: Date): number {
  return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - EPOCH_MS) / DAY_MS);
}

/** 31/01/2026, as UK readers write dates, for messages. */
export function ukDate(serial: number): string {
  const iso = serialToDate(serial).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The same day `months` months later; a day the month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(serial: number, months: number): number {
  const d = serialToDate(serial);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dateToSerial(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

/**
 * Working days after `from` up to and including `to` (Monday to Friday). Bank holidays are not
 * known to the workbook, so they count as working days: the reading that never hides a late start.
 */
export function workingDaysBetween(from: number, to: number): number {
  let n = 0;
  for (let s = Math.floor(from) + 1; s <= Math.floor(to); s++) {
    const wd = serialToDate(s).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/**
 * The workbook's "as of" date, for secondment length: the latest date in its dated records (court
 * reports, PAROMs, unpaid work). Reading: the workbook is a snapshot and carries no date of its
 * own; using the clock would make the same workbook validate differently tomorrow.
 */
export function workbookAsOf(ctx: RuleContext): number | undefined {
  let latest: number | undefined;
  const see = (v: unknown) => {
    if (typeof v === "number" && (latest === undefined || v > latest)) latest = v;
  };
  for (const row of ctx.table("courtReports")?.rows ?? []) see(row.get("date"));
  for (const row of ctx.table("paroms")?.rows ?? []) see(row.get("date"));
  for (const row of ctx.table("unpaidWork")?.rows ?? []) for (const f of ["sentenceDate", "startDate", "completedDate"]) see(row.get(f));
  return latest;
}
