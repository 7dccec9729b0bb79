#!/usr/bin/env node
// The headless validator's command: the compiled CLI in lib/ (built by `npm run build:cli`, run on `prepare`).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    console.error("nps-om: the command line is not built yet; run `npm run build:cli` in the project folder first.");
    process.exit(2);
  }
  throw e;
}

// `nps-om validate book.xlsx | head`: a reader that stops early is not an error.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

cli.main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`nps-om: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
