/**
 * The Workload family: each OM's workload points and capacity as the HMPPS Workload Management Tool
 * (WMT) measures them (src/model/workload.ts, the code the custom functions call), checked when the
 * Staff sheet has contracted hours. Points come from the Caseload (tier and sentence type), the Court
 * reports sheet (reports by author in the last 30 days) and the PAROMs sheet (the same 30 days).
 *
 * Readings, each the one that never hides work: a case with no tier counts 0 points, as WMT counts it,
 * and is reported; a case whose sentence type does not say community, licence or custody counts at
 * the highest of the three; reduction hours as written win over the reason, capped at the contracted
 * hours (and 50% for facility time); a reason with no set allowance and no hours takes nothing off.
 */
import { WMT_SOURCE } from "../../config";
import { pct } from "../../messages/workload";
import { problem } from "../../problem";
import { parseTeamType } from "../../staffing";
import type { Grade, Tier } from "../../values";
import {
  availablePoints,
  capacity,
  casePoints,
  caseTypeOfSentence,
  countsOn,
  highestCasePoints,
  parseWorkloadItem,
  REDUCTION_REASONS,
  reductionHours,
  reductionReason,
  reportPoints,
  type PointsTier,
  type WorkloadCaseType,
} from "../../workload";
import type { Finding, Rule, RuleContext, Table, TeamCapacity, TableRow, WorkloadPicture } from "../types";
import { at, personKey, staffList, ukDate, workbookAsOf, type StaffMember } from "./people";

const SOURCE = WMT_SOURCE;
const COLUMNS = [["staff", "contractedHours"]] as const;
const NEEDS = ["caseload", "staff"] as const;
/** Most contracted hours a week the validator reads as hours (more is a typing slip). */
const MOST_HOURS = 100;

/** One OM's workload, as the rules and the pane's picture read it. */
export interface OmWorkload {
  readonly name: string;
  readonly team: string | undefined;
  readonly grade: Grade | undefined;
  readonly cases: number;
  readonly points: number;
  /** The OM's Staff row, when they are on the Staff sheet. */
  readonly staff: StaffMember | undefined;
  /** Contracted hours as read; undefined when blank or not readable as hours. */
  readonly contracted: number | undefined;
  readonly reduction: number;
  /** Undefined when capacity cannot be measured (no contracted hours). */
  readonly available: number | undefined;
  readonly capacity: number | undefined;
}

interface Counted {
  readonly oms: ReadonlyMap<string, OmWorkload>;
  readonly notOnStaff: readonly { name: string; cases: number }[];
  readonly cases: number;
  readonly reports: number;
  readonly paroms: number;
  readonly asOf: number | undefined;
  readonly untiered: { count: number; first?: string };
  readonly unknownType: { count: number; first?: string };
  /** Findings about the hours and reductions read from the Staff sheet. */
  readonly hourFindings: readonly Finding[];
}

const MEMO = new WeakMap<RuleContext, Counted>();

/** Where a case is, for a message: "case X123 at Caseload!K12". */
function place(table: Table, row: TableRow, field: string): string {
  const id = row.get("caseId");
  return `${id !== undefined ? `case ${String(id)} at ` : ""}${table.sheet}!${row.cell(field) ?? `row ${row.row}`}`;
}

