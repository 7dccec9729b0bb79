/**
 * The built task pane in headless Chromium on Microsoft's own Office.js client (excel-web, from
 * node_modules), answered by the strict test host over HTTP (see office-page.ts): requests are
 * serialised by Microsoft's code and refused over 5 MB as Excel on the web refuses them. The pages
 * run under the add-in's Content-Security-Policy (header and meta), and no step may break it
 * (csp.e2e.test.ts shows the policy is in force and reported).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { eventually } from "../support/eventually";
import { HostBook, HostSheet, type HostValue } from "../support/office-host/book";
import { PAYLOAD_LIMIT } from "../support/office-host/richapi";
import { ALL_SETS, callFunction, CDN, openPane, PANE_WIDTH, ROOT, type OfficePage, goAhead } from "./office-page";

/** Generated files go to an ignored folder, so running the tests leaves the checkout clean. */
const OUT = join(ROOT, "test-results");
const SHOT = join(OUT, "taskpane.png");
const REPORT_SHEET = "NPS validation report";

function sampleBook(): HostBook {
  return new HostBook([
    HostSheet.of(
      "Caseload",
      [
        ["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "Tier"],
        ["X001", "Ann Lee", "PO", "North", "High", 0.069, 0.31, "A"],
        ["X002", "Bob Ray", "PSO", "North", "High", 0.051, 0.22, "B2"],
        ["X003", "Bob Ray", "PSO", "North", "Low", 0.012, 0.15, "D1"],
        ["X004", "Cat Fox", "PSO", "South", "Medium", 0.021, 0.4, "C2"],
        ["X005", "Ann Lee", "PO", "South", "Very High", 0.081, 0.52, "A"],
      ],
      { "F2:G6": "0.00%" },
    ),
    HostSheet.of("Staff", [
      ["Name", "Role", "FTE", "Team", "Line manager"],
      ["Ann Lee", "PO", 1, "North", "Sue Kim"],
      ["Bob Ray", "PSO", 1, "North", "Sue Kim"],
      ["Cat Fox", "PSO", 0.8, "South", "Sue Kim"],
      ["Sue Kim", "SPO", 1, "North", ""],
      ["Dee Roe", "CA", 0.5, "North", "Sue Kim"],
    ]),
    HostSheet.of("Teams", [
      ["Team", "Type"],
      ["North", "OM"],
      ["South", "OM"],
    ]),
    HostSheet.of("Court reports", [
      ["Report ID", "Date", "Report type", "Author grade"],
      ["R1", 45200, "Oral", "PSO"],
      ["R2", 45201, "Oral", "PO"],
      ["R3", 45202, "FDR", "PSO"],
      ["R4", 45203, "Verbal", "PSO"],
      ["R5", 45204, "SDR", "PO"],
      ["R6", 45205, "FDR", "PSO"],
    ]),
  ]);
}

/**
 * axe-core's violations, every rule run. One known false positive is dropped, node by node: Fluent UI's
 * focus manager (Tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy>) around a TabList
 * that pass focus on at once (microsoft/tabster#288; Accessibility Insights suppresses the same, PR #7605).
 */
async function axeViolations(page: Page): Promise<string[]> {
  // From the page's origin: the policy refuses an inline script, which addScriptTag({ path }) would add.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: new URL("/__test/axe.min.js", page.url()).href });
  return page.evaluate(async () => {
    type Node = { html: string; target: string[] };
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: { id: string; help: string; nodes: Node[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

const withinLimit = (p: OfficePage) => {
  expect(p.host.requests.filter((r) => r.error)).toEqual([]);
  expect(Math.max(...p.host.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)))).toBeLessThanOrEqual(PAYLOAD_LIMIT);
};

describe("task pane on Microsoft's Office.js client, answered by the strict host", () => {
  let p: OfficePage;
  let page: Page;
  beforeAll(async () => {
    p = await openPane(sampleBook());
    page = p.page;
  });
  afterAll(async () => p?.close());

  it("validates the workbook and shows the summary and findings", async () => {
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByRole("heading", { name: "Summary" }).waitFor();
    await expect(page.getByText("Score columns look percent-formatted").count()).resolves.toBe(1);
    expect(await page.locator('button[aria-label^="Go to "]').count()).toBeGreaterThan(0);
    expect(p.pageErrors).toEqual([]);
    expect(p.cspViolations).toEqual([]);
    withinLimit(p);
  });

  it("clicking a finding selects its sheet and cell in Excel", async () => {
    const button = page.locator('button[aria-label^="Go to Court reports!"]').first();
    const label = (await button.getAttribute("aria-label"))!;
    const [, sheet, cell] = /^Go to (.+)!([A-Z]+\d+):/.exec(label)!;
    await button.click();
    await eventually(
      () => p.host.book.events,
      (ev) => expect(ev).toContainEqual({ op: "select", sheet, address: cell }),
    );
    expect(p.host.book.events).toContainEqual({ op: "activate", sheet });
  });

  it("writes the report sheet after confirmation, with a row per finding and links to the cells", async () => {
    await page.getByRole("button", { name: "Write report sheet" }).click();
    const dialog = page.getByRole("alertdialog");
    // The dialog comes after a look for the sheet (one request to Excel): wait for it.
    await dialog.getByText(`A new sheet "${REPORT_SHEET}" will be added.`).waitFor();
    await goAhead(page);
    await page.getByText("Report written").waitFor();
    const book = p.host.book;
    expect(book.names().filter((n) => n === REPORT_SHEET)).toHaveLength(1);
    const rows = book.sheet(REPORT_SHEET).rows();
    expect(rows[0]).toEqual(["Severity", "Rule", "Sheet", "Cell", "Message", "Source", "Figure", "Target"]);
    const findings = await page.locator("section[aria-label^='Findings on'] li").count();
    expect(rows.length - 1).toBe(findings);
    const links = [...book.sheet(REPORT_SHEET).linkMap().values()];
    expect(links.some((l) => /^'Court reports'!/.test(l.documentReference ?? ""))).toBe(true);
    expect(p.cspViolations).toEqual([]);
  });

  it("writing again replaces the report sheet once the new one is complete, never a second copy", async () => {
    await page.getByRole("button", { name: "Write report sheet" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByText("will be replaced once the new report is complete", { exact: false }).waitFor();
    await goAhead(page);
    await page.getByText(`Replaced the sheet "${REPORT_SHEET}"`, { exact: false }).waitFor();
    const names = p.host.book.names();
    expect(names.filter((n) => n === REPORT_SHEET)).toHaveLength(1);
    expect(names.some((n) => n.includes("(writing)"))).toBe(false);
    expect(p.host.book.events.filter((e) => e.op === "delete").map((e) => e.sheet)).toEqual([REPORT_SHEET]);
  });

  it("highlights the offending cells, then clears exactly those fills", async () => {
    const fills = () => p.host.book.sheet("Court reports").fillMap();
    expect(fills().size).toBe(0);
    await page.getByRole("button", { name: "Highlight cells" }).click();
    await goAhead(page);
    await page.getByText("Cells highlighted").waitFor();
    expect(fills().size).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Clear highlights" }).click();
    await goAhead(page);
    await page.getByText("Highlights cleared").waitFor();
    expect(fills().size).toBe(0);
    withinLimit(p);
    expect(p.cspViolations).toEqual([]);
  });

  it("has no axe-core accessibility violations on the Check tab with findings", async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it("takes the README screenshot (into the ignored test-results/; npm run screenshot copies it to docs/)", async () => {
    mkdirSync(OUT, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SHOT, fullPage: false });
    const png = readFileSync(SHOT);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(PANE_WIDTH); // the PNG header's width: the pane's, as Excel gives it
  });

  it("shows the court report mix with its short-format line at the pane's width (screenshot in test-results/)", async () => {
    const mix = page.locator("section[aria-labelledby='mix-h']");
    await mix.scrollIntoViewIfNeeded();
    const text = await mix.innerText();
    expect(text).toMatch(/Short format \(oral and FDR\): \d+\.\d% \(\d+ of \d+\), target 90% ±5: (on|above|below) target/);
    mkdirSync(OUT, { recursive: true });
    await mix.screenshot({ path: join(OUT, "report-mix.png") });
    expect(readFileSync(join(OUT, "report-mix.png")).readUInt32BE(16)).toBeLessThanOrEqual(PANE_WIDTH);
  });

  it("has no axe-core accessibility violations on the What-if and Template tabs", async () => {
    await page.getByRole("tab", { name: "What-if" }).click();
    await page.getByRole("button", { name: "Apply what-if" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("tab", { name: "Template" }).click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("runs the custom functions with blank cells as Excel desktop (0) and Excel on the web (null) pass them", async () => {
    for (const blank of [null, 0, false] as const) {
      expect(await callFunction(page, "ALLOCATE_GRADE", [[["A"], ["C2"]], [["__BLANK__"], ["Low"]], null, null, null, null, null, null, null], blank)).toEqual([["PO"], ["PSO"]]);
      expect(await callFunction(page, "ADMIN_NEEDED", [[[8]], [["__BLANK__"]]], blank)).toEqual([[{ error: "#VALUE!", message: "team_type is blank; expected OM or Court." }]]);
    }
  });

  it("made no request that left localhost (Office.js's CDN URL was answered locally)", () => {
    expect(p.aborted).toEqual([]);
    expect(p.requests.filter((u) => !u.startsWith(p.base))).toEqual([CDN]);
  });
});

describe("settings: saved in the workbook, in force before the pane opens, applied only when changed", () => {
  let p: OfficePage;
  const saved = JSON.stringify({ variants: {}, overrides: { omAdminRatio: 8 } });
  beforeAll(async () => {
    p = await openPane(sampleBook(), { settings: { "nps.settings": saved } });
  });
  afterAll(async () => p?.close());

  it("the functions use the workbook's saved figures at open (ADMIN_NEEDED at 1:8), after one full recalculation", async () => {
    await eventually(
      () => p.host.book.events.filter((e) => e.op === "calculate"),
      (calcs) => expect(calcs).toEqual([{ op: "calculate", detail: "Full" }]),
    );
    expect(await callFunction(p.page, "ADMIN_NEEDED", [[[8]], [["OM"]]], null)).toEqual([[1]]);
  });

  it("Apply with nothing changed neither saves nor recalculates; a change is saved, then recalculated", async () => {
    const page = p.page;
    await page.getByRole("tab", { name: "What-if" }).click();
    await page.getByRole("button", { name: "Apply what-if" }).click();
    await page.getByText("Nothing changed").waitFor();
    expect(p.host.book.settings["nps.settings"]).toBe(saved);
    expect(p.host.book.events.filter((e) => e.op === "calculate")).toHaveLength(1);

    // A save that fails (a read-only workbook): the functions keep the figures in force.
    await page.getByLabel(/OMs per case administrator/).fill("5");
    p.failSettingsSave = true;
    await page.getByRole("button", { name: "Apply what-if" }).click();
    await page.getByText("Excel could not do that").waitFor();
    expect(await callFunction(page, "ADMIN_NEEDED", [[[8]], [["OM"]]], null)).toEqual([[1]]);
    expect(p.host.book.events.filter((e) => e.op === "calculate")).toHaveLength(1);

    await page.getByRole("button", { name: "Apply what-if" }).click();
    await page.getByText("Settings saved").waitFor();
    expect(JSON.parse(String(p.host.book.settings["nps.settings"]))).toMatchObject({ overrides: { omAdminRatio: 5 } });
    expect(p.host.book.events.filter((e) => e.op === "calculate")).toHaveLength(2);
    expect(await callFunction(page, "ADMIN_NEEDED", [[[8]], [["OM"]]], null)).toEqual([[1.6]]);
    expect(p.cspViolations).toEqual([]);
  });
});

describe("an Excel without every requirement set", () => {
  it("ExcelApi 1.4 only: Validate works, the report sheet is off with the Excel version it needs", async () => {
    const p = await openPane(sampleBook(), { sets: { ...ALL_SETS, ExcelApi: "1.4" } });
    try {
      await p.page.getByRole("button", { name: "Validate" }).click();
      await p.page.getByRole("heading", { name: "Summary" }).waitFor();
      expect(await p.page.getByRole("button", { name: "Write report sheet" }).isDisabled()).toBe(true);
      expect(await p.page.getByText(/needs Excel 2019.*\(ExcelApi 1\.7\)/).count()).toBeGreaterThan(0);
      // Highlighting works cell group by cell group without getRanges (ExcelApi 1.9).
      await p.page.getByRole("button", { name: "Highlight cells" }).click();
      await goAhead(p.page);
      await p.page.getByText("Cells highlighted").waitFor();
      expect(p.host.book.sheet("Court reports").fillMap().size).toBeGreaterThan(0);
      expect(p.pageErrors).toEqual([]);
      expect(p.cspViolations).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

/** A caseload of n cases, each a high RoSH case held by a PSO (an error on every row). */
function bigBook(n: number): HostBook {
  const rows: HostValue[][] = [["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "Tier"]];
  for (let i = 0; i < n; i++) rows.push([`X${i + 1}`, `OM ${i % 40}`, "PSO", i % 2 ? "North" : "South", "High", 0.06, 0.3, "B2"]);
  return new HostBook([HostSheet.of("Caseload", rows)]);
}

describe("20,000 findings in the pane, every request within Excel on the web's 5 MB", () => {
  let p: OfficePage;
  beforeAll(async () => {
    p = await openPane(bigBook(20_000));
  });
  afterAll(async () => p?.close());

  it("validates, writes the report sheet, highlights and clears", async () => {
    const page = p.page;
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByText("Validation finished").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Write report sheet" }).click();
    await goAhead(page);
    await page.getByText("Report written").waitFor({ timeout: 60_000 });
    const report = p.host.book.sheet(REPORT_SHEET);
    expect(report.rows().length).toBeGreaterThan(20_000);
    expect(report.linkMap().size).toBeGreaterThanOrEqual(20_000);
    await page.getByRole("button", { name: "Highlight cells" }).click();
    await goAhead(page);
    await page.getByText("Cells highlighted").waitFor({ timeout: 60_000 });
    expect(p.host.book.sheet("Caseload").fillMap().size).toBeGreaterThanOrEqual(20_000);
    await page.getByRole("button", { name: "Clear highlights" }).click();
    await goAhead(page);
    await page.getByText("Highlights cleared").waitFor({ timeout: 60_000 });
    expect(p.host.book.sheet("Caseload").fillMap().size).toBe(0);
    withinLimit(p);
    expect(p.pageErrors).toEqual([]);
    expect(p.cspViolations).toEqual([]);
  });

  it("rows inserted while every read is under way: the pane says the findings may be stale", async () => {
    p.host.beforeRequest = (n, book) => {
      if (n % 3 === 0) book.sheet("Caseload").insertRows(5, 1);
    };
    try {
      await p.page.getByRole("button", { name: "Validate" }).click();
      await p.page.getByText("The workbook changed while it was read").waitFor({ timeout: 60_000 });
    } finally {
      p.host.beforeRequest = undefined;
    }
  });
});
