// @ts-check
/**
 * Where the built add-in is served from. The sources (manifest.xml, the functions' @helpurl tags,
 * help.html) name the development server, https://localhost:3000/. A production build with
 * ADDIN_URL set (`ADDIN_URL=https://addin.example.gov.uk/nps/ npm run build`) rewrites every
 * localhost URL in every text file it emits into dist/ with one function, `rewriteLocalUrls`:
 * a URL with a path moves under ADDIN_URL, a bare origin (the manifest's AppDomain) becomes
 * ADDIN_URL's origin. The build then fails if any emitted file still says "localhost".
 * Used by webpack.config.js; tested by test/production-build.test.ts.
 */

const DEV_URL = "https://localhost:3000/";

/** @typedef {{ url: string, origin: string }} AddinUrl */

const EXAMPLE = "for example ADDIN_URL=https://addin.example.gov.uk/nps/";

/**
 * ADDIN_URL checked and normalised: an absolute https:// URL with no query, fragment or
 * credentials, whose path ends in exactly one "/". Throws an Error naming ADDIN_URL otherwise.
 * @param {string} value
 * @returns {AddinUrl}
 */
function addinUrl(value) {
  const raw = value.trim();
  const bad = (/** @type {string} */ why) => new Error(`ADDIN_URL="${value}" ${why}. It must be the absolute https:// address the add-in is served from, ${EXAMPLE}`);
  if (!/^https:\/\/[^/]/i.test(raw)) throw bad("does not start with https://");
  /** @type {URL} */
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw bad("is not a URL");
  }
  if (u.protocol !== "https:" || !u.hostname) throw bad("is not an https:// address");
  if (u.username || u.password) throw bad("holds a user name or password");
  if (u.search || u.hash || raw.includes("?") || raw.includes("#")) throw bad("has a query (?) or fragment (#)");
  // The URL goes unescaped into XML, HTML, JSON and JavaScript: only plain path characters.
  if (!/^[A-Za-z0-9\-._~%/]*$/.test(u.pathname)) throw bad(`has characters in its path that cannot go into the manifest unescaped (${u.pathname})`);
  const path = `${u.pathname.replace(/\/{2,}/g, "/").replace(/\/+$/, "")}/`;
  return { url: `${u.origin}${path}`, origin: u.origin };
}

/**
 * Every http(s)://localhost[:port] URL in `text`: followed by "/" it moves under `target.url`
 * ("https://localhost:3000/help.html#tier" → "https://example.org/nps/help.html#tier"); a bare origin
 * ("<AppDomain>https://localhost:3000</AppDomain>") becomes `target.origin`.
 * @param {string} text
 * @param {AddinUrl} target
 * @returns {string}
 */
function rewriteLocalUrls(text, target) {
  return text.replace(/https?:\/\/localhost(?::\d+)?(?![\w.:-])(\/)?/gi, (_m, slash) => (slash ? target.url : target.origin));
}

/** Emitted files read as text (everything else, such as the PNG icons, is left alone). */
const TEXT_ASSET = /\.(html?|js|mjs|cjs|json|xml|css|svg|txt|map|webmanifest)$/i;

/**
 * The lines of `text` that still mention localhost, numbered from 1.
 * @param {string} text
 * @returns {{ line: number, text: string }[]}
 */
function localhostLines(text) {
  return text
    .split("\n")
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => /localhost/i.test(l.text))
    .map((l) => ({ line: l.line, text: l.text.trim().slice(0, 200) }));
}

const NAME = "AddinUrlPlugin";

/** Rewrites every emitted text file with `rewriteLocalUrls`, after minifying and HTML generation. */
class AddinUrlPlugin {
  /** @param {AddinUrl} target */
  constructor(target) {
    this.target = target;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    const keepsLocalhost = /localhost/i.test(this.target.url);
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After Terser (OPTIMIZE_SIZE) and html-webpack-plugin (OPTIMIZE_INLINE); additionalAssets catches any file added later.
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER, additionalAssets: true },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!TEXT_ASSET.test(name)) continue;
            const asset = compilation.getAsset(name);
            if (!asset) continue;
            const before = asset.source.source().toString();
            const after = rewriteLocalUrls(before, this.target);
            if (after !== before) compilation.updateAsset(name, new sources.RawSource(after));
            if (keepsLocalhost) continue;
            for (const l of localhostLines(after))
              compilation.errors.push(new WebpackError(`ADDIN_URL: ${name} line ${l.line} still names localhost after rewriting to ${this.target.url}: ${l.text}`));
          }
        },
      );
    });
  }
}

module.exports = { DEV_URL, addinUrl, rewriteLocalUrls, localhostLines, TEXT_ASSET, AddinUrlPlugin };