/** The OMs' workload, counted once per validation for the four rules and the picture. */
export function countWorkload(ctx: RuleContext): Counted {
  const hit = MEMO.get(ctx);
  if (hit) return hit;
  const config = ctx.config;
  const cases = ctx.table("caseload")!;
  const staffTable = ctx.table("staff")!;
  type Held = { name: string; cases: number; points: number; team?: string };
  const points = new Map<string, Held>();
  // A caseload names the same few hundred OMs tens of thousands of times: each name as written is looked up once.
  const byName = new Map<string, Held>();
  const heldBy = (name: string, team: unknown): Held => {
    let p = byName.get(name);
    if (p) return p;
    const key = personKey(name);
    p = points.get(key);
    if (!p) {
      p = { name, cases: 0, points: 0, ...(typeof team === "string" ? { team } : {}) };
      points.set(key, p);
    }
    byName.set(name, p);
    return p;
  };
  const add = (name: string, n: number) => {
    heldBy(name, undefined).points += n;
  };

  // Cases, down the columns: the case type of each distinct sentence type, and the points of each
  // tier and case type, are worked out once.
  const untiered = { count: 0 } as { count: number; first?: string };
  const unknownType = { count: 0 } as { count: number; first?: string };
  const column = (field: string): readonly unknown[] => cases.values(field) ?? [];
  const omColumn = column("om");
  const tierColumn = column("recordedTier");
  const sentenceColumn = column("sentenceType");
  const teamColumn = column("team");
  const types = new Map<unknown, WorkloadCaseType | undefined>();
  const memo = new Map<PointsTier, Partial<Record<WorkloadCaseType | "unknown", number>>>();
  let caseCount = 0;
  for (let i = 0; i < cases.rows.length; i++) {
    const om = omColumn[i];
    if (om === undefined) continue;
    const tier = (tierColumn[i] as Tier | undefined) ?? "untiered";
    const sentence = sentenceColumn[i];
    let type = types.get(sentence);
    if (type === undefined && !types.has(sentence)) types.set(sentence, (type = caseTypeOfSentence(sentence)));
    if (tier === "untiered") {
      if (untiered.count++ === 0) untiered.first = place(cases, cases.rows[i]!, "recordedTier");
    } else if (type === undefined && unknownType.count++ === 0) unknownType.first = place(cases, cases.rows[i]!, "sentenceType");
    let byType = memo.get(tier);
    if (byType === undefined) memo.set(tier, (byType = {}));
    let p = byType[type ?? "unknown"];
    if (p === undefined) p = byType[type ?? "unknown"] = type === undefined ? highestCasePoints(tier, config) : casePoints(tier, type, config);
    caseCount++;
    const held = heldBy(String(om), teamColumn[i]);
    held.points += p;
    held.cases++;
  }

  // Court reports and PAROMs in the 30 days up to the workbook's latest date.
  const asOf = workbookAsOf(ctx);
  const inWindow = (d: unknown) => asOf !== undefined && typeof d === "number" && countsOn(d, asOf);
  let reports = 0;
  const court = ctx.table("courtReports");
  if (court?.has("author"))
    for (const row of court.rows) {
      const author = row.get("author");
      if (author === undefined || !inWindow(row.get("date"))) continue;
      const item = parseWorkloadItem(row.raw("reportType"), "Report type");
      if (!item.ok || item.value?.kind !== "report") continue;
      reports++;
      add(String(author), reportPoints(item.value.type, config));
    }
  let paroms = 0;
  for (const row of ctx.table("paroms")?.rows ?? []) {
    const om = row.get("om");
    if (om === undefined || !inWindow(row.get("date"))) continue;
    paroms++;
    add(String(om), reportPoints("PAROM", config));
  }

  // Hours and reductions, from the Staff sheet.
  const hourFindings: Finding[] = [];
  const oms = new Map<string, OmWorkload>();
  const staff = staffList(staffTable);
  const omTeams = teamIsOm(ctx);
  const onStaff = new Set(staff.map((s) => s.key));
  for (const s of staff) {
    if (oms.has(s.key)) continue;
    const held = points.get(s.key);
    const grade: Grade | undefined = s.role === "PO" || s.role === "PSO" ? s.role : undefined;
    if (held === undefined && grade === undefined) continue;
    // A PO or PSO holding no cases in a court, YOS, victims, AP or management team has no caseload to measure.
    if ((held?.cases ?? 0) === 0 && !omTeams(s.team)) continue;
    const hours = readHours(staffTable, s, hourFindings);
    const available = hours === undefined ? undefined : availablePoints(hours.contracted, hours.reduction, config.wmtNominalTarget, config.wmtDefaultHours);
    const total = Math.round(held?.points ?? 0);
    oms.set(s.key, {
      name: s.name,
      team: s.team ?? held?.team,
      grade,
      cases: held?.cases ?? 0,
      points: total,
      staff: s,
      contracted: hours?.contracted,
      reduction: hours?.reduction ?? 0,
      available,
      capacity: available === undefined ? undefined : capacity(total, available),
    });
  }
  const notOnStaff: { name: string; cases: number }[] = [];
  for (const [key, held] of points) if (!onStaff.has(key) && held.cases > 0) notOnStaff.push({ name: held.name, cases: held.cases });

  const counted: Counted = { oms, notOnStaff, cases: caseCount, reports, paroms, asOf, untiered, unknownType, hourFindings };
  MEMO.set(ctx, counted);
  return counted;
}

