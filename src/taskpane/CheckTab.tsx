/**
 * The Check tab: Validate, the report sheet and highlights, and what the validation found. It holds
 * the actions' logic; the workbook work goes through the injected ExcelAdapter, and anything that
 * changes the workbook is asked first (`ask`).
 */
import { useMemo, useRef, useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import type { ValidationReport, WorkbookData } from "../model/validate/types";
import type { AddinSettings } from "../shared/settings";
import type { CellRef, ExcelAdapter, ReportSheet, SavedFill } from "./excel-adapter";
import { addressCells, areaAddress, parseAreas } from "./excel/addresses";
import type { SettingsStore } from "./document-settings";
import type { Notice, Pending } from "./Notices";
import type { MissingFeature } from "./requirements";
import { reportMixPicture, tierGradePicture } from "./picture-data";
import { ReportMixPicture, TierGradePicture } from "./Pictures";
import { Findings, refOf, Summary } from "./Results";

export const PERCENT_HAZARD_RULE = "caseload.percentHazard";

export interface CheckProps {
  readonly adapter: ExcelAdapter;
  readonly reportSheet: (report: ValidationReport) => ReportSheet;
  readonly store: SettingsStore;
  readonly settings: AddinSettings;
  readonly book: WorkbookData | undefined;
  readonly report: ValidationReport | undefined;
  /** Counts validations, so the findings list (and its filters) starts afresh with each. */
  readonly run: number;
  readonly busy: boolean;
  readonly progress: { done: number; total: number; label: string } | undefined;
  readonly initialHighlights: readonly SavedFill[];
  /** Features this Excel lacks (requirement sets), each with the sentence saying so. */
  readonly missing: readonly MissingFeature[];
  readonly onValidate: () => void;
  readonly ask: (p: Pending) => void;
  readonly notify: (n: Notice) => void;
  readonly fail: (e: unknown, action: string) => void;
}

/** Cells per sheet for a confirmation: "Caseload: E2, E3 and 40 more". */
function describeCells(cells: readonly CellRef[], max = 12): string[] {
  const bySheet = new Map<string, string[]>();
  for (const c of cells) {
    let list = bySheet.get(c.sheet);
    if (!list) bySheet.set(c.sheet, (list = []));
    // One push per cell: spreading a group of many thousand cells into push() overflows the call stack.
    for (const cell of c.cell.split(",")) list.push(cell);
  }
  return [...bySheet.entries()].map(([sheet, list]) => `${sheet}: ${list.slice(0, max).join(", ")}${list.length > max ? ` and ${list.length - max} more` : ""}`);
}

/** Every single cell of saved fills ("Caseload!E2"), to leave cells already highlighted alone. */
function cellsOf(saved: readonly SavedFill[]): Set<string> {
  const out = new Set<string>();
  for (const s of saved)
    for (const a of parseAreas(s.cell)) for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) out.add(`${s.sheet}!${areaAddress({ r1: r, c1: c, r2: r, c2: c })}`);
  return out;
}

const countCells = (saved: readonly SavedFill[]) => saved.reduce((n, s) => n + addressCells(s.cell), 0);

