/**
 * Validation rules for the caseload: tiering (NPS Operating Model v1.0, ch.3 Diagram 1), who manages the case
 * (NPS Operating Model v1.0, ch.1, ch.3), one OM per case (ch.3), VLOs never OMs (ch.5), and the percent hazard
 * of rule book §1. The tier and the allocation advice come from the same model code as TIER() and
 * ALLOCATE_GRADE().
 */
import { allocateGrade } from "../../allocate";
import { computeTier, TIER_RANK, type TierInput } from "../../tier";
import { problem, type Result } from "../../problem";
import { sheetDef } from "../../layout";
import { isBlank, type Grade, type Rosh, type Tier } from "../../values";
import { pauseBefore, scaled } from "../steps";
import { isPercentFormat } from "../tables";
import { at, blankCell, personKey } from "./people";
import type { Finding, Rule, RuleContext, Steps, Table, TableRow } from "../types";

const SHEET = "caseload" as const;

/** Case references compare ignoring case and surrounding spaces ("x123 " is X123). */
function caseKey(v: unknown): string {
  return String(v).trim().toUpperCase();
}


function caseId(row: TableRow): string {
  const id = row.get("caseId");
  return id === undefined ? `on row ${row.row}` : String(id);
}

/** A field whose cell holds something the engine could not read (already reported as data.unreadable). */
function unreadable(row: TableRow, field: string): boolean {
  return row.get(field) === undefined && !blankCell(row, field);
}

const TIER_FIELDS = ["rosh", "rsr", "ogrs", "mappaCategory", "mappaLevel", "childProtectionPlan", "iom", "vulnerability", "domesticViolence"] as const;

/** Why the model gives its tier, in the words of Diagram 1, for the finding's message. */
function why(input: TierInput): string {
  const parts: string[] = [];
  if (input.mappaLevel !== undefined) parts.push(`MAPPA level ${input.mappaLevel}`);
  if (input.rsr !== undefined) parts.push(`RSR ${input.rsr}%`);
  if (input.ogrs !== undefined) parts.push(`OGRS ${input.ogrs}%`);
  if (input.rosh !== undefined) parts.push(`${input.rosh} RoSH`);
  return parts.join(", ");
}

/** The model's tier for a row, or undefined when a tier input could not be read (reported elsewhere). */
type ModelTier = { input: TierInput; result: Result<Tier> } | undefined;
/** Keyed by sheet row number, unique within a table (a number hashes faster than a row object). */
type ModelTiers = ReadonlyMap<number, ModelTier>;
/** Per table and variant, the tier of every row, computed once: the tier, allocation and what-if rules share it. */
const TIER_MEMO = new WeakMap<Table, { napo: boolean; byRow: ModelTiers }>();

/** The model's tier of every case, as steps (a pause every few thousand rows), or at once when already worked out. */
function* modelTiers(ctx: RuleContext): Steps<ModelTiers> {
  const table = ctx.table(SHEET)!;
  const napo = ctx.variants.napoDomesticViolence;
  const memo = TIER_MEMO.get(table);
  if (memo && memo.napo === napo) return memo.byRow;
  // The inputs are read down each column, not field by field through every row.
  const byRow = new Map<number, ModelTier>();
  const options = { napoDomesticViolence: napo };
  const cols = TIER_FIELDS.map((f) => table.values(f));
  const [rosh, rsr, ogrs, mappaCategory, mappaLevel, childProtectionPlan, iom, vulnerability, domesticViolence] = cols;
  // A tier input that could not be read (reported by the engine) leaves the case untiered here.
  const bad = new Set(TIER_FIELDS.flatMap((f) => table.unreadable(f)));
  const n = table.rows.length;
  for (let i = 0; i < n; i++) {
    if (pauseBefore(i)) yield i / n;
    const r = table.rows[i]!;
    const input: TierInput = {
      rosh: rosh?.[i] as Rosh | undefined,
      rsr: rsr?.[i] as number | undefined,
      ogrs: ogrs?.[i] as number | undefined,
      mappaCategory: mappaCategory?.[i] as 1 | 2 | 3 | undefined,
      mappaLevel: mappaLevel?.[i] as 1 | 2 | 3 | undefined,
      childProtectionPlan: childProtectionPlan?.[i] as boolean | undefined,
      iom: iom?.[i] as boolean | undefined,
      vulnerability: vulnerability?.[i] as boolean | undefined,
      domesticViolence: domesticViolence?.[i] as boolean | undefined,
    };
    byRow.set(r.row, bad.has(i) ? undefined : { input, result: computeTier(input, options) });
  }
  TIER_MEMO.set(table, { napo, byRow });
  return byRow;
}

