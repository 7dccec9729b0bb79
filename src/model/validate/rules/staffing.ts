/**
 * Validation rules for staffing ratios and structures (rule book §5): case administrators 1:4 in OM
 * teams and 1:3 in court teams (Employer's reply on the E3 Phase 2 Blueprint, ch.4), the SPO span 1:10 (Employer's reply on the E3 Phase 2 Blueprint, ch.3), line management
 * (NPS Operating Model v1.0, ch.1, ch.8), and (from ./clusters.ts) Head of LDU support and complex clusters (NPS Operating Model v1.0, ch.8).
 * The arithmetic is src/model/staffing.ts, the same code the staffing custom functions call. Staff
 * are grouped by team or line manager once per check, so each team or SPO is a lookup.
 */
import { problem } from "../../problem";
import { adminGap, parseTeamType, spoNeeded, type TeamType } from "../../staffing";
import { fte } from "../../messages/staffing-rules";
import type { Finding, Rule, RuleContext, Table, TableRow } from "../types";
import { clusterSupportRule, complexClustersRule } from "./clusters";
import { at, groupBy, keyOf, noColumn, personKey, ROLES, staffList, sum, type Role, type StaffMember } from "./people";

const ADMIN_SOURCE = "Employer's reply on the E3 Phase 2 Blueprint, ch.4";

/** Teams of a type, from the Teams sheet (types the staffing code does not know are other teams). */
function teamsOfType(teams: Table, type: TeamType): { row: TableRow; name: string; key: string }[] {
  const out: { row: TableRow; name: string; key: string }[] = [];
  for (const row of teams.rows) {
    const name = row.get("team");
    const t = parseTeamType(row.raw("type"), "Type");
    if (name === undefined || !t.ok || t.value !== type) continue;
    out.push({ row, name: String(name), key: personKey(name) });
  }
  return out;
}

function adminRule(id: string, type: TeamType, label: Rule["label"]): Rule {
  const counted = (s: StaffMember) => (type === "OM" ? s.role === "PO" || s.role === "PSO" : s.role !== "CA");
  const ratioOf = (ctx: RuleContext) => (type === "OM" ? ctx.config.omAdminRatio : ctx.config.courtAdminRatio);
  const results = (ctx: RuleContext) => {
    const teams = ctx.table("teams")!;
    // Staff with an FTE, by team, grouped once: each team is a lookup, never a pass over the staff list.
    const byTeam = groupBy(staffList(ctx.table("staff")!), (s) => (s.fte === undefined ? undefined : keyOf(s.team)));
    return teamsOfType(teams, type).map((t) => {
      const members = byTeam.get(t.key) ?? [];
      const staffFte = sum(members.filter(counted).map((s) => s.fte!));
      const caFte = sum(members.filter((s) => s.role === "CA").map((s) => s.fte!));
      return { team: t, staffFte, caFte, gap: adminGap(staffFte, caFte, type, ctx.config) };
    });
  };
  return {
    id,
    label,
    source: ADMIN_SOURCE,
    needs: ["teams", "staff"],
    check(ctx) {
      const teams = ctx.table("teams")!;
      return results(ctx)
        .filter((r) => r.gap.short > 0)
        .map((r) =>
          at(
            teams,
            r.team.row,
            "team",
            id,
            "error",
            problem("staffingRule.adminBelow", {
              team: r.team.name,
              staffFte: r.staffFte,
              who: type === "OM" ? "OMs" : "staff",
              caFte: r.caFte,
              ratio: ratioOf(ctx),
              needed: r.gap.needed,
              short: r.gap.short,
            }).message,
            ADMIN_SOURCE,
            { figure: r.caFte, target: r.gap.needed },
          ),
        );
    },
    summarise(ctx) {
      const all = results(ctx);
      if (all.length === 0) return { notChecked: `the ${ctx.table("teams")?.sheet ?? "Teams"} sheet lists no ${type === "OM" ? "OM" : "court"} team` };
      const ratio = `1:${fte(ratioOf(ctx)).replace(/\.0$/, "")}`;
      return { figure: `${all.filter((r) => r.gap.short > 0).length} of ${all.length} ${type === "OM" ? "OM" : "court"} teams below ${ratio}`, target: ratio };
    },
  };
}

