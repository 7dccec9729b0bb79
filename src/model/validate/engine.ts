/**
 * The validation engine as steps: one implementation behind validateWorkbook (run straight
 * through) and validateWorkbookAsync (paused now and then, so a shared thread stays responsive).
 */
import { DEFAULT_VARIANTS, resolveConfig, type ModelConfig, type Variants } from "../config";
import { LAYOUT, type SheetKind } from "../layout";
import { problem } from "../problem";
import { columnFindings, LAYOUT_SOURCE, unrecognisedSheetFinding } from "./layout-findings";
import { REPORT_SHEET_NAME } from "./report-table";
import { recogniseSheet, type Recognition } from "./recognise";
import { familyOf } from "./families";
import { RULES } from "./rules";
import { workloadPicture } from "./rules/workload";
import { isSteps } from "./steps";
import { readTable } from "./tables";
import type {
  Finding,
  LayoutReport,
  Rule,
  RuleContext,
  RuleSummary,
  Severity,
  SheetData,
  Steps,
  Table,
  ValidateOptions,
  ValidationProgress,
  ValidationReport,
  WorkbookData,
} from "./types";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Append by a loop: push(...list) overflows the call stack when a rule finds something on every row of a long sheet. */
function append(into: Finding[], list: readonly Finding[]): void {
  for (const f of list) into.push(f);
}

/** Shown before anything else (rule book §1: warn before anyone relies on the tiers). */
export const FIRST_RULES: readonly string[] = ["caseload.percentHazard", "config.override"];

/** A rule's label with the figures in force. */
export function labelOf(rule: Rule, config: ModelConfig): string {
  return typeof rule.label === "function" ? rule.label(config) : rule.label;
}

/** A sheet with nothing in it is left out, as if it were not there. */
const isEmptySheet = (sheet: SheetData) => sheet.rows.every((r) => r.every((c) => c === null || c === undefined || c === ""));

const count = (n: number) => n.toLocaleString("en-GB");

/**
 * Validate a workbook as steps: yields how far it has got between its units of work (each sheet
 * read into a table, each rule, the final sort) and, inside the long ones, every few thousand rows;
 * returns the report. `done` counts rows of work, each table's rows once for reading them and once
 * for each rule that reads the table, plus one per unit; it rises at every step.
 */
