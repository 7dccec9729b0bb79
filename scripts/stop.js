#!/usr/bin/env node
// @ts-check
/**
 * `npm stop`: undoes `npm start`. With Excel desktop (Windows or Mac), office-addin-debugging unloads
 * the sideloaded add-in and stops its dev server, as Microsoft's templates do. Without it, stops the
 * server `npm start` (or `npm run dev-server`) left running, if any. It says what it did.
 */
const { spawnSync } = require("node:child_process");
const { findExcel, debuggingArgs, ROOT } = require("./excel-host");
const { stopServer } = require("./dev-server");

(async () => {
  const excel = findExcel();
  if (excel.found) {
    console.log(`Excel desktop found (${excel.where}): unloading the add-in with office-addin-debugging.`);
    const run = spawnSync(process.execPath, debuggingArgs("stop"), { cwd: ROOT, stdio: "inherit" });
    if (run.status !== 0) process.exitCode = 1;
  } else {
    console.log(`No Excel desktop here (${excel.why}): no add-in to unload.`);
  }
  // office-addin-debugging stops the dev server it started; this catches one `npm start` or `npm run dev-server` left running.
  const pid = await stopServer();
  if (pid !== undefined) console.log(`Stopped the add-in server on https://localhost:3000 (process ${pid}).`);
  else if (!excel.found) console.log("No add-in server was running.");
})().catch((e) => {
  console.error(`npm stop failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
