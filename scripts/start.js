#!/usr/bin/env node
/**
 * `npm start`: the main job on a machine with or without Excel.
 * 1. Validates the sample division workbook with the headless validator and prints the findings.
 * 2. Builds the add-in and serves it on https://localhost:3000, ready to sideload manifest.xml.
 * Options: --no-validate (serve only), --no-serve (validate only), BOOK=path to validate another workbook.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
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

/** Certificates from office-addin-dev-certs, if the user installed them; otherwise a self-signed one. */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    return { type: "https", options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)])) };
  }
  return { type: "https" };
}

async function serve() {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });
  const compiler = webpack({ ...config, mode: "development", infrastructureLogging: { level: "warn" }, stats: "errors-warnings" });
  const server = new WebpackDevServer({ ...config.devServer, server: httpsOptions(), static: false }, compiler);
  await new Promise((resolve, reject) => {
    compiler.hooks.done.tap("start", (stats) => (stats.hasErrors() ? reject(new Error(stats.toString("errors-only"))) : resolve()));
    server.start().catch(reject);
  });
  console.log(
    [
      "",
      "== The add-in is built and served on https://localhost:3000 ==",
      "   Task pane and functions: https://localhost:3000/taskpane.html",
      "   Function metadata:       https://localhost:3000/functions.json",
      "   Sideload manifest.xml into Excel (see README, 'Sideloading'). Ctrl+C stops the server.",
      "   No Excel on this machine? The validator above is the same engine the task pane runs.",
      "",
    ].join("\n"),
  );
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.stop().then(() => process.exit(0)));
}

(async () => {
  if (!args.has("--no-validate")) {
    const status = validate();
    if (status === 2) process.exitCode = 2;
  }
  if (!args.has("--no-serve")) await serve();
})().catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