/** Whether a team is an OM team by the Teams sheet; a team the sheet does not type (or no team) may be one. */
function teamIsOm(ctx: RuleContext): (team: string | undefined) => boolean {
  const types = new Map<string, boolean>();
  for (const row of ctx.table("teams")?.rows ?? []) {
    const team = row.get("team");
    const type = row.raw("type");
    if (team === undefined || type === null || type === undefined || type === "") continue;
    const t = parseTeamType(type, "Type");
    types.set(personKey(team), t.ok && t.value === "OM");
  }
  return (team) => (team === undefined ? true : (types.get(personKey(team)) ?? true));
}

/** Contracted and reduction hours of a member of staff; undefined when contracted hours are blank or not hours. */
function readHours(table: Table, s: StaffMember, out: Finding[]): { contracted: number; reduction: number } | undefined {
  const c = s.row.get("contractedHours");
  if (typeof c !== "number") return undefined;
  if (c < 0 || c > MOST_HOURS) {
    out.push(at(table, s.row, "contractedHours", "workload.hours", "error", problem("workload.hoursBad", { name: s.name, got: c }).message, SOURCE));
    return undefined;
  }
  const given = s.row.get("reductionHours");
  const reasonText = s.row.get("reductionReason");
  const why = typeof reasonText === "string" ? reasonText : undefined;
  const hours = typeof given === "number" ? given : undefined;
  if (hours !== undefined && hours < 0) {
    out.push(at(table, s.row, "reductionHours", "workload.hours", "error", problem("workload.reductionBad", { name: s.name, got: given }).message, SOURCE));
    return undefined;
  }
  if (why === undefined && hours === undefined) return { contracted: c, reduction: 0 };
  // The rule REDUCTION_HOURS applies, read from the sheet: what it refuses is said here, and the reading that keeps workload in view taken.
  const r = reductionHours(why, c, hours);
  if (r.ok) {
    if (r.value.capped) {
      const reason = why === undefined ? undefined : reductionReason(why);
      const most = reason?.upTo !== undefined ? `${reason.name}'s ${reason.upTo * 100}% of ${c} contracted hours` : `the ${c} contracted hours`;
      out.push(at(table, s.row, "reductionHours", "workload.hours", "warning", problem("workload.reductionCapped", { name: s.name, asked: hours!, hours: r.value.hours, why: most }).message, SOURCE));
    }
    return { contracted: c, reduction: r.value.hours };
  }
  const known = why === undefined ? undefined : reductionReason(why);
  if (known?.share !== undefined) {
    const allowance = c * known.share;
    out.push(at(table, s.row, "reductionHours", "workload.hours", "warning", problem("workload.reductionDiffers", { name: s.name, reason: known.name, share: known.share, allowance, contracted: c, given: hours! }).message, SOURCE));
    return { contracted: c, reduction: allowance };
  }
  out.push(
    at(table, s.row, "reductionReason", "workload.hours", "warning", problem("workload.reductionNoHours", { name: s.name, reason: why ?? "", known: REDUCTION_REASONS.filter((x) => x.share !== undefined).map((x) => x.name) }).message, SOURCE),
  );
  return { contracted: c, reduction: 0 };
}


/** The median of numbers sorted ascending. */
function median(sorted: readonly number[]): number {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

const COLLATOR = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });

