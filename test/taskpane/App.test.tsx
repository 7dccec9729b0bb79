/** @jest-environment jsdom */
/**
 * The task pane with a fake Excel adapter and a fake engine (./pane-fixture.tsx): writes are
 * confirmed first, notices show on the tab whose action made them, and what-if settings reach the
 * shared settings, the workbook and a recalculation. The Check tab is tested in CheckTab.test.tsx,
 * the Columns tab in ColumnMapping.test.tsx.
 */
import { describe, expect, it, jest } from "@jest/globals";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ReportSheet } from "../../src/taskpane/excel-adapter";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/runtime/settings";
import { FIGURES } from "../../src/model/config";
import { BOOK, setup, validated, watchPane } from "./pane-fixture";

watchPane();

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

describe("notices show on the tab whose action made them", () => {
  it("a Template notice does not show on Check, nor the Validate notice on Template", async () => {
    const { adapter } = await validated();
    fireEvent.click(screen.getByRole("tab", { name: "Template" }));
    expect(screen.queryByText("Validation finished")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Insert template sheets" }));
    fireEvent.click(await screen.findByRole("button", { name: "Go ahead" }));
    await waitFor(() => expect(adapter.insertTemplate).toHaveBeenCalled());
    expect(await screen.findByText("Template sheets")).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    expect(screen.queryByText("Template sheets")).toBeNull();
    expect(screen.getByText("Validation finished")).toBeTruthy();
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
    // The ignored ones are said on the tab the pane opens on.
    expect(screen.getByText(/Saved what-if ignored: bad/)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    // The section holding a saved figure opens by itself.
    expect((screen.getByLabelText(FIGURES.omAdminRatio.label) as HTMLInputElement).value).toBe("5");
  });

  it("Apply with nothing changed is off, says why, and saves and recalculates nothing", () => {
    const { settings, store, adapter } = setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    const apply = screen.getByRole("button", { name: "Apply what-if" });
    expect(apply.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText(/Nothing to apply/)).toBeTruthy();
    fireEvent.click(apply);
    expect(store.save).not.toHaveBeenCalled();
    expect(settings.set).not.toHaveBeenCalled();
    expect(adapter.recalculate).not.toHaveBeenCalled();
  });

  it("edits not yet applied survive a look at another tab", () => {
    setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.click(screen.getByRole("button", { name: /^Staffing ratios/ }));
    fireEvent.change(screen.getByLabelText(FIGURES.omAdminRatio.label), { target: { value: "6" } });
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    // Hidden, so nothing of the What-if tab is offered while the Check tab shows.
    expect(screen.queryByRole("button", { name: "Apply what-if" })).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    expect((screen.getByLabelText(FIGURES.omAdminRatio.label) as HTMLInputElement).value).toBe("6");
  });

  it("Apply saves first: when saving fails, the functions keep the figures in force", async () => {
    const { settings, store, adapter } = setup();
    store.save.mockRejectedValue(Object.assign(new Error("read-only"), { code: "AccessDenied" }));
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.click(screen.getByRole("button", { name: /^Staffing ratios/ }));
    fireEvent.change(screen.getByLabelText(FIGURES.omAdminRatio.label), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply what-if" }));
    expect(await screen.findByText(/Excel refused to save the settings/)).toBeTruthy();
    expect(settings.set).not.toHaveBeenCalled();
    expect(adapter.recalculate).not.toHaveBeenCalled();
  });

  it("a variant and a figure: setSettings, saved in the workbook, recalculated", async () => {
    const { settings, store, adapter } = setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.click(screen.getByRole("button", { name: /^Policy variants/ }));
    fireEvent.click(screen.getByRole("switch", { name: /Domestic violence counts as an additional factor/ }));
    fireEvent.click(screen.getByRole("button", { name: /^Staffing ratios/ }));
    fireEvent.change(screen.getByLabelText(FIGURES.omAdminRatio.label), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply what-if" }));
    const expected = expect.objectContaining({ overrides: { omAdminRatio: 5 }, variants: expect.objectContaining({ napoDomesticViolence: true }) });
    await waitFor(() => expect(store.save).toHaveBeenCalledWith(expected));
    await waitFor(() => expect(settings.set).toHaveBeenLastCalledWith(expected));
    await waitFor(() => expect(adapter.recalculate).toHaveBeenCalled());
    // The outcome shows in the What-if tab's footer, beside Apply.
    expect(within(screen.getByRole("region", { name: "Apply the what-if" })).getByText("Settings saved")).toBeTruthy();
  });

  it("an out-of-range figure is refused in its own words (a percentage, no figure key) and cannot be applied", () => {
    setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.click(screen.getByRole("button", { name: /^Court reports/ }));
    fireEvent.change(screen.getByLabelText(FIGURES.reportOralShare.label), { target: { value: "150" } });
    expect(screen.getByText("Expected a number from 0% to 100%")).toBeTruthy();
    expect(screen.queryByText(/reportOralShare/)).toBeNull();
    expect(screen.getByRole("button", { name: "Apply what-if" }).getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText("Fix 1 field first")).toBeTruthy();
  });

  it("a VLO weight change is applied as the division's table", async () => {
    const { settings } = setup();
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.click(screen.getByRole("button", { name: /^VLO weights/ }));
    fireEvent.change(screen.getByLabelText("Activity: home visit"), { target: { value: "4" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply what-if" }));
    await waitFor(() => expect(settings.set).toHaveBeenCalled());
    expect(settings.set).toHaveBeenLastCalledWith(expect.objectContaining({ vloWeights: expect.objectContaining({ activities: expect.objectContaining({ "home visit": 4 }) }) }));
    expect(await screen.findByText("Settings saved")).toBeTruthy();
  });

  it("maps an unrecognised header to a field, saves it as columnMaps, reads the workbook again with it and validates", async () => {
    const { settings, validate, store, adapter } = await validated();
    fireEvent.click(screen.getByRole("tab", { name: /Columns/ }));
    expect(screen.getByText(/Columns it needs but has not got: OM\./)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Column "Mystery"'), { target: { value: "om" } });
    fireEvent.click(screen.getByRole("button", { name: "Save column mapping" }));
    const maps = { Caseload: { Mystery: "om" } };
    await waitFor(() => expect(settings.set).toHaveBeenLastCalledWith(expect.objectContaining({ columnMaps: maps })));
    await waitFor(() => expect(store.save).toHaveBeenCalledWith(expect.objectContaining({ columnMaps: maps })));
    await waitFor(() => expect(validate).toHaveBeenLastCalledWith(BOOK, expect.objectContaining({ columnMaps: maps }), expect.any(Function)));
    // The reader reads in full only the columns it recognises: a new mapping reads the workbook again.
    expect(adapter.readWorkbook).toHaveBeenLastCalledWith(expect.any(Function), maps);
    expect(await screen.findByText("Settings saved")).toBeTruthy();
  });
});


describe("an Excel that lacks what a button needs", () => {
  it("greys the button out and says why beside it: Validate on the Check tab, Insert on the Template tab", () => {
    setup({ isSetSupported: () => false });
    const validate = screen.getByRole("button", { name: "Validate" }) as HTMLButtonElement;
    expect(validate.disabled).toBe(true);
    const why = document.getElementById(validate.getAttribute("aria-describedby")!)!;
    expect(why.textContent).toMatch(/^Validating the workbook needs .*, so Validate is turned off\.$/);
    fireEvent.click(screen.getByRole("tab", { name: "Template" }));
    const insert = screen.getByRole("button", { name: "Insert template sheets" }) as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
    expect(screen.getByText(/^Adding the template sheets needs .*, so Template is turned off\.$/).id).toBe(insert.getAttribute("aria-describedby"));
  });
});
