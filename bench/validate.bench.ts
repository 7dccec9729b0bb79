/**
 * `npm run bench`: the headless validator at scale, against its peers, in one run. Generates a
 * 100,000-case division workbook, builds lib/ (what `nps-om` runs), then measures RUNS times each,
 * every measurement in a fresh process (so peak memory is each phase's own), the order of the phases
 * rotated from run to run so none always runs on a warmer machine:
 *
 *   e2e:      `node bin/nps-om.js validate <file> --json`, exactly as users run it, stdout to a pipe
 *             that is read and discarded. Wall time of the process (Node start-up included) and its
 *             peak memory (`/usr/bin/time -f %M` when present, else maxRSS reported by the process
 *             itself through a small `node -e` wrapper that then runs bin/nps-om.js).
 *   inproc:   a child Node process loads lib/workbook/read.js and lib/model/validate/index.js, then
 *             times readWorkbook and validateWorkbook separately (module loading excluded).
 *   pane:     the task pane's way of validating: a child Node process loads lib/ as inproc does, reads
 *             the file (not timed), then runs validateWorkbookAsync once (the first validation, on
 *             code not yet compiled), then validateWorkbook, validateWorkbookAsync twice and
 *             validateWorkbook again. validateWorkbookAsync runs with its defaults (50 ms slices),
 *             each pause a macrotask; the longest stretch of work between two pauses is the longest
 *             time Excel's shared runtime (custom functions, the pane's progress bar) waits.
 *   raw:      the raw limit: a child Node process reads the file, finds the Caseload sheet through
 *             xl/workbook.xml and its rels, inflates it and the shared strings with zlib (the zip's
 *             central directory parsed by hand) and scans every cell's value with a global regex
 *             (module loading and Node start-up excluded).
 *   openpyxl: bench/openpyxl_tier.py under /usr/bin/python3 (openpyxl read-only, tier check of every
 *             case): wall time of the whole process.
 *   readxl:   bench/readxl_caseload.R under Rscript: read_excel(Caseload), timed inside R (R start-up
 *             excluded); the process's wall time is shown beside it.
 *   capacity: the cost of the Workload family (HMPPS Workload Management Tool): a division of CASES
 *             cases and STAFF staff (default 2,000) written twice, with the Staff sheet's Contracted
 *             hours column and without it (the family then says "not checked" and counts nothing);
 *             a child Node process per file and run, in alternating order, reads the file and the other
 *             one (not timed) and validates its file once (the process's first validation, as the
 *             command line's), then both files 4 times more in pairs of alternating order (compiled
 *             code): the best of each, and the median of the pairs' ratios; last, the Workload
 *             family's own work timed alone on the file's tables (best of 10), which shared-machine
 *             noise moves least. Its peer is the same division without the column; target: checking
 *             capacity adds under 20%.
 *
 * Prints the best and the median of every measurement, the ratios with their targets (read+validate
 * at most 2.5x the raw limit; nps-om at least 4x faster than openpyxl; nps-om end to end faster than
 * readxl's read alone), nps-om's peak memory (target at most 300 MB), the pane's longest stretch
 * without a pause (goal under 200 ms) and its time against validateWorkbook's, and rows per second. Figures,
 * not assertions: exits 0 when a target is missed, 1 when a phase fails. A peer that is not
 * installed is skipped.
 *
 * The in-process phases are in bench/phases.ts, built to JavaScript and run in plain Node.
 *
 * Options: CASES=n (default 100000), RUNS=n (default 5), PHASES=inproc,pane (a comma-separated list of
 * the phases to run; default all), STAFF=n (the capacity phase's staff, default 2000), KEEP=1 keeps the generated files,
 * NO_TIME=1 measures peak memory without /usr/bin/time, HOSTILE=0 leaves out the hostile files
 * (bench/hostile.ts: the most cells and shared strings the reader accepts, and two zip bombs),
 * REPORT=0 leaves out the report workbook at 200,000 findings against ExcelJS's streaming writer
 * (bench/report.bench.ts), FUNCTIONS=0 the custom functions' per-row cost (bench/functions.bench.ts, run last).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildSync } from "esbuild";
import { makeDivision, type Division } from "../scripts/sample-division";
import { makeHostile } from "./hostile";
import { streamDivision } from "../scripts/make-samples";
import { functionsBench } from "./functions.bench";
import { reportBench } from "./report.bench";

const MB = 1024 * 1024;
const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "nps-om.js");
const PYTHON = "/usr/bin/python3";
const TIME = "/usr/bin/time";

/** One measurement of one phase; times in milliseconds. */
export interface Sample {
  /** The phase's headline time: wall time of the process (e2e, openpyxl), or the in-process time (inproc, raw, readxl). */
  readonly ms: number;
  /** Wall time of the whole process, where the headline is an inner time (readxl). */
  readonly wallMs?: number;
  readonly readMs?: number;
  readonly validateMs?: number;
  readonly inflateMs?: number;
  readonly scanMs?: number;
  readonly peakMb?: number;
  readonly rows?: number;
  readonly cells?: number;
  readonly findings?: number;
  readonly tierFindings?: number;
  /** pane: validateWorkbook in the same process (mean of two runs), beside `ms`, validateWorkbookAsync's (mean of two). */
  readonly syncMs?: number;
  /** pane: the longest stretch of work between two pauses of validateWorkbookAsync (worst of its two runs beside validateWorkbook's). */
  readonly longestMs?: number;
  /** pane: the same in the first validation of the process, on code not yet compiled. */
  readonly coldLongestMs?: number;
  /** pane: how many times validateWorkbookAsync paused for the host. */
  readonly pauses?: number;
  /** The peer's own summary line (openpyxl, readxl). */
  readonly note?: string;
  /** repeat: the best of the validations after the process's first, on compiled code. */
  readonly warmValidateMs?: number;
  /** repeat: the same for the peer file, validated in pairs with the file in the same process, and the median of the pairs' ratios (file ÷ peer). */
  readonly peerWarmValidateMs?: number;
  readonly pairRatio?: number;
  /** repeat: the Workload family's own work timed alone on the file's tables (best of 10), when it has contracted hours. */
  readonly familyMs?: number;
  /** repeat: findings of the Workload family, and whether it was checked (the Staff sheet has contracted hours). */
  readonly workloadFindings?: number;
  readonly workloadChecked?: boolean;
}

