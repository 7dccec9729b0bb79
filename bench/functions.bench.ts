/**
 * The custom functions' per-row cost: run at the end of `npm run bench`, or alone with
 * `npx tsx bench/functions.bench.ts`. dist/functions.js (built with `npx webpack --mode production`
 * if missing) is evaluated with only CustomFunctions and Office stubbed on globalThis, in a fresh
 * child Node process per phase (this file built by esbuild
 * into plain JavaScript, as validate.bench.ts builds phases.ts), on data from a fixed seed
 * (./functions-data.ts, with the bare loop TIER is measured against):
 *   tier:   TIER over ROWS mixed cases, blanks as the web sends them (null) and as desktop does (0),
 *           and its peer in the same process: a bare loop doing Diagram 1's thresholds over the same
 *           arrays, which must give the bundle's tiers on the web data. Target: TIER within 5x of it.
 *   <ID>:   every other function in dist/functions.json at ROWS and 2 x ROWS rows (linear: about 2x).
 *   column: TIER over a whole column, 1,048,576 rows, data in the first 1,000, the rest 0 (desktop).
 *   vlo-table: VLO_WEIGHT with a division's weights table of VLO_TYPES case types (default 10,000)
 *           over as many cases, against its peer in the same process: twice the types over twice the
 *           cases (linear: about 2x; a search of the table per case would be 4x), and the default
 *           7-type table over the same cases.
 * Median and best of RUNS runs after WARM warm-up runs, a phase's cases interleaved. Figures, not
 * assertions: exits 0 when a target is missed, 1 when the bundle throws a JavaScript exception (a
 * CustomFunctions error is shown, not a failure) or the bare loop disagrees with TIER.
 * Options: ROWS=n (default 100000), RUNS=n (7), WARM=n (2), VLO_TYPES=n (10000), ONLY=tier,column,vlo-table,<ID>,... (default all).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runInThisContext } from "node:vm";
import { argsFor, bareTier, desktop, TIER_ARGS, tierColumns, vloTableArgs, type Cell, type FunctionMeta, type TierCols } from "./functions-data";

const ROOT = process.env["NPS_OM_ROOT"] ?? join(__dirname, "..");
const BUNDLE = join(ROOT, "dist", "functions.js");
const ROWS = Number(process.env["ROWS"] ?? 100_000);
const RUNS = Math.max(1, Number(process.env["RUNS"] ?? 7));
const WARM = Math.max(0, Number(process.env["WARM"] ?? 2));
const SHEET_ROWS = 1_048_576;
const FILLED = 1_000;
const VLO_TYPES = Number(process.env["VLO_TYPES"] ?? 10_000);
const MB = 1024 * 1024;

type Fn = (...args: unknown[]) => unknown;
/** One timed case as the child reports it: result height, cells holding a CustomFunctions error, a whole-call error if thrown. */
type Timing = { readonly label: string; readonly rows: number; readonly ms: number[]; readonly height: number; readonly errors: number; readonly firstError?: string; readonly thrown?: string };

/** The CustomFunctions stub (test/support/custom-functions-stub.ts), its own copy: the child is built on its own. */
class StubError {
  constructor(readonly code: string, readonly message?: string) {}
}
const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" };

// --- the child: load the bundle, time the calls -------------------------------------------------

/**
 * The bundle in the child's own realm, as a browser engine runs it, with only CustomFunctions and
 * Office added to globalThis. (A node:vm context, as the tests use, makes every global lookup about
 * four times slower than any JavaScript engine Excel uses: right for checking, wrong for timing.)
 */
function loadBundle(): Map<string, Fn> {
  const fns = new Map<string, Fn>();
  const g = globalThis as Record<string, unknown>;
  g["CustomFunctions"] = { Error: StubError, ErrorCode, associate: (id: string, fn: Fn) => fns.set(id, fn) };
  g["Office"] = { onReady: () => Promise.resolve({ host: null, platform: null }) };
  runInThisContext(readFileSync(BUNDLE, "utf8"), { filename: "functions.js" });
  return fns;
}

