/**
 * Task pane entry. In the shared runtime this page also runs the custom functions; both read the
 * what-if settings from src/shared/settings.ts.
 */
import { createRoot } from "react-dom/client";
import { REPORT_SHEET_NAME, validateWorkbook } from "../model/validate";
import { getSettings, setSettings } from "../shared/settings";
import { App, type PaneDeps } from "./App";
import { documentSettingsStore } from "./document-settings";
import { createExcelAdapter } from "./excel-adapter";
import { reportSheet } from "./report-sheet";

function start(): void {
  const el = document.getElementById("root");
  if (!el) return;
  const deps: PaneDeps = {
    adapter: createExcelAdapter(undefined, { skipSheets: [REPORT_SHEET_NAME], getRanges: () => Office.context.requirements.isSetSupported("ExcelApi", "1.9") }),
    validate: validateWorkbook,
    reportSheet,
    store: documentSettingsStore(Office.context.document.settings),
    settings: { get: getSettings, set: setSettings },
  };
  createRoot(el).render(<App deps={deps} />);
}

void Office.onReady(() => start());
