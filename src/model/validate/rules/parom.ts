/**
 * Validation rules for PAROM countersignature (NPS Operating Model v1.0, ch.4): routine SPO countersignature may be
 * lifted once an OM has three successive reports assessed Good. The run is `paromCountersign` in
 * src/model/staffing.ts, the same code the staffing function calls.
 */
import { problem } from "../../problem";
import { paromCountersign, paromCountersignBefore, parseParomAssessment, type ParomAssessment } from "../../staffing";
import type { Finding, Rule, RuleContext, Table, TableRow } from "../types";
import { at, noColumn, ukDate, personKey } from "./people";

const SHEET = "paroms" as const;
const SOURCE = "NPS Operating Model v1.0, ch.4";

interface Report {
  readonly row: TableRow;
  readonly om: string;
  readonly date: number;
  /** Not Good when blank or unreadable: the reading that keeps countersignature. */
  readonly assessment: ParomAssessment;
}

/**
 * The reports grouped per OM in date order (rows of one date keep sheet order), plus findings for
 * rows that cannot take part: no date (warning), an unknown or blank assessment (error / warning).
 */
function readReports(table: Table, rule: string): { byOm: Map<string, Report[]>; findings: Finding[] } {
  const findings: Finding[] = [];
  const byOm = new Map<string, Report[]>();
  for (const row of table.rows) {
    const omv = row.get("om");
    if (omv === undefined) continue;
    const om = String(omv);
    const a = parseParomAssessment(row.raw("assessment"), "Assessment");
    let assessment: ParomAssessment = "Not good";
    const engineReported = row.get("assessment") === undefined && !a.ok; // an error cell: the engine reported it
    if (!a.ok && !engineReported) findings.push(at(table, row, "assessment", rule, "error", a.problem.message, SOURCE));
    else if (a.ok && a.value === undefined) findings.push(at(table, row, "assessment", rule, "warning", problem("parom.noAssessment", { om }).message, SOURCE));
    else if (a.ok) assessment = a.value ?? "Not good";
    const date = row.get("date");
    if (typeof date !== "number") {
      const raw = row.raw("date");
      if (raw === undefined || raw === null || raw === "") findings.push(at(table, row, "date", rule, "warning", problem("parom.noDate", { om }).message, SOURCE));
      continue;
    }
    const list = byOm.get(personKey(om)) ?? [];
    list.push({ row, om, date, assessment });
    byOm.set(personKey(om), list);
  }
  for (const list of byOm.values()) list.sort((a, b) => a.date - b.date);
  return { byOm, findings };
}

/**
 * Countersignature (NPS Operating Model v1.0, ch.4): each report, in date order per OM, written while the OM's run of
 * successive Good reports before it was under paromGoodRun must be SPO countersigned: "No" is an
 * error, blank a warning. Rows with no date or assessment are reported, and a missing or unknown
 * assessment counts as not Good.
 */
export const paromCountersignRule: Rule = {
  id: "parom.countersign",
  label: (c) => `PAROMs countersigned until ${c.paromGoodRun} successive reports are Good`,
  source: SOURCE,
  columns: [[SHEET, "countersigned"]],
  needs: [SHEET],
  check(ctx) {
    const table = ctx.table(SHEET)!;
    const { byOm, findings } = readReports(table, this.id);
    const out = [...findings];
    if (!table.has("countersigned")) {
      out.push(noColumn(table, this.id, "SPO countersigned", "countersignature", this.source));
      return out;
    }
    for (const list of byOm.values()) {
      // Each report's predecessors' run, in one pass over the OM's list (never the list again per report).
      const states = paromCountersignBefore(
        list.map((x) => x.assessment),
        ctx.config,
      );
      list.forEach((r, i) => {
        const before = states[i]!;
        if (!before.countersign) return;
        const signed = r.row.get("countersigned");
        const params = { om: r.om, date: ukDate(r.date), run: before.goodRun, needed: before.needed };
        if (signed === false) out.push(at(table, r.row, "countersigned", this.id, "error", problem("parom.notCountersigned", params).message, this.source));
        else if (signed === undefined && (r.row.raw("countersigned") ?? "") === "") out.push(at(table, r.row, "countersigned", this.id, "warning", problem("parom.countersignBlank", params).message, this.source));
      });
    }
    return out;
  },
};

function liftable(ctx: RuleContext): { om: string; row: TableRow; run: number; needed: number }[] {
  const { byOm } = readReports(ctx.table(SHEET)!, "parom.liftable");
  const out: { om: string; row: TableRow; run: number; needed: number }[] = [];
  for (const list of byOm.values()) {
    const s = paromCountersign(
      list.map((x) => x.assessment),
      ctx.config,
    );
    if (!s.countersign) out.push({ om: list[list.length - 1]!.om, row: list[list.length - 1]!.row, run: s.goodRun, needed: s.needed });
  }
  return out;
}

/** Information: the OMs whose latest run of Good reports lets routine countersignature be lifted (an SPO's decision). */
export const paromLiftableRule: Rule = {
  id: "parom.liftable",
  label: "OMs for whom routine PAROM countersignature may be lifted",
  source: SOURCE,
  information: true,
  needs: [SHEET],
  check(ctx) {
    const table = ctx.table(SHEET)!;
    return liftable(ctx).map((l) => at(table, l.row, "om", this.id, "info", problem("parom.liftable", { om: l.om, run: l.run, needed: l.needed }).message, this.source));
  },
  summarise(ctx) {
    const { byOm } = readReports(ctx.table(SHEET)!, "parom.liftable");
    return { figure: `${liftable(ctx).length} of ${byOm.size} OMs`, target: `${ctx.config.paromGoodRun} successive Good` };
  },
};

export const PAROM_RULES: Rule[] = [paromCountersignRule, paromLiftableRule];
