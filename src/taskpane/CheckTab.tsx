/**
 * The Check tab: Validate, the report sheet and highlights, and what the validation found: the
 * percent-format warning, the summary by rule family, and the findings. It holds the actions' logic;
 * the workbook work goes through the injected ExcelAdapter, and anything that changes the workbook is
 * asked first (`ask`). The parts are in ./check/; the capacity per team (Capacity) follows the summary
 * when the Staff sheet has contracted hours.
 */
import { useMemo } from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { familyOf } from "../model/validate/families";
import type { ValidationReport, WorkbookData } from "../model/validate/types";
import type { AddinSettings } from "../runtime/settings";
import type { CellRef, ExcelAdapter, ReportSheet } from "./excel-adapter";
import type { SettingsStore } from "./document-settings";
import type { Notice, Pending } from "./Notices";
import type { MissingFeature } from "./requirements";
import { reportMixPicture, tierGradePicture } from "./picture-data";
import { ReportMixPicture, TierGradePicture } from "./Pictures";
import { Actions } from "./check/Actions";
import { Capacity } from "./check/Capacity";
import { cellsOf, countCells, describeCells } from "./check/cells";
import type { Highlights } from "./useCheck";
import { Findings, refOf } from "./check/Findings";
import { briefHazard, PercentWarning, PERCENT_HAZARD_RULE } from "./check/PercentWarning";
import { Summary } from "./check/Summary";
import { summaryLabels } from "./check/words";

export { PERCENT_HAZARD_RULE };

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
  /** The cells highlighted now, kept by the pane so they outlive a visit to another tab. */
  readonly highlights: Highlights;
  /** Features this Excel lacks (requirement sets), each with the sentence saying so. */
  readonly missing: readonly MissingFeature[];
  readonly onValidate: () => void;
  readonly ask: (p: Pending) => void;
  readonly notify: (n: Notice) => void;
  readonly fail: (e: unknown, action: string) => void;
}

export function CheckTab(p: CheckProps) {
  const { adapter, report, book, highlights } = p;

  const findings = useMemo(() => report?.findings ?? [], [report]);
  const labels = useMemo(() => summaryLabels(report?.summaries ?? []), [report]);
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
  const pictures = useMemo(
    () => ({
      ...(mix ? { [familyOf("reports.typeMix")]: <ReportMixPicture mix={mix} /> } : {}),
      ...(tiers && tiers.total > 0 ? { [familyOf("caseload.tier")]: <TierGradePicture counts={tiers} /> } : {}),
    }),
    [mix, tiers],
  );

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
        const already = cellsOf(highlights.get());
        const fresh = cellRefs.filter((c) => !already.has(`${c.sheet}!${c.cell}`));
        const saved = await adapter.highlight(fresh);
        const all = [...highlights.get(), ...saved];
        highlights.set(all);
        await p.store.saveHighlights(all);
        p.notify({ intent: "success", title: "Cells highlighted", text: `${fresh.length} cells highlighted.` });
      },
    });
  };

  const askClear = () => {
    const saved = highlights.get();
    if (saved.length === 0) return;
    p.ask({
      title: `Clear ${countCells(saved)} highlights?`,
      lines: [...describeCells(saved), "Each cell gets back the fill it had; cells you have recoloured since are left alone."],
      action: async () => {
        const n = await adapter.clearHighlights(saved);
        highlights.set([]);
        await p.store.saveHighlights([]);
        p.notify({ intent: "success", title: "Highlights cleared", text: `${n} cells restored.` });
      },
    });
  };

  return (
    <div>
      <Actions
        busy={p.busy}
        validated={report !== undefined}
        cells={cellRefs.length}
        highlighted={highlights.count}
        missing={p.missing}
        onValidate={p.onValidate}
        onReport={() => void askWriteReport()}
        onHighlight={askHighlight}
        onClear={askClear}
      />
      {p.progress && (
        <Field label={p.progress.label} validationState="none">
          <ProgressBar value={p.progress.total === 0 ? 1 : p.progress.done / p.progress.total} aria-label={p.progress.label} />
        </Field>
      )}

      {report && (
        <>
          <PercentWarning key={p.run} hazards={hazards} onGoTo={(ref) => void goTo(ref)} />
          <Summary key={`summary-${p.run}`} report={report} extra={pictures} />
          {report.workload && <Capacity key={`capacity-${p.run}`} picture={report.workload} />}
          <Findings key={`findings-${p.run}`} findings={findings} labels={labels} onGoTo={(ref) => void goTo(ref)} brief={briefHazard} />
        </>
      )}
    </div>
  );
}
