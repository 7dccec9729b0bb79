/**
 * Numbers behind the pane's two pictures: the court report mix against its targets and the
 * caseload by recorded tier and OM grade. The sheets are read as the engine reads them (its
 * tables, from the columns and header row it recognised), and the mix is the model's `reportMix`
 * over the reports the court report rules count.
 *
 * Each picture is worked out once per validation: the answers are kept per workbook and layout
 * report (by object identity, so a new validation's report is worked out afresh), and the pane may
 * ask on every render. The tier picture reads the whole Caseload sheet: a tenth of a second or more
 * at 100,000 cases.
 */
import { resolveConfig, type Overrides } from "../model/config";
import type { SheetKind } from "../model/layout";
import { reportMix, type ReportMix, type ReportType } from "../model/reports";
import { TIERS, type Grade, type Tier } from "../model/values";
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

/** What has been worked out for one workbook and layout report. */
interface Worked {
  tiers?: { readonly counts: TierGradeCounts | undefined };
  reports?: { readonly read: { types: ReportType[]; authors: Grade[] } | undefined };
  /** The mix per what-if figures (as JSON). */
  readonly mixes: Map<string, ReportMix | undefined>;
}

const WORKED = new WeakMap<WorkbookData, WeakMap<LayoutReport, Worked>>();

function worked(book: WorkbookData, layout: LayoutReport): Worked {
  let byLayout = WORKED.get(book);
  if (!byLayout) WORKED.set(book, (byLayout = new WeakMap()));
  let w = byLayout.get(layout);
  if (!w) byLayout.set(layout, (w = { mixes: new Map() }));
  return w;
}

/**
 * The court report mix of the workbook, or undefined without a recognised Court reports sheet.
 * Asked again with the same book and layout (and what-if figures of the same values), the same object.
 */
export function reportMixPicture(book: WorkbookData, layout: LayoutReport, overrides: Overrides): ReportMix | undefined {
  const w = worked(book, layout);
  const key = JSON.stringify(overrides);
  if (w.mixes.has(key)) return w.mixes.get(key);
  if (!w.reports) {
    const table = tableOf(book, layout, "courtReports");
    w.reports = { read: table && readReports(table) };
  }
  const read = w.reports.read;
  const mix = read && reportMix(read.types, read.authors, resolveConfig(overrides).config.config);
  w.mixes.set(key, mix);
  return mix;
}

export interface TierGradeCounts {
  readonly tiers: readonly { tier: Tier | "No tier"; PO: number; PSO: number; other: number }[];
  readonly total: number;
}

/**
 * Cases by recorded tier and OM grade, or undefined without a recognised Caseload sheet. Asked
 * again with the same book and layout, the same object.
 */
export function tierGradePicture(book: WorkbookData, layout: LayoutReport): TierGradeCounts | undefined {
  const w = worked(book, layout);
  w.tiers ??= { counts: countTiers(book, layout) };
  return w.tiers.counts;
}

function countTiers(book: WorkbookData, layout: LayoutReport): TierGradeCounts | undefined {
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
