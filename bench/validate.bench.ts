/**
 * `npm run bench`: the headless validator at scale. Generates a 100,000-case division workbook,
 * then measures in fresh child processes (so peak memory is each phase's own):
 *   bare:  read the file with ExcelJS alone (its streaming reader, every cell touched, no conversion);
 *   full:  what `nps-om validate` does, with the compiled lib/ it runs: read and convert
 *          (src/workbook/read.ts), then validate.
 * Prints the best (and median) of RUNS runs, their ratio (target: at most 1.25), rows per second
 * and peak memory (target: under 500 MB). Figures, not assertions: tests do not time things.
 *
 * Options: CASES=n (default 100000), RUNS=n (default 3), KEEP=1 keeps the generated file.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { performance } from "node:perf_hooks";
import type { validateWorkbook as ValidateFn } from "../src/model/validate";
import type { readWorkbook as ReadFn } from "../src/workbook/read";
import { makeDivision } from "../scripts/sample-division";
import { streamDivision } from "../scripts/make-samples";

interface Phase {
  readonly ms: number;
  readonly readMs?: number;
  readonly validateMs?: number;
  readonly peakMb: number;
  readonly rows: number;
  readonly findings?: number;
  readonly cells?: number;
}

const MB = 1024 * 1024;
const LIB = join(__dirname, "..", "lib");

async function phase(kind: string, file: string): Promise<Phase> {
  const t0 = performance.now();
  if (kind === "bare") {
    // ExcelJS's streaming reader with the options readWorkbook uses, touching every cell's value.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([readFileSync(file)]), { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
    let rows = 0;
    let cells = 0;
    for await (const ws of reader)
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        rows++;
        row.eachCell((cell) => {
          if (cell.value !== null) cells++;
        });
      }
    return { ms: performance.now() - t0, peakMb: (process.resourceUsage().maxRSS * 1024) / MB, rows, cells };
  }
  // The compiled command-line code in lib/, exactly what `nps-om validate` runs (not tsx's on-the-fly build).
  const load = createRequire(__filename);
  const { readWorkbook } = load(join(LIB, "workbook", "read.js")) as { readWorkbook: typeof ReadFn };
  const { validateWorkbook } = load(join(LIB, "model", "validate", "index.js")) as { validateWorkbook: typeof ValidateFn };
  const read = await readWorkbook(file);
  if (!read.ok) throw new Error(read.error.message);
  const t1 = performance.now();
  const report = validateWorkbook(read.value);
  const t2 = performance.now();
  const rows = read.value.sheets.reduce((n, s) => n + s.rows.length, 0);
  return { ms: t2 - t0, readMs: t1 - t0, validateMs: t2 - t1, peakMb: (process.resourceUsage().maxRSS * 1024) / MB, rows, findings: report.findings.length };
}

function runChild(kind: string, file: string): Phase {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, "--phase", kind, file], { encoding: "utf8", maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`${kind} phase failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Phase;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f1 = (n: number) => n.toFixed(1);

async function main(): Promise<void> {
  const cases = Number(process.env["CASES"] ?? 100_000);
  const runs = Number(process.env["RUNS"] ?? 3);
  // The full phase runs the compiled lib/ that the command line runs: build it from the current source.
  const built = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(__dirname, "..", "tsconfig.cli.json")], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("could not build lib/ (tsc -p tsconfig.cli.json)");
  const dir = mkdtempSync(join(tmpdir(), "nps-bench-"));
  const file = join(dir, `division-${cases}.xlsx`);
  try {
    const t = performance.now();
    await streamDivision(makeDivision({ cases, clean: true }), file);
    console.log(`Generated ${cases.toLocaleString("en-GB")} cases: ${file} (${f1(statSync(file).size / MB)} MB) in ${f1((performance.now() - t) / 1000)} s`);

    const bare: Phase[] = [];
    const full: Phase[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate, so neither phase always runs on a warmer machine.
      bare.push(runChild("bare", file));
      full.push(runChild("full", file));
    }
    // Best of the runs: on a shared machine noise only ever adds time; the median is shown beside it.
    const best = (xs: Phase[], f: (p: Phase) => number) => Math.min(...xs.map(f));
    const bareMs = best(bare, (p) => p.ms);
    const fullMs = best(full, (p) => p.ms);
    const readMs = best(full, (p) => p.readMs ?? 0);
    const validateMs = best(full, (p) => p.validateMs ?? 0);
    const rows = full[0]!.rows;
    const peak = Math.max(...full.map((p) => p.peakMb), ...bare.map((p) => p.peakMb));
    const ratio = fullMs / bareMs;
    const medianRatio = median(full.map((p) => p.ms)) / median(bare.map((p) => p.ms));
    console.log(`\nBest of ${runs} runs (median in brackets), each phase in a fresh Node ${process.version} process:`);
    console.log(`  read with ExcelJS alone          ${f1(bareMs / 1000)} s  (${f1(median(bare.map((p) => p.ms)) / 1000)} s)`);
    console.log(`  read + convert + validate        ${f1(fullMs / 1000)} s  (${f1(median(full.map((p) => p.ms)) / 1000)} s): read+convert ${f1(readMs / 1000)} s, validate ${f1(validateMs / 1000)} s`);
    console.log(`  ratio (target at most 1.25)      ${ratio.toFixed(3)}  (${medianRatio.toFixed(3)})  ${ratio <= 1.25 ? "MET" : "MISSED"}`);
    console.log(`  rows per second (read+validate)  ${Math.round(rows / (fullMs / 1000)).toLocaleString("en-GB")}  (${rows.toLocaleString("en-GB")} rows, all sheets)`);
    console.log(`  validation alone                 ${Math.round(rows / (validateMs / 1000)).toLocaleString("en-GB")} rows/s; ${full[0]!.findings ?? 0} findings`);
    console.log(`  peak memory (target under 500)   ${f1(peak)} MB (largest of all runs; ExcelJS alone ${f1(Math.max(...bare.map((p) => p.peakMb)))} MB)  ${peak < 500 ? "MET" : "MISSED"}`);
  } finally {
    if (process.env["KEEP"] !== "1") rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf("--phase");
if (at >= 0) {
  phase(process.argv[at + 1]!, process.argv[at + 2]!).then(
    (p) => console.log(JSON.stringify(p)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
} else {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