const INDETERMINATE = /indeterminate|life|ipp/i;

/** The advice ALLOCATE_GRADE gives for the row, on the model's tier (or the recorded one when the model cannot tier it). */
function advice(ctx: RuleContext, tiers: ModelTiers, row: TableRow) {
  const m = tiers.get(row.row);
  const tier = m?.result.ok === true ? m.result.value : (row.get("recordedTier") as Tier | undefined);
  if (tier === undefined || unreadable(row, "crcEscalation") || unreadable(row, "psoCompetent")) return undefined;
  const sentence = row.get("sentenceType");
  const r = allocateGrade(
    {
      tier,
      rosh: row.get("rosh") as Rosh | undefined,
      psoCompetent: row.get("psoCompetent") as boolean | undefined,
      crcEscalation: row.get("crcEscalation") as boolean | undefined,
      indeterminate: typeof sentence === "string" ? INDETERMINATE.test(sentence) : undefined,
    },
    { napoIndeterminateToPo: ctx.variants.napoIndeterminateToPo },
  );
  return r.ok ? r.value : undefined;
}

const isHighRosh = (r: unknown) => r === "High" || r === "Very High";

/** Every required caseload field is filled in on every case (workbook layout; the rules need them). */
export const caseloadRequiredRule: Rule = {
  id: "caseload.required",
  label: "Every case has its required fields",
  source: "Add-in workbook layout; NPS Operating Model v1.0, ch.3",
  needs: [SHEET],
  *check(ctx) {
    const table = ctx.table(SHEET)!;
    const required = sheetDef(SHEET).fields.filter((f) => f.required && table.has(f.id));
    const out: Finding[] = [];
    const n = table.rows.length;
    for (let i = 0; i < n; i++) {
      if (pauseBefore(i)) yield i / n;
      const row = table.rows[i]!;
      for (const f of required)
        if (isBlank(row.raw(f.id)))
          out.push(at(table, row, f.id, "caseload.required", "error", problem("caseload.required", { caseId: caseId(row), field: f.header }).message, "Add-in workbook layout; NPS Operating Model v1.0, ch.3"));
    }
    return out;
  },
};

/**
 * The recorded tier is the one Diagram 1 gives (NPS Operating Model v1.0, ch.3). A recorded tier below the model's
 * is an error (the case may be under-managed: the dangerous direction); above it, a warning.
 */