// --- running processes --------------------------------------------------------------------------

interface Ran {
  readonly code: number | null;
  readonly wallMs: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly peakMb?: number;
}

let useTime = false;

/**
 * Runs a command, timing it from spawn to exit. Its stdout goes to a pipe that is read and
 * discarded (`keep` keeps it, for the peers' short summaries). With /usr/bin/time, peak memory
 * comes from `-f %M` (KB), written to a file so the command's own stderr stays its own.
 */
function run(cmd: string, args: readonly string[], keep: boolean, memDir: string): Promise<Ran> {
  const memFile = join(memDir, "maxrss");
  const [c, a] = useTime ? [TIME, ["-f", "%M", "-o", memFile, cmd, ...args]] : [cmd, [...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(c, a, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => {
      if (keep) out.push(b);
    });
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      let peakMb: number | undefined;
      if (useTime && existsSync(memFile)) {
        const kb = Number(readFileSync(memFile, "utf8").trim().split("\n").pop());
        if (Number.isFinite(kb) && kb > 0) peakMb = kb / 1024;
        rmSync(memFile, { force: true });
      }
      resolve({ code, wallMs, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), ...(peakMb !== undefined ? { peakMb } : {}) });
    });
  });
}

const lastLine = (s: string) => s.trim().split("\n").pop() ?? "";

/**
 * Without /usr/bin/time: a `node -e` wrapper that runs bin/nps-om.js as `node bin/nps-om.js ...` would
 * (process.argv as the CLI sees it) and writes its own maxRSS to stderr on exit.
 */
