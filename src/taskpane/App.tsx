/**
 * The task pane. Every dependency is injected (Excel adapter, validation engine, report builder,
 * settings), so the whole pane is tested with fakes and runs unchanged in Excel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  AriaLiveAnnouncer,
  Button,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  webLightTheme,
} from "@fluentui/react-components";
import type { ValidateOptions, ValidationReport, WorkbookData } from "../model/validate/types";
import type { AddinSettings } from "../shared/settings";
import type { CellRef, ExcelAdapter, ReportSheet, SavedFill } from "./excel-adapter";
import { excelErrorMessage } from "./excel-adapter";
import type { SettingsStore } from "./document-settings";
import { reportMixPicture, tierGradePicture } from "./picture-data";
import { ReportMixPicture, TierGradePicture } from "./Pictures";
import { WhatIf } from "./WhatIf";
import { ColumnMapping } from "./ColumnMapping";
import { Findings, refOf, Summary } from "./Results";
import { LAYOUT } from "../model/layout";

export const PERCENT_HAZARD_RULE = "caseload.percentHazard";

export interface PaneDeps {
  readonly adapter: ExcelAdapter;
  readonly validate: (book: WorkbookData, options: ValidateOptions) => ValidationReport;
  /** The report sheet's name and rows (reportTable + REPORT_SHEET_NAME in production). */
  readonly reportSheet: (report: ValidationReport) => ReportSheet;
  readonly store: SettingsStore;
  readonly settings: { get(): AddinSettings; set(s: AddinSettings): void };
}

type Notice = { intent: "error" | "warning" | "success" | "info"; title: string; text: string };
type Pending = { title: string; lines: string[]; action: () => Promise<void> };

const useStyles = makeStyles({
  root: { padding: "12px", maxWidth: "420px", fontSize: "14px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "8px", marginBottom: "8px" },
});


function describeCells(cells: readonly CellRef[], max = 12): string[] {
  const bySheet = new Map<string, string[]>();
  for (const c of cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c.cell]);
  return [...bySheet.entries()].map(([sheet, list]) => `${sheet}: ${list.slice(0, max).join(", ")}${list.length > max ? ` and ${list.length - max} more` : ""}`);
}