export const caseloadTierRule: Rule = {
  id: "caseload.tier",
  label: "Recorded tiers match the model (ch.3 Diagram 1)",
  source: "NPS Operating Model v1.0, ch.3 Diagram 1",
  needs: [SHEET],
  *check(ctx) {
    const table = ctx.table(SHEET)!;
    if (!table.has("recordedTier")) return [];
    const tiers = yield* scaled(modelTiers(ctx), 0, 0.5);
    const out: Finding[] = [];
    const n = table.rows.length;
    for (let i = 0; i < n; i++) {
      if (pauseBefore(i)) yield 0.5 + i / n / 2;
      const row = table.rows[i]!;
      const recorded = row.get("recordedTier") as Tier | undefined;
      if (recorded === undefined) continue;
      const m = tiers.get(row.row);
      if (!m) continue;
      if (!m.result.ok) {
        if (m.result.problem.code === "tier.noScores" && isBlank(row.raw("rosh"))) continue; // caseload.required says so
        out.push(at(table, row, "recordedTier", "caseload.tier", "warning", problem("caseload.tierUnknown", { caseId: caseId(row), detail: m.result.problem.message }).message, this.source));
        continue;
      }
      const computed = m.result.value;
      if (computed === recorded) continue;
      const lower = TIER_RANK[recorded] < TIER_RANK[computed];
      const params = { caseId: caseId(row), recorded, computed, why: why(m.input) };
      out.push(
        at(table, row, "recordedTier", "caseload.tier", lower ? "error" : "warning", problem(lower ? "caseload.tierLower" : "caseload.tierHigher", params).message, this.source),
      );
    }
    return out;
  },
  summarise(ctx, findings) {
    const n = ctx.table(SHEET)!.rows.filter((r) => r.get("recordedTier") !== undefined).length;
    return { figure: `${findings.length} of ${n} recorded tiers differ`, target: "none" };
  },
};

/** High and Very High RoSH cases are managed by a PO (NPS Operating Model v1.0, ch.1, ch.3). */
export const caseloadHighRoshRule: Rule = {
  id: "caseload.highRoshPso",
  label: "High and Very High RoSH cases are held by POs",
  source: "NPS Operating Model v1.0, ch.1, ch.3",
  needs: [SHEET],
  check(ctx) {
    const table = ctx.table(SHEET)!;
    const out: Finding[] = [];
    for (const row of table.rows) {
      const rosh = row.get("rosh");
      if (isHighRosh(rosh) && row.get("omGrade") === "PSO")
        out.push(at(table, row, "omGrade", this.id, "error", problem("caseload.highRoshPso", { caseId: caseId(row), rosh: String(rosh), om: String(row.get("om") ?? "no OM named") }).message, this.source));
    }
    return out;
  },
  summarise(ctx, findings) {
    const n = ctx.table(SHEET)!.rows.filter((r) => isHighRosh(r.get("rosh"))).length;
    return { figure: `${findings.length} of ${n} High/Very High RoSH cases held by PSOs`, target: "none" };
  },
};

/**
 * The recorded grade follows the allocation advice of ALLOCATE_GRADE (NPS Operating Model v1.0, ch.1, ch.3). Advice
 * only: a difference is a warning, or information where an allocation reason is recorded. High
 * RoSH with a PSO is caseload.highRoshPso's, not repeated here.
 */
export const caseloadGradeRule: Rule = {
  id: "caseload.gradeAdvice",
  label: "Recorded grades follow the allocation advice",
  source: "NPS Operating Model v1.0, ch.1, ch.3",
  needs: [SHEET],
  *check(ctx) {
    const table = ctx.table(SHEET)!;
    const tiers = yield* scaled(modelTiers(ctx), 0, 0.5);
    const out: Finding[] = [];
    const n = table.rows.length;
    for (let i = 0; i < n; i++) {
      if (pauseBefore(i)) yield 0.5 + i / n / 2;
      const row = table.rows[i]!;
      const recorded = row.get("omGrade") as Grade | undefined;
      if (recorded === undefined) continue;
      if (recorded === "PSO" && isHighRosh(row.get("rosh"))) continue;
      const a = advice(ctx, tiers, row);
      if (!a || a.grade === recorded) continue;
      const reason = row.get("allocationReason");
      const params = { caseId: caseId(row), recorded, advised: a.grade, reason: reason === undefined ? a.reason : String(reason) };
      out.push(
        reason === undefined
          ? at(table, row, "omGrade", this.id, "warning", problem("caseload.gradeAdvice", params).message, this.source)
          : at(table, row, "omGrade", this.id, "info", problem("caseload.gradeAdviceReasoned", params).message, this.source),
      );
    }
    return out;
  },
};