const RSS_WRAPPER =
  'const [bin, ...rest] = process.argv.slice(1); process.argv = [process.argv[0], require("path").resolve(bin), ...rest]; process.on("exit", () => require("fs").writeSync(2, "\\n@@maxrss " + process.resourceUsage().maxRSS + "\\n")); require(bin);';

async function endToEnd(file: string, memDir: string): Promise<Sample> {
  const args = ["validate", file, "--json"];
  const r = useTime ? await run(process.execPath, [BIN, ...args], false, memDir) : await run(process.execPath, ["-e", RSS_WRAPPER, BIN, ...args], false, memDir);
  // 0: no errors; 1: error findings (still a complete run); anything else is a failure.
  if (r.code !== 0 && r.code !== 1) throw new Error(`nps-om validate exited ${r.code}: ${r.stderr.trim()}`);
  let peakMb = r.peakMb;
  if (!useTime) {
    const m = /@@maxrss (\d+)/.exec(r.stderr);
    if (m) peakMb = Number(m[1]) / 1024;
  }
  return { ms: r.wallMs, ...(peakMb !== undefined ? { peakMb } : {}) };
}

/** bench/phases.ts built into plain JavaScript, so the in-process phases run in plain Node, as the command line does (not under tsx). */
let phasesJs = "";

async function runChild(kind: string, file: string, memDir: string, peer?: string): Promise<Sample> {
  const r = await run(process.execPath, [phasesJs, kind, file, ...(peer !== undefined ? [peer] : [])], true, memDir);
  if (r.code !== 0) throw new Error(`${kind} phase failed: ${r.stderr.trim()}`);
  return JSON.parse(lastLine(r.stdout)) as Sample;
}

async function openpyxl(file: string, memDir: string): Promise<Sample> {
  const r = await run(PYTHON, [join(__dirname, "openpyxl_tier.py"), file], true, memDir);
  if (r.code !== 0) throw new Error(`openpyxl peer failed: ${r.stderr.trim()}`);
  return { ms: r.wallMs, note: lastLine(r.stdout), ...(r.peakMb !== undefined ? { peakMb: r.peakMb } : {}) };
}

async function readxl(file: string, memDir: string): Promise<Sample> {
  const r = await run("Rscript", [join(__dirname, "readxl_caseload.R"), file], true, memDir);
  const seconds = Number(lastLine(r.stdout));
  if (r.code !== 0 || !Number.isFinite(seconds)) throw new Error(`readxl peer failed: ${r.stderr.trim() || r.stdout.trim()}`);
  const lines = r.stdout.trim().split("\n");
  return { ms: seconds * 1000, wallMs: r.wallMs, note: lines[lines.length - 2], ...(r.peakMb !== undefined ? { peakMb: r.peakMb } : {}) };
}

/** Whether a command runs and exits 0 (a peer's interpreter and library are installed). */
function works(cmd: string, args: readonly string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: "ignore", timeout: 60_000 });
  return r.error === undefined && r.status === 0;
}

// --- figures ------------------------------------------------------------------------------------

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}
const best = (xs: readonly number[]) => Math.min(...xs);
const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 2)} s`;
const mb = (m: number) => `${m.toFixed(0)} MB`;
const times = (r: number) => `${r.toFixed(2)}x`;
const added = (r: number) => `${r >= 1 ? "+" : ""}${((r - 1) * 100).toFixed(1)}%`;
const millis = (ms: number) => `${ms.toFixed(0)} ms`;
const perSecond = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en-GB")}/s`;
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

function row(label: string, b: string, m: string, extra = ""): void {
  console.log(`  ${pad(label, 58)}${padLeft(b, 11)}${padLeft(m, 11)}${extra ? `   ${extra}` : ""}`);
}

/** MET or MISSED on the best and on the median. */
function verdict(metBest: boolean, metMedian: boolean): string {
  return metBest === metMedian ? (metBest ? "MET" : "MISSED") : metBest ? "MET on best, MISSED on median" : "MISSED on best, MET on median";
}

function values(xs: readonly Sample[], f: (s: Sample) => number | undefined): number[] {
  return xs.map(f).filter((v): v is number => v !== undefined);
}

