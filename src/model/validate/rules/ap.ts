/**
 * Validation rules for Approved Premises (NPS Operating Model v1.0, ch.6), one row per AP on the "Approved premises"
 * sheet: a dedicated manager each, two waking staff at all times, a 0.5 FTE CA, a PO key worker in
 * PIPE APs, female operational staff in APs for women, 6 hours' purposeful activity a week, and one
 * full-time financial administrator per AP area manager.
 */
import { problem } from "../../problem";
import type { Finding, Rule, RuleContext, Table, TableRow } from "../types";
import { at, blankCell, nonNegative, personKey, staffList, sum } from "./people";

const SHEET = "approvedPremises" as const;
const SOURCE = "NPS Operating Model v1.0, ch.6";

export type ApType = "Men" | "Women" | "PIPE";

/** "Men", "Male", "Women", "Women's", "Female", "PIPE" (any case); undefined for anything else. */
export function apTypeOf(v: unknown): ApType | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.trim().toLowerCase().replace(/['’]s?$/, "").replace(/[^a-z]+/g, " ").trim();
  if (s === "men" || s === "male" || s === "man") return "Men";
  if (s === "women" || s === "female" || s === "woman") return "Women";
  if (s === "pipe" || s === "pipe ap") return "PIPE";
  return undefined;
}

function apName(row: TableRow): string {
  const n = row.get("ap");
  return n === undefined ? `on row ${row.row}` : String(n);
}

/** A number field's value: a negative value is an error finding, a blank or unreadable one undefined. */
function amount(table: Table, row: TableRow, field: string, label: string, rule: string, out: Finding[]): number | undefined {
  return nonNegative(table, row, field, rule, out, (got) => problem("ap.negative", { ap: apName(row), field: label, got }).message, SOURCE);
}

function perAp(id: string, label: Rule["label"], check: (ctx: RuleContext, table: Table, row: TableRow, out: Finding[]) => void, needs: Rule["needs"] = [SHEET]): Rule {
  return {
    id,
    label,
    source: SOURCE,
    needs,
    check(ctx) {
      const table = ctx.table(SHEET)!;
      const out: Finding[] = [];
      for (const row of table.rows) if (row.get("ap") !== undefined || !blankCell(row, "wakingStaffMin")) check(ctx, table, row, out);
      return out;
    },
  };
}

/** Each AP has a dedicated AP manager: a blank manager, or one manager named for two APs, is an error. */
export const apManagerRule: Rule = {
  id: "ap.manager",
  label: "A dedicated manager for each Approved Premises",
  source: SOURCE,
  needs: [SHEET],
  check(ctx) {
    const table = ctx.table(SHEET)!;
    const out: Finding[] = [];
    const byManager = new Map<string, TableRow[]>();
    for (const row of table.rows) {
      if (row.get("ap") === undefined) continue;
      const m = row.get("manager");
      if (m === undefined) {
        if (blankCell(row, "manager")) out.push(at(table, row, "manager", this.id, "error", problem("ap.noManager", { ap: apName(row) }).message, this.source));
        continue;
      }
      const list = byManager.get(personKey(m)) ?? [];
      list.push(row);
      byManager.set(personKey(m), list);
    }
    for (const rows of byManager.values()) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        const others = rows.filter((r) => r !== row).map(apName).join(", ");
        out.push(at(table, row, "manager", this.id, "error", problem("ap.sharedManager", { ap: apName(row), manager: String(row.get("manager")), others }).message, this.source));
      }
    }
    return out;
  },
};

/** At least apWakingStaff (two) waking staff on site at all times: fewer is an error, a blank a warning. */
export const apWakingRule = perAp("ap.wakingStaff", (c) => `At least ${c.apWakingStaff} waking staff on site at all times`, (ctx, table, row, out) => {
  const v = amount(table, row, "wakingStaffMin", "minimum waking staff", "ap.wakingStaff", out);
  if (v === undefined) {
    if (blankCell(row, "wakingStaffMin")) out.push(at(table, row, "wakingStaffMin", "ap.wakingStaff", "warning", problem("ap.wakingBlank", { ap: apName(row) }).message, SOURCE));
    return;
  }
  if (v < ctx.config.apWakingStaff)
    out.push(at(table, row, "wakingStaffMin", "ap.wakingStaff", "error", problem("ap.waking", { ap: apName(row), have: v, need: ctx.config.apWakingStaff }).message, SOURCE, { figure: v, target: ctx.config.apWakingStaff }));
});

/** A case administrator of apCaFte (0.5 FTE) in each AP: less is a warning. A blank CA FTE is not checked. */
export const apCaRule = perAp("ap.caFte", (c) => `A ${c.apCaFte} FTE case administrator in each AP`, (ctx, table, row, out) => {
  const v = amount(table, row, "caFte", "CA FTE", "ap.caFte", out);
  if (v !== undefined && v < ctx.config.apCaFte)
    out.push(at(table, row, "caFte", "ap.caFte", "warning", problem("ap.ca", { ap: apName(row), have: v, need: ctx.config.apCaFte }).message, SOURCE, { figure: v, target: ctx.config.apCaFte }));
});

