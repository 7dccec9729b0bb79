/** @jest-environment jsdom */
/**
 * The What-if tab: percentages shown and typed as percentages and stored as the model's fractions,
 * errors in each box's own words, sections that open where there is something to see, Apply and the
 * resets in a footer that stays in view with the outcome of the last Apply.
 */
import { describe, expect, it, jest } from "@jest/globals";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WhatIf } from "../../src/taskpane/WhatIf";
import type { Notice } from "../../src/taskpane/Notices";
import { checkForm, formFrom, modelForm } from "../../src/taskpane/whatif/form";
import { FIGURE_SECTIONS } from "../../src/taskpane/whatif/sections";
import { expectation, figureText, readFigure, shiftDecimal, unitOf } from "../../src/taskpane/whatif/units";
import { FIGURE_KEYS, FIGURES, POINTS_TIERS, pointsKey } from "../../src/model/config";
import { DEFAULT_VLO_WEIGHTS } from "../../src/model/vlo";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/runtime/settings";
import { watchPane } from "./pane-fixture";

watchPane();

function setup(settings: AddinSettings = DEFAULT_SETTINGS, notices: readonly Notice[] = []) {
  const onApply = jest.fn<(s: AddinSettings) => void>();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <WhatIf settings={settings} notices={notices} onApply={onApply} />
    </FluentProvider>,
  );
  const rerender = (next: AddinSettings, n: readonly Notice[]) =>
    view.rerender(
      <FluentProvider theme={webLightTheme}>
        <WhatIf settings={next} notices={n} onApply={onApply} />
      </FluentProvider>,
    );
  return { onApply, rerender };
}

const section = (name: RegExp) => screen.getByRole("button", { name });
const openSection = (name: RegExp) => {
  const b = section(name);
  if (b.getAttribute("aria-expanded") !== "true") fireEvent.click(b);
};
const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(box(label), { target: { value } });
const applyButton = () => screen.getByRole("button", { name: "Apply what-if" });
const footer = () => screen.getByRole("region", { name: "Apply the what-if" });
/** The Fluent Field around a box: its label, hint and validation message. */
const fieldOf = (label: string) => box(label).closest(".fui-Field") as HTMLElement;

describe("units: percentages as percentages, stored as the model's fractions", () => {
  it("moves the decimal point on the digits: no floating-point tails either way", () => {
    expect(shiftDecimal(0.35, 2)).toBe(35);
    expect(shiftDecimal(0.07, 2)).toBe(7);
    expect(shiftDecimal(0.1, 2)).toBe(10);
    expect(shiftDecimal(35, -2)).toBe(0.35);
    expect(shiftDecimal(33.3, -2)).toBe(0.333);
    expect(shiftDecimal(1e-7, 2)).toBe(0.00001);
  });

  it("every share shows as whole-looking percentage text and reads back to exactly the model's fraction", () => {
    for (const k of FIGURE_KEYS) {
      const t = figureText(k, FIGURES[k].value);
      expect(t).not.toMatch(/\d{6,}/);
      const r = readFigure(k, t);
      expect(r).toEqual({ ok: true, value: FIGURES[k].value });
    }
    expect(figureText("reportPoShare", 0.35)).toBe("35");
    expect(figureText("reportMixTolerance", 0.05)).toBe("5");
  });

  it("reads '60', '60%' and ' 60 % ' as 0.6, and '5 points' as 0.05", () => {
    for (const t of ["60", "60%", " 60 % ", "60.0"]) expect(readFigure("reportPoShare", t)).toEqual({ ok: true, value: 0.6 });
    for (const t of ["5", "5 points", "5pts", "5%"]) expect(readFigure("reportMixTolerance", t)).toEqual({ ok: true, value: 0.05 });
    expect(readFigure("omAdminRatio", "5")).toEqual({ ok: true, value: 5 });
    expect(readFigure("complexClusterRounding", "nearest")).toEqual({ ok: true, value: "nearest" });
  });

  it("words refusals in the box's own units, never with the figure's key", () => {
    expect(readFigure("reportPoShare", "150")).toEqual({ ok: false, message: "Expected a number from 0% to 100%" });
    expect(readFigure("reportPoShare", "abc")).toEqual({ ok: false, message: "Expected a number from 0% to 100%" });
    expect(readFigure("reportMixTolerance", "101")).toEqual({ ok: false, message: "Expected a number from 0 to 100 points" });
    expect(readFigure("paromGoodRun", "2.5")).toEqual({ ok: false, message: "Expected a whole number from 1 to 50" });
    expect(readFigure("omAdminRatio", "0")).toEqual({ ok: false, message: "Expected a number from 0.1 to 100" });
    for (const k of FIGURE_KEYS) expect(expectation(k)).not.toContain(k);
  });

  it("the points figure is the report mix tolerance; the other shares are percentages", () => {
    expect(unitOf("reportMixTolerance")).toBe("points");
    expect(unitOf("reportOralShare")).toBe("percent");
    expect(unitOf("omAdminRatio")).toBe("number");
    expect(unitOf("complexClusterRounding")).toBe("choice");
  });
});

