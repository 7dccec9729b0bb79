/**
 * The built task pane (dist/taskpane.html) in headless Chromium, running Microsoft's own Office.js
 * client for Excel on the web, answered by the strict test host (test/support/office-host).
 *
 * - Office.js's CDN URL is answered locally with Microsoft's client library from node_modules
 *   (@microsoft/office-js, excel-web-16.00.debug.js), Microsoft's CustomFunctionError class, and a
 *   short shim for what an Office host provides around the library: Office.onReady with host Excel,
 *   Office.context.document.settings (saved to the host over HTTP), requirement sets, and the custom
 *   functions registry.
 * - The client sends each context.sync() over HTTP to this server (/__excel/ProcessQuery), where the
 *   host answers it against a scripted workbook, refusing a request or response over 5 MB.
 * - A test calls a custom function as Excel would, with blank cells as 0 (desktop) or null (web).
 * No request leaves localhost: anything else is aborted and recorded.
 * The pages are served with the add-in's Content-Security-Policy as a header (scripts/security-headers.js;
 * the built pages carry it as a <meta> too), and every violation the page reports is recorded:
 * Office.js's CDN URL is one the policy allows, and the test's own scripts (axe-core, a probe) are
 * served from the page's origin ('self'), so the policy is not weakened for the tests.
 */
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { HostBook, RichApiHost } from "../support/office-host/richapi";
import { OFFICE_JS_CLIENT } from "../support/office-host/client";
import { microsoftErrorScript } from "../support/office-errors";
import { CONTENT_SECURITY_POLICY } from "../../scripts/security-headers";

