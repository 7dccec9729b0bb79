/**
 * The built task pane (dist/taskpane.html, the shared-runtime page) in real headless Chromium, with
 * Office.js's CDN URL answered locally by test/e2e/fake-office.js, a scripted stand-in for the Excel
 * host holding a sample workbook. No request may leave localhost: the CDN request is fulfilled here,
 * anything else non-local is aborted and fails the test.
 */
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eventually } from "../support/eventually";

const ROOT = resolve(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
/** Generated files go to an ignored folder, so running the tests leaves the checkout clean. */
const OUT = join(ROOT, "test-results");
const SHOT = join(OUT, "taskpane.png");
/** A task pane as Excel opens it: 320-350 px wide. */
const PANE_WIDTH = 340;
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const REPORT_SHEET = "NPS validation report";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".map": "application/json", ".xml": "application/xml" };

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build dist/ with webpack when it is missing or older than src/ (npm test builds before Jest). */
function ensureBuilt(): void {
  const page = join(DIST, "taskpane.js");
  if (existsSync(join(DIST, "taskpane.html")) && existsSync(page) && statSync(page).mtimeMs >= newest(join(ROOT, "src"))) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development"], { cwd: ROOT, stdio: "inherit" });
}

let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const fulfilledLocally = new Set<string>();
const aborted: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    const path = join(DIST, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!path.startsWith(DIST) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
  page = await browser.newPage({ viewport: { width: PANE_WIDTH, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  const fake = readFileSync(join(__dirname, "fake-office.js"), "utf8");
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === CDN) {
      fulfilledLocally.add(url);
      await route.fulfill({ status: 200, contentType: "text/javascript", body: fake });
    } else if (url.startsWith(base)) {
      await route.continue();
    } else {
      aborted.push(url);
      await route.abort();
    }
  });
  await page.goto(`${base}/taskpane.html`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface LogEntry {
  op: string;
  sheet?: string;
  address?: string;
}
/**
 * axe-core's violations, every rule run. One known false positive is dropped, node by node: Fluent UI's
 * focus manager (Tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy>) around a TabList
 * that pass focus on at once (microsoft/tabster#288; Accessibility Insights suppresses the same, PR #7605).
 */
async function axeViolations(): Promise<string[]> {
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

const excelLog = () => page.evaluate(() => (window as unknown as { __excelLog: LogEntry[] }).__excelLog);

describe("task pane in headless Chromium with a stand-in Excel host", () => {
  it("validates the workbook and shows the summary and findings", async () => {
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByRole("heading", { name: "Summary" }).waitFor();
    await expect(page.getByText("Score columns look percent-formatted").count()).resolves.toBe(1);
    const findings = page.locator('button[aria-label^="Go to "]');
    expect(await findings.count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it("clicking a finding selects its sheet and cell in Excel", async () => {
    const button = page.locator('button[aria-label^="Go to Court reports!"]').first();
    const label = (await button.getAttribute("aria-label"))!;
    const [, sheet, cell] = /^Go to (.+)!([A-Z]+\d+):/.exec(label)!;
    await button.click();
    await eventually(excelLog, (log) => expect(log).toContainEqual({ op: "select", sheet, address: cell }));
    expect(await excelLog()).toContainEqual({ op: "activate", sheet });
  });

  it("writes the report sheet after confirmation, with a row per finding and links to the cells", async () => {
    await page.getByRole("button", { name: "Write report sheet" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByText(`A new sheet "${REPORT_SHEET}" will be added.`).count()).resolves.toBe(1);
    await dialog.getByRole("button", { name: "Go ahead" }).click();
    await page.getByText("Report written").waitFor();
    const book = await page.evaluate((n) => {
      const b = (window as unknown as { __excelBook: { sheetNames(): string[]; values(n: string): unknown[][]; links(n: string): [string, { documentReference: string }][] } }).__excelBook;
      return { names: b.sheetNames(), values: b.values(n), links: b.links(n) };
    }, REPORT_SHEET);
    expect(book.names.filter((n) => n === REPORT_SHEET)).toHaveLength(1);
    expect(book.values[0]).toEqual(["Severity", "Rule", "Sheet", "Cell", "Message", "Source", "Figure", "Target"]);
    const findings = await page.locator("section[aria-label^='Findings on'] li").count();
    expect(book.values.length - 1).toBe(findings);
    expect(book.links.length).toBeGreaterThan(0);
    expect(book.links.some(([, l]) => /^'Court reports'!/.test(l.documentReference))).toBe(true);
  });

  it("writing again replaces the report sheet, never a second copy", async () => {
    await page.getByRole("button", { name: "Write report sheet" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByText("will be deleted and written again", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Go ahead" }).click();
    await page.getByText(`Replaced the sheet "${REPORT_SHEET}"`, { exact: false }).waitFor();
    const names = await page.evaluate(() => (window as unknown as { __excelBook: { sheetNames(): string[] } }).__excelBook.sheetNames());
    expect(names.filter((n) => n === REPORT_SHEET)).toHaveLength(1);
    const log = await excelLog();
    expect(log.filter((e) => e.op === "delete").map((e) => e.sheet)).toEqual([REPORT_SHEET]);
  });

  it("highlights the offending cells, then clears exactly those fills", async () => {
    const fills = () => page.evaluate(() => (window as unknown as { __excelBook: { fills(n: string): [string, string][] } }).__excelBook.fills("Court reports"));
    expect(await fills()).toEqual([]);
    await page.getByRole("button", { name: "Highlight cells" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Go ahead" }).click();
    await page.getByText("Cells highlighted").waitFor();
    expect((await fills()).length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Clear highlights" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Go ahead" }).click();
    await page.getByText("Highlights cleared").waitFor();
    expect(await fills()).toEqual([]);
  });

  it("has no axe-core accessibility violations on the Check tab with findings", async () => {
    await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
    expect(await axeViolations()).toEqual([]);
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
    expect(await axeViolations()).toEqual([]);
    await page.getByRole("tab", { name: "Template" }).click();
    expect(await axeViolations()).toEqual([]);
  });

  it("made no request that left localhost (Office.js's CDN URL was answered locally)", () => {
    expect(aborted).toEqual([]);
    const nonLocal = requests.filter((u) => !u.startsWith(base));
    expect(nonLocal.filter((u) => !fulfilledLocally.has(u))).toEqual([]);
    expect(nonLocal).toEqual([CDN]);
  });
});
