/** @jest-environment jsdom */
/**
 * The capacity picture on the Check tab (HMPPS Workload Management Tool): after the summary, only when
 * the report has a workload picture; a section per team, closed until opened, its header the spread in
 * words with how many OMs are over the threshold; opened, each OM's numbers in words beside a bar drawn
 * up to 150%, over the threshold said in words as well as in colour. Then the real engine on a small
 * workbook with contracted hours, and a threshold changed on the What-if tab reaching the picture and
 * the custom functions.
 */
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { validateWorkbookAsync } from "../../src/model/validate";
import type { TeamCapacity, ValidationReport, WorkbookData, WorkloadPicture } from "../../src/model/validate/types";
import { FIGURES, pointsKey } from "../../src/model/config";
import { configInForce } from "../../src/functions/runner";
import { DEFAULT_SETTINGS, getSettings, setSettings } from "../../src/runtime/settings";
import { capacityText, pointsText, teamSpread } from "../../src/taskpane/check/Capacity";
import { fakeAdapter, REPORT, setup, watchPane } from "./pane-fixture";

watchPane();

const om = (name: string, grade: "PO" | "PSO" | undefined, points: number, available: number) => ({ name, ...(grade ? { grade } : {}), points, available, capacity: points / available });

function team(name: string, oms: ReturnType<typeof om>[]): TeamCapacity {
  const sorted = [...oms].sort((a, b) => b.capacity - a.capacity);
  const caps = sorted.map((o) => o.capacity).sort((a, b) => a - b);
  const n = caps.length;
  const median = n % 2 ? caps[(n - 1) / 2]! : (caps[n / 2 - 1]! + caps[n / 2]!) / 2;
  return { team: name, oms: sorted, lowest: caps[0]!, median, highest: caps[n - 1]! };
}

const NORTH = team("North", [
  om("Ann Lee", "PO", 2633, 2176),
  om("Bob Ray", "PSO", 2310, 2070),
  om("Cat Fox", "PSO", 1915, 2176),
  om("Dee Roe", "PO", 1850, 2176),
  om("Eve Poe", "PSO", 1479, 1632),
  om("Fay Kay", "PO", 979, 2176),
]);
const SOUTH = team("South", [om("Gus Wu", "PO", 2067, 2176)]);
/** One OM far over: the bar is drawn to 150% and the number still written. */
const EAST = team("East", [om("Hal Oyelaran-Montgomery-Fitzwilliam", undefined, 4352, 2176), om("Ida Bell", "PSO", 1088, 2176)]);
const PICTURE: WorkloadPicture = { threshold: 1, asOf: "30/06/2024", teams: [EAST, NORTH, SOUTH], measured: 9, over: 3 };
const WITH_WORKLOAD: ValidationReport = { ...REPORT, workload: PICTURE };

async function validatedWith(report: ValidationReport) {
  const t = setup({ validate: jest.fn(async () => report) });
  fireEvent.click(screen.getByRole("button", { name: "Validate" }));
  await screen.findByText("Summary");
  return t;
}

const teamButton = (name: string) => screen.getByRole("button", { name: new RegExp(`^${name} — `) });
const omLines = (name: string) => within(screen.getByRole("list", { name: `OMs in ${name}` })).getAllByRole("listitem");

describe("numbers as the model writes them", () => {
  it("percentages with one decimal at most, points with thousands separators (en-GB)", () => {
    expect(capacityText(1.21)).toBe("121%");
    expect(capacityText(0.8756)).toBe("87.6%");
    expect(capacityText(0.45)).toBe("45%");
    expect(capacityText(12.3456)).toBe("1,234.6%");
    expect(pointsText(2310)).toBe("2,310");
    expect(pointsText(979)).toBe("979");
    expect(pointsText(12345.6)).toBe("12,346");
  });

  it("a team's spread: lowest to highest and the median; one OM alone", () => {
    expect(teamSpread(NORTH)).toBe("6 OMs: 45% to 121%, median 89.3%");
    expect(teamSpread(SOUTH)).toBe("1 OM: 95%");
  });
});

