/**
 * Numbers behind the pane's two pictures: the court report mix against its targets (the model's
 * `reportMix`, as the rules use it) and the caseload by recorded tier and OM grade. Columns are
 * the ones the engine recognised (report.layout), cells parsed with the model's parsers.
 */
import { resolveConfig, type Overrides } from "../model/config";
import { parseReportType, reportMix, type ReportMix, type ReportType } from "../model/reports";
import { parseGrade, parseTier, TIERS, type Grade, type Tier } from "../model/values";
import type { LayoutReport, WorkbookData } from "../model/validate/types";

function columnOf(layout: LayoutReport, kind: string): { sheet: string; columns: Readonly<Record<string, number>> } | undefined {
  return layout.sheets.find((s) => s.kind === kind);
}

/** The court report mix of the workbook, or undefined without a recognised Court reports sheet. */
export function reportMixPicture(book: WorkbookData, layout: LayoutReport, overrides: Overrides): ReportMix | undefined {
  const l = columnOf(layout, "courtReports");
  const sheet = l && book.sheets.find((s) => s.name === l.sheet);
  if (!l || !sheet) return undefined;
  const t = l.columns.reportType;
  const g = l.columns.authorGrade;
  const types: ReportType[] = [];
  const authors: Grade[] = [];
  for (const row of sheet.rows.slice(1)) {
    if (t !== undefined) {
      const r = parseReportType(row[t], "Report type");
      if (r.ok && r.value !== undefined) types.push(r.value);
    }
    if (g !== undefined) {
      const r = parseGrade(row[g], "Author grade");
      if (r.ok && r.value !== undefined) authors.push(r.value);
    }
  }
  return reportMix(types, authors, resolveConfig(overrides).config.config);
}

export interface TierGradeCounts {
  readonly tiers: readonly { tier: Tier | "No tier"; PO: number; PSO: number; other: number }[];
  readonly total: number;
}

/** Cases by recorded tier and OM grade, or undefined without a recognised Caseload sheet. */
export function tierGradePicture(book: WorkbookData, layout: LayoutReport): TierGradeCounts | undefined {
  const l = columnOf(layout, "caseload");
  const sheet = l && book.sheets.find((s) => s.name === l.sheet);
  if (!l || !sheet) return undefined;
  const t = l.columns.recordedTier;
  const g = l.columns.omGrade;
  const rows = new Map<Tier | "No tier", { PO: number; PSO: number; other: number }>();
  for (const k of [...TIERS, "No tier" as const]) rows.set(k, { PO: 0, PSO: 0, other: 0 });
  let total = 0;
  for (const row of sheet.rows.slice(1)) {
    if (row.every((c) => c === null || c === undefined || c === "")) continue;
    const tier = t === undefined ? undefined : parseTier(row[t], "Tier");
    const grade = g === undefined ? undefined : parseGrade(row[g], "OM grade");
    const key = tier?.ok && tier.value !== undefined ? tier.value : "No tier";
    const slot = rows.get(key)!;
    if (grade?.ok && grade.value === "PO") slot.PO += 1;
    else if (grade?.ok && grade.value === "PSO") slot.PSO += 1;
    else slot.other += 1;
    total += 1;
  }
  return { tiers: [...rows.entries()].map(([tier, c]) => ({ tier, ...c })).filter((r) => r.PO + r.PSO + r.other > 0), total };
}
