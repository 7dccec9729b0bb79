/**
 * The validation engine's one entry point, shared by the task pane, the command line and the
 * tests: plain workbook data in, a report of findings and summaries out.
 */
import { DEFAULT_VARIANTS, resolveConfig, type ModelConfig, type Variants } from "../config";
import { LAYOUT, type SheetKind } from "../layout";
import { problem } from "../problem";
import { columnFindings, LAYOUT_SOURCE, unrecognisedSheetFinding } from "./layout-findings";
import { REPORT_SHEET_NAME } from "./report-table";
import { recogniseSheet, type Recognition } from "./recognise";
import { RULES } from "./rules";
import { buildTable } from "./tables";
import type { Finding, LayoutReport, Rule, RuleContext, RuleSummary, Severity, Table, ValidateOptions, ValidationReport, WorkbookData } from "./types";

export { RULES } from "./rules";
export type * from "./types";

export { REPORT_SHEET_NAME, reportTable, type ReportRow } from "./report-table";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Append by a loop: push(...list) overflows the call stack when a rule finds something on every row of a long sheet. */
function append(into: Finding[], list: readonly Finding[]): void {
  for (const f of list) into.push(f);
}

/** Shown before anything else (rule book §1: warn before anyone relies on the tiers). */
export const FIRST_RULES: readonly string[] = ["caseload.percentHazard", "config.override"];

export function validateWorkbook(book: WorkbookData, options: ValidateOptions = {}): ValidationReport {
  const { config: resolved, problems } = resolveConfig(options.overrides);
  const config = resolved.config;
  const variants: Variants = { ...DEFAULT_VARIANTS, ...options.variants };
  const findings: Finding[] = problems.map((p) => ({ rule: "config.override", severity: "error", message: p.message, source: "Add-in rule book: what-if figures" }));

  const tables = new Map<SheetKind, Table>();
  const recognitions: Recognition[] = [];
  for (const sheet of book.sheets) {
    if (sheet.name === REPORT_SHEET_NAME) continue;
    if (sheet.rows.every((r) => r.every((c) => c === null || c === undefined || c === ""))) continue;
    const rec = recogniseSheet(sheet, options.columnMaps?.[sheet.name] ?? {});
    recognitions.push(rec);
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
    const built = buildTable(sheet, rec);
    tables.set(rec.kind, built.table);
    append(findings, built.findings);
  }

  if (tables.size === 0) {
    // Nothing to check: one clear message instead of a finding per rule.
    const names = recognitions.map((r) => r.sheet);
    const only: Finding =
      names.length === 0
        ? { rule: "layout.empty", severity: "error", message: problem("layout.empty", {}).message, source: LAYOUT_SOURCE }
        : { rule: "layout.noneRecognised", severity: "error", message: problem("layout.noneRecognised", { sheets: names, expected: LAYOUT.map((d) => d.name) }).message, source: LAYOUT_SOURCE };
    const notChecked = RULES.map((rule): RuleSummary => ({ rule: rule.id, label: labelOf(rule, config), status: "not checked", source: rule.source, counts: { error: 0, warning: 0, info: 0 } }));
    // Kept: what-if errors, and sheets that nearly are a documented sheet (they say which column is missing).
    const nearly = findings.filter((f) => f.rule === "layout.unrecognisedSheet" && f.severity === "warning");
    return { findings: [...findings.filter((f) => f.rule === "config.override"), only, ...nearly], summaries: notChecked, overrides: resolved.overrides, layout: layoutReport(recognitions) };
  }

  const ctx: RuleContext = { config, variants, table: (kind) => tables.get(kind) };
  const summaries: RuleSummary[] = [];
  const missingKinds = new Set<SheetKind>();
  for (const rule of RULES) {
    const missing = rule.needs.filter((k) => !tables.has(k));
    if (missing.length > 0) {
      missing.forEach((k) => missingKinds.add(k));
      summaries.push({ rule: rule.id, label: labelOf(rule, config), status: "not checked", source: rule.source, counts: { error: 0, warning: 0, info: 0 } });
      continue;
    }
    const own = rule.check(ctx);
    append(findings, own);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of own) counts[f.severity]++;
    const s = rule.summarise?.(ctx, own);
    summaries.push({
      rule: rule.id,
      label: labelOf(rule, config),
      status: counts.error > 0 ? "fail" : counts.warning > 0 ? "warning" : "pass",
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

  return { findings: sortFindings(findings, book), summaries, overrides: resolved.overrides, layout: layoutReport(recognitions) };
}

/** A rule's label with the figures in force. */
export function labelOf(rule: Rule, config: ModelConfig): string {
  return typeof rule.label === "function" ? rule.label(config) : rule.label;
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
