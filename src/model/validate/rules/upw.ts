/**
 * Validation rules for unpaid work (NPS FAQ on the future of probation, June 2020, the target operating model Q&A): starts within 20
 * working days of sentence, completed within 12 months, at most 90 minutes' travel each way, and
 * up to 20% of an order on education or training. One row per requirement on the "Unpaid work" sheet.
 */
import { problem } from "../../problem";
import type { Finding, Rule, RuleContext, Table, TableRow } from "../types";
import { addMonths, at, blankCell, workingDaysBetween, ukDate, nonNegative, workbookAsOf } from "./people";

const SHEET = "unpaidWork" as const;
const SOURCE = "NPS FAQ on the future of probation, June 2020";

function caseId(row: TableRow): string {
  const id = row.get("caseId");
  return id === undefined ? `on row ${row.row}` : String(id);
}

/** The workbook's as-of date (the latest dated record), worked out once per check and only if asked. */
type AsOf = () => number | undefined;

function perRow(id: string, label: Rule["label"], check: (ctx: RuleContext, table: Table, row: TableRow, out: Finding[], asOf: AsOf) => void): Rule {
  return {
    id,
    label,
    source: SOURCE,
    needs: [SHEET],
    check(ctx) {
      const table = ctx.table(SHEET)!;
      const out: Finding[] = [];
      let known = false;
      let date: number | undefined;
      const asOf: AsOf = () => {
        if (!known) [known, date] = [true, workbookAsOf(ctx)];
        return date;
      };
      for (const row of table.rows) check(ctx, table, row, out, asOf);
      return out;
    },
  };
}

/** A number field's value: a negative value is an error finding, a blank or unreadable one undefined. */
function amount(table: Table, row: TableRow, field: string, label: string, rule: string, out: Finding[]): number | undefined {
  return nonNegative(table, row, field, rule, out, (got) => problem("upw.negative", { caseId: caseId(row), field: label, got }).message, SOURCE);
}

/**
 * Start within upwStartBusinessDays (20) working days of sentence: working days are Monday to
 * Friday after the sentence date up to the start date; bank holidays are not known and count as
 * working days (the reading that never hides a late start). Later is a warning; a start before
 * sentence is an error (the dates are wrong). Not yet started: a warning once the workbook's as-of
 * date (its latest dated record) is past the limit.
 */
export const upwStartRule = perRow("upw.start", (c) => `Unpaid work starts within ${c.upwStartBusinessDays} working days of sentence`, (ctx, table, row, out, asOf) => {
  const sentence = row.get("sentenceDate");
  const start = row.get("startDate");
  if (typeof sentence !== "number") return;
  if (start === undefined && blankCell(row, "startDate")) {
    // Not started: overdue once the workbook's latest date is past the limit.
    const now = asOf();
    const limit = ctx.config.upwStartBusinessDays;
    if (now !== undefined && now > sentence && workingDaysBetween(sentence, now) > limit)
      out.push(at(table, row, "startDate", "upw.start", "warning", problem("upw.notStarted", { caseId: caseId(row), sentence: ukDate(sentence), asOf: ukDate(now), days: workingDaysBetween(sentence, now), limit }).message, SOURCE));
    return;
  }
  if (typeof start !== "number") return;
  if (start < sentence) {
    out.push(at(table, row, "startDate", "upw.start", "error", problem("upw.before", { caseId: caseId(row), what: "start date", date: ukDate(start), sentence: ukDate(sentence) }).message, SOURCE));
    return;
  }
  const days = workingDaysBetween(sentence, start);
  const limit = ctx.config.upwStartBusinessDays;
  if (days > limit)
    out.push(
      at(table, row, "startDate", "upw.start", "warning", problem("upw.start", { caseId: caseId(row), sentence: ukDate(sentence), start: ukDate(start), days, limit }).message, SOURCE, {
        figure: days,
        target: limit,
      }),
    );
});

/**
 * Completed within upwCompleteMonths (12) months of sentence (the same date 12 months on passes);
 * later is a warning, and so is a requirement not completed by the workbook's as-of date when that
 * is past the deadline.
 */
export const upwCompleteRule = perRow("upw.complete", (c) => `Unpaid work completed within ${c.upwCompleteMonths} months`, (ctx, table, row, out, asOf) => {
  const sentence = row.get("sentenceDate");
  const done = row.get("completedDate");
  if (typeof sentence !== "number") return;
  if (done === undefined && blankCell(row, "completedDate")) {
    // Not completed: overdue once the workbook's latest date is past the deadline.
    const now = asOf();
    const months = ctx.config.upwCompleteMonths;
    const by = addMonths(sentence, months);
    if (now !== undefined && now > by)
      out.push(at(table, row, "completedDate", "upw.complete", "warning", problem("upw.notCompleted", { caseId: caseId(row), sentence: ukDate(sentence), asOf: ukDate(now), months, by: ukDate(by) }).message, SOURCE));
    return;
  }
  if (typeof done !== "number") return;
  if (done < sentence) {
    out.push(at(table, row, "completedDate", "upw.complete", "error", problem("upw.before", { caseId: caseId(row), what: "completed date", date: ukDate(done), sentence: ukDate(sentence) }).message, SOURCE));
    return;
  }
  const months = ctx.config.upwCompleteMonths;
  const by = addMonths(sentence, months);
  if (done > by)
    out.push(at(table, row, "completedDate", "upw.complete", "warning", problem("upw.complete", { caseId: caseId(row), sentence: ukDate(sentence), done: ukDate(done), months, by: ukDate(by) }).message, SOURCE));
});

/** At most upwMaxTravelMinutes (90) minutes' travel each way; more is a warning. */
export const upwTravelRule = perRow("upw.travel", (c) => `At most ${c.upwMaxTravelMinutes} minutes' travel to unpaid work each way`, (ctx, table, row, out) => {
  const v = amount(table, row, "travelMinutes", "travel minutes", "upw.travel", out);
  const limit = ctx.config.upwMaxTravelMinutes;
  if (v !== undefined && v > limit)
    out.push(at(table, row, "travelMinutes", "upw.travel", "warning", problem("upw.travel", { caseId: caseId(row), minutes: v, limit }).message, SOURCE, { figure: v, target: limit }));
});

/** Education or training at most upwEducationShare (20%) of the hours ordered; more is a warning. */
export const upwEducationRule = perRow("upw.education", (c) => `Up to ${Math.round(c.upwEducationShare * 1000) / 10}% of an unpaid work order on education or training`, (ctx, table, row, out) => {
  const hours = amount(table, row, "educationHours", "education hours", "upw.education", out);
  const ordered = amount(table, row, "hoursOrdered", "hours ordered", "upw.education", out);
  if (hours === undefined || ordered === undefined) return;
  const share = ctx.config.upwEducationShare;
  const most = Math.round(ordered * share * 1e9) / 1e9;
  if (hours > most)
    out.push(at(table, row, "educationHours", "upw.education", "warning", problem("upw.education", { caseId: caseId(row), hours, ordered, share, most }).message, SOURCE, { figure: hours, target: most }));
});

export const UPW_RULES: Rule[] = [upwStartRule, upwCompleteRule, upwTravelRule, upwEducationRule];
