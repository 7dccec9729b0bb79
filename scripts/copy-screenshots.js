#!/usr/bin/env node
/**
 * Copies the task pane's screenshots, which the end-to-end tests take at 340 px into the ignored
 * test-results/screenshots/, to docs/screenshots/ for the README and docs/taskpane.md. Run on
 * purpose (`npm run screenshot` takes them afresh first); tests never write into docs/.
 */
"use strict";
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const FROM = join(ROOT, "test-results", "screenshots");
const TO = join(ROOT, "docs", "screenshots");

if (!existsSync(FROM)) {
  process.stderr.write(`No screenshots in ${FROM}: run the end-to-end tests first (npm run screenshot does).\n`);
  process.exit(1);
}
const shots = readdirSync(FROM).filter((f) => f.endsWith(".png")).sort();
if (shots.length === 0) {
  process.stderr.write(`No .png files in ${FROM}.\n`);
  process.exit(1);
}
mkdirSync(TO, { recursive: true });
// Pictures of states the tests no longer take are removed, so docs/ shows only what the pane does now.
for (const old of readdirSync(TO).filter((f) => f.endsWith(".png") && !shots.includes(f))) rmSync(join(TO, old));
for (const f of shots) {
  const png = readFileSync(join(FROM, f));
  const width = png.readUInt32BE(16);
  copyFileSync(join(FROM, f), join(TO, f));
  process.stdout.write(`docs/screenshots/${f}  ${width} px wide\n`);
}
if (existsSync(join(ROOT, "test-results", "taskpane.png"))) copyFileSync(join(ROOT, "test-results", "taskpane.png"), join(ROOT, "docs", "taskpane.png"));