/** AP type must be Men, Women or PIPE when given, or the PIPE and women's rules silently skip the AP. */
export const apTypeRule = perAp("ap.type", "AP type is Men, Women or PIPE", (_ctx, table, row, out) => {
  const t = row.get("apType");
  if (t !== undefined && apTypeOf(t) === undefined) out.push(at(table, row, "apType", "ap.type", "warning", problem("ap.type", { ap: apName(row), got: t }).message, SOURCE));
});

/** PIPE APs have a PO in place of a key-worker PSO: PO key worker not yes (no or blank) is a warning. */
export const apPipeRule = perAp("ap.pipeKeyWorker", "PIPE APs: a PO in place of a key-worker PSO", (_ctx, table, row, out) => {
  if (apTypeOf(row.get("apType")) !== "PIPE" || row.get("keyWorkerPo") === true) return;
  if (row.get("keyWorkerPo") === undefined && !blankCell(row, "keyWorkerPo")) return; // unreadable: the engine reports it
  out.push(at(table, row, "keyWorkerPo", "ap.pipeKeyWorker", "warning", problem("ap.pipe", { ap: apName(row), got: row.raw("keyWorkerPo") }).message, SOURCE));
});

/** APs for women: all operational staff are female (error when fewer); either count blank is a warning. */
export const apWomenRule = perAp("ap.womenStaff", "APs for women: operational staff are female", (_ctx, table, row, out) => {
  if (apTypeOf(row.get("apType")) !== "Women") return;
  const total = amount(table, row, "operationalStaff", "operational staff", "ap.womenStaff", out);
  const female = amount(table, row, "femaleOperationalStaff", "female operational staff", "ap.womenStaff", out);
  if (total === undefined || female === undefined) {
    if (blankCell(row, "operationalStaff") || blankCell(row, "femaleOperationalStaff"))
      out.push(at(table, row, blankCell(row, "operationalStaff") ? "operationalStaff" : "femaleOperationalStaff", "ap.womenStaff", "warning", problem("ap.womenBlank", { ap: apName(row) }).message, SOURCE));
    return;
  }
  if (female > total) out.push(at(table, row, "femaleOperationalStaff", "ap.womenStaff", "warning", problem("ap.womenMore", { ap: apName(row), female, total }).message, SOURCE));
  else if (female < total)
    out.push(at(table, row, "femaleOperationalStaff", "ap.womenStaff", "error", problem("ap.women", { ap: apName(row), female, total }).message, SOURCE, { figure: female, target: total }));
});

/** Residents do at least apPurposefulHours (6) of purposeful activity a week: fewer is a warning; blank is not checked. */
export const apHoursRule = perAp("ap.purposefulHours", (c) => `At least ${c.apPurposefulHours} hours' purposeful activity a week per resident`, (ctx, table, row, out) => {
  const v = amount(table, row, "purposefulHours", "purposeful activity hours", "ap.purposefulHours", out);
  if (v !== undefined && v < ctx.config.apPurposefulHours)
    out.push(at(table, row, "purposefulHours", "ap.purposefulHours", "warning", problem("ap.hours", { ap: apName(row), have: v, need: ctx.config.apPurposefulHours }).message, SOURCE, { figure: v, target: ctx.config.apPurposefulHours }));
});

/**
 * One full-time financial administrator per AP area manager: the FTE of Staff with role Financial
 * administrator against the distinct AP area managers named on the AP sheet × apFinanceAdminPerAreaManager.
 */
export const apFinanceRule: Rule = {
  id: "ap.financeAdmin",
  label: (c) =>
    c.apFinanceAdminPerAreaManager === 1 ? "One full-time financial administrator per AP area manager" : `${c.apFinanceAdminPerAreaManager} full-time financial administrators per AP area manager`,
  source: SOURCE,
  needs: [SHEET, "staff"],
  check(ctx) {
    const table = ctx.table(SHEET)!;
    const managers = new Set(table.rows.map((r) => r.get("areaManager")).filter((m) => m !== undefined).map(personKey));
    if (managers.size === 0) return [];
    const have = sum(staffList(ctx.table("staff")!).filter((s) => s.role === "Financial administrator" && s.fte !== undefined).map((s) => s.fte!));
    const per = ctx.config.apFinanceAdminPerAreaManager;
    const need = Math.round(managers.size * per * 1e9) / 1e9;
    if (have >= need) return [];
    return [{ rule: this.id, severity: "warning", sheet: ctx.table("staff")!.sheet, message: problem("ap.finance", { have, need, managers: managers.size, per }).message, source: this.source, figure: have, target: need }];
  },
};

export const AP_RULES: Rule[] = [apManagerRule, apWakingRule, apCaRule, apTypeRule, apPipeRule, apWomenRule, apHoursRule, apFinanceRule];
