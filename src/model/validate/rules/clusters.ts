/**
 * Validation rules for LDU clusters (NPS Operating Model v1.0, ch.8): every Head of LDU cluster
 * supported by one BM and one DM, and the complex clusters (the top 25% by complexity, ranked by
 * `rankClusters` in src/model/staffing.ts, the same code COMPLEX_CLUSTERS calls) each with a SOSM
 * who line-manages the BM. Staff are grouped by cluster once per check, so each cluster is a lookup.
 */
import { problem } from "../../problem";
import { CLUSTER_MEASURES, MEASURE_LABELS, rankClusters, type ClusterMeasures } from "../../staffing";
import type { Finding, Rule, RuleContext, Table, TableRow } from "../types";
import { at, blankCell, groupBy, keyOf, noColumn, personKey, staffList, type Role, type StaffMember } from "./people";

/** The staff of a role, by cluster key. */
function inClusters(staff: readonly StaffMember[], role: Role): Map<string, StaffMember[]> {
  return groupBy(staff, (s) => (s.role === role ? keyOf(s.cluster) : undefined));
}

export interface ClusterInfo {
  readonly name: string;
  readonly key: string;
  /** Where to point: the Clusters row, else the Head of LDU's Staff row. */
  readonly table: Table;
  readonly row: TableRow;
  readonly head: boolean;
}

/** The LDU clusters: every Clusters row, then the cluster of every Head of LDU in Staff not already listed. */
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
  columns: [["staff", "cluster"]],
  needs: ["staff"],
  check(ctx) {
    const stable = ctx.table("staff")!;
    if (!stable.has("cluster")) return [noColumn(stable, this.id, "Cluster", "Head of LDU support", this.source)];
    const staff = staffList(stable);
    // Each cluster's BMs and DMs, grouped once: never the staff list filtered once per cluster.
    const byRole = { BM: inClusters(staff, "BM"), DM: inClusters(staff, "DM") };
    const out: Finding[] = [];
    for (const c of clustersOf(ctx, staff)) {
      if (!c.head) out.push(at(c.table, c.row, "cluster", this.id, "warning", problem("structure.clusterNoHead", { cluster: c.name }).message, this.source));
      for (const role of ["BM", "DM"] as const) {
        const count = byRole[role].get(c.key)?.length ?? 0;
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
    const sosmsIn = inClusters(staff, "SOSM");
    const bmsIn = inClusters(staff, "BM");
    const n = r.ranked.length;
    for (const c of r.ranked) {
      const sosms = sosmsIn.get(c.key) ?? [];
      if (c.complex) {
        if (sosms.length === 0) {
          out.push(at(ct, c.row, "cluster", this.id, "error", problem("structure.complexNoSosm", { cluster: c.name, rank: c.rank, of: n, share: ctx.config.complexClusterShare, target: r.target }).message, this.source));
          continue;
        }
        const sosmKeys = new Set(sosms.map((s) => s.key));
        for (const bm of bmsIn.get(c.key) ?? [])
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