export function* validateSteps(book: WorkbookData, options: ValidateOptions = {}): Generator<ValidationProgress, ValidationReport, undefined> {
  const { config: resolved, problems } = resolveConfig(options.overrides);
  const config = resolved.config;
  const variants: Variants = { ...DEFAULT_VARIANTS, ...options.variants };
  const findings: Finding[] = problems.map((p) => ({ rule: "config.override", severity: "error", message: p.message, source: "Add-in rule book: what-if figures" }));

  // Every sheet's header is recognised first (its top rows only), so the work is known before any is done.
  // A sheet's own mapping only: a sheet called "constructor" or "toString" must not find Object.prototype's.
  const maps = options.columnMaps ?? {};
  const mapOf = (name: string) => (Object.hasOwn(maps, name) ? (maps[name] ?? {}) : {});
  const sheets = book.sheets.filter((s) => s.name !== REPORT_SHEET_NAME && !isEmptySheet(s)).map((sheet) => ({ sheet, rec: recogniseSheet(sheet, mapOf(sheet.name)) }));
  const rowsOf = new Map<SheetKind, number>(); // the rows below the header of the sheet read as each kind (the first of the kind)
  for (const { sheet, rec } of sheets) if (rec.kind !== undefined && !rowsOf.has(rec.kind)) rowsOf.set(rec.kind, Math.max(0, sheet.rows.length - rec.headerIndex - 1));
  const ruleRows = (rule: Rule) => (rule.needs.every((k) => rowsOf.has(k)) ? rule.needs.reduce((n, k) => n + rowsOf.get(k)!, 0) : 0);
  let total = 0;
  for (const rows of rowsOf.values()) total += rows + 1;
  if (rowsOf.size > 0) for (const rule of RULES) total += ruleRows(rule) + 1;
  let done = 0;

  /**
   * Runs a unit's work (Steps, or an answer already worked out), with a pause at each of its own:
   * its share of the work, taken as from..to of the unit's `rows`, is progress after the 1 the unit
   * counts for itself. The caller counts the unit done.
   */
  function* run<T>(work: T | Steps<T>, label: string, rows: number, from = 0, to = 1): Generator<ValidationProgress, T, undefined> {
    if (!isSteps(work)) return work;
    for (;;) {
      const r = work.next();
      if (r.done === true) return r.value;
      const share = from + r.value * (to - from);
      yield { done: done + 1 + Math.floor(share * rows), total, label: `${label} (${Math.round(share * 100)}%)` };
    }
  }

  const tables = new Map<SheetKind, Table>();
  for (const { sheet, rec } of sheets) {
    for (const mapping of rec.badMappings)
      findings.push({ rule: "layout.badMapping", severity: "warning", sheet: sheet.name, message: problem("layout.badMapping", { sheet: sheet.name, mapping }).message, source: LAYOUT_SOURCE });
    if (rec.kind === undefined) {
      findings.push(unrecognisedSheetFinding(sheet, rec));
      continue;
    }
    const def = LAYOUT.find((d) => d.kind === rec.kind)!;
    const first = tables.get(rec.kind);
    if (first) {
      findings.push({ rule: "layout.duplicateKind", severity: "warning", sheet: sheet.name, message: problem("layout.duplicateKind", { sheet: sheet.name, what: def.name, first: first.sheet }).message, source: LAYOUT_SOURCE });
      continue;
    }
    append(findings, columnFindings(sheet, rec, def));
    if (sheet.uncalculated !== undefined && sheet.uncalculated.count > 0)
      findings.push({
        rule: "data.uncalculated",
        severity: "warning",
        sheet: sheet.name,
        cell: sheet.uncalculated.first,
        message: problem("data.uncalculated", { sheet: sheet.name, ...sheet.uncalculated }).message,
        source: LAYOUT_SOURCE,
      });
    const rows = rowsOf.get(rec.kind)!;
    const label = `Reading ${sheet.name}, ${count(rows)} rows`;
    yield { done, total, label };
    const built = yield* run(readTable(sheet, rec), label, rows);
    done += rows + 1;
    tables.set(rec.kind, built.table);
    append(findings, built.findings);
  }

  if (tables.size === 0) {
    // Nothing to check: one clear message instead of a finding per rule.
    const names = sheets.map((s) => s.rec.sheet);
    const only: Finding =
      names.length === 0
        ? { rule: "layout.empty", severity: "error", message: problem("layout.empty", {}).message, source: LAYOUT_SOURCE }
        : { rule: "layout.noneRecognised", severity: "error", message: problem("layout.noneRecognised", { sheets: names, expected: LAYOUT.map((d) => d.name) }).message, source: LAYOUT_SOURCE };
    const why = names.length === 0 ? "the workbook has no data" : "no sheet of the workbook was recognised";
    const notChecked = RULES.map((rule) => notCheckedSummary(rule, config, why));
    // Kept: what-if errors, and sheets that nearly are a documented sheet (they say which column is missing).
    const nearly = findings.filter((f) => f.rule === "layout.unrecognisedSheet" && f.severity === "warning");
    return { findings: [...findings.filter((f) => f.rule === "config.override"), only, ...nearly], summaries: notChecked, overrides: resolved.overrides, layout: layoutReport(sheets.map((s) => s.rec)) };
  }

  const ctx: RuleContext = { config, variants, table: (kind) => tables.get(kind) };
  const summaries: RuleSummary[] = [];
  const missingKinds = new Set<SheetKind>();
  for (const rule of RULES) {
    const label = `Checking: ${labelOf(rule, config)}`;
    const rows = ruleRows(rule);
    yield { done, total, label };
    const missing = rule.needs.filter((k) => !tables.has(k));
    if (missing.length > 0) {
      missing.forEach((k) => missingKinds.add(k));
      summaries.push(notCheckedSummary(rule, config, missingSheetsWhy(missing)));
      done += rows + 1;
      continue;
    }
    // The rule's check, then its summary: half of its rows each, for the progress.
    const own = yield* run(rule.check(ctx), label, rows, 0, 0.5);
    append(findings, own);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of own) counts[f.severity]++;
    // A column the rule cannot do without is missing: its findings (if any) say so; no figures to work out.
    const missingColumn = missingColumnWhy(rule, ctx);
    const s = rule.summarise && missingColumn === undefined ? yield* run(rule.summarise(ctx, own), label, rows, 0.5, 1) : undefined;
    done += rows + 1;
    const notChecked = missingColumn ?? s?.notChecked;
    if (notChecked !== undefined) {
      summaries.push(notCheckedSummary(rule, config, notChecked));
      continue;
    }
    summaries.push({
      rule: rule.id,
      family: familyOf(rule.id),
      label: labelOf(rule, config),
      status: counts.error > 0 ? "fail" : counts.warning > 0 ? "warning" : rule.information === true ? "information" : "pass",
      ...(s?.figure !== undefined ? { figure: s.figure } : {}),
      ...(s?.target !== undefined ? { target: s.target } : {}),
      source: rule.source,
      counts,
    });
  }
  for (const kind of missingKinds) {
    const def = LAYOUT.find((d) => d.kind === kind)!;
    const rules = RULES.filter((r) => r.needs.includes(kind)).map((r) => labelOf(r, config));
    findings.push({
      rule: "layout.missingSheet",
      severity: def.required ? "warning" : "info",
      message: problem("layout.missingSheet", { what: def.name, rules: rules.length === 1 ? `"${rules[0]!}"` : `${rules.length} rules` }).message,
      source: LAYOUT_SOURCE,
    });
  }

  // The capacity picture: the numbers the Workload rules worked out, counted once (and only with contracted hours).
  const withHours = tables.has("caseload") && tables.get("staff")?.has("contractedHours") === true;
  const workload = withHours ? workloadPicture(ctx) : undefined;
  yield { done, total, label: `Sorting ${count(findings.length)} findings` };
  return { findings: sortFindings(findings, book), summaries, overrides: resolved.overrides, layout: layoutReport(sheets.map((s) => s.rec)), ...(workload ? { workload } : {}) };
}

