/** @jest-environment jsdom */
/**
 * The task pane with a fake Excel adapter and a fake engine: Validate shows the summary and the
 * findings, a finding selects its cell, filters narrow the list, writes are confirmed first, and
 * what-if settings reach the shared settings, the workbook and a recalculation.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, type PaneDeps } from "../../src/taskpane/App";
import type { ExcelAdapter, ReportSheet } from "../../src/taskpane/excel-adapter";
import type { SettingsStore } from "../../src/taskpane/document-settings";
import type { ValidationReport, WorkbookData } from "../../src/model/validate/types";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/shared/settings";
import { FIGURES } from "../../src/model/config";

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
let reactErrors: unknown[][] = [];
beforeEach(() => {
  reactErrors = [];
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void reactErrors.push(args));
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
  expect(reactErrors).toEqual([]);
});

const BOOK: WorkbookData = {
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

const REPORT: ValidationReport = {
  findings: [
    { rule: "caseload.percentHazard", severity: "warning", sheet: "Caseload", cell: "G2", message: "RSR looks percent-formatted", source: "Add-in rule book: the percent hazard" },
    { rule: "caseload.highRoshPso", severity: "error", sheet: "Caseload", cell: "F12", message: "High RoSH case held by a PSO", source: "NPS Operating Model v1.0, ch.1, ch.3" },
    { rule: "staffing.omAdminRatio", severity: "warning", sheet: "Staff", cell: "C4", message: "Team North below 1:4 (Employer's reply on the E3 Phase 2 Blueprint, ch.4).", source: "Employer's reply on the E3 Phase 2 Blueprint, ch.4" },
    { rule: "caseload.info", severity: "info", message: "3 cases read", source: "engine" },
  ],
  summaries: [
    { rule: "staffing.omAdminRatio", label: "Admin staffing in OM teams (1:4)", status: "fail", figure: "1 of 2 teams below 1:4", target: "1:4", source: "Employer's reply on the E3 Phase 2 Blueprint, ch.4", counts: { error: 0, warning: 1, info: 0 } },
    { rule: "reports.typeMix", label: "Court report types", status: "not checked", source: "NPS Operating Model v1.0, ch.2", counts: { error: 0, warning: 0, info: 0 } },
  ],
  overrides: [],
  layout: { sheets: [{ sheet: "Caseload", kind: "caseload", headerIndex: 0, columns: { caseId: 0, omGrade: 1, recordedTier: 2 }, unrecognised: ["Mystery"], missing: ["om"] }] },
};

function fakeAdapter(): jest.Mocked<ExcelAdapter> {
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

function setup(over: Partial<PaneDeps> = {}, saved: Partial<ReturnType<SettingsStore["load"]>> = {}) {
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

async function validated() {
  const t = setup();
  fireEvent.click(screen.getByRole("button", { name: "Validate" }));
  await screen.findByText("Summary");
  return t;
}

describe("Validate", () => {
  it("reads the workbook, validates it with the saved settings, and shows the summary with status words", async () => {
    const { adapter, validate } = await validated();
    expect(adapter.readWorkbook).toHaveBeenCalledTimes(1);
    expect(validate).toHaveBeenCalledWith(BOOK, { overrides: {}, variants: DEFAULT_SETTINGS.variants }, expect.any(Function));
    expect(screen.getByText("Admin staffing in OM teams (1:4)")).toBeTruthy();
    expect(screen.getByText(/1 of 2 teams below 1:4 \(target 1:4\)/)).toBeTruthy();
    expect(screen.getByText("fail")).toBeTruthy();
    expect(screen.getByText("not checked")).toBeTruthy();
    expect(screen.getByText(/4 findings, 1 error\./)).toBeTruthy();
  });

  it("shows the percent-format warning before the summary", async () => {
    await validated();
    const warning = screen.getByText("Score columns look percent-formatted");
    const summary = screen.getByText("Summary");
    expect(warning.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("groups findings by sheet and severity", async () => {
    await validated();
    const caseload = screen.getByRole("region", { name: "Findings on Caseload" });
    expect(within(caseload).getByText("Errors (1)")).toBeTruthy();
    expect(within(caseload).getByText("Warnings (1)")).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "Findings on Staff" })).getByText("Team North below 1:4", { exact: false })).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "Findings on Workbook" })).getByText("3 cases read", { exact: false })).toBeTruthy();
  });

  it("names each finding's source once: after the message only when the message does not cite it", async () => {
    await validated();
    const caseload = screen.getByRole("region", { name: "Findings on Caseload" });
    expect(within(caseload).getByText("(NPS Operating Model v1.0, ch.1, ch.3)")).toBeTruthy();
    const staff = screen.getByRole("region", { name: "Findings on Staff" });
    expect(staff.textContent!.split("Employer's reply on the E3 Phase 2 Blueprint, ch.4")).toHaveLength(2);
  });

  it("shows the cases by tier and grade as text", async () => {
    await validated();
    expect(screen.getByText(/Cases by tier and OM grade \(2 cases\)/)).toBeTruthy();
    expect(screen.getByText("A: 1 PO, 0 PSO")).toBeTruthy();
    expect(screen.getByText("D1: 0 PO, 1 PSO")).toBeTruthy();
  });

  it("an Excel error while reading shows a message, not a blank pane", async () => {
    const adapter = fakeAdapter();
    adapter.readWorkbook.mockRejectedValue(Object.assign(new Error("gone"), { code: "ItemNotFound" }));
    setup({ adapter });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByText(/Could not read the workbook: .*deleted or renamed/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Validate" })).toBeTruthy();
  });
});

describe("a fault in the checks", () => {
  it("is shown as a message, not a blank pane", async () => {
    setup({
      validate: jest.fn(() => {
        throw new Error("rule exploded");
      }),
    });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByText(/The validation could not finish: rule exploded/)).toBeTruthy();
  });
});

describe("findings", () => {
  it("clicking a finding selects its sheet and cell", async () => {
    const { adapter } = await validated();
    fireEvent.click(screen.getByRole("button", { name: /Go to Caseload!F12/ }));
    await waitFor(() => expect(adapter.select).toHaveBeenCalledWith({ sheet: "Caseload", cell: "F12" }));
  });

  it("a failed select says so", async () => {
    const { adapter } = await validated();
    adapter.select.mockRejectedValue(Object.assign(new Error("x"), { code: "ItemNotFound" }));
    fireEvent.click(screen.getByRole("button", { name: /Go to Staff!C4/ }));
    expect(await screen.findByText(/Could not select Staff!C4/)).toBeTruthy();
  });

  it("filters by severity and by rule", async () => {
    await validated();
    fireEvent.change(screen.getByLabelText("Severity"), { target: { value: "error" } });
    expect(screen.getByText("Findings (1 of 4)")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Go to Staff!C4/ })).toBeNull();
    fireEvent.change(screen.getByLabelText("Severity"), { target: { value: "all" } });
    fireEvent.change(screen.getByLabelText("Rule"), { target: { value: "staffing.omAdminRatio" } });
    expect(screen.getByText("Findings (1 of 4)")).toBeTruthy();
    expect(screen.getByRole("button", { name: /Go to Staff!C4/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Go to Caseload!F12/ })).toBeNull();
  });
});

describe("writes are confirmed first", () => {
  it("write report: says the sheet will be replaced, writes only after Go ahead", async () => {
    const { adapter, reportSheet } = await validated();
    fireEvent.click(screen.getByRole("button", { name: "Write report sheet" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Write the report sheet?" });
    expect(within(dialog).getByText(/"NPS validation report" will be replaced once the new report is complete/)).toBeTruthy();
    expect(adapter.writeReport).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole("button", { name: "Go ahead" }));
    await waitFor(() => expect(adapter.writeReport).toHaveBeenCalledWith(reportSheet.mock.results[0]!.value as ReportSheet));
    expect(await screen.findByText(/Replaced the sheet "NPS validation report" with 2 rows/)).toBeTruthy();
  });

  it("cancel writes nothing", async () => {
    const { adapter } = await validated();
    fireEvent.click(screen.getByRole("button", { name: "Write report sheet" }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(adapter.writeReport).not.toHaveBeenCalled();
  });

  it("a protected sheet during the write shows a readable message", async () => {
    const { adapter } = await validated();
    adapter.writeReport.mockRejectedValue(Object.assign(new Error("x"), { code: "AccessDenied" }));
    fireEvent.click(screen.getByRole("button", { name: "Write report sheet" }));
    fireEvent.click(await screen.findByRole("button", { name: "Go ahead" }));
    expect(await screen.findByText(/refused to write the report sheet.*protected/)).toBeTruthy();
  });

  it("highlight lists the cells, remembers their fills, and clear gives them back", async () => {
    const { adapter, store } = await validated();
    fireEvent.click(screen.getByRole("button", { name: "Highlight cells" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Caseload: G2, F12")).toBeTruthy();
    expect(within(dialog).getByText("Staff: C4")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Go ahead" }));
    await waitFor(() => expect(adapter.highlight).toHaveBeenCalledTimes(1));
    const cells = [
      { sheet: "Caseload", cell: "G2" },
      { sheet: "Caseload", cell: "F12" },
      { sheet: "Staff", cell: "C4" },
    ];
    expect(adapter.highlight).toHaveBeenCalledWith(cells);
    await waitFor(() => expect(store.saveHighlights).toHaveBeenCalledWith(cells.map((c) => ({ ...c, color: null }))));
    fireEvent.click(await screen.findByRole("button", { name: "Clear highlights" }));
    fireEvent.click(await screen.findByRole("button", { name: "Go ahead" }));
    await waitFor(() => expect(adapter.clearHighlights).toHaveBeenCalledWith(cells.map((c) => ({ ...c, color: null }))));
    await waitFor(() => expect(store.saveHighlights).toHaveBeenLastCalledWith([]));
  });

  it("clear works for highlights saved in the workbook by an earlier session", async () => {
    const saved = [{ sheet: "Staff", cell: "B2", color: "#00FF00" }];
    const { adapter } = setup({}, { highlights: saved });
    fireEvent.click(screen.getByRole("button", { name: "Clear highlights" }));
    fireEvent.click(await screen.findByRole("button", { name: "Go ahead" }));
    await waitFor(() => expect(adapter.clearHighlights).toHaveBeenCalledWith(saved));
  });

  it("clear lists a saved group of 500,000 cells without overflowing the call stack", async () => {
    const cell = Array.from({ length: 500_000 }, (_, i) => `E${i + 2}`).join(",");
    setup({}, { highlights: [{ sheet: "Caseload", cell, color: null }] });
    fireEvent.click(screen.getByRole("button", { name: "Clear highlights" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/^Caseload: E2, E3, .*, E13 and 499988 more$/)).toBeTruthy();
  });

  it("template: lists the sheets, then says which were added and which skipped", async () => {
    const { adapter } = setup();
    fireEvent.click(screen.getByRole("tab", { name: "Template" }));
    fireEvent.click(screen.getByRole("button", { name: "Insert template sheets" }));
    fireEvent.click(await screen.findByRole("button", { name: "Go ahead" }));
    await waitFor(() => expect(adapter.insertTemplate).toHaveBeenCalled());
    expect(await screen.findByText(/Added: Staff\. Skipped \(already exist\): Caseload\./)).toBeTruthy();
  });
});

describe("what-if and settings", () => {
  it("saved settings are shown as loaded (the start-up put them in force; the pane does not set them again); ignored ones are said", () => {
    const mine: AddinSettings = { ...DEFAULT_SETTINGS, overrides: { omAdminRatio: 5 } };
    const { settings } = setup({}, { settings: mine, problems: ["Saved what-if ignored: bad"] });
    expect(settings.set).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    expect((screen.getByLabelText(FIGURES.omAdminRatio.label) as HTMLInputElement).value).toBe("5");
    expect(screen.getByText(/Saved what-if ignored: bad/)).toBeTruthy();
  });

  it("Apply with nothing changed saves nothing and recalculates nothing", async () => {
    const { settings, store, adapter } = setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.click(screen.getByRole("button", { name: "Apply what-if" }));
    expect(await screen.findByText("Nothing changed")).toBeTruthy();
    expect(store.save).not.toHaveBeenCalled();
    expect(settings.set).not.toHaveBeenCalled();
    expect(adapter.recalculate).not.toHaveBeenCalled();
  });

  it("Apply saves first: when saving fails, the functions keep the figures in force", async () => {
    const { settings, store, adapter } = setup();
    store.save.mockRejectedValue(Object.assign(new Error("read-only"), { code: "AccessDenied" }));
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.change(screen.getByLabelText(FIGURES.omAdminRatio.label), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply what-if" }));
    expect(await screen.findByText(/Excel refused to save the settings/)).toBeTruthy();
    expect(settings.set).not.toHaveBeenCalled();
    expect(adapter.recalculate).not.toHaveBeenCalled();
  });

  it("a variant and a figure: setSettings, saved in the workbook, recalculated", async () => {
    const { settings, store, adapter } = setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.click(screen.getByRole("switch", { name: /Domestic violence counts as an additional factor/ }));
    fireEvent.change(screen.getByLabelText(FIGURES.omAdminRatio.label), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply what-if" }));
    const expected = expect.objectContaining({ overrides: { omAdminRatio: 5 }, variants: expect.objectContaining({ napoDomesticViolence: true }) });
    await waitFor(() => expect(store.save).toHaveBeenCalledWith(expected));
    await waitFor(() => expect(settings.set).toHaveBeenLastCalledWith(expected));
    await waitFor(() => expect(adapter.recalculate).toHaveBeenCalled());
    expect(await screen.findByText("Settings saved")).toBeTruthy();
  });

  it("an out-of-range figure is refused with the model's message and cannot be applied", () => {
    setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.change(screen.getByLabelText(FIGURES.reportOralShare.label), { target: { value: "1.5" } });
    expect(screen.getByText(/reportOralShare/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Apply what-if" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("a VLO weight change is applied as the division's table", async () => {
    const { settings } = setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.change(screen.getByLabelText("Activity: home visit"), { target: { value: "4" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply what-if" }));
    await waitFor(() => expect(settings.set).toHaveBeenCalled());
    expect(settings.set).toHaveBeenLastCalledWith(expect.objectContaining({ vloWeights: expect.objectContaining({ activities: expect.objectContaining({ "home visit": 4 }) }) }));
    expect(await screen.findByText("Settings saved")).toBeTruthy();
  });

  it("maps an unrecognised header to a field, saves it as columnMaps and validates with it", async () => {
    const { settings, validate, store } = await validated();
    fireEvent.click(screen.getByRole("tab", { name: /Columns/ }));
    expect(screen.getByText(/Required fields with no column: OM/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Header "Mystery"'), { target: { value: "om" } });
    fireEvent.click(screen.getByRole("button", { name: "Save column mapping" }));
    const maps = { Caseload: { Mystery: "om" } };
    await waitFor(() => expect(settings.set).toHaveBeenLastCalledWith(expect.objectContaining({ columnMaps: maps })));
    await waitFor(() => expect(store.save).toHaveBeenCalledWith(expect.objectContaining({ columnMaps: maps })));
    await waitFor(() => expect(validate).toHaveBeenLastCalledWith(BOOK, expect.objectContaining({ columnMaps: maps }), expect.any(Function)));
    expect(await screen.findByText("Settings saved")).toBeTruthy();
  });
});

describe("Excel's requirement sets and edits during a check", () => {
  it("an Excel without ExcelApi 1.7 keeps Validate and Highlight but turns off the report sheet, saying which Excel it needs", async () => {
    const only14 = (name: string, version: string) => name !== "ExcelApi" || Number(version.split(".")[1]) <= 4;
    setup({ isSetSupported: only14 });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByText("Summary");
    expect((screen.getByRole("button", { name: "Write report sheet" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Highlight cells" }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText(/needs Excel 2019.*\(ExcelApi 1\.7\)/)).toBeTruthy();
  });

  it("rows added while the workbook was read: the findings come with a warning to validate again", async () => {
    const adapter = fakeAdapter();
    adapter.readWorkbook.mockResolvedValue({ ...BOOK, changed: ["Caseload"] });
    setup({ adapter });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByText("The workbook changed while it was read")).toBeTruthy();
    expect(screen.getByText(/on Caseload during the check/)).toBeTruthy();
  });
});

describe("many findings", () => {
  it("draws 200 at a time and shows more on request", async () => {
    const many: ValidationReport = {
      ...REPORT,
      findings: Array.from({ length: 450 }, (_, i) => ({ rule: "caseload.tier", severity: "warning" as const, sheet: "Caseload", cell: `H${i + 2}`, message: `m${i}`, source: "s" })),
    };
    setup({ validate: jest.fn(async () => many) });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByText("Summary");
    // Role queries over hundreds of buttons are slow in jsdom; the attribute query counts the same buttons.
    const drawn = () => document.querySelectorAll('button[aria-label^="Go to Caseload!"]').length;
    expect(drawn()).toBe(200);
    fireEvent.click(screen.getByText("Show 200 more of 250 not shown"));
    fireEvent.click(screen.getByText("Show 50 more of 50 not shown"));
    expect(drawn()).toBe(450);
    expect(screen.queryByText(/more of/)).toBeNull();
  }, 30_000);
});
