/**
 * The production build for a real host: `ADDIN_URL=https://example.org/nps/ webpack --mode production`
 * into a temporary folder (never dist/, which other tests read). Every file it emits must have moved
 * off https://localhost:3000 (the manifest, AppDomain included, the functions' help links, the help
 * page, the bundles), and a value of ADDIN_URL that is not an absolute https:// URL must stop the build.
 * It ships no source map, and every page carries the Content-Security-Policy (scripts/security-headers.js)
 * with nothing inline that the policy would refuse.
 * One full webpack build: about 30 s here.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { expectAs } from "./support/expect-as";
import { addinUrl, rewriteLocalUrls } from "../scripts/addin-url";
import { CONTENT_SECURITY_POLICY, OFFICE_CDN } from "../scripts/security-headers";
import webpackConfig from "../webpack.config.js";

const ROOT = join(__dirname, "..");
const WEBPACK_CLI = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const BUILD_TIMEOUT = 240_000;

/** `webpack --mode production --output-path out` with ADDIN_URL set; never rejects. */
function build(addinUrlValue: string, out: string): Promise<{ code: number; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [WEBPACK_CLI, "--mode", "production", "--output-path", out],
      { cwd: ROOT, env: { ...process.env, ADDIN_URL: addinUrlValue }, maxBuffer: 64 * 1024 * 1024, timeout: BUILD_TIMEOUT - 20_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}`, ms: Date.now() - started });
      },
    );
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Every emitted file that is text (not an image, no NUL byte), as text. */
function textFiles(dir: string): { file: string; text: string }[] {
  return filesUnder(dir)
    .filter((f) => !/\.(png|ico|jpe?g|gif|webp|woff2?|ttf|eot)$/i.test(f))
    .map((f) => ({ file: relative(dir, f), buf: readFileSync(f) }))
    .filter((x) => !x.buf.includes(0))
    .map((x) => ({ file: x.file, text: x.buf.toString("utf8") }));
}

describe("production build with ADDIN_URL=https://example.org/nps/", () => {
  let out = "";
  let result: { code: number; output: string; ms: number };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "nps-addin-build-"));
    result = await build("https://example.org/nps/", out);
  }, BUILD_TIMEOUT);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("builds", () => {
    expectAs(result.code, result.output.slice(-4000)).toBe(0);
    expect(existsSync(join(out, "manifest.xml"))).toBe(true);
  });

  it("leaves no file naming localhost (every text file read, each offending line reported)", () => {
    const files = textFiles(out);
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["manifest.xml", "functions.json", "help.html", "taskpane.html", "functions.js", "taskpane.js"]));
    const hits = files.flatMap(({ file, text }) =>
      text
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => /localhost/i.test(line))
        .map(({ line, i }) => `${file}:${i + 1}: ${line.trim().slice(0, 200)}`),
    );
    expect(hits).toEqual([]);
  });

  it("gives the manifest AppDomain the origin, and every other URL the full ADDIN_URL", () => {
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    const doc = new new JSDOM("").window.DOMParser().parseFromString(xml, "application/xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    const appDomains = Array.from(doc.getElementsByTagName("AppDomain")).map((e) => e.textContent);
    expect(appDomains).toEqual(["https://example.org"]);
    const urls = [
      ...Array.from(doc.getElementsByTagName("SourceLocation")),
      ...Array.from(doc.getElementsByTagName("bt:Url")),
      ...Array.from(doc.getElementsByTagName("bt:Image")),
      ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].flatMap((t) => Array.from(doc.getElementsByTagName(t))),
    ]
      .map((e) => e.getAttribute("DefaultValue"))
      .filter((v): v is string => v !== null);
    // As many as the source manifest has (icons, support page, pane page, functions script and metadata, help).
    const inSource = readFileSync(join(ROOT, "manifest.xml"), "utf8").match(/DefaultValue="https:\/\/localhost:3000\//g) ?? [];
    expect(inSource.length).toBeGreaterThanOrEqual(10);
    expect(urls).toHaveLength(inSource.length);
    for (const u of urls) expect(u).toMatch(/^https:\/\/example\.org\/nps\/[^/]/);
    // ...and each names a file this build emitted.
    for (const u of new Set(urls)) expectAs(existsSync(join(out, u.replace("https://example.org/nps/", "").replace(/#.*$/, ""))), u).toBe(true);
  });

  it("ships no source map: no .map file and no sourceMappingURL in any file", () => {
    expect(filesUnder(out).filter((f) => /\.map$/i.test(f))).toEqual([]);
    expect(textFiles(out).filter((f) => /sourceMappingURL/.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it("gives every page the Content-Security-Policy <meta> first in <head>, and nothing inline it would refuse", () => {
    const pages = textFiles(out).filter((f) => /\.html?$/i.test(f.file));
    expect(pages.map((p) => p.file).sort()).toEqual(["help.html", "taskpane.html"]);
    for (const { file, text } of pages) {
      const doc = new JSDOM(text).window.document;
      const metas = Array.from(doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]'));
      expectAs(metas.map((m) => m.getAttribute("content")), file).toEqual([CONTENT_SECURITY_POLICY]);
      // Before anything it governs: only <meta charset> may come first.
      const before = Array.from(doc.head.children).slice(0, Array.from(doc.head.children).indexOf(metas[0]!));
      expectAs(before.map((e) => e.outerHTML), file).toEqual(before.filter((e) => e.hasAttribute("charset")).map((e) => e.outerHTML));
      const scripts = Array.from(doc.querySelectorAll("script"));
      expectAs(scripts.filter((s) => !s.hasAttribute("src")).map((s) => s.outerHTML), `${file}: inline <script>`).toEqual([]);
      // Every script is the add-in's own (a relative URL, 'self') or Office.js from its CDN.
      for (const s of scripts) expectAs(s.getAttribute("src"), file).toMatch(new RegExp(`^(?![a-z]+:|//)|^${OFFICE_CDN.replace(/\./g, "\\.")}/`));
      const handlers = Array.from(doc.querySelectorAll("*")).flatMap((e) => e.getAttributeNames().filter((a) => /^on/i.test(a)).map((a) => `<${e.localName} ${a}>`));
      expectAs(handlers, `${file}: inline event handlers`).toEqual([]);
      expectAs(text, file).not.toMatch(/javascript:/i);
    }
  });

  it("points every function's help link at the help page under ADDIN_URL", () => {
    const meta = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as { functions: { id: string; helpUrl?: string }[] };
    expect(meta.functions.length).toBeGreaterThanOrEqual(11);
    for (const f of meta.functions) expectAs(f.helpUrl, f.id).toMatch(/^https:\/\/example\.org\/nps\/help\.html#[a-z_]+$/);
  });
});