function notCheckedSummary(rule: Rule, config: ModelConfig, why: string): RuleSummary {
  return { rule: rule.id, family: familyOf(rule.id), label: labelOf(rule, config), status: "not checked", why, source: rule.source, counts: { error: 0, warning: 0, info: 0 } };
}

/** "the Staff sheet has no Line manager column", for the first column the rule declares and the sheet lacks. */
function missingColumnWhy(rule: Rule, ctx: RuleContext): string | undefined {
  for (const [kind, field] of rule.columns ?? []) {
    const table = ctx.table(kind);
    if (table === undefined || table.has(field)) continue;
    const header = LAYOUT.find((d) => d.kind === kind)!.fields.find((f) => f.id === field)!.header;
    return `the ${table.sheet} sheet has no ${header} column`;
  }
  return undefined;
}

/** "the workbook has no Court reports sheet", "… no Staff or Teams sheet". */
function missingSheetsWhy(kinds: readonly SheetKind[]): string {
  const names = kinds.map((k) => LAYOUT.find((d) => d.kind === k)!.name);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]!}`;
  return `the workbook has no ${list} sheet`;
}

function sortFindings(findings: Finding[], book: WorkbookData): Finding[] {
  const sheetOrder = new Map(book.sheets.map((s, i) => [s.name, i]));
  const first = (f: Finding) => {
    const i = FIRST_RULES.indexOf(f.rule);
    return i < 0 ? FIRST_RULES.length : i;
  };
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        first(a.f) - first(b.f) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        (sheetOrder.get(a.f.sheet ?? "") ?? -1) - (sheetOrder.get(b.f.sheet ?? "") ?? -1) ||
        (a.f.row ?? 0) - (b.f.row ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

function layoutReport(recs: readonly Recognition[]): LayoutReport {
  return {
    sheets: recs.map((r) => ({
      sheet: r.sheet,
      ...(r.kind !== undefined ? { kind: r.kind } : {}),
      headerIndex: r.headerIndex,
      columns: r.columns,
      unrecognised: r.unrecognised,
      missing: r.missing,
    })),
  };
}
