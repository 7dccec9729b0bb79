/**
 * Task pane entry. In the shared runtime this page also runs the custom functions; both read the
 * what-if settings from src/runtime/settings.ts (put in force at start-up by src/runtime/startup.ts).
 */
import { createRoot } from "react-dom/client";
import { REPORT_SHEET_NAME, validateWorkbookAsync } from "../model/validate";
import { getSettings, setSettings } from "../runtime/settings";
import { App, type PaneDeps } from "./App";
import { documentSettingsStore } from "./document-settings";
import { createExcelAdapter } from "./excel-adapter";
import { reportSheet } from "./report-sheet";
import { checkRequirements } from "./requirements";

function start(): void {
  const el = document.getElementById("root");
  if (!el) return;
  const isSetSupported = (name: string, version: string) => Office.context.requirements.isSetSupported(name, version);
  const { canUseGetRanges } = checkRequirements(isSetSupported);
  const deps: PaneDeps = {
    adapter: createExcelAdapter(undefined, { skipSheets: [REPORT_SHEET_NAME], getRanges: () => canUseGetRanges }),
    validate: (book, options, onProgress) => validateWorkbookAsync(book, options, onProgress ? { onProgress } : {}),
    reportSheet,
    store: documentSettingsStore(Office.context.document.settings),
    settings: { get: getSettings, set: setSettings },
    isSetSupported,
  };
  createRoot(el).render(<App deps={deps} />);
}

void Office.onReady(() => start());