describe("the form's rules", () => {
  it("puts every figure in exactly one section", () => {
    const keys = FIGURE_SECTIONS.flatMap((s) => s.keys);
    expect([...keys].sort()).toEqual([...FIGURE_KEYS].sort());
  });

  it("the workload figures have their own sections, the points table a section per case type, tiers from the heaviest: none is left to Other figures", () => {
    const byTitle = new Map(FIGURE_SECTIONS.map((sec) => [sec.title, sec.keys]));
    expect(byTitle.get("Workload: capacity")).toEqual(["wmtNominalTarget", "wmtDefaultHours", "capacityThreshold"]);
    expect(byTitle.get("Workload points: community cases")).toEqual(["pointsCommunityA", "pointsCommunityB1", "pointsCommunityB2", "pointsCommunityC1", "pointsCommunityC2", "pointsCommunityD1", "pointsCommunityD2"]);
    expect(byTitle.get("Workload points: licence cases")).toEqual(POINTS_TIERS.map((t) => pointsKey("licence", t)));
    expect(byTitle.get("Workload points: custody cases")).toEqual(POINTS_TIERS.map((t) => pointsKey("custody", t)));
    expect(byTitle.get("Workload points: reports")).toEqual(["pointsSdr", "pointsFdr", "pointsParom"]);
    expect(byTitle.has("Other figures")).toBe(false);
  });

  it("the model's form is the model: nothing to apply over the defaults, nothing differs from the model", () => {
    const c = checkForm(modelForm(), DEFAULT_SETTINGS);
    expect(c).toMatchObject({ errors: 0, dirty: false, differsFromModel: false, pendingCount: 0 });
    expect(c.next).toEqual(DEFAULT_SETTINGS);
  });

  it("a VLO table in force with the default weights is kept as it is; back to the model drops it", () => {
    const mine: AddinSettings = { ...DEFAULT_SETTINGS, vloWeights: { ...DEFAULT_VLO_WEIGHTS, source: "Division table" } };
    expect(checkForm(formFrom(mine), mine)).toMatchObject({ dirty: false, next: mine });
    const changed = { ...mine, vloWeights: { ...DEFAULT_VLO_WEIGHTS, activities: { ...DEFAULT_VLO_WEIGHTS.activities, letter: 2 } } };
    const back = checkForm(modelForm(), changed);
    expect(back.dirty).toBe(true);
    expect(back.next).toEqual(DEFAULT_SETTINGS);
  });
});

