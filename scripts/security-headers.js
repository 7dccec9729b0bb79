// @ts-check
/**
 * What the add-in's pages and files are served with, in one place.
 *
 * The Content-Security-Policy: webpack.config.js puts it into every emitted page as
 * <meta http-equiv="Content-Security-Policy"> (CspPlugin, below), so it holds on any web server the
 * dist/ folder is copied to; the development server (scripts/dev-server.js, through
 * webpack.config.js's devServer.headers) and the browser tests (test/e2e/office-page.ts) also send it
 * as a header. What each directive allows, and why:
 * - script-src: the add-in's own bundles, and Office.js from Microsoft's CDN (taskpane.html loads
 *   https://appsforoffice.microsoft.com/lib/1/hosted/office.js, which loads its host and locale
 *   files from the same folder). No 'unsafe-inline': the pages carry no inline script or event
 *   handler (CspPlugin fails the build if one appears). No 'unsafe-eval': neither webpack's
 *   production runtime nor the development build (devtool "source-map", not an eval-* one) evaluates
 *   strings, and Office.js needs no eval (its MicrosoftAjax fallback on ajax.aspnetcdn.com is off in
 *   the current library).
 * - style-src 'unsafe-inline': Fluent UI v9 styles components with Griffel, which inserts <style>
 *   elements at run time, as does FluentProvider for its theme; without 'unsafe-inline' the browser
 *   refuses every one of them (seen in the e2e pane), and a nonce or hash cannot cover rules made at
 *   run time in a static page. This allows styles only, never script.
 * - connect-src 'self': the pane fetches nothing from elsewhere. Office.js talks to Excel through the
 *   host (postMessage on the web, the webview's bridge on the desktop), not over the network, and
 *   hands its own telemetry to the host (its Agave sink). Only where a host offers no telemetry
 *   channel does Office.js fall back to posting telemetry to *.pipe.aria.microsoft.com itself; the
 *   policy refuses that on purpose: it is Microsoft's usage data, the pane works without it, and the
 *   pane contacts nothing but its own server and Office.js's CDN.
 * - img-src and font-src 'self' (through default-src): the pane's icons are inline SVG elements and
 *   its fonts the system's (Segoe UI).
 * - object-src 'none'; base-uri 'self'; form-action 'none': no plugins, no <base> elsewhere, and no
 *   form is posted anywhere (the pane has none).
 * - No frame-ancestors (and no X-Frame-Options): Office frames the pane, and Microsoft documents no
 *   complete, stable list of the origins Excel on the web frames add-ins from (*.officeapps.live.com,
 *   *.sharepoint.com, excel.cloud.microsoft and tenants' own domains have all been reported), so a
 *   list would risk blocking Excel; it would also be ignored in the <meta> form.
 *
 * Cross-origin reads (CORS): none, except that Excel on the web reads the custom functions' metadata
 * (functions.json) with XMLHttpRequest from its own origin, which Microsoft's documentation says
 * needs CORS. The development server answers that one file, for Office on the web's origins only,
 * with that origin; never "Access-Control-Allow-Origin: *", which would let any web page the
 * developer visits read the served bundles and source maps.
 *
 * Tested by test/production-build.test.ts, test/scripts/dev-server.test.ts and the e2e pane.
 */