export function CheckTab(p: CheckProps) {
  const { adapter, report, book } = p;
  const highlights = useRef<readonly SavedFill[]>(p.initialHighlights);
  const [highlighted, setHighlighted] = useState(() => countCells(p.initialHighlights));
  const off = (feature: MissingFeature["feature"]) => p.missing.find((m) => m.feature === feature);

  const findings = useMemo(() => report?.findings ?? [], [report]);
  const hazards = useMemo(() => findings.filter((f) => f.rule === PERCENT_HAZARD_RULE), [findings]);
  const cellRefs = useMemo(() => {
    const seen = new Set<string>();
    const out: CellRef[] = [];
    for (const f of findings) {
      const r = refOf(f);
      if (!r || f.severity === "info") continue;
      const k = `${r.sheet}!${r.cell}`;
      if (!seen.has(k)) out.push(r);
      seen.add(k);
    }
    return out;
  }, [findings]);
  // The pictures, once per validation (and when the figures in force change).
  const overrides = p.settings.overrides;
  const mix = useMemo(() => (report && book ? reportMixPicture(book, report.layout, overrides) : undefined), [book, report, overrides]);
  const tiers = useMemo(() => (report && book ? tierGradePicture(book, report.layout) : undefined), [book, report]);

  const goTo = async (ref: CellRef) => {
    try {
      await adapter.select(ref);
    } catch (e) {
      p.fail(e, `select ${ref.sheet}!${ref.cell}`);
    }
  };

  const askWriteReport = async () => {
    if (!report) return;
    const sheet = p.reportSheet(report);
    let exists = false;
    try {
      exists = await adapter.sheetExists(sheet.name);
    } catch (e) {
      p.fail(e, "look for the report sheet");
      return;
    }
    p.ask({
      title: "Write the report sheet?",
      lines: [
        exists ? `The sheet "${sheet.name}" will be replaced once the new report is complete.` : `A new sheet "${sheet.name}" will be added.`,
        `${sheet.rows.length} rows, with links to the cells. No other sheet changes.`,
      ],
      action: async () => {
        const r = await adapter.writeReport(sheet);
        p.notify({ intent: "success", title: "Report written", text: `${r.replaced ? "Replaced" : "Added"} the sheet "${sheet.name}" with ${sheet.rows.length} rows.` });
      },
    });
  };

  const askHighlight = () => {
    if (cellRefs.length === 0) return;
    p.ask({
      title: `Highlight ${cellRefs.length} cells?`,
      lines: [...describeCells(cellRefs), "Their fill colour is remembered, so Clear highlights puts it back. Nothing else changes."],
      action: async () => {
        const already = cellsOf(highlights.current);
        const fresh = cellRefs.filter((c) => !already.has(`${c.sheet}!${c.cell}`));
        const saved = await adapter.highlight(fresh);
        highlights.current = [...highlights.current, ...saved];
        setHighlighted(countCells(highlights.current));
        await p.store.saveHighlights(highlights.current);
        p.notify({ intent: "success", title: "Cells highlighted", text: `${fresh.length} cells highlighted.` });
      },
    });
  };

  const askClear = () => {
    const saved = highlights.current;
    if (saved.length === 0) return;
    p.ask({
      title: `Clear ${countCells(saved)} highlights?`,
      lines: [...describeCells(saved), "Each cell gets back the fill it had; cells you have recoloured since are left alone."],
      action: async () => {
        const n = await adapter.clearHighlights(saved);
        highlights.current = [];
        setHighlighted(0);
        await p.store.saveHighlights([]);
        p.notify({ intent: "success", title: "Highlights cleared", text: `${n} cells restored.` });
      },
    });
  };

  const missingNotes = p.missing.filter((m, i, all) => all.findIndex((x) => x.feature === m.feature) === i && ["read", "report", "highlight"].includes(m.feature));

  return (
    <div>
      <div style={{ display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "8px", marginBottom: "8px" }}>
        <Button appearance="primary" onClick={p.onValidate} disabled={p.busy || !!off("read")}>
          Validate
        </Button>
        <Button onClick={() => void askWriteReport()} disabled={p.busy || !report || !!off("report")}>
          Write report sheet
        </Button>
        <Button onClick={askHighlight} disabled={p.busy || cellRefs.length === 0 || !!off("highlight")}>
          Highlight cells
        </Button>
        <Button onClick={askClear} disabled={p.busy || highlighted === 0 || !!off("highlight")}>
          Clear highlights
        </Button>
      </div>
      {missingNotes.map((m) => (
        <MessageBar key={m.feature} intent="info" layout="multiline">
          <MessageBarBody>{m.message}</MessageBarBody>
        </MessageBar>
      ))}
      {p.progress && (
        <Field label={p.progress.label} validationState="none">
          <ProgressBar value={p.progress.total === 0 ? 1 : p.progress.done / p.progress.total} aria-label={p.progress.label} />
        </Field>
      )}

      {hazards.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Score columns look percent-formatted</MessageBarTitle>
            {hazards.map((h, i) => (
              <div key={i}>
                {h.sheet ? `${h.sheet}${h.cell ? `!${h.cell}` : ""}: ` : ""}
                {h.message}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      {report && (
        <>
          <Summary report={report} />
          {mix && <ReportMixPicture mix={mix} />}
          {tiers && tiers.total > 0 && <TierGradePicture counts={tiers} />}
          <Findings key={p.run} findings={findings} onGoTo={(ref) => void goTo(ref)} />
        </>
      )}
    </div>
  );
}

