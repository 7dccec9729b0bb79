#!/usr/bin/env node
// @ts-check
/**
 * `npm run validate [-- path/to/manifest.xml]`: Microsoft's own manifest validation
 * (office-addin-manifest validate), which sends the manifest (never any workbook data) to Microsoft's
 * validation service. Without a network it says so plainly and exits 0, since nothing was found wrong;
 * the structural checks that `npm test` runs on manifest.xml (test/manifest.test.ts) apply either way.
 * Exit codes: 0 valid or offline, 1 Microsoft's service found errors (they are printed), 2 bad usage.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

/** What office-addin-manifest prints when the service cannot be reached (DNS, refused, timed out). */
const OFFLINE = /Unable to contact the manifest validation service|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/;

/**
 * @param {{ status: number | null, output: string }} run
 * @returns {"valid" | "invalid" | "offline"}
 */
function outcome(run) {
  if (OFFLINE.test(run.output)) return "offline";
  return run.status === 0 && /manifest is valid/i.test(run.output) ? "valid" : "invalid";
}

function main() {
  const manifest = path.resolve(process.argv[2] ?? path.join(ROOT, "manifest.xml"));
  if (!fs.existsSync(manifest)) {
    console.error(`npm run validate: no manifest at ${manifest}`);
    return 2;
  }
  const cli = path.join(path.dirname(require.resolve("office-addin-manifest/package.json", { paths: [ROOT] })), "cli.js");
  const run = spawnSync(process.execPath, [cli, "validate", manifest], { cwd: ROOT, encoding: "utf8" });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  const result = outcome({ status: run.status, output });
  const name = path.relative(process.cwd(), manifest) || manifest;
  if (result === "offline") {
    console.log(`Offline: Microsoft's manifest validation service could not be reached, so ${name} was NOT validated by it.`);
    console.log("Run `npm run validate` again with a network. The structural checks in `npm test` still apply.");
    console.log(`(office-addin-manifest said: ${output.trim().split("\n").pop()})`);
    return 0;
  }
  process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  if (result === "valid") return 0;
  console.error(`${name}: office-addin-manifest found problems (above).`);
  return 1;
}

if (require.main === module) process.exitCode = main();

module.exports = { outcome };