type Case = { readonly label: string; readonly rows: number; readonly run: () => unknown };

/** A bundle call: a thrown CustomFunctions error is its answer; any other exception is a bug and propagates. */
const invoke = (fn: Fn, args: readonly unknown[]) => (): unknown => {
  try {
    return fn(...args);
  } catch (e) {
    if (e instanceof StubError) return e;
    throw e;
  }
};

/** Runs the cases WARM + RUNS times, interleaved and rotated; keeps each one's first answer. */
function time(cases: readonly Case[], runs = RUNS, warm = WARM): { timings: Timing[]; answers: unknown[] } {
  const ms = cases.map((): number[] => []);
  const answers: unknown[] = [];
  for (let i = 0; i < warm + runs; i++)
    for (let j = 0; j < cases.length; j++) {
      const k = (i + j) % cases.length;
      const t0 = performance.now();
      const out = cases[k]!.run();
      const t = performance.now() - t0;
      if (i === 0) answers[k] = out;
      if (i >= warm) ms[k]!.push(t);
    }
  const timings = cases.map((c, k): Timing => {
    const a = answers[k];
    const cells = Array.isArray(a) ? (a as unknown[][]).flat() : [];
    const errors = cells.filter((v): v is StubError => v instanceof StubError);
    const first = errors[0] ? { firstError: `row ${cells.indexOf(errors[0]) + 1}: ${errors[0].code}: ${errors[0].message ?? ""}` } : {};
    const base = { label: c.label, rows: c.rows, ms: ms[k]!, height: Array.isArray(a) ? a.length : 0, errors: errors.length, ...first };
    return a instanceof StubError ? { ...base, thrown: `${a.code}: ${a.message ?? ""}` } : base;
  });
  return { timings, answers };
}

function child(phase: string): Timing[] {
  const fns = loadBundle();
  const metas = (JSON.parse(readFileSync(join(ROOT, "dist", "functions.json"), "utf8")) as { functions: FunctionMeta[] }).functions;
  const fn = (id: string) => fns.get(id) ?? (() => { throw new Error(`${id} is not associated by dist/functions.js`); })();
  const tierArgs = (c: TierCols) => {
    const names = metas.find((m) => m.id === "TIER")!.parameters.map((p) => p.name);
    if (TIER_ARGS.some((a, i) => names[i] !== a)) throw new Error(`TIER's arguments are now ${names.join(", ")}: update the bench`);
    return names.map((_, i) => (i < TIER_ARGS.length ? c[TIER_ARGS[i]!] : null));
  };
  if (phase === "tier") {
    const web = tierColumns(ROWS, 1);
    const desk = Object.fromEntries(TIER_ARGS.map((a) => [a, desktop(web[a])])) as TierCols;
    const { timings, answers } = time([
      { label: "TIER, web blanks (null)", rows: ROWS, run: invoke(fn("TIER"), tierArgs(web)) },
      { label: "TIER, desktop blanks (0)", rows: ROWS, run: invoke(fn("TIER"), tierArgs(desk)) },
      { label: "bare loop, same thresholds (web data)", rows: ROWS, run: () => bareTier(web) },
    ]);
    const [got, want] = [answers[0], (answers[2] as string[][]).map(([t]) => t!)];
    if (got instanceof StubError) throw new Error(`TIER threw ${got.code}: ${got.message ?? ""}`);
    const shown = (v: unknown) => (v instanceof StubError ? "#" : String(v));
    const i = want.findIndex((w, k) => shown((got as unknown[][])[k]?.[0]) !== w);
    if (i >= 0) {
      const inputs = TIER_ARGS.map((a) => `${a}=${JSON.stringify(web[a][i]![0])}`).join(" ");
      const v = (got as unknown[][])[i]?.[0];
      console.error(`TIER and the bare loop differ at row ${i + 1}: TIER ${v instanceof StubError ? `${v.code}: ${v.message ?? ""}` : JSON.stringify(v)}, bare loop ${JSON.stringify(want[i])} (${inputs})`);
      process.exit(1);
    }
    return timings;
  }
  if (phase === "column") {
    const data = tierColumns(FILLED, 2);
    const whole = Object.fromEntries(TIER_ARGS.map((a) => [a, desktop([...data[a], ...Array.from({ length: SHEET_ROWS - FILLED }, (): Cell[] => [null])])])) as TierCols;
    const few = Object.fromEntries(TIER_ARGS.map((a) => [a, desktop(data[a])])) as TierCols;
    return time(
      [
        { label: `TIER, whole column (${FILLED.toLocaleString("en-GB")} with data, desktop)`, rows: SHEET_ROWS, run: invoke(fn("TIER"), tierArgs(whole)) },
        { label: `TIER, the same ${FILLED.toLocaleString("en-GB")} rows alone`, rows: FILLED, run: invoke(fn("TIER"), tierArgs(few)) },
      ],
      Math.min(RUNS, 5),
      1,
    ).timings;
  }
  if (phase === "vlo-table") {
    const meta = metas.find((m) => m.id === "VLO_WEIGHT")!;
    const n = VLO_TYPES;
    const c = (types: number, cases: number, label: string): Case => ({ label, rows: cases, run: invoke(fn("VLO_WEIGHT"), vloTableArgs(meta, types, cases, 4)) });
    return time([
      c(n, n, `VLO_WEIGHT, ${count(n)}-type weights table`),
      c(2 * n, 2 * n, `VLO_WEIGHT, ${count(2 * n)}-type weights table`),
      c(0, n, "VLO_WEIGHT, default 7-type table (peer)"),
    ]).timings;
  }
  const meta = metas.find((m) => m.id === phase);
  if (!meta) throw new Error(`no function ${phase} in dist/functions.json`);
  return time([ROWS, 2 * ROWS].map((n) => ({ label: phase, rows: n, run: invoke(fn(phase), argsFor(meta, n, 3)) }))).timings;
}

