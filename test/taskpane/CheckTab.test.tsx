/** @jest-environment jsdom */
/**
 * The Check tab with a fake Excel adapter and a fake engine: before any validation it says what
 * Validate reads and changes, and why the other buttons are off; after, the summary by rule family
 * (status words, counts in words, rules on opening, why not checked), the percent-format warning once,
 * and the findings by severity then sheet, each selecting its cell, filtered in words.
 */
import { describe, expect, it, jest } from "@jest/globals";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ValidationReport } from "../../src/model/validate/types";
import { DEFAULT_SETTINGS } from "../../src/runtime/settings";
import { BOOK, describedBy, fakeAdapter, familyButton, REPORT, setup, validated, watchPane } from "./pane-fixture";

watchPane();

describe("Validate", () => {
  it("reads the workbook, validates it with the saved settings, and says what it found with the right grammar", async () => {
    const { adapter, validate } = await validated();
    expect(adapter.readWorkbook).toHaveBeenCalledTimes(1);
    expect(validate).toHaveBeenCalledWith(BOOK, { overrides: {}, variants: DEFAULT_SETTINGS.variants }, expect.any(Function));
    expect(screen.getByText("4 findings: 1 error, 2 warnings, 1 note.")).toBeTruthy();
    const text = document.body.textContent!;
    expect(text).not.toMatch(/\b1 (errors|warnings|findings|notes)\b/);
    expect(text).not.toMatch(/\b0 (errors?|warnings?|notes?)\b/);
  });

  it("before any validation, says what Validate reads and that it changes nothing", () => {
    setup();
    expect(screen.getByText(/^Validate reads the sheets of this workbook: Caseload, Staff, Teams, .* and Unpaid work\.$/)).toBeTruthy();
    expect(screen.getByText(/^It changes nothing\./)).toBeTruthy();
    expect(screen.queryByText("Summary")).toBeNull();
  });

  it("greyed-out buttons say why beside them: validate first", () => {
    setup();
    for (const name of ["Write report sheet", "Highlight cells"]) {
      const button = screen.getByRole("button", { name }) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      expect(describedBy(button)).toMatch(/^Validate first/);
    }
    expect(screen.getByText(/^Validate first/)).toBeTruthy();
    // Nothing is highlighted: no Clear button to grey out.
    expect(screen.queryByRole("button", { name: "Clear highlights" })).toBeNull();
  });

  it("after validating, the buttons are on and no reason is left", async () => {
    await validated();
    expect((screen.getByRole("button", { name: "Write report sheet" }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByRole("button", { name: "Highlight cells" }).getAttribute("aria-describedby")).toBeNull();
    expect(screen.queryByText(/^Validate first/)).toBeNull();
    expect(screen.queryByText(/^Validate reads/)).toBeNull();
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

describe("the summary", () => {
  it("has one line per rule family, in order, each with a status word and its counts in words", async () => {
    await validated();
    const lines = [...document.querySelectorAll("[data-family]")].map((li) => li.getAttribute("data-family"));
    expect(lines).toEqual(["Caseload", "Court reports", "Staffing ratios", "PAROM countersignature"]);
    expect(familyButton("Caseload").textContent).toBe("▶CaseloadFail1 error, 1 warning · 3 of 4 checks run");
    expect(familyButton("Staffing ratios").textContent).toContain("Fail");
    expect(familyButton("Staffing ratios").textContent).toContain("1 warning");
    expect(familyButton("Staffing ratios").textContent).not.toContain("checks run");
  });

  it("a status word is a badge that never wraps", async () => {
    await validated();
    const badge = familyButton("Caseload").querySelector("[data-status]") as HTMLElement;
    expect(badge.textContent).toBe("Fail");
    expect(getComputedStyle(badge).whiteSpace).toBe("nowrap");
  });

  it("a family expands to its rules: label, figure against target, status word", async () => {
    await validated();
    const staffing = familyButton("Staffing ratios");
    expect(staffing.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText("Admin staffing in OM teams (1:4)")).toBeNull();
    fireEvent.click(staffing);
    expect(staffing.getAttribute("aria-expanded")).toBe("true");
    const rules = screen.getByRole("list", { name: "Staffing ratios checks" });
    expect(within(rules).getByText("Admin staffing in OM teams (1:4)")).toBeTruthy();
    expect(within(rules).getByText("1 of 2 teams below 1:4, target 1:4")).toBeTruthy();
    expect(within(rules).getByText("Fail")).toBeTruthy();
    fireEvent.click(staffing);
    expect(screen.queryByRole("list", { name: "Staffing ratios checks" })).toBeNull();
  });

  it("a family not checked says so, muted, with why; a rule not checked shows its why", async () => {
    await validated();
    const reports = familyButton("Court reports");
    expect(within(reports).getByText("Not checked").getAttribute("data-status")).toBe("not checked");
    expect(within(reports).getByText("The workbook has no Court reports sheet.")).toBeTruthy();
    fireEvent.click(familyButton("Caseload"));
    const rules = screen.getByRole("list", { name: "Caseload checks" });
    expect(within(rules).getAllByRole("listitem")).toHaveLength(4);
    expect(within(rules).getByText("The Caseload sheet has no Tier column.")).toBeTruthy();
    // Its badge is neither a pass nor a fail.
    const notChecked = within(rules).getByText("Not checked");
    expect(notChecked.className).not.toBe(within(rules).getByText("Fail").className);
  });

  it("information is never shown as a pass", async () => {
    await validated();
    expect(within(familyButton("PAROM countersignature")).getByText("For information")).toBeTruthy();
    fireEvent.click(familyButton("Caseload"));
    fireEvent.click(familyButton("PAROM countersignature"));
    const info = [...document.querySelectorAll('[data-status="information"]')];
    expect(info.length).toBe(3);
    for (const b of info) expect(b.textContent).toBe("For information");
    expect(screen.queryAllByText("Pass")).toEqual([]);
  });

  it("the percent-format warning is one line with Details, above the summary, its full text in one place only", async () => {
    await validated();
    const title = screen.getByText("Percent-formatted scores");
    expect(title.compareDocumentPosition(screen.getByText("Summary")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const details = screen.getByRole("button", { name: "Details" });
    expect(details.getAttribute("aria-expanded")).toBe("false");
    const full = /TIER formulas over it need scores_as_fractions/;
    expect(screen.queryAllByText(full)).toEqual([]);
    // The findings list keeps the finding, briefly, pointing at the warning.
    const warnings = screen.getByRole("group", { name: "Warnings on Caseload" });
    expect(within(warnings).getByText(/^Column "RSR" \(G2\) is percent-formatted: see “Details” in the warning at the top\.$/)).toBeTruthy();
    fireEvent.click(details);
    expect(screen.getByRole("button", { name: "Hide details" }).getAttribute("aria-expanded")).toBe("true");
    expect(screen.getAllByText(full)).toHaveLength(1);
    expect(screen.getAllByText("Percent-formatted scores")).toHaveLength(1);
  });

  it("shows the cases by tier and grade as text in the Caseload family", async () => {
    await validated();
    expect(screen.queryByText(/Cases by tier and OM grade/)).toBeNull();
    fireEvent.click(familyButton("Caseload"));
    expect(screen.getByText(/Cases by tier and OM grade \(2 cases\)/)).toBeTruthy();
    expect(screen.getByText("A: 1 PO, 0 PSO")).toBeTruthy();
    expect(screen.getByText("D1: 0 PO, 1 PSO")).toBeTruthy();
  });
});

describe("findings", () => {
  it("are grouped by severity (Errors, Warnings, Information), then by sheet", async () => {
    await validated();
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings.filter((h) => /^(Errors|Warnings|Information)/.test(h!))).toEqual(["Errors (1)", "Warnings (2)", "Information (1)"]);
    const warnings = screen.getByRole("region", { name: "Warnings (2)" });
    expect(within(warnings).getAllByRole("group").map((g) => g.getAttribute("aria-label"))).toEqual(["Warnings on Caseload", "Warnings on Staff"]);
    expect(within(warnings).getByRole("heading", { level: 4, name: "Staff" })).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Errors on Caseload" })).getByText("High RoSH case held by a PSO")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Information on Whole workbook" })).getByText(/no Clusters sheet/)).toBeTruthy();
  });

  it("names each finding's source once, after its sentence, without the citation in brackets", async () => {
    await validated();
    const caseload = screen.getByRole("group", { name: "Errors on Caseload" });
    expect(within(caseload).getByText("Source: NPS Operating Model v1.0, ch.1, ch.3")).toBeTruthy();
    const staff = screen.getByRole("group", { name: "Warnings on Staff" });
    expect(staff.textContent!.split("Employer's reply on the E3 Phase 2 Blueprint, ch.4")).toHaveLength(2);
    expect(within(staff).getByText("Team North below 1:4.")).toBeTruthy();
  });

  it("clicking a finding's cell link selects its sheet and cell", async () => {
    const { adapter } = await validated();
    const link = screen.getByRole("button", { name: /Go to Caseload!F12/ });
    expect(link.textContent).toBe("F12");
    fireEvent.click(link);
    await waitFor(() => expect(adapter.select).toHaveBeenCalledWith({ sheet: "Caseload", cell: "F12" }));
  });

  it("a failed select says so", async () => {
    const { adapter } = await validated();
    adapter.select.mockRejectedValue(Object.assign(new Error("x"), { code: "ItemNotFound" }));
    fireEvent.click(screen.getByRole("button", { name: /Go to Staff!C4/ }));
    expect(await screen.findByText(/Could not select Staff!C4/)).toBeTruthy();
  });

  it("filters are in words: severities by name, rules by title, never by id", async () => {
    await validated();
    const options = (label: string) => [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options("Severity")).toEqual(["All (4)", "Errors (1)", "Warnings (2)", "Information (1)"]);
    expect(options("Rule")).toEqual([
      "All rules",
      "Admin staffing in OM teams (1:4) (1)",
      "High and Very High RoSH cases are held by POs (1)",
      "Score columns hold percentage points, not fractions (1)",
      "Sheets the workbook lacks (1)",
    ]);
    for (const text of [...options("Severity"), ...options("Rule")]) expect(text).not.toMatch(/\w\.\w/);
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

  it("no rule id is shown anywhere on the Check tab", async () => {
    await validated();
    for (const f of [/^Caseload/, /^Court reports/, /^Staffing ratios/, /^PAROM/]) fireEvent.click(screen.getByRole("button", { name: f }));
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    const visible = document.body.textContent!;
    for (const id of [...REPORT.findings.map((f) => f.rule), ...REPORT.summaries.map((s) => s.rule)]) expect(visible).not.toContain(id);
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
    // The reason is said beside the button, and is its description.
    expect(screen.getByText(/needs Excel 2019.*\(ExcelApi 1\.7\)/)).toBeTruthy();
    expect(describedBy(screen.getByRole("button", { name: "Write report sheet" }))).toMatch(/needs Excel 2019.*\(ExcelApi 1\.7\)/);
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
