#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: the main job.
 * 1. Validates the sample division workbook with the headless validator and prints the findings.
 * 2. With Excel desktop on this machine (Windows or Mac): sideloads manifest.xml into Excel with
 *    office-addin-debugging, which starts `npm run dev-server` first; `npm stop` unloads it.
 *    Without it (Linux, CI): builds the add-in and serves it on https://localhost:3000, ready to
 *    sideload by hand; Ctrl+C or `npm stop` stops it.
 * It says which it chose and why.
 * Options: --no-validate (skip 1), --no-serve (skip 2), BOOK=path to validate another workbook,
 * NPS_EXCEL=none to serve only even where Excel desktop is installed.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { findExcel, debuggingArgs, ROOT } = require("./excel-host");

const args = new Set(process.argv.slice(2));
const book = process.env.BOOK || path.join(ROOT, "samples", "sample-division.xlsx");

function validate() {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
    const built = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) return built.status ?? 1;
  }
  console.log(`\n== Validating ${path.relative(process.cwd(), book)} against the NPS Operating Model ==\n`);
  const run = spawnSync(process.execPath, [path.join(ROOT, "bin", "nps-om.js"), "validate", book], { cwd: ROOT, stdio: "inherit" });
  // Exit 1 means the workbook has error-severity findings: that is the answer, not a failure of the job.
  return run.status === 2 ? 2 : 0;
}

function sideload() {
  const run = spawnSync(process.execPath, debuggingArgs("start"), { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0) throw new Error(`office-addin-debugging could not sideload the add-in (exit ${String(run.status)})`);
  console.log("\n   Excel opened with the add-in: Home > Validate opens the task pane; the functions are under NPS.\n   `npm stop` unloads the add-in and stops the server.\n");
}

async function serveHere() {
  await require("./dev-server").serve();
  console.log(
    [
      "",
      "== The add-in is built and served on https://localhost:3000 ==",
      "   Task pane and functions: https://localhost:3000/taskpane.html",
      "   Function metadata:       https://localhost:3000/functions.json",
      "   Sideload manifest.xml into Excel (see README, 'Sideloading'). Ctrl+C or `npm stop` stops the server.",
      "   No Excel on this machine? The validator above is the same engine the task pane runs.",
      "",
    ].join("\n"),
  );
}

(async () => {
  if (!args.has("--no-validate")) {
    const status = validate();
    if (status === 2) process.exitCode = 2;
  }
  if (args.has("--no-serve")) return;
  const excel = findExcel();
  if (excel.found) {
    console.log(`\n== Excel desktop found (${excel.where}): sideloading manifest.xml with office-addin-debugging ==\n`);
    sideload();
  } else {
    console.log(`\n== No Excel desktop here (${excel.why}): serving the add-in for you to sideload ==\n`);
    await serveHere();
  }
})().catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
