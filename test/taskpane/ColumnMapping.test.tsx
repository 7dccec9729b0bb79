/** @jest-environment jsdom */
/**
 * The Columns tab: before any validation it says to validate first; after, a sheet not recognised can
 * be mapped (which table it holds, then its columns), as the findings ask; with every sheet
 * recognised it says there is nothing to map, and names the sheets the workbook lacks.
 */
import { describe, expect, it, jest } from "@jest/globals";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ValidationReport } from "../../src/model/validate/types";
import { REPORT, setup, watchPane } from "./pane-fixture";

watchPane();

describe("the Columns tab", () => {
  const lists: ValidationReport = {
    ...REPORT,
    findings: [{ rule: "layout.unrecognisedSheet", severity: "info", sheet: "Lists", message: 'Sheet "Lists" is not one of the documented sheets and was not checked; map its columns if it should be.', source: "Add-in workbook layout" }],
    layout: {
      sheets: [
        { sheet: "Caseload", kind: "caseload", headerIndex: 0, columns: { caseId: 0, om: 1, omGrade: 2, team: 3, rosh: 4 }, unrecognised: [], missing: [] },
        { sheet: "Lists", headerIndex: 0, columns: {}, unrecognised: ["Officer", "Level"], missing: [] },
      ],
    },
  };

  it("before any validation, says to validate first", () => {
    setup();
    fireEvent.click(screen.getByRole("tab", { name: /Columns/ }));
    expect(screen.getByText("Validate first; then sheets whose columns were not recognised are listed here.")).toBeTruthy();
  });

  it("a sheet not recognised can be mapped, as the findings say: choose its table, then its columns", async () => {
    const { settings } = setup({ validate: jest.fn(async () => lists) });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByText("Summary");
    fireEvent.click(screen.getByRole("tab", { name: /Columns/ }));
    const section = screen.getByRole("region", { name: "Columns of Lists" });
    expect(within(section).getByText(/Not recognised as one of the sheets the add-in reads/)).toBeTruthy();
    expect(within(section).queryByLabelText('Column "Officer"')).toBeNull();
    fireEvent.change(within(section).getByLabelText("This sheet holds"), { target: { value: "staff" } });
    expect(within(section).getByText(/read as Staff once it has a column for each of: Name, Role and FTE/)).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('Column "Officer"'), { target: { value: "name" } });
    fireEvent.click(screen.getByRole("button", { name: "Save column mapping" }));
    await waitFor(() => expect(settings.set).toHaveBeenLastCalledWith(expect.objectContaining({ columnMaps: { Lists: { Officer: "name" } } })));
    // The sheets the workbook lacks are named, with where to add them.
    expect(screen.getByText(/No sheet was recognised as Staff, Teams, .*Template tab/)).toBeTruthy();
  });

  it("with every sheet recognised, says there is nothing to map and where missing sheets come from", async () => {
    setup({ validate: jest.fn(async () => ({ ...lists, layout: { sheets: [lists.layout.sheets[0]!] } })) });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByText("Summary");
    fireEvent.click(screen.getByRole("tab", { name: /Columns/ }));
    expect(screen.getByText("Every sheet and column was recognised: nothing to map.")).toBeTruthy();
    expect(screen.getByText(/The workbook has no Staff, Teams, .* sheet, .*Add the missing sheets from the Template tab/)).toBeTruthy();
  });
});