describe("ADDIN_URL that is not an absolute https:// URL", () => {
  it.each(["example.org", "http://x", "https://example.org/nps/?v=1"])(
    "%s fails the build with a message naming ADDIN_URL, and emits nothing",
    async (bad) => {
      const out = join(mkdtempSync(join(tmpdir(), "nps-addin-bad-")), "out");
      try {
        const r = await build(bad, out);
        expect(r.code).not.toBe(0);
        expect(r.output).toContain(`ADDIN_URL="${bad}"`);
        expect(existsSync(out)).toBe(false);
      } finally {
        rmSync(join(out, ".."), { recursive: true, force: true });
      }
    },
    60_000,
  );
});

describe("addinUrl and rewriteLocalUrls (scripts/addin-url.js)", () => {
  it("normalises ADDIN_URL to end with exactly one /", () => {
    expect(addinUrl("https://example.org/nps")).toEqual({ url: "https://example.org/nps/", origin: "https://example.org" });
    expect(addinUrl("https://example.org/nps//")).toEqual({ url: "https://example.org/nps/", origin: "https://example.org" });
    expect(addinUrl(" https://Example.ORG:443 ")).toEqual({ url: "https://example.org/", origin: "https://example.org" });
    expect(addinUrl("https://addin.example.gov.uk:8443/a/b/")).toEqual({ url: "https://addin.example.gov.uk:8443/a/b/", origin: "https://addin.example.gov.uk:8443" });
  });

  it.each(["", "example.org", "http://x", "https://", "https:example.org", "ftp://example.org/", "https://u:p@example.org/", "https://example.org/#x", "https://example.org/a'b/"])(
    "refuses %j with a message naming ADDIN_URL",
    (bad) => {
      expect(() => addinUrl(bad)).toThrow(/^ADDIN_URL=".*" .*https:\/\//);
    },
  );

  it("moves URLs with a path under ADDIN_URL and a bare origin to its origin, leaving other hosts alone", () => {
    const t = addinUrl("https://example.org/nps/");
    expect(rewriteLocalUrls('<AppDomain>https://localhost:3000</AppDomain><X DefaultValue="https://localhost:3000/taskpane.html" />', t)).toBe(
      '<AppDomain>https://example.org</AppDomain><X DefaultValue="https://example.org/nps/taskpane.html" />',
    );
    expect(rewriteLocalUrls('"helpUrl":"https://localhost:3000/help.html#tier"', t)).toBe('"helpUrl":"https://example.org/nps/help.html#tier"');
    expect(rewriteLocalUrls("see http://localhost/help.html and https://localhost:8080", t)).toBe("see https://example.org/nps/help.html and https://example.org");
    expect(rewriteLocalUrls("https://localhost.example.com/x https://example.net/localhost", t)).toBe("https://localhost.example.com/x https://example.net/localhost");
  });
});

describe("builds without ADDIN_URL stay on https://localhost:3000", () => {
  type Config = { plugins: { constructor: { name: string } }[] };
  const configFor = (mode: string, addin: string | undefined): Config => {
    const before = process.env.ADDIN_URL;
    try {
      if (addin === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = addin;
      return (webpackConfig as unknown as (env: unknown, argv: { mode: string }) => Config)({}, { mode });
    } finally {
      if (before === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = before;
    }
  };
  const rewrites = (c: Config) => c.plugins.some((p) => p.constructor.name === "AddinUrlPlugin");

  it("rewrites only in a production build with ADDIN_URL set; development ignores it", () => {
    expect(rewrites(configFor("production", "https://example.org/nps/"))).toBe(true);
    expect(rewrites(configFor("production", undefined))).toBe(false);
    expect(rewrites(configFor("production", ""))).toBe(false);
    expect(rewrites(configFor("development", undefined))).toBe(false);
    expect(rewrites(configFor("development", "https://example.org/nps/"))).toBe(false);
  });

  it("and the sources still name https://localhost:3000/ for the development server", () => {
    expect(readFileSync(join(ROOT, "manifest.xml"), "utf8")).toContain("<AppDomain>https://localhost:3000</AppDomain>");
  });
});