/** A measurement's best and median row. */
function measure(label: string, xs: readonly Sample[], f: (s: Sample) => number | undefined, extra = ""): void {
  const v = values(xs, f);
  if (v.length > 0) row(label, secs(best(v)), secs(median(v)), extra);
}

// --- main ---------------------------------------------------------------------------------------

type Kind = "e2e" | "inproc" | "pane" | "raw" | "openpyxl" | "readxl";

/** The division without the Staff sheet's Contracted hours column: the Workload family is then not checked. */
function withoutHours(division: Division): Division {
  return {
    ...division,
    sheets: division.sheets.map((s) => {
      const i = s.kind === "staff" ? s.header.indexOf("Contracted hours") : -1;
      if (i < 0) return s;
      return { ...s, header: s.header.filter((_, j) => j !== i), rows: s.rows.map((r) => r.filter((_, j) => j !== i)) };
    }),
  };
}

/**
 * The cost of checking capacity: validation of the same division with and without contracted hours,
 * each run in a fresh process, the two in alternating order from run to run. Target: under 20% added.
 */
async function capacityCost(dir: string, cases: number, staff: number, runs: number): Promise<void> {
  const t = performance.now();
  const division = makeDivision({ cases, staff, clean: true });
  const staffRows = division.sheets.find((s) => s.kind === "staff")!.rows.length;
  const files = { with: join(dir, `capacity-with-${cases}.xlsx`), without: join(dir, `capacity-without-${cases}.xlsx`) };
  await streamDivision(division, files.with);
  await streamDivision(withoutHours(division), files.without);
  console.log(
    `\nCapacity (the Workload family): ${cases.toLocaleString("en-GB")} cases and ${staffRows.toLocaleString("en-GB")} staff, written with and without the Staff sheet's ` +
      `Contracted hours column (${(statSync(files.with).size / MB).toFixed(1)} MB each) in ${secs(performance.now() - t)}; ${runs} runs of each, each in a fresh process, order alternated`,
  );
  const got: { with: Sample[]; without: Sample[] } = { with: [], without: [] };
  for (let i = 0; i < runs; i++)
    for (const k of i % 2 === 0 ? (["with", "without"] as const) : (["without", "with"] as const))
      got[k].push(await runChild("repeat", files[k], dir, files[k === "with" ? "without" : "with"]));
  if (!got.with.every((s) => s.workloadChecked === true) || !got.without.every((s) => s.workloadChecked === false)) throw new Error("capacity: the Workload family was not checked with contracted hours, or was checked without them");
  row("", "best", "median");
  const cost = (label: string, f: (s: Sample) => number | undefined) => {
    const a = values(got.with, f);
    const b = values(got.without, f);
    row(`${label}: with Contracted hours`, secs(best(a)), secs(median(a)));
    row("  without (peer: the Workload family not checked)", secs(best(b)), secs(median(b)));
    const rb = best(a) / best(b);
    const rm = median(a) / median(b);
    const perRun = got.with.map((s, i) => f(s)! / f(got.without[i]!)!);
    row(`  added by checking capacity`, added(rb), added(rm), `under 20%: ${verdict(rb < 1.2, rm < 1.2)} (run by run: ${added(best(perRun))} to ${added(Math.max(...perRun))})`);
  };
  cost("validate, first in the process", (s) => s.validateMs);
  cost("validate again, best of 4 more", (s) => s.warmValidateMs);
  // Each process's pairs, with ÷ without: a "without" process's ratios are the other way up.
  const pairs = [...values(got.with, (s) => s.pairRatio), ...values(got.without, (s) => s.pairRatio).map((r) => 1 / r)];
  const sorted = [...pairs].sort((a, b) => a - b);
  row(
    "  added, pairs in one process (lowest, median)",
    added(sorted[0]!),
    added(median(pairs)),
    `under 20%: ${verdict(sorted[0]! < 1.2, median(pairs) < 1.2)} (${pairs.length} processes' medians of 4 pairs; highest ${added(sorted[sorted.length - 1]!)})`,
  );
  // The family's own work timed alone, against validation without it: the cost, less the noise of whole validations.
  const own = values(got.with, (s) => s.familyMs);
  const base = values(got.without, (s) => s.warmValidateMs);
  row(
    "  the Workload family's own work, timed alone",
    millis(best(own)),
    millis(median(own)),
    `${added(1 + best(own) / best(base))} / ${added(1 + median(own) / median(base))} of validation without it: ${verdict(best(own) / best(base) < 0.2, median(own) / median(base) < 0.2)}`,
  );
  const w = got.with[0]!;
  console.log(`  With contracted hours: ${w.findings ?? 0} findings, ${w.workloadFindings ?? 0} of them the Workload family's; without: ${got.without[0]!.findings ?? 0}.`);
}

