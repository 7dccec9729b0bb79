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

/** A screenshot of what the pane shows, at the pane's width, into test-results/screenshots/ (never docs/). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = join(OUT, "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name), fullPage: false });
  const png = readFileSync(join(dir, name));
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(PANE_WIDTH);
}

/** Nothing wider than the pane (no horizontal scroll), and every transition finished (the tab indicator slides), for a screenshot. */
async function fitsThePane(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
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

  it("before validating, says what Validate reads and changes, and why the other buttons are off (01-start.png)", async () => {
    await page.getByRole("button", { name: "Validate" }).waitFor();
    await page.getByText(/^Validate reads the sheets of this workbook: Caseload, Staff, Teams/).waitFor();
    await page.getByText(/^It changes nothing\./).waitFor();
    for (const name of ["Write report sheet", "Highlight cells"]) {
      const button = page.getByRole("button", { name });
      expect(await button.isDisabled()).toBe(true);
      const why = await button.getAttribute("aria-describedby");
      expect(await page.locator(`[id="${why}"]`).innerText()).toMatch(/^Validate first/);
    }
    await fitsThePane(page);
    await shot(page, "01-start.png");
  });

  it("validates the workbook and shows the summary and findings (02-summary.png)", async () => {
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByRole("heading", { name: "Summary" }).waitFor();
    await expect(page.getByText("Percent-formatted scores").count()).resolves.toBe(1);
    expect(await page.locator('button[aria-label^="Go to "]').count()).toBeGreaterThan(0);
    // One line per rule family, each with a status word on one line.
    const families = page.locator("li[data-family] > button");
    expect(await families.count()).toBe(9);
    for (const badge of await page.locator("li[data-family] > button [data-status]").all()) {
      const box = (await badge.boundingBox())!;
      expect(box.height).toBeLessThan(24);
    }
    await page.getByText(/^Validation finished/).waitFor();
    expect(await page.getByText(/\b1 (errors|warnings|findings)\b/).count()).toBe(0);
    await fitsThePane(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "02-summary.png");
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
    const findings = await page.locator("li[data-finding]").count();
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

  it("a family opens to its rules, figure against target (03-family-open.png)", async () => {
    const reports = page.getByRole("button", { name: /^Court reports/ });
    await reports.click();
    expect(await reports.getAttribute("aria-expanded")).toBe("true");
    const rules = page.getByRole("list", { name: "Court reports checks" });
    await rules.getByText(/^\d+\.\d% PO \/ \d+\.\d% PSO, target 35\/65 ±5$/).waitFor();
    await fitsThePane(page);
    await reports.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(page, "03-family-open.png");
  });

  it("findings are grouped by severity, then sheet, each with its source once (04-findings.png)", async () => {
    const headings = await page.locator("section[aria-labelledby='findings-h'] h3").allInnerTexts();
    expect(headings.map((h) => h.replace(/ \(.*/, ""))).toEqual(["Errors", "Warnings", "Information"]);
    await page.getByRole("group", { name: "Errors on Court reports" }).waitFor();
    const options = await page.getByLabel("Rule").locator("option").allInnerTexts();
    // Rule titles, never rule ids ("caseload.tier").
    for (const o of options) expect(o).not.toMatch(/\b(caseload|reports|staffing|structure|yos|ap|parom|upw|layout|data|config)\.[a-z]/);
    await fitsThePane(page);
    await page.locator("#findings-h").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(page, "04-findings.png");
  });

  it("a family partly or wholly not checked says why, muted (05-not-checked.png)", async () => {
    const structure = page.getByRole("button", { name: /^Line management/ });
    await structure.getByText(/1 of 3 checks run/).waitFor();
    await page.getByRole("button", { name: /^Approved Premises/ }).getByText("The workbook has no Approved premises sheet.").waitFor();
    await structure.click();
    const rules = page.getByRole("list", { name: /Line management .* checks/ });
    await rules.getByText("The workbook has no Clusters sheet.").waitFor();
    await rules.getByText("The Staff sheet has no Cluster column.").waitFor();
    await fitsThePane(page);
    await structure.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(page, "05-not-checked.png");
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
    const reports = page.getByRole("button", { name: /^Court reports/ });
    if ((await reports.getAttribute("aria-expanded")) !== "true") await reports.click();
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
    // A section open, a figure changed and another in error: the badges, hints and messages too.
    await page.getByRole("button", { name: /^Court reports/ }).click();
    await page.getByLabel(/Court reports written by POs/).fill("40");
    await page.getByLabel(/Court reports delivered orally/).fill("150");
    await page.getByText("Expected a number from 0% to 100%").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Back to the model's figures" }).click();
    await page.getByRole("button", { name: /^Court reports/ }).click();
    await page.getByRole("tab", { name: "Template" }).click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("What-if: every section collapsed, Apply and the resets in a footer in view (test-results/screenshots/06-whatif.png)", async () => {
    await page.getByRole("tab", { name: "What-if" }).click();
    const footer = page.getByRole("region", { name: "Apply the what-if" });
    await footer.waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.locator("button[aria-expanded='true']").count()).toBe(0);
    // Collapsed, the whole tab fits the pane (677 px when written; 897 px with the five workload sections).
    expect(await page.evaluate(() => document.body.scrollHeight)).toBeLessThanOrEqual(900);
    const box = (await footer.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await fitsThePane(page);
    await shot(page, "06-whatif.png");
  });

  it("the Template tab: what it adds, in plain words (08-template.png)", async () => {
    await page.getByRole("tab", { name: "Template" }).click();
    await page.getByText(/^Adds an empty sheet, with its header row, for each table the add-in reads/).waitFor();
    expect(await page.getByText("Validation finished").count()).toBe(0);
    await fitsThePane(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "08-template.png");
    await page.getByRole("tab", { name: "Check" }).click();
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

/**
 * A division with contracted hours (built here, not the sample division): two teams, one OM with a
 * long name, one over 150%, so the capacity picture has all it draws. Points (WMT's defaults): a
 * community case at tier A is 150, B1 106, C1 57, C2 45, D1 36; licence B1 100; custody B2 90.
 */
function hoursBook(): HostBook {
  const oms: [name: string, grade: string, team: string, hours: number, cases: number, tier: string, type: string][] = [
    ["Alexandra Katherine Montgomery-Fitzwilliam", "PO", "North", 37, 18, "A", "Community"],
    ["Bob Ray", "PSO", "North", 37, 21, "B1", "Community"],
    ["Cat Fox", "PO", "North", 30, 16, "B1", "Licence"],
    ["Dee Roe", "PSO", "North", 37, 33, "C1", "Community"],
    ["Eve Poe", "PO", "North", 22.5, 12, "B2", "Custody"],
    ["Fay Kay", "PSO", "North", 37, 27, "D1", "Community"],
    ["Gus Wu", "PO", "South", 18.5, 11, "A", "Community"],
    ["Ida Bell", "PSO", "South", 37, 40, "C2", "Community"],
  ];
  const cases: HostValue[][] = [["Case ID", "OM", "OM grade", "Team", "Tier", "Sentence type"]];
  for (const [name, grade, team, , n, tier, type] of oms) for (let i = 0; i < n; i++) cases.push([`X${cases.length}`, name, grade, team, tier, type]);
  return new HostBook([
    HostSheet.of("Caseload", cases),
    HostSheet.of("Staff", [["Name", "Role", "FTE", "Team", "Contracted hours"], ...oms.map(([name, grade, team, hours]) => [name, grade, hours / 37, team, hours])]),
    HostSheet.of("Teams", [
      ["Team", "Type"],
      ["North", "OM"],
      ["South", "OM"],
    ]),
  ]);
}

describe("capacity per team, from a Staff sheet with contracted hours", () => {
  let p: OfficePage;
  beforeAll(async () => {
    p = await openPane(hoursBook());
  });
  afterAll(async () => p?.close());

  it("a team opens to its OMs, each with a bar and the numbers in words (09-capacity.png)", async () => {
    const page = p.page;
    await page.getByRole("button", { name: "Validate" }).click();
    const heading = page.getByRole("heading", { name: "Capacity per team (WMT)" });
    await heading.waitFor();
    await page.getByText("Workload points ÷ available points; over 100% is flagged.").waitFor();
    const north = page.locator('li[data-team="North"] > button');
    expect(await north.textContent()).toBe("▶North — 6 OMs: 44.7% to 124.1%, median 88.6%; 2 over 100%");
    expect(await page.locator('li[data-team="South"] > button').textContent()).toBe("▶South — 2 OMs: 82.7% to 151.7%, median 117.2%; 1 over 100%");
    await north.click();
    const lines = page.getByRole("list", { name: "OMs in North" }).getByRole("listitem");
    expect(await lines.count()).toBe(6);
    expect(await lines.first().innerText()).toMatch(/124\.1% · 2,700 of 2,176 points · over 100%/);
    expect(await lines.last().innerText()).toMatch(/44\.7% · 972 of 2,176 points$/);
    // The long name is cut short on one line, the whole of it in its title; its grade still shows.
    const who = page.getByTitle("Alexandra Katherine Montgomery-Fitzwilliam (PO)");
    expect(await who.locator("span").first().evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await who.locator("span").last().isVisible()).toBe(true);
    expect((await who.boundingBox())!.height).toBeLessThan(24);
    // Over 150%: the bar stops at the track's end, the number is written.
    await page.locator('li[data-team="South"] > button').click();
    const gus = page.locator('li[data-om="Gus Wu"]');
    expect(await gus.innerText()).toMatch(/151\.7% · 1,650 of 1,088 points · over 100%/);
    const [bar, track] = await Promise.all([gus.locator("[aria-hidden='true'] > div").first().boundingBox(), gus.locator("[aria-hidden='true']").boundingBox()]);
    expect(Math.round(bar!.width)).toBe(Math.round(track!.width));
    await page.locator('li[data-team="South"] > button').click();
    expect(await axeViolations(page)).toEqual([]);
    await fitsThePane(page);
    await heading.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(page, "09-capacity.png");
    expect(p.pageErrors).toEqual([]);
    expect(p.cspViolations).toEqual([]);
  });
});

describe("a sheet not recognised, mapped on the Columns tab as its finding says", () => {
  let p: OfficePage;
  beforeAll(async () => {
    // The sample with its Staff sheet under another name and other headers.
    const book = sampleBook();
    const staff = book.sheet("Staff").rows();
    p = await openPane(
      new HostBook([
        ...book.names().filter((n) => n !== "Staff").map((n) => book.sheet(n)),
        HostSheet.of("People", [["Staff member", "Post title", "Contract FTE", "Team", "Line manager"], ...staff.slice(1)]),
      ]),
    );
  });
  afterAll(async () => p?.close());

  it("before validating, the Columns tab says to validate first", async () => {
    await p.page.getByRole("tab", { name: /Columns/ }).click();
    await p.page.getByText("Validate first; then sheets whose columns were not recognised are listed here.").waitFor();
    await p.page.getByRole("tab", { name: "Check" }).click();
  });

  it("offers the sheet to map, asks which table it holds, then maps its columns (07-columns.png)", async () => {
    const page = p.page;
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByRole("heading", { name: "Summary" }).waitFor();
    await page.getByText(/map its columns/).first().waitFor();
    // Without a Staff sheet, most staffing ratios are not checked.
    const staffing = page.locator('li[data-family="Staffing ratios"] > button');
    const run = async () => Number((/(\d) of 5 checks run/.exec(await staffing.innerText()) ?? ["", "5"])[1]);
    const before = await run();
    expect(before).toBeLessThan(5);
    await page.getByRole("tab", { name: /Columns/ }).click();
    const section = page.getByRole("region", { name: "Columns of People" });
    await section.getByLabel("This sheet holds").selectOption("staff");
    // Headers the Staff sheet's own names match are shown as matched.
    expect(await section.getByLabel('Column "Line manager"').inputValue()).toBe("lineManager");
    await section.getByLabel('Column "Staff member"').selectOption("name");
    await section.getByLabel('Column "Post title"').selectOption("role");
    await section.getByLabel('Column "Contract FTE"').selectOption("fte");
    await fitsThePane(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "07-columns.png");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Save column mapping" }).click();
    await page.getByText("Settings saved").waitFor();
    // Read and checked again with the mapping: the sheet is read as the Staff sheet, its mapping kept to change.
    const people = page.getByRole("region", { name: "Columns of People" });
    await people.getByLabel('Column "Staff member"').waitFor();
    expect(await people.getByLabel("This sheet holds").count()).toBe(0);
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByRole("heading", { name: "Summary" }).waitFor();
    expect(await page.getByText(/"People" is not one of the documented sheets/).count()).toBe(0);
    // More of them run with the Staff sheet read (the court team ratio still has no court team to check).
    expect(await run()).toBeGreaterThan(before);
    expect(p.pageErrors).toEqual([]);
    expect(p.cspViolations).toEqual([]);
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

  it("Apply with nothing changed is off and says why; a change is saved, then recalculated", async () => {
    const page = p.page;
    await page.getByRole("tab", { name: "What-if" }).click();
    expect(await page.getByRole("button", { name: "Apply what-if" }).isDisabled()).toBe(true);
    await page.getByText(/Nothing to apply/).waitFor();
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

  it("a percentage typed as a percentage is saved as the model's fraction; the confirmation shows beside Apply (06b-whatif-applied.png)", async () => {
    const page = p.page;
    await page.getByRole("button", { name: /^Staffing ratios/ }).click();
    await page.getByRole("button", { name: /^Court reports/ }).click();
    const po = page.getByLabel(/Court reports written by POs/);
    expect(await po.inputValue()).toBe("35");
    await po.fill("40%");
    await page.getByText("1 change not yet applied").waitFor();
    await page.getByRole("button", { name: "Apply what-if" }).click();
    const footer = page.getByRole("region", { name: "Apply the what-if" });
    await footer.getByText("Settings saved").waitFor();
    expect(JSON.parse(String(p.host.book.settings["nps.settings"]))).toMatchObject({ overrides: { omAdminRatio: 5, reportPoShare: 0.4 } });
    await page.getByText("model: 35%").waitFor();
    // The section's header (with its count) at the top, the changed figure below it.
    await page.getByRole("button", { name: /^Court reports/ }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    expect(await po.isVisible()).toBe(true);
    // The confirmation is in view where Apply was clicked, not scrolled off the top.
    const box = (await footer.getByText("Settings saved").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await fitsThePane(page);
    await shot(page, "06b-whatif-applied.png");
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
