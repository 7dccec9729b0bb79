/**
 * The task pane. Every dependency is injected (Excel adapter, validation engine, report builder,
 * settings, Excel's requirement sets), so the whole pane is tested with fakes and runs unchanged in
 * Excel. This file holds the tabs, the messages and the settings; the Check tab is CheckTab.tsx.
 */
import { useCallback, useMemo, useState } from "react";
import { AriaLiveAnnouncer, Button, FluentProvider, makeStyles, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import type { ValidateOptions, ValidationProgress, ValidationReport, WorkbookData } from "../model/validate/types";
import type { AddinSettings } from "../shared/settings";
import type { ExcelAdapter, ReportSheet } from "./excel-adapter";
import { excelErrorMessage } from "./excel-adapter";
import type { SettingsStore } from "./document-settings";
import { applySettings, isSavedButNotRecalculated } from "./apply-settings";
import { checkRequirements } from "./requirements";
import { CheckTab } from "./CheckTab";
import { Confirm, NoticeList, type Notice, type Pending } from "./Notices";
import { WhatIf } from "./WhatIf";
import { ColumnMapping } from "./ColumnMapping";
import { LAYOUT } from "../model/layout";

export { PERCENT_HAZARD_RULE } from "./CheckTab";

export interface PaneDeps {
  readonly adapter: ExcelAdapter;
  /** The validation, sharing the thread: it pauses between steps and says how far it has got. */
  readonly validate: (book: WorkbookData, options: ValidateOptions, onProgress?: (p: ValidationProgress) => void) => Promise<ValidationReport>;
  /** The report sheet's name and rows (reportTable + REPORT_SHEET_NAME in production). */
  readonly reportSheet: (report: ValidationReport) => ReportSheet;
  readonly store: SettingsStore;
  /** The settings in force for the custom functions (src/shared/settings.ts). */
  readonly settings: { get(): AddinSettings; set(s: AddinSettings): void };
  /** Office.context.requirements.isSetSupported; without it every feature is offered. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
}

const useStyles = makeStyles({
  root: { padding: "12px", maxWidth: "420px", fontSize: "14px" },
});

export function App({ deps }: { deps: PaneDeps }) {
  const s = useStyles();
  const { adapter, validate, reportSheet, store, settings } = deps;
  const [tab, setTab] = useState<"check" | "whatif" | "columns" | "template">("check");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | undefined>();
  const [book, setBook] = useState<WorkbookData | undefined>();
  const [report, setReport] = useState<ValidationReport | undefined>();
  // Settings saved in the workbook, read once when the pane opens (the start-up has put them in force).
  const [initial] = useState(() => store.load());
  const requirements = useMemo(() => checkRequirements(deps.isSetSupported ?? (() => true)), [deps.isSetSupported]);
  const [notices, setNotices] = useState<Notice[]>(() =>
    initial.problems.length > 0 ? [{ intent: "warning", title: "Some saved settings were ignored", text: initial.problems.join(" ") }] : [],
  );
  const [pending, setPending] = useState<Pending | undefined>();
  const [run, setRun] = useState(0);
  const [current, setCurrent] = useState<AddinSettings>(initial.settings);

  const notify = useCallback((n: Notice) => setNotices([n]), []);
  const fail = useCallback((e: unknown, action: string) => notify({ intent: "error", title: "Excel could not do that", text: excelErrorMessage(e, action) }), [notify]);

  const check = async (b: WorkbookData, st: AddinSettings): Promise<ValidationReport> => {
    const r = await validate(b, { overrides: st.overrides, variants: st.variants, ...(st.columnMaps ? { columnMaps: st.columnMaps } : {}) }, (pr) => setProgress({ ...pr }));
    setReport(r);
    setRun((n) => n + 1);
    return r;
  };

  const onValidate = async () => {
    setBusy(true);
    setNotices([]);
    setPending(undefined);
    setProgress({ done: 0, total: 1, label: "Reading the workbook" });
    let b: Awaited<ReturnType<ExcelAdapter["readWorkbook"]>>;
    try {
      b = await adapter.readWorkbook((done, total, label) => setProgress({ done, total, label }), current.columnMaps);
    } catch (e) {
      fail(e, "read the workbook");
      setBusy(false);
      setProgress(undefined);
      return;
    }
    try {
      setBook(b);
      setProgress({ done: 0, total: 1, label: "Checking the rules" });
      const r = await check(b, current);
      const errors = r.findings.filter((f) => f.severity === "error").length;
      const done: Notice = { intent: errors > 0 ? "warning" : "success", title: "Validation finished", text: `${r.findings.length} finding${r.findings.length === 1 ? "" : "s"}, ${errors} error${errors === 1 ? "" : "s"}.` };
      if (b.changed && b.changed.length > 0)
        setNotices([
          done,
          { intent: "warning", title: "The workbook changed while it was read", text: `Rows were added or removed on ${b.changed.join(", ")} during the check, so some findings may point at the wrong rows. Validate again when you have finished editing.` },
        ]);
      else notify(done);
    } catch (e) {
      // A fault in the checks themselves, not in Excel: say so rather than show a blank pane.
      notify({ intent: "error", title: "The check stopped", text: `The validation could not finish: ${e instanceof Error ? e.message : String(e)}. Please report this.` });
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const onApply = async (next: AddinSettings) => {
    try {
      const outcome = await applySettings(current, next, { store, settings, recalculate: () => adapter.recalculate() });
      if (outcome === "unchanged") {
        notify({ intent: "info", title: "Nothing changed", text: "These are the settings already in force: nothing was saved or recalculated." });
        return;
      }
      setCurrent(next);
      if (book) await check(book, next);
      notify({ intent: "success", title: "Settings saved", text: "Saved in this workbook; the custom functions were recalculated." });
    } catch (e) {
      if (isSavedButNotRecalculated(e)) {
        setCurrent(next);
        notify({ intent: "warning", title: "Saved, not recalculated", text: e.message });
      } else fail(e, "save the settings");
    }
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

  const needsMapping = report?.layout.sheets.some((l) => l.missing.length > 0 || l.unrecognised.length > 0) ?? false;
  const templateOff = requirements.missing.find((m) => m.feature === "template");

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
            <NoticeList notices={notices} />
            {pending && <Confirm pending={pending} onGo={() => void confirm()} onCancel={() => setPending(undefined)} />}

            {tab === "check" && (
              <CheckTab
                adapter={adapter}
                reportSheet={reportSheet}
                store={store}
                settings={current}
                book={book}
                report={report}
                run={run}
                busy={busy}
                progress={progress}
                initialHighlights={initial.highlights}
                missing={requirements.missing}
                onValidate={() => void onValidate()}
                ask={setPending}
                notify={notify}
                fail={fail}
              />
            )}

            {tab === "whatif" && (
              <div>
                <WhatIf settings={current} onApply={(n) => void onApply(n)} />
              </div>
            )}

            {tab === "columns" && (
              <div>
                <ColumnMapping layout={report?.layout} columnMaps={current.columnMaps ?? {}} onSave={(maps) => void onApply({ ...current, columnMaps: maps })} />
              </div>
            )}

            {tab === "template" && (
              <div>
                <p>Insert one sheet per documented table, each with its header row, into an empty workbook. Sheets that exist are skipped.</p>
                <Button onClick={askTemplate} disabled={busy || !!templateOff}>
                  Insert template sheets
                </Button>
                {templateOff && <p>{templateOff.message}</p>}
              </div>
            )}
          </main>
        </div>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