/** Peak memory of `nps-om validate` on each hostile file (target: under 1 GB), its time and what it said. */
async function hostile(dir: string): Promise<void> {
  const files = makeHostile(dir);
  console.log(`\nHostile files (target: peak memory under 1 GB on every one, and one line, never a crash):`);
  for (const h of files) {
    const r = useTime ? await run(process.execPath, [BIN, "validate", h.file], true, dir) : await run(process.execPath, ["-e", RSS_WRAPPER, BIN, "validate", h.file], true, dir);
    const peak = r.peakMb ?? Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const err = r.stderr.replace(/\n?@@maxrss \d+\n?/, "").trim();
    // A file that could not be read says so in one line on stderr; one that was read ends its summary with "Result: ...".
    const ok = err === "" ? /^Result: /m.test(r.stdout) : !err.includes("\n") && !/internal error|heap|\bat .*:\d+:\d+/.test(err);
    const line = (err === "" ? (/^Result: .*$/m.exec(r.stdout)?.[0] ?? "") : err).replace(h.file, "<file>");
    row(h.name, mb(peak), secs(r.wallMs), `exit ${r.code}${peak < 1024 && ok ? "" : "  MISSED"}`);
    console.log(`      ${line.length > 150 ? line.slice(0, 147) + "..." : line}`);
  }
}

