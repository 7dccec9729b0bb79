/**
 * The task pane's test fixture: a fake Excel adapter, a fake engine's report, and the pane rendered
 * with them (setup), or rendered and validated (validated). watchPane() registers the hooks every
 * pane test file needs: jsdom's missing ResizeObserver, and any React error report failing the test.
 */
import { afterEach, beforeAll, beforeEach, expect, jest } from "@jest/globals";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { App, type PaneDeps } from "../../src/taskpane/App";
import type { ExcelAdapter, ReportSheet } from "../../src/taskpane/excel-adapter";
import type { SettingsStore } from "../../src/taskpane/document-settings";
import type { ValidationReport, WorkbookData } from "../../src/model/validate/types";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/runtime/settings";

export function watchPane(): void {
  let reactErrors: unknown[][] = [];
  beforeAll(() => {
    // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  });
  // React reports state updates that land after a test stopped watching ("not wrapped in act") and other
  // misuse on console.error: any such report fails the test that caused it.

  beforeEach(() => {
    reactErrors = [];
    jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void reactErrors.push(args));
  });
  afterEach(() => {
    cleanup();
    jest.restoreAllMocks();
    expect(reactErrors).toEqual([]);
  });
}

export const BOOK: WorkbookData = {
  sheets: [
    {
      name: "Caseload",
      originRow: 1,
      originCol: 0,
      rows: [
        ["Case ID", "OM grade", "Tier", "Mystery"],
        ["X1", "PO", "A", 1],
        ["X2", "PSO", "D1", 2],
      ],
    },
  ],
};

export const HAZARD =
  'Column "RSR" (G2) is percent-formatted: its cells hold fractions (0.069 shows as 6.9%). The validator reads them as fractions, but TIER formulas over it need scores_as_fractions set to TRUE, or they under-tier high-risk cases.';
export const REPORT: ValidationReport = {
  findings: [
    { rule: "caseload.percentHazard", severity: "warning", sheet: "Caseload", cell: "G2", message: HAZARD, source: "Add-in rule book: the percent hazard" },
    { rule: "caseload.highRoshPso", severity: "error", sheet: "Caseload", cell: "F12", message: "High RoSH case held by a PSO", source: "NPS Operating Model v1.0, ch.1, ch.3" },
    { rule: "staffing.omAdminRatio", severity: "warning", sheet: "Staff", cell: "C4", message: "Team North below 1:4 (Employer's reply on the E3 Phase 2 Blueprint, ch.4).", source: "Employer's reply on the E3 Phase 2 Blueprint, ch.4" },
    { rule: "layout.missingSheet", severity: "info", message: "The workbook has no Clusters sheet, so 1 rule could not be checked.", source: "Add-in workbook layout" },
  ],
  summaries: [
    { rule: "caseload.percentHazard", family: "Caseload", label: "Score columns hold percentage points, not fractions", status: "warning", source: "Add-in rule book: the percent hazard", counts: { error: 0, warning: 1, info: 0 } },
    { rule: "caseload.highRoshPso", family: "Caseload", label: "High and Very High RoSH cases are held by POs", status: "fail", figure: "1 of 3 High/Very High RoSH cases held by PSOs", target: "0", source: "NPS Operating Model v1.0, ch.1, ch.3", counts: { error: 1, warning: 0, info: 0 } },
    { rule: "caseload.napoDvWhatIf", family: "Caseload", label: "What if domestic violence counted in tiering (Napo)", status: "information", figure: "2 cases would move tier", source: "Napo's feedback on the Operating Model, ch.3", counts: { error: 0, warning: 0, info: 0 } },
    { rule: "caseload.tier", family: "Caseload", label: "Recorded tiers match the model", status: "not checked", why: "the Caseload sheet has no Tier column", source: "NPS Operating Model v1.0, ch.3", counts: { error: 0, warning: 0, info: 0 } },
    { rule: "reports.typeMix", family: "Court reports", label: "Court report types", status: "not checked", why: "the workbook has no Court reports sheet", source: "NPS Operating Model v1.0, ch.2", counts: { error: 0, warning: 0, info: 0 } },
    { rule: "staffing.omAdminRatio", family: "Staffing ratios", label: "Admin staffing in OM teams (1:4)", status: "fail", figure: "1 of 2 teams below 1:4", target: "1:4", source: "Employer's reply on the E3 Phase 2 Blueprint, ch.4", counts: { error: 0, warning: 1, info: 0 } },
    { rule: "parom.liftable", family: "PAROM countersignature", label: "OMs for whom routine PAROM countersignature may be lifted", status: "information", figure: "1 OM", source: "NPS Operating Model v1.0, ch.5", counts: { error: 0, warning: 0, info: 0 } },
  ],
  overrides: [],
  layout: { sheets: [{ sheet: "Caseload", kind: "caseload", headerIndex: 0, columns: { caseId: 0, omGrade: 1, recordedTier: 2 }, unrecognised: ["Mystery"], missing: ["om"] }] },
};

export function fakeAdapter(): jest.Mocked<ExcelAdapter> {
  return {
    readWorkbook: jest.fn<ExcelAdapter["readWorkbook"]>(async (p?: (d: number, t: number, l: string) => void) => {
      p?.(1, 2, "Read Caseload rows 1-3");
      return BOOK;
    }),
    select: jest.fn<ExcelAdapter["select"]>(async () => undefined),
    sheetExists: jest.fn<ExcelAdapter["sheetExists"]>(async () => true),
    writeReport: jest.fn<ExcelAdapter["writeReport"]>(async () => ({ replaced: true })),
    highlight: jest.fn<ExcelAdapter["highlight"]>(async (cells) => cells.map((c) => ({ ...c, color: null }))),
    clearHighlights: jest.fn<ExcelAdapter["clearHighlights"]>(async (s) => s.length),
    insertTemplate: jest.fn<ExcelAdapter["insertTemplate"]>(async () => ({ added: ["Staff"], skipped: ["Caseload"] })),
    recalculate: jest.fn<ExcelAdapter["recalculate"]>(async () => undefined),
  };
}

export function setup(over: Partial<PaneDeps> = {}, saved: Partial<ReturnType<SettingsStore["load"]>> = {}) {
  const adapter = fakeAdapter();
  const validate = jest.fn<PaneDeps["validate"]>(async () => REPORT);
  const store = {
    load: jest.fn<SettingsStore["load"]>(() => ({ settings: DEFAULT_SETTINGS, highlights: [], problems: [], ...saved })),
    save: jest.fn<SettingsStore["save"]>(async () => undefined),
    saveHighlights: jest.fn<SettingsStore["saveHighlights"]>(async () => undefined),
  };
  let current: AddinSettings = DEFAULT_SETTINGS;
  const settings = { get: () => current, set: jest.fn((s: AddinSettings) => void (current = s)) };
  const reportSheet = jest.fn<PaneDeps["reportSheet"]>((): ReportSheet => ({ name: "NPS validation report", header: ["Severity"], rows: [["error"], ["warning"]], links: [] }));
  const deps: PaneDeps = { adapter, validate, store, settings, reportSheet, ...over };
  render(<App deps={deps} />);
  return { adapter, validate, store, settings, reportSheet };
}

export async function validated() {
  const t = setup();
  fireEvent.click(screen.getByRole("button", { name: "Validate" }));
  await screen.findByText("Summary");
  return t;
}

/** The family line's disclosure button ("Caseload Fail 1 error, ..."). */
export const familyButton = (name: string) => screen.getByRole("button", { name: new RegExp(`^${name}`) });
export const describedBy = (el: HTMLElement) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
