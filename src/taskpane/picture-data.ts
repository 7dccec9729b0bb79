/**
 * Numbers behind the pane's two pictures: the court report mix against its targets and the
 * caseload by recorded tier and OM grade. The sheets are read as the engine reads them (its
 * tables, from the columns and header row it recognised), and the mix is the model's `reportMix`
 * over the reports the court report rules count.
 */
import { resolveConfig, type Overrides } from "../model/config";
import type { SheetKind } from "../model/layout";
import { reportMix, type ReportMix } from "../model/reports";
import { TIERS, type Tier } from "../model/values";
import { readReports } from "../model/validate/rules/reports";
import { buildTable } from "../model/validate/tables";
import type { LayoutReport, Table, WorkbookData } from "../model/validate/types";

/** The engine's table of a recognised sheet kind, or undefined when the workbook has none. */
function tableOf(book: WorkbookData, layout: LayoutReport, kind: SheetKind): Table | undefined {
  const l = layout.sheets.find((s) => s.kind === kind);
  const sheet = l && book.sheets.find((s) => s.name === l.sheet);
  if (!l || !sheet) return undefined;
  return buildTable(sheet, { sheet: l.sheet, kind, headerIndex: l.headerIndex, columns: l.columns, unrecognised: [], missing: [], badMappings: [] }).table;
}

/** The court report mix of the workbook, or undefined without a recognised Court reports sheet. */
export function reportMixPicture(book: WorkbookData, layout: LayoutReport, overrides: Overrides): ReportMix | undefined {
  const table = tableOf(book, layout, "courtReports");
  if (!table) return undefined;
  const { types, authors } = readReports(table);
  return reportMix(types, authors, resolveConfig(overrides).config.config);
}

export interface TierGradeCounts {
  readonly tiers: readonly { tier: Tier | "No tier"; PO: number; PSO: number; other: number }[];
  readonly total: number;
}

/** Cases by recorded tier and OM grade, or undefined without a recognised Caseload sheet. */
export function tierGradePicture(book: WorkbookData, layout: LayoutReport): TierGradeCounts | undefined {
  const table = tableOf(book, layout, "caseload");
  if (!table) return undefined;
  const rows = new Map<Tier | "No tier", { PO: number; PSO: number; other: number }>();
  for (const k of [...TIERS, "No tier" as const]) rows.set(k, { PO: 0, PSO: 0, other: 0 });
  for (const row of table.rows) {
    const tier = row.get("recordedTier") as Tier | undefined;
    const grade = row.get("omGrade");
    const slot = rows.get(tier ?? "No tier")!;
    if (grade === "PO") slot.PO += 1;
    else if (grade === "PSO") slot.PSO += 1;
    else slot.other += 1;
  }
  return { tiers: [...rows.entries()].map(([tier, c]) => ({ tier, ...c })).filter((r) => r.PO + r.PSO + r.other > 0), total: table.rows.length };
}