/** Case administrators to OMs (POs and PSOs) in OM teams, 1:4 on FTE (Employer's reply on the E3 Phase 2 Blueprint, ch.4). */
export const omAdminRatioRule = adminRule("staffing.omAdminRatio", "OM", (c) => `Case administrators in OM teams (1:${c.omAdminRatio} on FTE)`);
/** Case administrators to all other staff in court teams, 1:3 on FTE (Employer's reply on the E3 Phase 2 Blueprint, ch.4). */
export const courtAdminRatioRule = adminRule("staffing.courtAdminRatio", "Court", (c) => `Case administrators in court teams (1:${c.courtAdminRatio} on FTE)`);

/**
 * Every counted post needs a role the model knows and an FTE from 0 to 1, or it silently drops out
 * of the ratios: each such row is a warning (the engine reports unreadable FTE cells itself).
 */
export const staffRowsRule: Rule = {
  id: "staffing.staffRows",
  label: "Staff list: every post has a known role and an FTE",
  source: ADMIN_SOURCE,
  needs: ["staff"],
  check(ctx) {
    const table = ctx.table("staff")!;
    const out: Finding[] = [];
    for (const s of staffList(table)) {
      const rawRole = s.row.get("role");
      if (rawRole === undefined) out.push(at(table, s.row, "role", this.id, "warning", problem("staffingRule.roleBlank", { name: s.name }).message, this.source));
      else if (s.role === undefined)
        out.push(at(table, s.row, "role", this.id, "warning", problem("staffingRule.roleUnknown", { name: s.name, got: rawRole, known: ROLES }).message, this.source));
      const f = s.row.get("fte");
      const unreadable = f === undefined && s.row.raw("fte") !== undefined && s.row.raw("fte") !== null && s.row.raw("fte") !== "";
      if (s.fte === undefined && !unreadable)
        out.push(at(table, s.row, "fte", this.id, "warning", problem("staffingRule.fte", { name: s.name, got: s.row.raw("fte") }).message, this.source));
    }
    return out;
  },
};

/**
 * Team types besides OM and Court: the layout's Victims, AP and YOS, and Management (cluster
 * management teams, as the sample division has them).
 */
const OTHER_TEAM_TYPE = /^(victims?|victim liaison|vlu|ap|aps|approved premises|yos|youth offending( services?| team)?|management)( teams?)?$/i;

/** Every team type the rules know, as the README and the rule book list them: OM and Court count in the ratios. */
export const KNOWN_TEAM_TYPES = ["OM", "Court", "Victims", "AP", "YOS", "Management"] as const;

/**
 * Every team has a type the rules know (OM, Court, Victims, AP, YOS or Management): a mistyped type ("OMM")
 * would silently take an OM team out of the 1:4 check, so it is a warning at the cell.
 */
export const teamRowsRule: Rule = {
  id: "staffing.teamRows",
  label: "Teams list: every team has a known type",
  source: ADMIN_SOURCE,
  needs: ["teams"],
  check(ctx) {
    const table = ctx.table("teams")!;
    const out: Finding[] = [];
    for (const row of table.rows) {
      const name = row.get("team");
      const type = row.get("type");
      if (name === undefined && type === undefined) continue;
      const team = name === undefined ? `on row ${row.row}` : String(name);
      if (type === undefined) {
        if ((row.raw("type") ?? "") === "") out.push(at(table, row, "type", this.id, "warning", problem("staffingRule.teamTypeBlank", { team }).message, this.source));
        continue;
      }
      const t = parseTeamType(type, "Type");
      if (!t.ok && !OTHER_TEAM_TYPE.test(String(type).trim().replace(/\s+/g, " ")))
        out.push(at(table, row, "type", this.id, "warning", problem("staffingRule.teamType", { team, got: type }).message, this.source));
    }
    return out;
  },
};

/**
 * The SPO span (Employer's reply on the E3 Phase 2 Blueprint, ch.3): an SPO line-manages at most spoSpan (10) staff, counted by head
 * (staff whose Line manager is the SPO); `spoNeeded` decides, so more than one SPO needed is a warning.
 */