/** The picture of a validation, drawn once for the two rules that read it and the report. */
const PICTURES = new WeakMap<RuleContext, WorkloadPicture>();

/** Capacity per team: the numbers the pane's picture draws and the summary's spread gives. */
export function workloadPicture(ctx: RuleContext): WorkloadPicture {
  const hit = PICTURES.get(ctx);
  if (hit) return hit;
  const { oms, asOf } = countWorkload(ctx);
  const byTeam = new Map<string, OmWorkload[]>();
  for (const om of oms.values()) {
    // No available points (no hours, or reductions take them all): the hours rule reports it; no capacity to draw.
    if (om.capacity === undefined || om.available === undefined || om.available <= 0) continue;
    const team = om.team ?? "No team";
    const list = byTeam.get(team);
    if (list) list.push(om);
    else byTeam.set(team, [om]);
  }
  const threshold = ctx.config.capacityThreshold;
  let measured = 0;
  let over = 0;
  const teams: TeamCapacity[] = [...byTeam.entries()]
    .sort(([a], [b]) => COLLATOR.compare(a, b))
    .map(([team, list]) => {
      const caps = list.map((o) => o.capacity!).sort((a, b) => a - b);
      measured += list.length;
      over += list.filter((o) => o.capacity! > threshold).length;
      return {
        team,
        oms: list
          .map((o) => ({ name: o.name, ...(o.grade !== undefined ? { grade: o.grade } : {}), points: o.points, available: o.available!, capacity: o.capacity! }))
          .sort((a, b) => b.capacity - a.capacity || COLLATOR.compare(a.name, b.name)),
        lowest: caps[0]!,
        median: median(caps),
        highest: caps[caps.length - 1]!,
      };
    });
  const picture: WorkloadPicture = { threshold, ...(asOf !== undefined ? { asOf: ukDate(asOf) } : {}), teams, measured, over };
  PICTURES.set(ctx, picture);
  return picture;
}

const staffOf = (ctx: RuleContext) => ctx.table("staff")!;
const hasHours = (ctx: RuleContext) => staffOf(ctx).has("contractedHours");

/** A rule of the family: its source, its sheets and column, and no findings without contracted hours (the engine says "not checked"). */
function workloadRule(rule: Omit<Rule, "source" | "columns" | "needs" | "check"> & { check(this: Rule, ctx: RuleContext): Finding[] }): Rule {
  const { check, ...rest } = rule;
  return {
    ...rest,
    source: SOURCE,
    columns: COLUMNS,
    needs: NEEDS,
    check(ctx) {
      return hasHours(ctx) ? check.call(this, ctx) : [];
    },
  };
}

/** Capacity over the division's threshold is a warning naming the OM, their points and available points (WMT). */
export const workloadCapacityRule = workloadRule({
  id: "workload.capacity",
  label: (c) => `OM capacity at or under ${pct(c.capacityThreshold)} (workload points ÷ available points)`,
  check(ctx) {
    const table = staffOf(ctx);
    const threshold = ctx.config.capacityThreshold;
    const out: Finding[] = [];
    for (const om of countWorkload(ctx).oms.values()) {
      if (om.capacity === undefined || om.capacity <= threshold || om.staff === undefined) continue;
      const params = { name: om.name, points: om.points, available: om.available!, capacity: om.capacity, threshold };
      out.push(at(table, om.staff.row, "name", this.id, "warning", problem("workload.over", params).message, this.source, { figure: om.capacity, target: threshold }));
    }
    return out;
  },
  summarise(ctx) {
    const p = workloadPicture(ctx);
    return { figure: `${p.over.toLocaleString("en-GB")} of ${p.measured.toLocaleString("en-GB")} OMs over ${pct(p.threshold)}`, target: `${pct(p.threshold)} or less` };
  },
});