/** Each offender has a single, clearly identified OM (NPS Operating Model v1.0, ch.3). */
export const caseloadSingleOmRule: Rule = {
  id: "caseload.singleOm",
  label: "One OM per case",
  source: "NPS Operating Model v1.0, ch.3",
  needs: [SHEET],
  *check(ctx) {
    const table = ctx.table(SHEET)!;
    // The first row of each case; its cell address is only worked out when a later row repeats the case.
    const seen = new Map<string, TableRow>();
    const out: Finding[] = [];
    const n = table.rows.length;
    for (let i = 0; i < n; i++) {
      if (pauseBefore(i)) yield i / n;
      const row = table.rows[i]!;
      const id = row.get("caseId");
      const om = row.get("om");
      if (id === undefined || om === undefined) continue;
      const key = caseKey(id);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, row);
        continue;
      }
      const firstOm = String(first.get("om"));
      const otherCell = first.cell("caseId")!;
      out.push(
        personKey(firstOm) === personKey(om)
          ? at(table, row, "caseId", this.id, "warning", problem("caseload.duplicateRow", { caseId: String(id), otherCell }).message, this.source)
          : at(table, row, "om", this.id, "error", problem("caseload.twoOms", { caseId: String(id), om: String(om), other: firstOm, otherCell }).message, this.source),
      );
    }
    return out;
  },
};

const VLO_ROLE = /^(vlo|victim liaison( officer)?)$/i;

/** VLOs do victim contact work only and are never also OMs (NPS Operating Model v1.0, ch.5). */
export const caseloadVloRule: Rule = {
  id: "caseload.vloNotOm",
  label: "VLOs hold no cases as OM",
  source: "NPS Operating Model v1.0, ch.5",
  needs: [SHEET, "staff"],
  check(ctx) {
    const cases = ctx.table(SHEET)!;
    const staff = ctx.table("staff")!;
    const vlos = new Map<string, string>();
    for (const s of staff.rows) {
      const name = s.get("name");
      if (name !== undefined && (s.get("vlo") === true || VLO_ROLE.test(String(s.get("role") ?? "").trim()))) vlos.set(personKey(name), String(name));
    }
    const held = new Map<string, { count: number; row: TableRow }>();
    for (const row of cases.rows) {
      const om = row.get("om");
      if (om === undefined || !vlos.has(personKey(om))) continue;
      const h = held.get(personKey(om));
      if (h) h.count++;
      else held.set(personKey(om), { count: 1, row });
    }
    return [...held].map(([key, h]) =>
      at(cases, h.row, "om", this.id, "error", problem("caseload.vloHoldsCases", { name: vlos.get(key)!, cases: h.count, cell: h.row.cell("om")! }).message, this.source),
    );
  },
};

/** Every OM is on the staff list, so grade and team can be checked (NPS Operating Model v1.0, ch.3: a clearly identified OM). */
export const caseloadOmKnownRule: Rule = {
  id: "caseload.omKnown",
  label: "Every OM is on the staff list",
  source: "NPS Operating Model v1.0, ch.3",
  needs: [SHEET, "staff"],
  check(ctx) {
    const cases = ctx.table(SHEET)!;
    const names = new Set(ctx.table("staff")!.rows.map((s) => s.get("name")).filter((n) => n !== undefined).map(personKey));
    const reported = new Set<string>();
    const out: Finding[] = [];
    for (const row of cases.rows) {
      const om = row.get("om");
      if (om === undefined || names.has(personKey(om)) || reported.has(personKey(om))) continue;
      reported.add(personKey(om));
      out.push(at(cases, row, "om", this.id, "warning", problem("caseload.omNotStaff", { om: String(om) }).message, this.source));
    }
    return out;
  },
};

/** Fewer numeric scores than this and a column of small values proves nothing (an RSR under 1% is common). */
const FRACTION_EVIDENCE = 10;

