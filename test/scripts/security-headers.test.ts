/**
 * The add-in pages' Content-Security-Policy and the development server's cross-origin answer
 * (scripts/security-headers.js): what the policy allows, where CspPlugin puts its <meta>, what it
 * refuses to build, and which origins may read functions.json. The built pages and the running
 * servers are checked by production-build.test.ts, dev-server.test.ts and the e2e pane.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { CONTENT_SECURITY_POLICY, DIRECTIVES, OFFICE_CDN, inlineScriptProblems, responseHeaders, withCspMeta } from "../../scripts/security-headers";

const ROOT = join(__dirname, "..", "..");
const directives = new Map(CONTENT_SECURITY_POLICY.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("the Content-Security-Policy", () => {
  it("allows scripts from the add-in and Office.js's CDN only: nothing inline, no eval", () => {
    expect(directives.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|\*|data:|blob:/);
    expect(directives.get("default-src")).toEqual(["'self'"]);
  });

  it("names the CDN the pane really loads office.js from", () => {
    const page = readFileSync(join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
    const srcs = [...page.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(new URL(srcs[0]!).origin).toBe(OFFICE_CDN);
  });

  it("allows inline styles only (Griffel's run-time <style> elements), and connects to 'self' alone", () => {
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect([...directives.entries()].filter(([, v]) => v.includes("'unsafe-inline'")).map(([k]) => k)).toEqual(["style-src"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
  });

  it("shuts plugins, <base> and form posts, and leaves framing to Office (no frame-ancestors)", () => {
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
    expect(directives.has("frame-ancestors")).toBe(false);
    expect(Object.keys(DIRECTIVES)).toEqual([...directives.keys()]);
  });

  it("fits in a double-quoted HTML attribute as it is", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/["&<>]/);
  });
});

describe("CspPlugin's <meta> and its refusals", () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

  it("goes right after <meta charset>, or first in <head>, once", () => {
    expect(withCspMeta('<html><head><meta charset="UTF-8"><title>x</title></head></html>')).toBe(`<html><head><meta charset="UTF-8">${meta}<title>x</title></head></html>`);
    expect(withCspMeta("<html><head lang=en><title>x</title></head></html>")).toBe(`<html><head lang=en>${meta}<title>x</title></head></html>`);
    expect(withCspMeta(withCspMeta("<head></head>"))).toBe(`<head>${meta}</head>`);
    expect(() => withCspMeta("<body>no head</body>")).toThrow(/no <head>/);
    expect(() => withCspMeta(`<head><meta http-equiv="Content-Security-Policy" content="script-src *"></head>`)).toThrow(/of its own/);
  });

  it("reports inline scripts, inline event handlers and javascript: URLs", () => {
    expect(inlineScriptProblems('<script src="a.js"></script><script defer src=b.js></script><img src="x.png" alt="on=1">')).toEqual([]);
    expect(inlineScriptProblems("<script>alert(1)</script>")).toEqual([expect.stringMatching(/^an inline <script>/)]);
    expect(inlineScriptProblems('<button onclick="go()">Go</button>')).toEqual([expect.stringMatching(/^an inline event handler \(onclick\)/)]);
    expect(inlineScriptProblems('<body onload=x()><a href="javascript:void 0">a</a></body>')).toEqual([
      expect.stringMatching(/onload/),
      expect.stringMatching(/^a javascript: URL/),
    ]);
    expect(inlineScriptProblems('<script type="module" data-src="a.js">x()</script>')).toHaveLength(1);
  });
});

describe("the development server's headers", () => {
  it("send the policy with every response", () => {
    for (const url of ["/taskpane.html", "/taskpane.js", "/functions.json", "/x?y=1"]) expect(responseHeaders(url, undefined)["Content-Security-Policy"]).toBe(CONTENT_SECURITY_POLICY);
  });

  it("name Office on the web's origin for functions.json alone, and never *", () => {
    expect(responseHeaders("/functions.json", "https://excel.officeapps.live.com")).toMatchObject({ "Access-Control-Allow-Origin": "https://excel.officeapps.live.com", Vary: "Origin" });
    expect(responseHeaders("/functions.json?v=2", "https://excel.cloud.microsoft")["Access-Control-Allow-Origin"]).toBe("https://excel.cloud.microsoft");
    for (const origin of [undefined, "https://evil.example", "https://excel.officeapps.live.com.evil.example", "http://excel.officeapps.live.com", "null", "*"])
      expect(responseHeaders("/functions.json", origin)["Access-Control-Allow-Origin"]).toBeUndefined();
    for (const url of ["/taskpane.html", "/functions.js", "/taskpane.js.map", "/functions.json.map"])
      expect(responseHeaders(url, "https://excel.officeapps.live.com")["Access-Control-Allow-Origin"]).toBeUndefined();
  });
});
