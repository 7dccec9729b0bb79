// @ts-check
/**
 * Is Excel desktop on this machine? The answer decides what `npm start` and `npm stop` do: with Excel
 * (Windows or Mac) they sideload manifest.xml with Microsoft's office-addin-debugging, as Microsoft's
 * templates do; without it (Linux, CI) `npm start` serves the add-in for a manual sideload.
 * NPS_EXCEL=none forces the second choice on a machine with Excel (e.g. to use Excel on the web).
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/** Windows keeps Excel's path under App Paths, per machine or per user. */
const WINDOWS_KEYS = [
  "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe",
  "HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe",
];

/**
 * The default value of a registry key, or undefined when there is none.
 * @param {string} key
 * @returns {string | undefined}
 */
function regDefault(key) {
  const r = spawnSync("reg", ["query", key, "/ve"], { encoding: "utf8", windowsHide: true });
  if (r.status !== 0) return undefined;
  const m = /REG_(?:EXPAND_)?SZ\s+(.+)$/m.exec(r.stdout);
  return m?.[1]?.trim();
}

/**
 * @typedef {{ found: true, where: string } | { found: false, why: string }} ExcelHost
 * @typedef {{ platform?: string, env?: Record<string, string | undefined>, exists?: (p: string) => boolean, home?: string, registry?: (key: string) => string | undefined }} Probe
 */

/**
 * @param {Probe} [probe] what to look at; the real machine by default
 * @returns {ExcelHost}
 */
function findExcel(probe = {}) {
  const { platform = process.platform, env = process.env, exists = fs.existsSync, home = os.homedir(), registry = regDefault } = probe;
  if ((env.NPS_EXCEL ?? "").toLowerCase() === "none") return { found: false, why: "NPS_EXCEL=none asks not to use Excel desktop" };
  if (platform === "darwin") {
    const apps = ["/Applications/Microsoft Excel.app", path.join(home, "Applications", "Microsoft Excel.app")];
    const where = apps.find((p) => exists(p));
    return where ? { found: true, where } : { found: false, why: "Microsoft Excel.app is not in /Applications" };
  }
  if (platform === "win32") {
    for (const key of WINDOWS_KEYS) {
      const where = registry(key);
      if (where && exists(where.replace(/^"|"$/g, ""))) return { found: true, where: where.replace(/^"|"$/g, "") };
    }
    return { found: false, why: "Excel is not registered under App Paths in the Windows registry" };
  }
  return { found: false, why: `Excel desktop does not run on ${platform === "linux" ? "Linux" : platform}` };
}

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = "manifest.xml";

/**
 * The office-addin-debugging command line for `npm start` (sideload into Excel desktop, starting
 * `npm run dev-server` first) or `npm stop` (unload, stop the dev server).
 * @param {"start" | "stop"} action
 * @returns {string[]}
 */
function debuggingArgs(action) {
  const cli = path.join(path.dirname(require.resolve("office-addin-debugging/package.json", { paths: [ROOT] })), "cli.js");
  return action === "start"
    ? [cli, "start", MANIFEST, "desktop", "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", "3000"]
    : [cli, "stop", MANIFEST, "desktop"];
}

module.exports = { findExcel, debuggingArgs, ROOT };