/**
 * The percent hazard (rule book §1): a percent-formatted RSR or OGRS column holds fractions; TIER
 * formulas over it need scores_as_fractions or they under-tier. A column of nothing but values of
 * 1 or less that is not percent-formatted looks like fractions too. Shown before anything else.
 */
export const caseloadPercentRule: Rule = {
  id: "caseload.percentHazard",
  label: "Score columns hold percentage points, not fractions",
  source: "Add-in rule book: the percent hazard; NPS Operating Model v1.0, ch.3",
  needs: [SHEET],
  check(ctx) {
    const table = ctx.table(SHEET)!;
    const out: Finding[] = [];
    for (const field of ["rsr", "ogrs"] as const) {
      const first = table.rows[0];
      if (!table.has(field) || !first) continue; // no scores, nothing to misread
      const header = sheetDef(SHEET).fields.find((f) => f.id === field)!.header;
      const cell = first.cell(field)!;
      if (isPercentFormat(table.format(field))) {
        out.push({ rule: this.id, severity: "warning", sheet: table.sheet, row: first.row, cell, message: problem("caseload.percentFormatted", { sheet: table.sheet, header, cell }).message, source: this.source });
        continue;
      }
      let n = 0;
      let max = -Infinity;
      for (const row of table.rows) {
        const v = row.get(field);
        if (typeof v !== "number") continue;
        n++;
        if (v > max) max = v;
      }
      if (n >= FRACTION_EVIDENCE && max <= 1)
        out.push({ rule: this.id, severity: "warning", sheet: table.sheet, row: first.row, cell, message: problem("caseload.looksLikeFractions", { sheet: table.sheet, header, max }).message, source: this.source });
    }
    return out;
  },
};

/**
 * The analyst's what-if of rule book §1: how many cases would move tier if domestic violence counted
 * as an additional factor (Napo's feedback on the Operating Model, ch.3), whatever the variant switch says. A summary line,
 * never a finding: it describes a policy option, not a fault in the sheet.
 */
const NAPO_DV = { napoDomesticViolence: true } as const;

export const caseloadNapoDvRule: Rule = {
  id: "caseload.napoDvWhatIf",
  label: "What if domestic violence counted in tiering (Napo)",
  source: "Napo's feedback on the Operating Model, ch.3; NPS Operating Model v1.0, ch.3 Diagram 1",
  information: true,
  columns: [[SHEET, "domesticViolence"]],
  needs: [SHEET],
  check() {
    return [];
  },
  *summarise(ctx) {
    const table = ctx.table(SHEET)!;
    const tiers = yield* scaled(modelTiers(ctx), 0, 0.5);
    let moved = 0;
    let tiered = 0;
    let unknown = 0;
    const n = table.rows.length;
    for (let i = 0; i < n; i++) {
      if (pauseBefore(i)) yield 0.5 + i / n / 2;
      const m = tiers.get(table.rows[i]!.row); // the inputs are the same under either reading
      if (!m) continue;
      const without = ctx.variants.napoDomesticViolence ? computeTier(m.input) : m.result;
      if (!without.ok) continue;
      tiered++;
      // With no domestic violence, Napo's reading tiers the case as Diagram 1 does: no second tiering needed.
      const withDv = ctx.variants.napoDomesticViolence ? m.result : m.input.domesticViolence === false ? without : computeTier(m.input, NAPO_DV);
      if (!withDv.ok) unknown++;
      else if (withDv.value !== without.value) moved++;
    }
    return {
      figure: `${moved} of ${tiered} cases would move tier${unknown > 0 ? `; ${unknown} ${unknown === 1 ? "has" : "have"} no domestic violence answer` : ""}`,
    };
  },
};

export const CASELOAD_RULES: Rule[] = [
  caseloadPercentRule,
  caseloadRequiredRule,
  caseloadTierRule,
  caseloadHighRoshRule,
  caseloadGradeRule,
  caseloadSingleOmRule,
  caseloadVloRule,
  caseloadOmKnownRule,
  caseloadNapoDvRule,
];