/** Every OM who holds cases has contracted hours, and hours and reductions read as hours. */
export const workloadHoursRule = workloadRule({
  id: "workload.hours",
  label: "Contracted hours for every OM who holds cases",
  check(ctx) {
    const table = staffOf(ctx);
    const counted = countWorkload(ctx);
    const out: Finding[] = [...counted.hourFindings];
    // Rows whose hours or reductions could not be read (errors): no second finding for them.
    const badRows = new Set(counted.hourFindings.filter((f) => f.severity === "error").map((f) => f.row));
    for (const om of counted.oms.values()) {
      if (om.cases === 0 || om.staff === undefined) continue;
      const params = { name: om.name, cases: om.cases, points: om.points };
      const bad = badRows.has(om.staff.row.row);
      if (om.contracted === undefined && !bad) out.push(at(table, om.staff.row, "contractedHours", this.id, "warning", problem("workload.noHours", params).message, this.source));
      else if (om.available === 0) out.push(at(table, om.staff.row, "contractedHours", this.id, "warning", problem("workload.zeroAvailable", params).message, this.source));
    }
    if (counted.notOnStaff.length > 0)
      out.push({
        rule: this.id,
        severity: "info",
        sheet: ctx.table("caseload")!.sheet,
        message: problem("workload.notOnStaff", { oms: counted.notOnStaff.map((o) => o.name), cases: counted.notOnStaff.reduce((n, o) => n + o.cases, 0) }).message,
        source: this.source,
      });
    return out;
  },
});

/** What was counted, and the readings taken where the sheets do not say (information). */
export const workloadCountingRule = workloadRule({
  id: "workload.counting",
  label: "What counts towards workload points",
  information: true,
  check(ctx) {
    const c = countWorkload(ctx);
    const cases = ctx.table("caseload")!;
    const out: Finding[] = [
      {
        rule: this.id,
        severity: "info",
        sheet: cases.sheet,
        message: problem("workload.counted", { cases: c.cases, reports: c.reports, paroms: c.paroms, ...(c.asOf !== undefined ? { asOf: ukDate(c.asOf) } : {}) }).message,
        source: this.source,
      },
    ];
    if (c.untiered.count > 0) out.push({ rule: this.id, severity: "warning", sheet: cases.sheet, message: problem("workload.untiered", { cases: c.untiered.count, first: c.untiered.first! }).message, source: this.source });
    if (c.unknownType.count > 0) out.push({ rule: this.id, severity: "info", sheet: cases.sheet, message: problem("workload.caseType", { cases: c.unknownType.count, first: c.unknownType.first! }).message, source: this.source });
    const court = ctx.table("courtReports");
    if (court !== undefined && !court.has("author")) out.push({ rule: this.id, severity: "info", sheet: court.sheet, message: problem("workload.noAuthor", { sheet: court.sheet }).message, source: this.source });
    return out;
  },
  summarise(ctx) {
    const c = countWorkload(ctx);
    return { figure: `${c.cases.toLocaleString("en-GB")} cases, ${c.reports.toLocaleString("en-GB")} reports, ${c.paroms.toLocaleString("en-GB")} PAROMs` };
  },
});

/** The spread of capacity per team: lowest, median and highest (information). */
export const workloadSpreadRule = workloadRule({
  id: "workload.spread",
  label: "Spread of OM capacity per team",
  information: true,
  check(ctx) {
    const sheet = staffOf(ctx).sheet;
    return workloadPicture(ctx).teams.map((t) => ({
      rule: this.id,
      severity: "info" as const,
      sheet,
      message: problem("workload.teamSpread", { team: t.team, oms: t.oms.length, lowest: t.lowest, median: t.median, highest: t.highest }).message,
      source: this.source,
    }));
  },
  summarise(ctx) {
    const all = workloadPicture(ctx)
      .teams.flatMap((t) => t.oms.map((o) => o.capacity))
      .sort((a, b) => a - b);
    if (all.length === 0) return { notChecked: "no OM has contracted hours" };
    return { figure: `lowest ${pct(all[0]!)}, median ${pct(median(all))}, highest ${pct(all[all.length - 1]!)}` };
  },
});

export const WORKLOAD_RULES: Rule[] = [workloadCapacityRule, workloadHoursRule, workloadCountingRule, workloadSpreadRule];
