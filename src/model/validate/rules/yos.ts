/**
 * Validation rules for the NPS contribution to Youth Offending Services (NPS Operating Model v1.0, ch.7): seconded
 * PO resource of about 10% of the YOS caseload (`yosFte` in src/model/staffing.ts) and three-year
 * secondments, and a link SPO in each LDU cluster (ch.7-8).
 */
import { problem } from "../../problem";
import { yosFte } from "../../staffing";
import type { Finding, Rule, RuleContext, TableRow } from "../types";
import { at, groupBy, noColumn, ukDate, keyOf, personKey, staffList, sum, addMonths, workbookAsOf } from "./people";
import { clustersOf } from "./clusters";

const SOURCE = "NPS Operating Model v1.0, ch.7";

function yosTeams(ctx: RuleContext): { row: TableRow; name: string; key: string; caseload?: number }[] {
  const teams = ctx.table("teams")!;
  const out: { row: TableRow; name: string; key: string; caseload?: number }[] = [];
  for (const row of teams.rows) {
    const name = row.get("team");
    const type = row.get("type");
    const caseload = row.get("yosCaseload");
    const isYos = (typeof type === "string" && /^yos\b|youth offending/i.test(type.trim())) || caseload !== undefined;
    if (name === undefined || !isYos) continue;
    out.push({ row, name: String(name), key: personKey(name), ...(typeof caseload === "number" ? { caseload } : {}) });
  }
  return out;
}

/**
 * YOS resource (NPS Operating Model v1.0, ch.7): per YOS team (Teams type YOS, or a YOS caseload given), the FTE of
 * POs in Staff seconded to it (YOS secondment yes, Team that YOS) against `yosFte` of its caseload;
 * below is a warning with figure and target. A YOS with no caseload is an info finding.
 */
export const yosResourceRule: Rule = {
  id: "yos.resource",
  label: (c) => `NPS seconded POs in each YOS (about ${Math.round(c.yosCaseloadShare * 1000) / 10}% of the YOS caseload)`,
  source: SOURCE,
  needs: ["teams", "staff"],
  check(ctx) {
    const teams = ctx.table("teams")!;
    // The seconded POs with an FTE, by team, grouped once: each YOS is a lookup.
    const seconded = groupBy(staffList(ctx.table("staff")!), (s) => (s.role === "PO" && s.fte !== undefined && s.row.get("yosSecondment") === true ? keyOf(s.team) : undefined));
    const out: Finding[] = [];
    for (const t of yosTeams(ctx)) {
      if (t.caseload === undefined || t.caseload < 0) {
        if (t.row.get("yosCaseload") === undefined && (t.row.raw("yosCaseload") ?? "") === "")
          out.push(at(teams, t.row, "yosCaseload", this.id, "info", problem("yos.noCaseload", { team: t.name }).message, this.source));
        continue;
      }
      const have = sum((seconded.get(t.key) ?? []).map((s) => s.fte!));
      const need = yosFte(t.caseload, ctx.config);
      if (have < need.fte)
        out.push(
          at(
            teams,
            t.row,
            "yosCaseload",
            this.id,
            "warning",
            problem("yos.below", { team: t.name, have, caseload: t.caseload, cases: need.cases, needed: need.fte, share: ctx.config.yosCaseloadShare, perPo: ctx.config.yosCasesPerPo }).message,
            this.source,
            { figure: have, target: need.fte },
          ),
        );
    }
    return out;
  },
  summarise(ctx, findings) {
    const n = yosTeams(ctx).filter((t) => t.caseload !== undefined).length;
    if (n === 0) return { notChecked: `the ${ctx.table("teams")!.sheet} sheet lists no YOS team with a caseload` };
    return { figure: `${findings.filter((f) => f.severity === "warning").length} of ${n} YOS below`, target: `${Math.round(ctx.config.yosCaseloadShare * 100)}% of caseload at ${ctx.config.yosCasesPerPo} cases per PO` };
  },
};


/**
 * Secondment length (NPS Operating Model v1.0, ch.7: secondments of three years): a secondee whose start is more
 * than yosSecondmentYears before the workbook's as-of date is a warning (exactly the length passes);
 * a secondee with no start date is a warning. No dated records: one info finding, not checked.
 */
export const yosSecondmentRule: Rule = {
  id: "yos.secondmentLength",
  label: (c) => `YOS secondments last ${c.yosSecondmentYears} years`,
  source: SOURCE,
  needs: ["staff"],
  check(ctx) {
    const table = ctx.table("staff")!;
    const secondees = staffList(table).filter((s) => s.row.get("yosSecondment") === true);
    if (secondees.length === 0) return [];
    const asOf = workbookAsOf(ctx);
    if (asOf === undefined) return [{ rule: this.id, severity: "info", sheet: table.sheet, message: problem("yos.noAsOf", {}).message, source: this.source }];
    const out: Finding[] = [];
    const years = ctx.config.yosSecondmentYears;
    for (const s of secondees) {
      const start = s.row.get("secondmentStart");
      if (typeof start !== "number") {
        if ((s.row.raw("secondmentStart") ?? "") === "") out.push(at(table, s.row, "secondmentStart", this.id, "warning", problem("yos.secondmentNoStart", { name: s.name }).message, this.source));
        continue;
      }
      const until = addMonths(start, Math.round(years * 12));
      if (asOf > until)
        out.push(at(table, s.row, "secondmentStart", this.id, "warning", problem("yos.secondmentLong", { name: s.name, start: ukDate(start), years, asOf: ukDate(asOf), until: ukDate(until) }).message, this.source));
    }
    return out;
  },
};

/**
 * A link SPO in each LDU cluster keeps contact with NPS staff seconded to the YOS (NPS Operating Model v1.0, ch.7;
 * welcomed by Napo). Per cluster (as structure.clusterSupport finds them), at least one
 * SPO of that cluster marked Yes in the Staff sheet's YOS link SPO column; someone marked who is not
 * an SPO is a warning too. Without the column the check says it was not possible (information), and
 * its summary line is "not checked", with why.
 */
export const yosLinkSpoRule: Rule = {
  id: "yos.linkSpo",
  label: "A YOS link SPO in each LDU cluster",
  source: SOURCE,
  columns: [["staff", "yosLinkSpo"]],
  needs: ["staff"],
  check(ctx) {
    const table = ctx.table("staff")!;
    if (!table.has("yosLinkSpo"))
      return [noColumn(table, this.id, "YOS link SPO", "the YOS link SPO of each cluster", this.source)];
    const staff = staffList(table);
    const links = staff.filter((s) => s.row.get("yosLinkSpo") === true);
    const out: Finding[] = [];
    for (const s of links)
      if (s.role !== "SPO") out.push(at(table, s.row, "yosLinkSpo", this.id, "warning", problem("yos.linkNotSpo", { name: s.name, role: s.role ?? "role not given" }).message, this.source));
    const linked = new Set(links.flatMap((s) => (s.role === "SPO" && s.cluster !== undefined ? [personKey(s.cluster)] : [])));
    for (const c of clustersOf(ctx, staff))
      if (!linked.has(c.key))
        out.push(at(c.table, c.row, "cluster", this.id, "warning", problem("yos.noLinkSpo", { cluster: c.name }).message, this.source));
    return out;
  },
};

export const YOS_RULES: Rule[] = [yosResourceRule, yosSecondmentRule, yosLinkSpoRule];