/** Office.js's CDN: where taskpane.html loads office.js from. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** @type {Readonly<Record<string, readonly string[]>>} */
const DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'", OFFICE_CDN],
  "style-src": ["'self'", "'unsafe-inline'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};

/** The policy as a header value (and the meta's content): directives separated by "; ". */
const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(" ")}`)
  .join("; ");

/** Origins of Excel on the web (excel.officeapps.live.com and its kin, excel.cloud.microsoft): Microsoft's own domains. */
const OFFICE_WEB_ORIGIN = /^https:\/\/(?:[a-z0-9-]+\.)*(?:officeapps\.live\.com|cloud\.microsoft)$/i;

/** Files Office reads across origins: the custom functions' metadata (the manifest's Functions.Metadata.Url). */
const CROSS_ORIGIN_FILE = /(?:^|\/)functions\.json$/;

/**
 * The headers the development server sends with a response: the policy always; for functions.json
 * asked for by Excel on the web, that origin in Access-Control-Allow-Origin (never "*").
 * @param {string} url the request's path (and query)
 * @param {string | undefined} origin the request's Origin header
 * @returns {Record<string, string>}
 */
function responseHeaders(url, origin) {
  /** @type {Record<string, string>} */
  const out = { "Content-Security-Policy": CONTENT_SECURITY_POLICY };
  if (!CROSS_ORIGIN_FILE.test(new URL(url, "https://localhost").pathname)) return out;
  out.Vary = "Origin";
  if (origin && OFFICE_WEB_ORIGIN.test(origin)) out["Access-Control-Allow-Origin"] = origin;
  return out;
}

const META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

/**
 * Why a page breaks the policy: each inline <script> (one without src), inline event handler
 * attribute (onclick=...) or javascript: URL in `html`. A regular-expression scan over tags, strict
 * on purpose: an attribute value that merely looks like a handler is reported too.
 * @param {string} html
 * @returns {string[]}
 */
function inlineScriptProblems(html) {
  /** @type {string[]} */
  const out = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)) {
    const [tag, name, attrs] = /** @type {[string, string, string]} */ (/** @type {unknown} */ (m));
    if (name.toLowerCase() === "script" && !/\ssrc\s*=/i.test(attrs)) out.push(`an inline <script> (no src): ${tag.slice(0, 80)}`);
    const handler = /\s(on[a-z]+)\s*=/i.exec(attrs);
    if (handler) out.push(`an inline event handler (${handler[1]}): ${tag.slice(0, 80)}`);
    if (/=\s*["']?\s*javascript:/i.test(attrs)) out.push(`a javascript: URL: ${tag.slice(0, 80)}`);
  }
  return out;
}

/**
 * `html` with the policy's <meta> as the first thing in <head> after <meta charset> (a meta policy
 * covers only what comes after it). Throws when the page has no <head>, or a policy of its own.
 * @param {string} html
 * @returns {string}
 */
function withCspMeta(html) {
  if (html.includes(META)) return html;
  if (/http-equiv\s*=\s*["']?Content-Security-Policy/i.test(html)) throw new Error("already has a Content-Security-Policy <meta> of its own: take it out, the policy is set in scripts/security-headers.js");
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error("no <head> to put the Content-Security-Policy <meta> in");
  const after = html.slice(head.index + head[0].length);
  const charset = /^\s*<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(after);
  const at = head.index + head[0].length + (charset ? charset[0].length : 0);
  return `${html.slice(0, at)}${META}${html.slice(at)}`;
}

const NAME = "CspPlugin";

/** Puts the policy's <meta> into every emitted .html page; any inline script there fails the build. */
class CspPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After html-webpack-plugin (OPTIMIZE_INLINE); additionalAssets catches any page added later.
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER, additionalAssets: true },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.html?$/i.test(name)) continue;
            const asset = compilation.getAsset(name);
            if (!asset) continue;
            const before = asset.source.source().toString();
            try {
              const after = withCspMeta(before);
              if (after !== before) compilation.updateAsset(name, new sources.RawSource(after));
            } catch (e) {
              compilation.errors.push(new WebpackError(`${NAME}: ${name}: ${e instanceof Error ? e.message : String(e)}`));
            }
            for (const p of inlineScriptProblems(before))
              compilation.errors.push(new WebpackError(`${NAME}: ${name} has ${p}; the Content-Security-Policy allows none (move it into a bundled file)`));
          }
        },
      );
    });
  }
}

module.exports = { CONTENT_SECURITY_POLICY, DIRECTIVES, OFFICE_CDN, OFFICE_WEB_ORIGIN, responseHeaders, CspPlugin, inlineScriptProblems, withCspMeta };