// --- the parent: build, spawn, print ------------------------------------------------------------

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}
const best = (xs: readonly number[]) => Math.min(...xs);
const fmtMs = (ms: number) => `${ms.toFixed(ms < 100 ? 2 : 1)} ms`;
const count = (n: number) => n.toLocaleString("en-GB");
const cut = (s: string) => (s.length > 110 ? `${s.slice(0, 107)}...` : s);
const row = (label: string, ...cols: string[]) => `  ${label.padEnd(52)}${cols.map((c, i) => c.padStart([10, 12, 12, 14][i] ?? 12)).join("")}`;

function line(t: Timing, extra = ""): void {
  const m = median(t.ms);
  const errors = t.errors > 0 ? `${count(t.errors)} error cells, first at ${cut(t.firstError ?? "")}` : "";
  const notes = [extra, errors, t.thrown ? `whole call: ${cut(t.thrown)}` : ""].filter((s) => s !== "").join("; ");
  console.log(`${row(t.label, count(t.rows), fmtMs(m), fmtMs(best(t.ms)), `${Math.round((m * 1e6) / t.rows)} ns/row`)}${notes ? `   ${notes}` : ""}`);
}

/** Newest source the bundle is built from, to say when dist/ is older than it. */
function newestSource(): number {
  const dirs = ["functions", "model", "runtime"].map((d) => join(ROOT, "src", d));
  return Math.max(...dirs.flatMap((d) => readdirSync(d, { recursive: true, encoding: "utf8" }).map((f) => statSync(join(d, f)).mtimeMs)));
}