export const ROOT = resolve(__dirname, "..", "..");
/** The built add-in: dist/ (as `npm test` builds it), or NPS_E2E_DIST to test a build made elsewhere. */
const DIST = process.env.NPS_E2E_DIST ? resolve(process.env.NPS_E2E_DIST) : join(ROOT, "dist");
export const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** A task pane as Excel opens it: 320-350 px wide. */
export const PANE_WIDTH = 340;
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".map": "application/json", ".xml": "application/xml" };

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build DIST with webpack, as `npm run build` does (production: what users get, no development paths), when it is missing or older than src/ or the build's configuration (npm test builds before Jest). */
export function ensureBuilt(): void {
  const page = join(DIST, "taskpane.js");
  const sources = Math.max(newest(join(ROOT, "src")), ...["webpack.config.js", "scripts/security-headers.js"].map((f) => statSync(join(ROOT, f)).mtimeMs));
  if (existsSync(join(DIST, "taskpane.html")) && existsSync(page) && statSync(page).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", DIST], { cwd: ROOT, stdio: "inherit" });
}

/** Scripts the tests add to the page, served from its own origin as the policy requires. */
const TEST_SCRIPTS: Record<string, string> = {
  "/__test/axe.min.js": join(ROOT, "node_modules", "axe-core", "axe.min.js"),
  "/__test/eval-probe.js": join(__dirname, "eval-probe.js"),
};

/** Confirm the pane's "Go ahead" dialog, which every change to the workbook asks for. */
export const goAhead = async (page: Page) => page.getByRole("alertdialog").getByRole("button", { name: "Go ahead" }).click();

export interface HostOptions {
  /** Requirement sets the host supports, name → highest version ("ExcelApi" → "1.9"). */
  readonly sets?: Readonly<Record<string, string>>;
  /** Document settings saved in the workbook before it opens (key → stored string). */
  readonly settings?: Readonly<Record<string, string>>;
}

export const ALL_SETS: Readonly<Record<string, string>> = { ExcelApi: "1.12", CustomFunctionsRuntime: "1.4", SharedRuntime: "1.1" };

/** The script served for Office.js's CDN URL. */
function officeScript(o: HostOptions): string {
  const config = { sets: o.sets ?? ALL_SETS, settings: o.settings ?? {} };
  return [
    readFileSync(OFFICE_JS_CLIENT, "utf8"),
    microsoftErrorScript(),
    `window.__hostConfig = ${JSON.stringify(config)};`,
    readFileSync(join(__dirname, "office-shim.js"), "utf8"),
  ].join("\n;\n");
}

export interface OfficePage {
  readonly page: Page;
  readonly host: RichApiHost;
  readonly base: string;
  /** Every URL the page requested, and those aborted for leaving localhost. */
  readonly requests: string[];
  readonly aborted: string[];
  readonly pageErrors: string[];
  /** Every Content-Security-Policy violation: the page's securitypolicyviolation events and console reports. */
  readonly cspViolations: string[];
  /** Make the next settings save fail (as Office does when the document is read-only). */
  failSettingsSave: boolean;
  close(): Promise<void>;
}

/** Open the pane on `book` in a fresh browser page. */
export async function openPane(book: HostBook, o: HostOptions = {}): Promise<OfficePage> {
  ensureBuilt();
  const host = new RichApiHost(book);
  book.settings = { ...(o.settings ?? {}) };
  const state = { failSettingsSave: false };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname.startsWith("/__excel/")) {
      const chunks: Buffer[] = [];
      req.on("data", (d: Buffer) => chunks.push(d));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        if (url.pathname === "/__excel/settings") {
          if (state.failSettingsSave) {
            state.failSettingsSave = false;
            res.writeHead(500).end();
            return;
          }
          book.settings = JSON.parse(body) as Record<string, unknown>;
          res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
          return;
        }
        try {
          const r = host.answer(body);
          res.writeHead(r.status, { "Content-Type": "application/json" }).end(r.body);
        } catch (e) {
          // A gap in the host (HostUnsupported) or a bug: fail the page's request loudly.
          res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: "TestHostFailure", message: String(e) } }));
          pageErrors.push(String(e));
        }
      });
      return;
    }
    const path = TEST_SCRIPTS[url.pathname] ?? join(DIST, decodeURIComponent(url.pathname));
    if (!(path.startsWith(DIST) || TEST_SCRIPTS[url.pathname]) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    // The policy as a header on the pages, as the development server sends it (the meta is in the page too).
    res.writeHead(200, { "Content-Type": type, ...(type === "text/html" ? { "Content-Security-Policy": CONTENT_SECURITY_POLICY } : {}) }).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
  const page = await browser.newPage({ viewport: { width: PANE_WIDTH, height: 900 }, reducedMotion: "reduce" });
  const requests: string[] = [];
  const aborted: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  // Chromium reports each violation on the console ("Refused to ... Content Security Policy ...")
  // and fires securitypolicyviolation in the page: record both (the listener is added by the
  // browser before any of the page's scripts run, so it is not itself subject to the policy).
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("__cspViolation", (v: string) => cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __cspViolation(v: string): void }).__cspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}: ${e.sample}`);
    });
  });
  const script = officeScript(o);
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === CDN) await route.fulfill({ status: 200, contentType: "text/javascript", body: script });
    else if (url.startsWith(base)) await route.continue();
    else {
      aborted.push(url);
      await route.abort();
    }
  });
  await page.goto(`${base}/taskpane.html`);
  const out: OfficePage = {
    page,
    host,
    base,
    requests,
    aborted,
    pageErrors,
    cspViolations,
    get failSettingsSave() {
      return state.failSettingsSave;
    },
    set failSettingsSave(v: boolean) {
      state.failSettingsSave = v;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
  return out;
}

/** Call a registered custom function in the page as Excel would, blank cells passed as `blank`. */
export async function callFunction(page: Page, id: string, args: unknown[], blank: null | 0 | false): Promise<unknown> {
  return page.evaluate(({ id, args, blank }) => (window as unknown as { __host: { call(id: string, a: unknown[], b: unknown): unknown } }).__host.call(id, args, blank), { id, args, blank });
}

export { HostBook };
