/**
 * The task pane. Every dependency is injected (Excel adapter, validation engine, report builder,
 * settings, Excel's requirement sets), so the whole pane is tested with fakes and runs unchanged in
 * Excel. This file holds the tabs, each tab's notices (a notice shows on the tab whose action made
 * it) and the settings; the Check tab is CheckTab.tsx, What-if WhatIf.tsx, Columns ColumnMapping.tsx.
 */
import { useCallback, useMemo, useState } from "react";
import { AriaLiveAnnouncer, FluentProvider, makeStyles, Tab, TabList, tokens, webLightTheme } from "@fluentui/react-components";
import type { ValidateOptions, ValidationProgress, ValidationReport, WorkbookData } from "../model/validate/types";
import type { AddinSettings } from "../runtime/settings";
import type { ExcelAdapter, ReportSheet } from "./excel-adapter";
import { excelErrorMessage } from "./excel-adapter";
import type { SettingsStore } from "./document-settings";
import { applySettings, isSavedButNotRecalculated } from "./apply-settings";
import { checkRequirements } from "./requirements";
import { CheckTab } from "./CheckTab";
import { Confirm, NoticeList, type Notice, type Pending } from "./Notices";
import { WhatIf } from "./WhatIf";
import { ColumnMapping } from "./ColumnMapping";
import { TemplateTab } from "./TemplateTab";
import { useCheck } from "./useCheck";

export { PERCENT_HAZARD_RULE } from "./CheckTab";

export interface PaneDeps {
  readonly adapter: ExcelAdapter;
  /** The validation, sharing the thread: it pauses between steps and says how far it has got. */
  readonly validate: (book: WorkbookData, options: ValidateOptions, onProgress?: (p: ValidationProgress) => void) => Promise<ValidationReport>;
  /** The report sheet's name and rows (reportTable + REPORT_SHEET_NAME in production). */
  readonly reportSheet: (report: ValidationReport) => ReportSheet;
  readonly store: SettingsStore;
  /** The settings in force for the custom functions (src/runtime/settings.ts). */
  readonly settings: { get(): AddinSettings; set(s: AddinSettings): void };
  /** Office.context.requirements.isSetSupported; without it every feature is offered. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
}

const useStyles = makeStyles({
  root: { padding: "12px", maxWidth: "420px", fontSize: "14px" },
  dot: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: "10px" },
});

export type PaneTab = "check" | "whatif" | "columns" | "template";
const NO_NOTICES: Readonly<Record<PaneTab, readonly Notice[]>> = { check: [], whatif: [], columns: [], template: [] };

export function App({ deps }: { deps: PaneDeps }) {
  const s = useStyles();
  const { adapter, validate, reportSheet, store, settings } = deps;
  const [tab, setTab] = useState<PaneTab>("check");
  // Settings saved in the workbook, read once when the pane opens (the start-up has put them in force).
  const [initial] = useState(() => store.load());
  const requirements = useMemo(() => checkRequirements(deps.isSetSupported ?? (() => true)), [deps.isSetSupported]);
  const [notices, setNotices] = useState<Readonly<Record<PaneTab, readonly Notice[]>>>(() =>
    initial.problems.length > 0 ? { ...NO_NOTICES, check: [{ intent: "warning", title: "Some saved settings were ignored", text: initial.problems.join(" ") }] } : NO_NOTICES,
  );
  /** Replace one tab's notices: each action's outcome shows where the action was taken. */
  const setTabNotices = useCallback((on: PaneTab, list: readonly Notice[]) => setNotices((all) => ({ ...all, [on]: list })), []);
  const [pending, setPending] = useState<Pending | undefined>();
  const [current, setCurrent] = useState<AddinSettings>(initial.settings);

  const notifyOn = useCallback((on: PaneTab) => (n: Notice) => setTabNotices(on, [n]), [setTabNotices]);
  const failOn = useCallback(
    (on: PaneTab) => (e: unknown, action: string) => setTabNotices(on, [{ intent: "error", title: "Excel could not do that", text: excelErrorMessage(e, action) }]),
    [setTabNotices],
  );
  const notify = notifyOn("check");
  const fail = failOn("check");

  const { busy, setBusy, progress, book, report, run, check, validateNow, highlights } = useCheck({
    adapter,
    validate,
    initialHighlights: initial.highlights,
    say: (list) => setTabNotices("check", list),
    fail,
  });

  const onValidate = () => {
    setPending(undefined);
    void validateNow(current);
  };

  /** Save settings from the What-if or Columns tab; the outcome shows on that tab. */
  const onApply = async (next: AddinSettings, on: PaneTab) => {
    const say = notifyOn(on);
    try {
      const outcome = await applySettings(current, next, { store, settings, recalculate: () => adapter.recalculate() });
      if (outcome === "unchanged") {
        say({ intent: "info", title: "Nothing changed", text: "These are the settings already in force: nothing was saved or recalculated." });
        return;
      }
      setCurrent(next);
      if (book) await check(book, next);
      say({ intent: "success", title: "Settings saved", text: `Saved in this workbook; the custom functions were recalculated${book ? " and the workbook checked again" : ""}.` });
    } catch (e) {
      if (isSavedButNotRecalculated(e)) {
        setCurrent(next);
        say({ intent: "warning", title: "Saved, not recalculated", text: e.message });
      } else failOn(on)(e, "save the settings");
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
      failOn(tab)(e, p.title.replace(/\?$/, "").toLowerCase());
    } finally {
      setBusy(false);
    }
  };

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
              {/* A dot, not words: the four tabs fit a 320 px pane on one line. */}
              <Tab value="columns" aria-label={needsMapping ? "Columns, headers to map" : undefined}>
                Columns
                {needsMapping && (
                  <span className={s.dot} aria-hidden="true">
                    {" "}●
                  </span>
                )}
              </Tab>
              <Tab value="template">Template</Tab>
            </TabList>
          </header>
          <main>
            {tab !== "whatif" && <NoticeList notices={notices[tab]} />}
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
                highlights={highlights}
                missing={requirements.missing}
                onValidate={onValidate}
                ask={setPending}
                notify={notify}
                fail={fail}
              />
            )}

            {/* Kept mounted while another tab shows, so edits not yet applied survive a look at the findings. */}
            <div hidden={tab !== "whatif"}>
              <WhatIf settings={current} notices={notices.whatif} onApply={(n) => void onApply(n, "whatif")} />
            </div>

            {tab === "columns" && (
              <div>
                <ColumnMapping layout={report?.layout} columnMaps={current.columnMaps ?? {}} onSave={(maps) => void onApply({ ...current, columnMaps: maps }, "columns")} />
              </div>
            )}

            {tab === "template" && (
              <TemplateTab
                adapter={adapter}
                busy={busy}
                off={requirements.missing.find((m) => m.feature === "template")}
                ask={setPending}
                notify={notifyOn("template")}
              />
            )}
          </main>
        </div>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