async function main(): Promise<void> {
  const cases = Number(process.env["CASES"] ?? 100_000);
  const runs = Math.max(1, Number(process.env["RUNS"] ?? 5));
  useTime = process.env["NO_TIME"] !== "1" && works(TIME, ["-f", "%M", "true"]);
  const havePython = works(PYTHON, ["-c", "import openpyxl"]);
  const haveR = works("Rscript", ["-e", "suppressPackageStartupMessages(library(readxl))"]);

  // The e2e and in-process phases run the compiled lib/ that the command line runs: build it from the current source.
  const built = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.cli.json")], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("could not build lib/ (tsc -p tsconfig.cli.json)");
  const dir = mkdtempSync(join(tmpdir(), "nps-bench-"));
  phasesJs = join(dir, "phases.js");
  buildSync({ entryPoints: [join(__dirname, "phases.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", outfile: phasesJs, logLevel: "error" });
  process.env["NPS_OM_ROOT"] = ROOT;
  const file = join(dir, `division-${cases}.xlsx`);
  try {
    const only = process.env["PHASES"]?.split(",").map((k) => k.trim());
    const kinds = (["e2e", "inproc", "pane", "raw", ...(havePython ? (["openpyxl"] as const) : []), ...(haveR ? (["readxl"] as const) : [])] as Kind[]).filter((k) => only === undefined || only.includes(k));
    const capacity = only === undefined || only.includes("capacity");
    if (kinds.length === 0 && !capacity) throw new Error(`PHASES=${process.env["PHASES"] ?? ""}: no such phase (e2e, inproc, pane, raw, openpyxl, readxl, capacity)`);
    if (kinds.length === 0) {
      // Only the capacity phase: no division of the default staff to generate.
      await capacityCost(dir, cases, Number(process.env["STAFF"] ?? 2000), runs);
      await theRest(dir);
      return;
    }
    const t = performance.now();
    await streamDivision(makeDivision({ cases, clean: true }), file);
    console.log(`Generated ${cases.toLocaleString("en-GB")} cases: ${file} (${(statSync(file).size / MB).toFixed(1)} MB) in ${secs(performance.now() - t)}`);
    const got: Record<Kind, Sample[]> = { e2e: [], inproc: [], pane: [], raw: [], openpyxl: [], readxl: [] };
    const measureOnce: Record<Kind, () => Promise<Sample>> = {
      e2e: () => endToEnd(file, dir),
      inproc: () => runChild("inproc", file, dir),
      pane: () => runChild("pane", file, dir),
      raw: () => runChild("raw", file, dir),
      openpyxl: () => openpyxl(file, dir),
      readxl: () => readxl(file, dir),
    };
    for (let i = 0; i < runs; i++) {
      // Rotate the order each run, so no phase always runs first (or last) on a warmer machine.
      const order = kinds.map((_, j) => kinds[(i + j) % kinds.length]!);
      for (const k of order) got[k].push(await measureOnce[k]());
      process.stderr.write(`  run ${i + 1} of ${runs} done (${order.join(", ")})\n`);
    }

    const { e2e, inproc, pane, raw } = got;
    const rows = inproc[0]?.rows ?? 0;
    const memoryBy = useTime ? `${TIME} -f %M` : "the process's own maxRSS (no /usr/bin/time)";
    console.log(`\n${runs} runs of each phase (${kinds.join(", ")}), each in a fresh process, order rotated each run; Node ${process.version}, ${cpus().length} CPUs; peak memory by ${memoryBy}.`);
    row("", "best", "median");
    measure("nps-om validate --json, end to end (process wall time)", e2e, (s) => s.ms);
    measure("  in-process read (lib/workbook/read.js)", inproc, (s) => s.readMs);
    measure("  in-process validate (lib/model/validate)", inproc, (s) => s.validateMs);
    measure("  in-process read + validate", inproc, (s) => s.ms);
    measure("raw limit: inflate Caseload + shared strings, scan cells", raw, (s) => s.ms);
    measure("  of which: read file, parse zip, inflate", raw, (s) => s.inflateMs);
    measure("  of which: scan every cell's value", raw, (s) => s.scanMs, `${(raw[0]?.cells ?? 0).toLocaleString("en-GB")} cells`);
    if (havePython) measure("openpyxl read-only tier check (python3 process wall time)", got.openpyxl, (s) => s.ms, got.openpyxl[0]?.note ?? "");
    if (haveR) {
      measure("readxl read_excel(Caseload), inside R", got.readxl, (s) => s.ms, got.readxl[0]?.note ?? "");
      measure("  Rscript process wall time (for context)", got.readxl, (s) => s.wallMs);
    }

    console.log("\nTargets");
    row("", "best", "median");
    const ratio = (label: string, a: readonly number[], b: readonly number[], target: string, met: (r: number) => boolean) => {
      if (a.length === 0 || b.length === 0) return;
      const rb = best(a) / best(b);
      const rm = median(a) / median(b);
      row(label, times(rb), times(rm), `${target}: ${verdict(met(rb), met(rm))}`);
    };
    ratio("nps-om read+validate / raw limit", values(inproc, (s) => s.ms), values(raw, (s) => s.ms), "at most 2.5x", (r) => r <= 2.5);
    if (havePython) ratio("openpyxl wall / nps-om end to end", values(got.openpyxl, (s) => s.ms), values(e2e, (s) => s.ms), "nps-om at least 4x faster", (r) => r >= 4);
    else console.log("  openpyxl peer: skipped (python3-openpyxl not installed)");
    if (haveR) ratio("readxl in R / nps-om end to end", values(got.readxl, (s) => s.ms), values(e2e, (s) => s.ms), "nps-om faster (above 1)", (r) => r > 1);
    else console.log("  readxl peer: skipped (Rscript or its readxl package not installed)");
    const peaks = values(e2e, (s) => s.peakMb);
    if (peaks.length > 0) {
      const worst = Math.max(...peaks);
      row("nps-om peak memory, end to end", mb(best(peaks)), mb(median(peaks)), `at most 300 MB: ${worst <= 300 ? "MET" : "MISSED"} (largest of all runs ${mb(worst)})`);
    } else if (e2e.length > 0) console.log("  nps-om peak memory: not measured");

    if (pane.length > 0) {
      // The pane validates in Excel's shared runtime, one thread with the custom functions: they wait while it works.
      console.log("\nTask pane: validateWorkbookAsync (50 ms slices, a macrotask at each pause) against validateWorkbook, in one process");
      row("", "best", "median");
      const stretch = (label: string, longest: readonly number[]) =>
        row(label, millis(best(longest)), millis(median(longest)), `goal under 200 ms: ${verdict(best(longest) < 200, median(longest) < 200)} (worst of all runs ${millis(Math.max(...longest))})`);
      stretch("longest stretch without a pause, first validation", values(pane, (s) => s.coldLongestMs));
      stretch("longest stretch without a pause, later validations", values(pane, (s) => s.longestMs));
      const pauses = values(pane, (s) => s.pauses);
      row("pauses (yields to the host) per validation", String(best(pauses)), String(median(pauses)));
      row("validateWorkbookAsync, start to report (pauses included)", secs(best(values(pane, (s) => s.ms))), secs(median(values(pane, (s) => s.ms))));
      row("validateWorkbook, same process", secs(best(values(pane, (s) => s.syncMs))), secs(median(values(pane, (s) => s.syncMs))));
      const slower = pane.map((s) => s.ms / s.syncMs!);
      row("async / sync, per run", times(best(slower)), times(median(slower)));
    }

    console.log("\nThroughput (best, median)");
    const e2eMs = values(e2e, (s) => s.ms);
    const inMs = values(inproc, (s) => s.ms);
    const valMs = values(inproc, (s) => s.validateMs);
    if (e2eMs.length > 0 && inMs.length > 0) row(`end to end, all sheets (${rows.toLocaleString("en-GB")} rows)`, perSecond(rows, best(e2eMs)), perSecond(rows, median(e2eMs)));
    if (e2eMs.length > 0) row(`end to end, cases (${cases.toLocaleString("en-GB")})`, perSecond(cases, best(e2eMs)), perSecond(cases, median(e2eMs)));
    if (inMs.length > 0) {
      row("in-process read + validate, all sheets", perSecond(rows, best(inMs)), perSecond(rows, median(inMs)));
      row("validation alone, all sheets", perSecond(rows, best(valMs)), perSecond(rows, median(valMs)));
    }
    const rawMs = values(raw, (s) => s.ms);
    if (rawMs.length > 0) row("raw limit, Caseload rows (header included)", perSecond(raw[0]!.rows ?? 0, best(rawMs)), perSecond(raw[0]!.rows ?? 0, median(rawMs)));
    const found = inproc[0] ?? pane[0];
    if (found)
      console.log(
        `\nnps-om found ${found.findings ?? 0} findings${found.tierFindings !== undefined ? ` (${found.tierFindings} caseload.tier)` : ""}` +
          `${havePython && got.openpyxl[0] ? `; openpyxl script: ${got.openpyxl[0].note ?? ""}` : ""}.` +
          `${inproc.length > 0 ? ` In-process child peak memory ${mb(median(values(inproc, (s) => s.peakMb)))} (median).` : ""}`,
      );
    if (capacity) await capacityCost(dir, cases, Number(process.env["STAFF"] ?? 2000), runs);
    await theRest(dir);
  } finally {
    if (process.env["KEEP"] !== "1") rmSync(dir, { recursive: true, force: true });
    else console.log(`Kept the generated files in ${dir}`);
  }
}

/** The hostile files, the report workbook and the custom functions, unless left out. */
async function theRest(dir: string): Promise<void> {
  if (process.env["HOSTILE"] !== "0") await hostile(dir);
  if (process.env["REPORT"] !== "0") {
    console.log("");
    if ((await reportBench()) !== 0) process.exitCode = 1;
  }
  if (process.env["FUNCTIONS"] !== "0") {
    console.log("");
    if ((await functionsBench()) !== 0) process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
