/**
 * Validation rules for staffing ratios and structures (rule book §5): case administrators 1:4 in OM
 * teams and 1:3 in court teams (Employer's reply on the E3 Phase 2 Blueprint, ch.4), the SPO span 1:10 (Employer's reply on the E3 Phase 2 Blueprint, ch.3), line management
 * (NPS Operating Model v1.0, ch.1, ch.8), Head of LDU support and complex clusters (NPS Operating Model v1.0, ch.8). The arithmetic
 * is src/model/staffing.ts, the same code the staffing custom functions call.
 */
import { problem } from "../../problem";
import { adminGap, CLUSTER_MEASURES, MEASURE_LABELS, parseTeamType, rankClusters, spoNeeded, type ClusterMeasures, type TeamType } from "../../staffing";
import { fte } from "../../messages/staffing-rules";
import type { Finding, Rule, RuleContext, Table, TableRow } from "../types";
import { at, blankCell, personKey, ROLES, staffList, sum, type Role, type StaffMember } from "./people";

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
    const staff = staffList(ctx.table("staff")!);
    return teamsOfType(teams, type).map((t) => {
      const members = staff.filter((s) => s.team !== undefined && personKey(s.team) === t.key && s.fte !== undefined);
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

function noColumn(table: Table, rule: string, column: string, what: string, source: string): Finding {
  return { rule, severity: "info", sheet: table.sheet, message: problem("staffingRule.noColumn", { sheet: table.sheet, column, what }).message, source };
}

/**
 * The SPO span (Employer's reply on the E3 Phase 2 Blueprint, ch.3): an SPO line-manages at most spoSpan (10) staff, counted by head
 * (staff whose Line manager is the SPO); `spoNeeded` decides, so more than one SPO needed is a warning.
 */
export const spoSpanRule: Rule = {
  id: "staffing.spoSpan",
  label: (c) => `Staff per SPO (1:${c.spoSpan})`,
  source: "Employer's reply on the E3 Phase 2 Blueprint, ch.3",
  needs: ["staff"],
  check(ctx) {
    const table = ctx.table("staff")!;
    if (!table.has("lineManager")) return [noColumn(table, this.id, "Line manager", "the SPO span", this.source)];
    const staff = staffList(table);
    const out: Finding[] = [];
    for (const spo of staff.filter((s) => s.role === "SPO")) {
      const count = staff.filter((s) => s.lineManager !== undefined && personKey(s.lineManager) === spo.key).length;
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

export interface ClusterInfo {
  readonly name: string;
  readonly key: string;
  /** Where to point: the Clusters row, else the Head of LDU's Staff row. */
  readonly table: Table;
  readonly row: TableRow;
  readonly head: boolean;
}

/** The clusters: every Clusters row, then every cluster of a Head of LDU in Staff not already listed. */
/** The LDU clusters: every Clusters row, and the cluster of every Head of LDU in Staff. */
export function clustersOf(ctx: RuleContext, staff: readonly StaffMember[]): ClusterInfo[] {
  const out: ClusterInfo[] = [];
  const seen = new Set<string>();
  const heads = new Set(staff.filter((s) => s.role === "Head of LDU" && s.cluster !== undefined).map((s) => personKey(s.cluster)));
  const ct = ctx.table("clusters");
  if (ct)
    for (const row of ct.rows) {
      const name = row.get("cluster");
      if (name === undefined || seen.has(personKey(name))) continue;
      seen.add(personKey(name));
      out.push({ name: String(name), key: personKey(name), table: ct, row, head: row.get("head") !== undefined || heads.has(personKey(name)) });
    }
  const st = ctx.table("staff")!;
  for (const s of staff)
    if (s.role === "Head of LDU" && s.cluster !== undefined && !seen.has(personKey(s.cluster))) {
      seen.add(personKey(s.cluster));
      out.push({ name: s.cluster, key: personKey(s.cluster), table: st, row: s.row, head: true });
    }
  return out;
}

/**
 * Every Head of LDU cluster is supported by one BM and one DM (NPS Operating Model v1.0, ch.8): per cluster (the
 * Clusters sheet, and the clusters of the Heads of LDU in Staff), the BMs and DMs in Staff with that
 * cluster; none or more than one is a warning, as is a cluster with no Head of LDU.
 */
export const clusterSupportRule: Rule = {
  id: "structure.clusterSupport",
  label: "Every Head of LDU cluster supported by one BM and one DM",
  source: "NPS Operating Model v1.0, ch.8",
  needs: ["staff"],
  check(ctx) {
    const stable = ctx.table("staff")!;
    if (!stable.has("cluster")) return [noColumn(stable, this.id, "Cluster", "Head of LDU support", this.source)];
    const staff = staffList(stable);
    const out: Finding[] = [];
    for (const c of clustersOf(ctx, staff)) {
      if (!c.head) out.push(at(c.table, c.row, "cluster", this.id, "warning", problem("structure.clusterNoHead", { cluster: c.name }).message, this.source));
      for (const role of ["BM", "DM"] as const) {
        const count = staff.filter((s) => s.role === role && s.cluster !== undefined && personKey(s.cluster) === c.key).length;
        if (count !== 1) out.push(at(c.table, c.row, "cluster", this.id, "warning", problem("structure.clusterSupport", { cluster: c.name, role, count }).message, this.source, { figure: count, target: 1 }));
      }
    }
    return out;
  },
};

/** Rank the Clusters sheet; blank, negative or unreadable measures are findings and no ranking. */
function ranking(ctx: RuleContext, rule: string, source: string): { findings: Finding[]; ranked?: { row: TableRow; name: string; key: string; rank: number; complex: boolean }[]; target: number; complexCount: number } {
  const table = ctx.table("clusters")!;
  const findings: Finding[] = [];
  const rows: { row: TableRow; c: ClusterMeasures }[] = [];
  let bad = 0;
  for (const row of table.rows) {
    const name = row.get("cluster");
    if (name === undefined) continue;
    const c: Record<string, unknown> = { name: String(name) };
    for (const m of CLUSTER_MEASURES) {
      const v = row.get(m);
      const blank = blankCell(row, m);
      if (typeof v === "number" && v >= 0) c[m] = v;
      else {
        bad++;
        // Unreadable cells are the engine's to report; blank and negative ones are ours.
        if (blank) findings.push(at(table, row, m, rule, "error", problem("staffing.clusterMeasureBlank", { arg: MEASURE_LABELS[m], cluster: String(name) }).message, source));
        else if (typeof v === "number")
          findings.push(at(table, row, m, rule, "error", problem("staffing.clusterMeasureNegative", { arg: MEASURE_LABELS[m], cluster: String(name), got: v }).message, source));
      }
    }
    rows.push({ row, c: c as ClusterMeasures });
  }
  if (bad > 0) {
    findings.push({ rule, severity: "error", sheet: table.sheet, message: problem("structure.clustersNotRanked", { count: bad }).message, source });
    return { findings, target: 0, complexCount: 0 };
  }
  if (rows.length === 0) return { findings, ranked: [], target: 0, complexCount: 0 };
  const r = rankClusters(
    rows.map((x) => x.c),
    ctx.config,
  );
  if (!r.ranking) {
    for (const p of r.problems) findings.push({ rule, severity: "error", sheet: table.sheet, message: p.message, source });
    return { findings, target: 0, complexCount: 0 };
  }
  const ranked = r.ranking.clusters.map((rc, i) => ({ row: rows[i]!.row, name: rc.name, key: personKey(rc.name), rank: rc.rank, complex: rc.complex }));
  return { findings, ranked, target: r.ranking.target, complexCount: r.ranking.complexCount };
}

/**
 * Complex LDU clusters (NPS Operating Model v1.0, ch.8): the Clusters sheet ranked by `rankClusters` (weights, share
 * and rounding from the configuration); each complex cluster has a SOSM in Staff (error when none),
 * who line-manages the cluster's BM (warning); a SOSM in a cluster that is not complex is a warning.
 */
export const complexClustersRule: Rule = {
  id: "structure.complexClusters",
  label: (c) => `Complex LDU clusters (top ${Math.round(c.complexClusterShare * 1000) / 10}%) have a SOSM who line-manages the BM`,
  source: "NPS Operating Model v1.0, ch.8",
  needs: ["clusters", "staff"],
  check(ctx) {
    const ct = ctx.table("clusters")!;
    const stable = ctx.table("staff")!;
    const r = ranking(ctx, this.id, this.source);
    const out = [...r.findings];
    if (!r.ranked) return out;
    const staff = staffList(stable);
    const inCluster = (s: StaffMember, key: string) => s.cluster !== undefined && personKey(s.cluster) === key;
    const n = r.ranked.length;
    for (const c of r.ranked) {
      const sosms = staff.filter((s) => s.role === "SOSM" && inCluster(s, c.key));
      if (c.complex) {
        if (sosms.length === 0) {
          out.push(at(ct, c.row, "cluster", this.id, "error", problem("structure.complexNoSosm", { cluster: c.name, rank: c.rank, of: n, share: ctx.config.complexClusterShare, target: r.target }).message, this.source));
          continue;
        }
        const sosmKeys = new Set(sosms.map((s) => s.key));
        for (const bm of staff.filter((s) => s.role === "BM" && inCluster(s, c.key)))
          if (bm.lineManager === undefined || !sosmKeys.has(personKey(bm.lineManager)))
            out.push(
              at(stable, bm.row, "lineManager", this.id, "warning", problem("structure.sosmNotBm", { cluster: c.name, sosm: sosms.map((s) => s.name).join(", "), bm: bm.name, manager: bm.lineManager ?? "" }).message, this.source),
            );
      } else
        for (const s of sosms)
          out.push(at(stable, s.row, "cluster", this.id, "warning", problem("structure.sosmNotComplex", { cluster: c.name, sosm: s.name, rank: c.rank, of: n, target: r.target }).message, this.source));
    }
    const known = new Set(r.ranked.map((c) => c.key));
    for (const s of staff)
      if (s.role === "SOSM" && (s.cluster === undefined || !known.has(personKey(s.cluster))))
        out.push(at(stable, s.row, "cluster", this.id, "warning", problem("structure.sosmNoCluster", { sosm: s.name, cluster: s.cluster ?? "" }).message, this.source));
    return out;
  },
  summarise(ctx) {
    const r = ranking(ctx, this.id, this.source);
    const target = `top ${Math.round(ctx.config.complexClusterShare * 1000) / 10}% (rounded ${ctx.config.complexClusterRounding})`;
    return r.ranked ? { figure: `${r.complexCount} of ${r.ranked.length} clusters complex`, target } : { target };
  },
};

export const STAFFING_RULES: Rule[] = [omAdminRatioRule, courtAdminRatioRule, staffRowsRule, teamRowsRule, spoSpanRule, lineManagementRule, clusterSupportRule, complexClustersRule];