/** The whole bench: 0 when every phase ran and the peer agreed (targets met or not), 1 otherwise. */
export async function functionsBench(): Promise<number> {
  if (!existsSync(BUNDLE)) {
    console.log("dist/functions.js is missing: building it (npx webpack --mode production)");
    const b = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
    if (b.status !== 0 || !existsSync(BUNDLE)) {
      console.error("could not build dist/functions.js: run `npm run build`, then this bench again");
      return 1;
    }
  } else if (newestSource() > statSync(BUNDLE).mtimeMs) console.log("Note: dist/functions.js is older than src/: these are the last build's figures (`npm run build` to refresh).");
  const { buildSync } = await import("esbuild");
  const dir = mkdtempSync(join(tmpdir(), "nps-fbench-"));
  const js = join(dir, "functions.bench.js");
  let failed = 0;
  try {
    buildSync({ entryPoints: [__filename], bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", outfile: js, logLevel: "error" });
    const metas = (JSON.parse(readFileSync(join(ROOT, "dist", "functions.json"), "utf8")) as { functions: FunctionMeta[] }).functions;
    const only = process.env["ONLY"]?.split(",");
    const phases = ["tier", ...metas.map((m) => m.id).filter((id) => id !== "TIER"), "vlo-table", "column"].filter((p) => !only || only.includes(p));
    const builtAt = statSync(BUNDLE).mtimeMs;
    console.log(`Custom functions: dist/functions.js in plain Node, a fresh Node ${process.version} process per phase; ${RUNS} runs after ${WARM} warm-up (whole column: ${Math.min(RUNS, 5)} after 1).`);
    console.log(row("", "rows", "median", "best", "median"));
    const got = new Map<string, Timing[]>();
    for (const phase of phases) {
      const r = spawnSync(process.execPath, ["--max-old-space-size=4096", js, "child", phase], { env: { ...process.env, NPS_OM_ROOT: ROOT }, encoding: "utf8", maxBuffer: 64 * MB });
      if (r.status !== 0) {
        console.error(`  ${phase}: FAILED (exit ${r.status ?? r.signal})\n${r.stderr.trim()}`);
        failed = 1;
        continue;
      }
      const ts = JSON.parse(r.stdout.trim().split("\n").pop()!) as Timing[];
      got.set(phase, ts);
      if (phase === "tier" || phase === "column") ts.forEach((t, i) => line(t, phase === "column" && i === 0 ? `result height ${count(t.height)}` : ""));
      else if (phase === "vlo-table") {
        // Twice the case types over twice the cases: linear is about 2x, a search of the table per case 4x.
        const ratio = median(ts[1]!.ms) / median(ts[0]!.ms);
        const peer = median(ts[0]!.ms) / median(ts[2]!.ms);
        line(ts[0]!, `${peer.toFixed(1)}x the default table's time on as many cases`);
        line(ts[1]!, `${count(ts[1]!.rows)} x ${count(ts[1]!.rows)} / ${count(ts[0]!.rows)} x ${count(ts[0]!.rows)}: ${ratio.toFixed(2)}x ${ratio > 3 ? "NOT LINEAR" : "(linear: about 2)"}`);
        line(ts[2]!);
      }
      else {
        const ratio = median(ts[1]!.ms) / median(ts[0]!.ms);
        line(ts[0]!);
        line(ts[1]!, `${count(ts[1]!.rows)} / ${count(ts[0]!.rows)} rows: ${ratio.toFixed(2)}x ${ratio > 3 ? "NOT LINEAR" : "(linear: about 2)"}`);
      }
    }
    if (statSync(BUNDLE).mtimeMs !== builtAt) console.log("Note: dist/functions.js was rebuilt during this run: phases may have timed different builds.");
    const tier = got.get("tier");
    if (tier) {
      console.log(`\n${row("Target: TIER within 5x of the bare loop", "", "best", "median")}`);
      for (const t of tier.slice(0, 2)) {
        const [rb, rm] = [best(t.ms) / best(tier[2]!.ms), median(t.ms) / median(tier[2]!.ms)];
        const v = rb <= 5 && rm <= 5 ? "MET" : rb > 5 && rm > 5 ? "MISSED" : rb <= 5 ? "MET on best, MISSED on median" : "MISSED on best, MET on median";
        console.log(`${row(`${t.label} / bare loop`, "", `${rb.toFixed(1)}x`, `${rm.toFixed(1)}x`)}   ${v}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failed;
}

if (require.main === module) {
  const inChild = async () => {
    console.log(JSON.stringify(child(process.argv[3] ?? "")));
    return 0;
  };
  (process.argv[2] === "child" ? inChild : functionsBench)().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}