export function App({ deps }: { deps: PaneDeps }) {
  const s = useStyles();
  const { adapter, validate, reportSheet, store, settings } = deps;
  const [tab, setTab] = useState<"check" | "whatif" | "columns" | "template">("check");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | undefined>();
  const [book, setBook] = useState<WorkbookData | undefined>();
  const [report, setReport] = useState<ValidationReport | undefined>();
  // Settings saved in the workbook, read once when the pane opens.
  const [initial] = useState(() => store.load());
  const [notices, setNotices] = useState<Notice[]>(() =>
    initial.problems.length > 0 ? [{ intent: "warning", title: "Some saved settings were ignored", text: initial.problems.join(" ") }] : [],
  );
  const [pending, setPending] = useState<Pending | undefined>();
  /** Counts validations, so the findings list (and its filters) starts afresh with each. */
  const [run, setRun] = useState(0);
  const [current, setCurrent] = useState<AddinSettings>(initial.settings);
  const highlights = useRef<SavedFill[]>(initial.highlights);
  const [highlightCount, setHighlightCount] = useState(initial.highlights.length);

  const notify = useCallback((n: Notice) => setNotices([n]), []);
  const fail = useCallback((e: unknown, action: string) => notify({ intent: "error", title: "Excel could not do that", text: excelErrorMessage(e, action) }), [notify]);

  // Share the workbook's settings with the custom functions (same page in the shared runtime).
  useEffect(() => {
    settings.set(initial.settings);
  }, [settings, initial]);

  const check = useCallback(
    (b: WorkbookData, st: AddinSettings) => {
      const r = validate(b, { overrides: st.overrides, variants: st.variants, ...(st.columnMaps ? { columnMaps: st.columnMaps } : {}) });
      setReport(r);
      setRun((n) => n + 1);
      return r;
    },
    [validate],
  );

  const onValidate = async () => {
    setBusy(true);
    setNotices([]);
    setPending(undefined);
    setProgress({ done: 0, total: 1, label: "Reading the workbook" });
    let b: WorkbookData;
    try {
      b = await adapter.readWorkbook((done, total, label) => setProgress({ done, total, label }));
    } catch (e) {
      fail(e, "read the workbook");
      setBusy(false);
      setProgress(undefined);
      return;
    }
    try {
      setBook(b);
      setProgress({ done: 1, total: 1, label: "Checking the rules" });
      await new Promise((r) => setTimeout(r, 0));
      const r = check(b, current);
      const errors = r.findings.filter((f) => f.severity === "error").length;
      notify({ intent: errors > 0 ? "warning" : "success", title: "Validation finished", text: `${r.findings.length} finding${r.findings.length === 1 ? "" : "s"}, ${errors} error${errors === 1 ? "" : "s"}.` });
    } catch (e) {
      // A fault in the checks themselves, not in Excel: say so rather than show a blank pane.
      notify({ intent: "error", title: "The check stopped", text: `The validation could not finish: ${e instanceof Error ? e.message : String(e)}. Please report this.` });
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const applySettings = async (next: AddinSettings) => {
    settings.set(next);
    setCurrent(next);
    try {
      await store.save(next);
      await adapter.recalculate();
      if (book) check(book, next);
      notify({ intent: "success", title: "Settings saved", text: "Saved in this workbook; the custom functions were recalculated." });
    } catch (e) {
      fail(e, "save the settings and recalculate");
    }
  };

  const findings = useMemo(() => report?.findings ?? [], [report]);
  const hazards = findings.filter((f) => f.rule === PERCENT_HAZARD_RULE);
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

  const goTo = async (ref: CellRef) => {
    try {
      await adapter.select(ref);
    } catch (e) {
      fail(e, `select ${ref.sheet}!${ref.cell}`);
    }
  };

  const askWriteReport = async () => {
    if (!report) return;
    const sheet = reportSheet(report);
    let exists = false;
    try {
      exists = await adapter.sheetExists(sheet.name);
    } catch (e) {
      fail(e, "look for the report sheet");
      return;
    }
    setPending({
      title: "Write the report sheet?",
      lines: [
        exists ? `The sheet "${sheet.name}" will be deleted and written again.` : `A new sheet "${sheet.name}" will be added.`,
        `${sheet.rows.length} rows, with links to the cells. No other sheet changes.`,
      ],
      action: async () => {
        const r = await adapter.writeReport(sheet);
        notify({ intent: "success", title: "Report written", text: `${r.replaced ? "Replaced" : "Added"} the sheet "${sheet.name}" with ${sheet.rows.length} rows.` });
      },
    });
  };

  const askHighlight = () => {
    if (cellRefs.length === 0) return;
    setPending({
      title: `Highlight ${cellRefs.length} cells?`,
      lines: [...describeCells(cellRefs), "Their fill colour is remembered, so Clear highlights puts it back. Nothing else changes."],
      action: async () => {
        const already = new Set(highlights.current.map((h) => `${h.sheet}!${h.cell}`));
        const fresh = cellRefs.filter((c) => !already.has(`${c.sheet}!${c.cell}`));
        const saved = await adapter.highlight(fresh);
        highlights.current = [...highlights.current, ...saved];
        setHighlightCount(highlights.current.length);
        await store.saveHighlights(highlights.current);
        notify({ intent: "success", title: "Cells highlighted", text: `${saved.length} cells highlighted.` });
      },
    });
  };

  const askClear = () => {
    const saved = highlights.current;
    if (saved.length === 0) return;
    setPending({
      title: `Clear ${saved.length} highlights?`,
      lines: [...describeCells(saved), "Each cell gets back the fill it had; cells you have recoloured since are left alone."],
      action: async () => {
        const n = await adapter.clearHighlights(saved);
        highlights.current = [];
        setHighlightCount(0);
        await store.saveHighlights([]);
        notify({ intent: "success", title: "Highlights cleared", text: `${n} cells restored.` });
      },
    });
  };

  const askTemplate = () => {
    setPending({
      title: "Insert the template sheets?",
      lines: [`Adds these sheets with their header rows: ${LAYOUT.map((d) => d.name).join(", ")}.`, "Sheets that already exist are skipped and left as they are."],
      action: async () => {
        const r = await adapter.insertTemplate();
        notify({
          intent: r.skipped.length > 0 ? "warning" : "success",
          title: "Template sheets",
          text: `${r.added.length > 0 ? `Added: ${r.added.join(", ")}.` : "No sheet added."}${r.skipped.length > 0 ? ` Skipped (already exist): ${r.skipped.join(", ")}.` : ""}`,
        });
      },
    });
  };

  const confirm = async () => {
    const p = pending;
    if (!p) return;
    setPending(undefined);
    setBusy(true);
    try {
      await p.action();
    } catch (e) {
      fail(e, p.title.replace(/\?$/, "").toLowerCase());
    } finally {
      setBusy(false);
    }
  };

  const mix = report && book ? reportMixPicture(book, report.layout, current.overrides) : undefined;
  const tiers = report && book ? tierGradePicture(book, report.layout) : undefined;
  const needsMapping = report?.layout.sheets.some((l) => l.missing.length > 0 || l.unrecognised.length > 0) ?? false;

  return (
    <FluentProvider theme={webLightTheme}>
      {/* MessageBars announce themselves to screen readers only inside an AriaLiveAnnouncer. */}
      <AriaLiveAnnouncer>
        <div className={s.root}>
          <header>
            <h1 style={{ fontSize: "18px", margin: "0 0 8px" }}>NPS Operating Model</h1>
            <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)} size="small" aria-label="Pane sections">
              <Tab value="check">Check</Tab>
              <Tab value="whatif">What-if</Tab>
              <Tab value="columns">Columns{needsMapping ? " (needs you)" : ""}</Tab>
              <Tab value="template">Template</Tab>
            </TabList>
          </header>
          <main>
          <div>
            {notices.map((n, i) => (
              <MessageBar key={i} intent={n.intent} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{n.title}</MessageBarTitle> {n.text}
                </MessageBarBody>
              </MessageBar>
            ))}
          </div>

          {pending && (
            <MessageBar intent="info" layout="multiline" role="alertdialog" aria-label={pending.title}>
              <MessageBarBody>
                <MessageBarTitle>{pending.title}</MessageBarTitle>
                <ul>
                  {pending.lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" onClick={() => void confirm()}>
                  Go ahead
                </Button>
                <Button onClick={() => setPending(undefined)}>Cancel</Button>
              </MessageBarActions>
            </MessageBar>
          )}

          {tab === "check" && (
            <div>
              <div className={s.row}>
                <Button appearance="primary" onClick={() => void onValidate()} disabled={busy}>
                  Validate
                </Button>
                <Button onClick={() => void askWriteReport()} disabled={busy || !report}>
                  Write report sheet
                </Button>
                <Button onClick={askHighlight} disabled={busy || cellRefs.length === 0}>
                  Highlight cells
                </Button>
                <Button onClick={askClear} disabled={busy || highlightCount === 0}>
                  Clear highlights
                </Button>
              </div>
              {progress && (
                <Field label={progress.label} validationState="none">
                  <ProgressBar value={progress.total === 0 ? 1 : progress.done / progress.total} aria-label={progress.label} />
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

                  <Findings key={run} findings={findings} onGoTo={(ref) => void goTo(ref)} />
                </>
              )}
            </div>
          )}

          {tab === "whatif" && (
            <div>
              <WhatIf settings={current} onApply={(n) => void applySettings(n)} />
            </div>
          )}

          {tab === "columns" && (
            <div>
              <ColumnMapping
                layout={report?.layout}
                columnMaps={current.columnMaps ?? {}}
                onSave={(maps) => void applySettings({ ...current, columnMaps: maps })}
              />
            </div>
          )}

          {tab === "template" && (
            <div>
              <p>Insert one sheet per documented table, each with its header row, into an empty workbook. Sheets that exist are skipped.</p>
              <Button onClick={askTemplate} disabled={busy}>
                Insert template sheets
              </Button>
            </div>
          )}
          </main>
        </div>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
