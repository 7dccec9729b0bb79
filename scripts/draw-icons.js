#!/usr/bin/env node
// @ts-check
/**
 * `npm run icons`: draws the add-in's icons, assets/icon-16.png, -32, -64 and -80 (the sizes the
 * manifest names), from their one source, assets/icon.svg. Each is rendered by headless Chromium
 * (playwright-core, as the end-to-end tests use it) at its exact size, one CSS pixel to one image
 * pixel, on a transparent background. The SVG shows a simpler drawing at 16 px by itself (a media
 * query on its own width), so every size is drawn the same way.
 * Chromium: CHROMIUM_PATH, else /usr/bin/chromium (Debian's `apt-get install chromium`), else the
 * browser Playwright downloads. Exit 1 with one line on stderr when no browser can be started.
 */
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "assets", "icon.svg");
const SIZES = [16, 32, 64, 80];

/**
 * The page that shows the icon: nothing but the SVG, filling the viewport, on no background.
 * @param {string} svg
 * @param {number} size
 */
function page(svg, size) {
  const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}img{display:block}</style></head><body><img src="${uri}" width="${size}" height="${size}" alt=""></body></html>`;
}

async function main() {
  const svg = fs.readFileSync(SOURCE, "utf8");
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true });
  } catch (err) {
    console.error(`Could not start Chromium (${executablePath ?? "Playwright's own"}): install it (apt-get install chromium) or set CHROMIUM_PATH. ${String(err).split("\n")[0]}`);
    process.exitCode = 1;
    return;
  }
  try {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const tab = await context.newPage();
      await tab.setContent(page(svg, size), { waitUntil: "load" });
      const out = path.join(ROOT, "assets", `icon-${size}.png`);
      await tab.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await context.close();
      console.log(`${path.relative(ROOT, out)}: ${size}×${size}, ${fs.statSync(out).size} bytes`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