export const spoSpanRule: Rule = {
  id: "staffing.spoSpan",
  label: (c) => `Staff per SPO (1:${c.spoSpan})`,
  source: "Employer's reply on the E3 Phase 2 Blueprint, ch.3",
  columns: [["staff", "lineManager"]],
  needs: ["staff"],
  check(ctx) {
    const table = ctx.table("staff")!;
    if (!table.has("lineManager")) return [noColumn(table, this.id, "Line manager", "the SPO span", this.source)];
    const staff = staffList(table);
    // Who each person line-manages, grouped once by manager.
    const managed = groupBy(staff, (s) => keyOf(s.lineManager));
    const out: Finding[] = [];
    for (const spo of staff.filter((s) => s.role === "SPO")) {
      const count = managed.get(spo.key)?.length ?? 0;
      const need = spoNeeded(count, ctx.config);
      if (need.whole > 1)
        out.push(
          at(table, spo.row, "name", this.id, "warning", problem("staffingRule.spoSpan", { spo: spo.name, count, span: ctx.config.spoSpan, needed: need.whole }).message, this.source, {
            figure: count,
            target: ctx.config.spoSpan,
          }),
        );
    }
    return out;
  },
  summarise(ctx, findings) {
    const n = staffList(ctx.table("staff")!).filter((s) => s.role === "SPO").length;
    if (n === 0) return { notChecked: `the ${ctx.table("staff")!.sheet} sheet lists no SPO` };
    return { figure: `${findings.filter((f) => f.figure !== undefined).length} of ${n} SPOs above 1:${ctx.config.spoSpan}`, target: `1:${ctx.config.spoSpan}` };
  },
};

/**
 * Who line-manages whom (NPS Operating Model v1.0, ch.1, ch.8): SPOs manage POs and PSOs; SAOs manage CAs; the BM
 * manages SAOs. In APs (NPS Operating Model v1.0, ch.6) the AP manager manages the AP's CA, and AP area managers
 * their financial administrator.
 */
const MANAGED_BY: Partial<Record<Role, readonly Role[]>> = {
  PO: ["SPO"],
  PSO: ["SPO"],
  CA: ["SAO", "AP manager"],
  SAO: ["BM"],
  "Financial administrator": ["AP area manager"],
};

/**
 * Line management (NPS Operating Model v1.0, ch.1, ch.8): a PO, PSO, CA or SAO whose line manager is not of the
 * expected role, is blank, or is not on the staff list is a warning. Other roles are not checked.
 */
export const lineManagementRule: Rule = {
  id: "structure.lineManagement",
  label: "Line management: SPOs manage POs and PSOs, SAOs manage CAs, the BM manages SAOs",
  source: "NPS Operating Model v1.0, ch.1, ch.6, ch.8",
  columns: [["staff", "lineManager"]],
  needs: ["staff"],
  check(ctx) {
    const table = ctx.table("staff")!;
    if (!table.has("lineManager")) return [noColumn(table, this.id, "Line manager", "line management", this.source)];
    const staff = staffList(table);
    const byKey = new Map(staff.map((s) => [s.key, s]));
    const out: Finding[] = [];
    for (const s of staff) {
      const expected = s.role === undefined ? undefined : MANAGED_BY[s.role];
      if (s.lineManager === undefined) {
        if (expected !== undefined)
          out.push(at(table, s.row, "lineManager", this.id, "warning", problem("structure.managerBlank", { name: s.name, role: s.role!, expected: expected.join("s or ") }).message, this.source));
        continue;
      }
      const m = byKey.get(personKey(s.lineManager));
      if (m === undefined) {
        out.push(at(table, s.row, "lineManager", this.id, "warning", problem("structure.managerUnknown", { name: s.name, manager: s.lineManager }).message, this.source));
        continue;
      }
      if (expected !== undefined && m.role !== undefined && !expected.includes(m.role))
        out.push(
          at(table, s.row, "lineManager", this.id, "warning", problem("structure.managerRole", { name: s.name, role: s.role!, manager: m.name, managerRole: m.role, expected: expected.join("s or ") }).message, this.source),
        );
    }
    return out;
  },
};

export { clusterSupportRule, clustersOf, complexClustersRule, type ClusterInfo } from "./clusters";

export const STAFFING_RULES: Rule[] = [omAdminRatioRule, courtAdminRatioRule, staffRowsRule, teamRowsRule, spoSpanRule, lineManagementRule, clusterSupportRule, complexClustersRule];