describe("the capacity picture", () => {
  it("is not shown when the report has no workload picture (no Contracted hours column)", async () => {
    await validatedWith(REPORT);
    expect(screen.queryByRole("heading", { name: "Capacity per team (WMT)" })).toBeNull();
    expect(document.querySelector("[data-team]")).toBeNull();
  });

  it("follows the summary, before the findings, with what capacity is and the threshold from the picture", async () => {
    await validatedWith(WITH_WORKLOAD);
    const heading = screen.getByRole("heading", { level: 2, name: "Capacity per team (WMT)" });
    expect(screen.getByRole("heading", { name: "Summary" }).compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(heading.compareDocumentPosition(screen.getByRole("heading", { name: /^Findings/ })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const region = screen.getByRole("region", { name: "Capacity per team (WMT)" });
    expect(within(region).getByText("Workload points ÷ available points; over 100% is flagged.")).toBeTruthy();
    expect(within(region).getByText("3 of 9 OMs over 100%. Bars are drawn up to 150%; the line across each marks 100%.")).toBeTruthy();
  });

  it("has a line per team, in the picture's order, each closed, saying its spread and how many are over", async () => {
    await validatedWith(WITH_WORKLOAD);
    expect([...document.querySelectorAll("[data-team]")].map((li) => li.getAttribute("data-team"))).toEqual(["East", "North", "South"]);
    const north = teamButton("North");
    expect(north.getAttribute("aria-expanded")).toBe("false");
    expect(north.textContent).toBe("▶North — 6 OMs: 45% to 121%, median 89.3%; 2 over 100%");
    expect(within(north).getByText("2 over 100%").getAttribute("data-over")).toBe("2");
    // No OM over: no badge at all.
    const south = teamButton("South");
    expect(south.textContent).toBe("▶South — 1 OM: 95%");
    expect(south.querySelector("[data-over]")).toBeNull();
    expect(screen.queryByRole("list", { name: "OMs in North" })).toBeNull();
  });

  it("a team opens to a line per OM, highest first: name and grade, the numbers in words, over the threshold in words", async () => {
    await validatedWith(WITH_WORKLOAD);
    fireEvent.click(teamButton("North"));
    expect(teamButton("North").getAttribute("aria-expanded")).toBe("true");
    expect(omLines("North").map((li) => li.textContent)).toEqual([
      "Ann Lee (PO)121% · 2,633 of 2,176 points · over 100%",
      "Bob Ray (PSO)111.6% · 2,310 of 2,070 points · over 100%",
      "Eve Poe (PSO)90.6% · 1,479 of 1,632 points",
      "Cat Fox (PSO)88% · 1,915 of 2,176 points",
      "Dee Roe (PO)85% · 1,850 of 2,176 points",
      "Fay Kay (PO)45% · 979 of 2,176 points",
    ]);
    fireEvent.click(teamButton("North"));
    expect(screen.queryByRole("list", { name: "OMs in North" })).toBeNull();
  });

  it("bars: as long as the capacity up to 150%, the threshold marked, over it another colour; decorative, the numbers written", async () => {
    await validatedWith(WITH_WORKLOAD);
    fireEvent.click(teamButton("East"));
    const [far, under] = omLines("East");
    // 200% is drawn as far as the bar goes (150%), its number still written.
    expect(far!.textContent).toContain("200% · 4,352 of 2,176 points · over 100%");
    const bar = (li: HTMLElement) => li.querySelector<HTMLElement>("[aria-hidden='true'] > div:first-child")!;
    const mark = (li: HTMLElement) => li.querySelector<HTMLElement>("[aria-hidden='true'] > div:last-child")!;
    expect(bar(far!).style.width).toBe("100%");
    expect(bar(under!).style.width).toBe(`${(0.5 / 1.5) * 100}%`);
    expect(mark(far!).style.left).toBe(`${(1 / 1.5) * 100}%`);
    expect(bar(far!).className).not.toBe(bar(under!).className);
    expect(under!.textContent).not.toContain("over");
  });

  it("a long name is cut short with an ellipsis on one line, the whole of it in its title; the grade always shows", async () => {
    await validatedWith(WITH_WORKLOAD);
    fireEvent.click(teamButton("East"));
    const name = screen.getByTitle("Hal Oyelaran-Montgomery-Fitzwilliam").firstElementChild!;
    expect(name.textContent).toBe("Hal Oyelaran-Montgomery-Fitzwilliam");
    expect(getComputedStyle(name).textOverflow).toBe("ellipsis");
    expect(getComputedStyle(name).whiteSpace).toBe("nowrap");
    expect(getComputedStyle(name).overflow).toBe("hidden");
    const ida = screen.getByTitle("Ida Bell (PSO)");
    expect(ida.textContent).toBe("Ida Bell (PSO)");
    expect(getComputedStyle(ida.lastElementChild!).flexShrink).toBe("0");
  });

  it("a badge that never wraps", async () => {
    await validatedWith(WITH_WORKLOAD);
    expect(getComputedStyle(within(teamButton("North")).getByText("2 over 100%")).whiteSpace).toBe("nowrap");
  });

  it("uses the picture's threshold: 110% flags only those over 110%", async () => {
    const teams = [NORTH, SOUTH];
    await validatedWith({ ...REPORT, workload: { threshold: 1.1, teams, measured: 7, over: 2 } });
    expect(screen.getByText("Workload points ÷ available points; over 110% is flagged.")).toBeTruthy();
    expect(teamButton("North").textContent).toBe("▶North — 6 OMs: 45% to 121%, median 89.3%; 2 over 110%");
    fireEvent.click(teamButton("North"));
    const lines = omLines("North").map((li) => li.textContent);
    expect(lines[1]).toBe("Bob Ray (PSO)111.6% · 2,310 of 2,070 points · over 110%");
    expect(lines.filter((l) => l!.includes("over"))).toHaveLength(2);
  });

  it("no OM measured: says so instead of an empty list", async () => {
    await validatedWith({ ...REPORT, workload: { threshold: 1, teams: [], measured: 0, over: 0 } });
    expect(screen.getByText("No OM has contracted hours and available points on the Staff sheet, so no capacity is measured.")).toBeTruthy();
    expect(document.querySelector("[data-team]")).toBeNull();
  });

  it("validating again without contracted hours takes the picture away", async () => {
    const validate = jest.fn<(...a: unknown[]) => Promise<ValidationReport>>().mockResolvedValueOnce(WITH_WORKLOAD).mockResolvedValueOnce(REPORT);
    setup({ validate });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByRole("heading", { name: "Capacity per team (WMT)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Capacity per team (WMT)" })).toBeNull());
  });
});

/** A small division with contracted hours: 16 community cases at tier A (150 points each) are 2,400 points. */
const HOURS_BOOK: WorkbookData = {
  sheets: [
    {
      name: "Caseload",
      originRow: 1,
      originCol: 0,
      rows: [
        ["Case ID", "OM", "OM grade", "Team", "Tier", "Sentence type"],
        ...Array.from({ length: 16 }, (_, i) => [`A${i + 1}`, "Ann Lee", "PO", "North", "A", "Community"]),
        ...Array.from({ length: 10 }, (_, i) => [`B${i + 1}`, "Bob Ray", "PSO", "North", "C1", "Community"]),
        ...Array.from({ length: 20 }, (_, i) => [`C${i + 1}`, "Cat Fox", "PSO", "South", "D1", "Licence"]),
      ],
    },
    {
      name: "Staff",
      originRow: 1,
      originCol: 0,
      rows: [
        ["Name", "Role", "FTE", "Team", "Contracted hours"],
        ["Ann Lee", "PO", 1, "North", 37],
        ["Bob Ray", "PSO", 0.5, "North", 18.5],
        ["Cat Fox", "PSO", 1, "South", 37],
      ],
    },
  ],
};

describe("with the engine, and the threshold from the What-if tab", () => {
  afterEach(() => setSettings(DEFAULT_SETTINGS));

  function setupEngine() {
    const adapter = fakeAdapter();
    adapter.readWorkbook.mockResolvedValue(HOURS_BOOK);
    // The pane's own wiring (src/taskpane/index.tsx): the settings the custom functions read.
    return setup({ adapter, validate: (book, options) => validateWorkbookAsync(book, options), settings: { get: getSettings, set: setSettings } });
  }

  it("draws the engine's numbers: 2,400 community points of 2,176 available is 110.3%", async () => {
    setupEngine();
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByRole("heading", { name: "Capacity per team (WMT)" });
    expect(teamButton("North").textContent).toBe("▶North — 2 OMs: 52.4% to 110.3%, median 81.3%; 1 over 100%");
    expect(teamButton("South").textContent).toBe("▶South — 1 OM: 27.6%");
    fireEvent.click(teamButton("North"));
    expect(omLines("North").map((li) => li.textContent)).toEqual(["Ann Lee (PO)110.3% · 2,400 of 2,176 points · over 100%", "Bob Ray (PSO)52.4% · 570 of 1,088 points"]);
  });

  it("a threshold of 120% and a tier A point figure typed on the What-if tab reach the custom functions, and the picture checked again", async () => {
    setupEngine();
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await screen.findByRole("heading", { name: "Capacity per team (WMT)" });
    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    fireEvent.click(screen.getByRole("button", { name: /^Workload: capacity/ }));
    fireEvent.change(screen.getByLabelText(FIGURES.capacityThreshold.label), { target: { value: "120" } });
    fireEvent.click(screen.getByRole("button", { name: /^Workload points: community cases/ }));
    fireEvent.change(screen.getByLabelText(FIGURES[pointsKey("community", "A")].label), { target: { value: "160" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply what-if" }));
    await screen.findByText("Settings saved");
    expect(getSettings().overrides).toEqual({ capacityThreshold: 1.2, pointsCommunityA: 160 });
    // The figures the custom functions work with (BEST_OM's threshold, WORKLOAD_POINTS' table).
    expect(configInForce()).toMatchObject({ capacityThreshold: 1.2, pointsCommunityA: 160 });
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    // 16 × 160 = 2,560 points: 117.6%, under the new 120%.
    await screen.findByText("Workload points ÷ available points; over 120% is flagged.");
    expect(teamButton("North").textContent).toBe("▶North — 2 OMs: 52.4% to 117.6%, median 85%");
  });
});