describe("the What-if tab", () => {
  it("opens with every section collapsed, each a heading with a button that says whether it is expanded", () => {
    setup();
    const headers = screen.getAllByRole("heading", { level: 2 });
    expect(headers.map((h) => h.textContent)).toEqual([
      "Policy variants (Napo)",
      "Court reports",
      "Staffing ratios",
      "LDU clusters",
      "Youth offending services",
      "Approved Premises",
      "PAROMs",
      "Unpaid work",
      "Workload: capacity",
      "Workload points: community cases",
      "Workload points: licence cases",
      "Workload points: custody cases",
      "Workload points: reports",
      "VLO weights",
    ]);
    for (const h of headers) expect(within(h).getByRole("button").getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByLabelText(FIGURES.reportPoShare.label)).toBeNull();
  });

  it("sections open and close on their header", () => {
    setup();
    openSection(/^Court reports/);
    expect(section(/^Court reports/).getAttribute("aria-expanded")).toBe("true");
    expect(box(FIGURES.reportPoShare.label)).toBeTruthy();
    fireEvent.click(section(/^Court reports/));
    expect(section(/^Court reports/).getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByLabelText(FIGURES.reportPoShare.label)).toBeNull();
  });

  it("a share of 0.35 shows as 35 with '%' after the box; the tolerance in points", () => {
    setup({ ...DEFAULT_SETTINGS, overrides: { reportMixTolerance: 0.07 } });
    openSection(/^Court reports/);
    expect(box(FIGURES.reportPoShare.label).value).toBe("35");
    expect(within(fieldOf(FIGURES.reportPoShare.label)).getByText("%")).toBeTruthy();
    expect(box(FIGURES.reportMixTolerance.label).value).toBe("7");
    expect(within(fieldOf(FIGURES.reportMixTolerance.label)).getByText("points")).toBeTruthy();
  });

  it("the capacity threshold is a percentage: 100 with '%' after the box, 120 typed is applied as 1.2, out of range said in percent", () => {
    const { onApply } = setup();
    openSection(/^Workload: capacity/);
    const label = FIGURES.capacityThreshold.label;
    expect(unitOf("capacityThreshold")).toBe("percent");
    expect(box(label).value).toBe("100");
    expect(within(fieldOf(label)).getByText("%")).toBeTruthy();
    // The nominal target and the hours are plain numbers.
    expect(box(FIGURES.wmtNominalTarget.label).value).toBe("2176");
    expect(within(fieldOf(FIGURES.wmtNominalTarget.label)).queryByText("%")).toBeNull();
    expect(box(FIGURES.wmtDefaultHours.label).value).toBe("37");
    type(label, "600");
    expect(within(fieldOf(label)).getByText("Expected a number from 1% to 500%")).toBeTruthy();
    type(label, "120%");
    expect(fieldOf(label).textContent).toContain("model: 100%");
    expect(section(/^Workload: capacity/).textContent).toContain("1 changed");
    fireEvent.click(applyButton());
    expect(onApply).toHaveBeenLastCalledWith(expect.objectContaining({ overrides: { capacityThreshold: 1.2 } }));
  });

  it("the points table: a box per tier in each case type's section, and the reports; a change is applied as points", () => {
    const { onApply } = setup({ ...DEFAULT_SETTINGS, overrides: { pointsLicenceB2: 95 } });
    // The section holding a saved figure opens by itself, the others stay closed.
    expect(section(/^Workload points: licence cases/).getAttribute("aria-expanded")).toBe("true");
    expect(section(/^Workload points: community cases/).getAttribute("aria-expanded")).toBe("false");
    expect(box(FIGURES.pointsLicenceB2.label).value).toBe("95");
    expect(fieldOf(FIGURES.pointsLicenceB2.label).textContent).toContain("model: 90");
    openSection(/^Workload points: custody cases/);
    for (const t of POINTS_TIERS) expect(box(FIGURES[pointsKey("custody", t)].label).value).toBe(String(FIGURES[pointsKey("custody", t)].value));
    openSection(/^Workload points: reports/);
    expect(box(FIGURES.pointsSdr.label).value).toBe("132");
    type(FIGURES.pointsSdr.label, "140");
    fireEvent.click(applyButton());
    expect(onApply).toHaveBeenLastCalledWith(expect.objectContaining({ overrides: { pointsLicenceB2: 95, pointsSdr: 140 } }));
  });

  it("typing '60%' or '60' stores 0.6; 35 typed back is exactly the model's 0.35, so no override", () => {
    const { onApply } = setup();
    openSection(/^Court reports/);
    type(FIGURES.reportPoShare.label, "60%");
    // Leaving the box shows the figure as the box holds it: "%" is already after the box.
    fireEvent.blur(box(FIGURES.reportPoShare.label));
    expect(box(FIGURES.reportPoShare.label).value).toBe("60");
    type(FIGURES.reportPsoShare.label, "40");
    type(FIGURES.reportOralShare.label, "60");
    fireEvent.click(applyButton());
    expect(onApply).toHaveBeenLastCalledWith(expect.objectContaining({ overrides: { reportPoShare: 0.6, reportPsoShare: 0.4 } }));
    type(FIGURES.reportPoShare.label, "35");
    type(FIGURES.reportPsoShare.label, "65%");
    type(FIGURES.reportMixTolerance.label, "10 points");
    fireEvent.click(applyButton());
    expect(onApply).toHaveBeenLastCalledWith(expect.objectContaining({ overrides: { reportMixTolerance: 0.1 } }));
  });

  it("a changed figure shows the model's figure under its box, and its section counts it", () => {
    setup({ ...DEFAULT_SETTINGS, overrides: { reportOralShare: 0.5, omAdminRatio: 5 } });
    // Sections holding a change open by themselves.
    expect(section(/^Court reports/).getAttribute("aria-expanded")).toBe("true");
    expect(section(/^Staffing ratios/).getAttribute("aria-expanded")).toBe("true");
    expect(section(/^Unpaid work/).getAttribute("aria-expanded")).toBe("false");
    expect(section(/^Court reports/).textContent).toContain("1 changed");
    const field = fieldOf(FIGURES.reportOralShare.label);
    expect(field.textContent).toContain("NPS Operating Model v1.0, ch.2");
    expect(field.textContent).toContain("model: 60%");
    expect(fieldOf(FIGURES.reportPoShare.label).textContent).not.toContain("model:");
    expect(fieldOf(FIGURES.omAdminRatio.label).textContent).toContain("model: 4");
  });

  it("an out-of-range share: the error is in that box's field, in its units, without the figure's key; Apply says why it is off", () => {
    const { onApply } = setup();
    openSection(/^Court reports/);
    type(FIGURES.reportOralShare.label, "150");
    const field = fieldOf(FIGURES.reportOralShare.label);
    expect(within(field).getByText("Expected a number from 0% to 100%")).toBeTruthy();
    expect(box(FIGURES.reportOralShare.label).getAttribute("aria-invalid")).toBe("true");
    expect(document.body.textContent).not.toContain("reportOralShare");
    expect(section(/^Court reports/).textContent).toContain("1 error");
    expect(applyButton().getAttribute("aria-disabled")).toBe("true");
    expect(within(footer()).getByText("Fix 1 field first")).toBeTruthy();
    fireEvent.click(applyButton());
    expect(onApply).not.toHaveBeenCalled();
    type(FIGURES.reportPoShare.label, "x");
    expect(within(footer()).getByText("Fix 2 fields first")).toBeTruthy();
  });

  it("a closed section with an error says so, and 'Show them' opens it at the first error", () => {
    setup();
    openSection(/^Unpaid work/);
    type(FIGURES.upwCompleteMonths.label, "12.5");
    expect(within(fieldOf(FIGURES.upwCompleteMonths.label)).getByText("Expected a whole number from 1 to 120")).toBeTruthy();
    fireEvent.click(section(/^Unpaid work/));
    expect(section(/^Unpaid work/).getAttribute("aria-expanded")).toBe("false");
    expect(section(/^Unpaid work/).textContent).toContain("1 error");
    fireEvent.click(within(footer()).getByRole("button", { name: "Show them" }));
    expect(section(/^Unpaid work/).getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(box(FIGURES.upwCompleteMonths.label));
  });

  it("a blank VLO weight is an error in its own box", () => {
    setup();
    openSection(/^VLO weights/);
    type("Activity: letter", "");
    expect(within(fieldOf("Activity: letter")).getByText("Expected a number of 0 or more")).toBeTruthy();
    expect(section(/^VLO weights/).textContent).toContain("1 error");
    expect(applyButton().getAttribute("aria-disabled")).toBe("true");
  });

  it("Apply is off with a reason when nothing differs from the settings in force", () => {
    const { onApply } = setup();
    expect(applyButton().getAttribute("aria-disabled")).toBe("true");
    expect(within(footer()).getByText(/Nothing to apply/)).toBeTruthy();
    fireEvent.click(applyButton());
    expect(onApply).not.toHaveBeenCalled();
  });

  it("Apply sends a variant, the figures that differ from the model and the VLO table only when changed", () => {
    const { onApply } = setup({ ...DEFAULT_SETTINGS, overrides: { omAdminRatio: 5 } });
    openSection(/^Policy variants/);
    fireEvent.click(screen.getByRole("switch", { name: /Domestic violence counts/ }));
    expect(within(footer()).getByText("1 change not yet applied")).toBeTruthy();
    fireEvent.click(applyButton());
    const sent = onApply.mock.calls[0]![0];
    expect(sent.overrides).toEqual({ omAdminRatio: 5 });
    expect(sent.variants.napoDomesticViolence).toBe(true);
    expect(sent).not.toHaveProperty("vloWeights");
    openSection(/^VLO weights/);
    type("Activity: home visit", "4");
    fireEvent.click(applyButton());
    expect(onApply.mock.calls[1]![0].vloWeights).toMatchObject({ source: "set in the task pane", activities: expect.objectContaining({ "home visit": 4 }) });
  });

  it("Undo my edits goes back to the settings in force; Back to the model's figures to the model, not yet applied", () => {
    const { onApply } = setup({ ...DEFAULT_SETTINGS, overrides: { omAdminRatio: 5, reportPoShare: 0.4 }, variants: { ...DEFAULT_SETTINGS.variants, napoAdjournments: true } });
    expect(screen.getByRole("button", { name: "Undo my edits" }).hasAttribute("disabled")).toBe(true);
    type(FIGURES.omAdminRatio.label, "7");
    fireEvent.click(screen.getByRole("button", { name: "Undo my edits" }));
    expect(box(FIGURES.omAdminRatio.label).value).toBe("5");
    expect(applyButton().getAttribute("aria-disabled")).toBe("true");

    fireEvent.click(screen.getByRole("button", { name: "Back to the model's figures" }));
    expect(box(FIGURES.omAdminRatio.label).value).toBe("4");
    expect(box(FIGURES.reportPoShare.label).value).toBe("35");
    expect(onApply).not.toHaveBeenCalled();
    expect(within(footer()).getByText("3 changes not yet applied")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Back to the model's figures" }).hasAttribute("disabled")).toBe(true);
    fireEvent.click(applyButton());
    expect(onApply).toHaveBeenCalledWith(DEFAULT_SETTINGS);
  });

  it("the outcome of Apply shows in the sticky footer beside Apply, until the next edit", () => {
    const saved: Notice = { intent: "success", title: "Settings saved", text: "Saved in this workbook." };
    const { rerender } = setup();
    rerender(DEFAULT_SETTINGS, [saved]);
    const f = footer();
    expect(within(f).getByText("Settings saved")).toBeTruthy();
    expect(within(f).getByRole("button", { name: "Apply what-if" })).toBeTruthy();
    expect(getComputedStyle(f).position).toBe("sticky");
    expect(getComputedStyle(f).bottom).toBe("0px");
    openSection(/^Staffing ratios/);
    type(FIGURES.spoSpan.label, "12");
    expect(screen.queryByText("Settings saved")).toBeNull();
  });
});
