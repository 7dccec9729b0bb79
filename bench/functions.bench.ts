/**
 * The custom functions' per-row cost: run at the end of `npm run bench`, or alone with
 * `npx tsx bench/functions.bench.ts`. dist/functions.js (built with `npx webpack --mode production`
 * if missing) is evaluated with only CustomFunctions and Office stubbed on globalThis, in a fresh
 * child Node process per phase (this file built by esbuild
 * into plain JavaScript, as validate.bench.ts builds phases.ts), on data from a fixed seed:
 *   tier:   TIER over ROWS mixed cases, blanks as the web sends them (null) and as desktop does (0),
 *           and its peer in the same process: a bare loop doing Diagram 1's thresholds over the same
 *           arrays, which must give the bundle's tiers on the web data. Target: TIER within 5x of it.
 *   <ID>:   every other function in dist/functions.json at ROWS and 2 x ROWS rows (linear: about 2x).
 *   column: TIER over a whole column, 1,048,576 rows, data in the first 1,000, the rest 0 (desktop).
 * Median and best of RUNS runs after WARM warm-up runs, a phase's cases interleaved. Figures, not
 * assertions: exits 0 when a target is missed, 1 when the bundle throws a JavaScript exception (a
 * CustomFunctions error is shown, not a failure) or the bare loop disagrees with TIER.
 * Options: ROWS=n (default 100000), RUNS=n (7), WARM=n (2), ONLY=tier,column,<ID>,... (default all).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runInThisContext } from "node:vm";

const ROOT = process.env["NPS_OM_ROOT"] ?? join(__dirname, "..");
const BUNDLE = join(ROOT, "dist", "functions.js");
const ROWS = Number(process.env["ROWS"] ?? 100_000);
const RUNS = Math.max(1, Number(process.env["RUNS"] ?? 7));
const WARM = Math.max(0, Number(process.env["WARM"] ?? 2));
const SHEET_ROWS = 1_048_576;
const FILLED = 1_000;
const MB = 1024 * 1024;

type Cell = string | number | boolean | null;
type Col = Cell[][];
type Fn = (...args: unknown[]) => unknown;
type Gen = (r: () => number, i: number) => Cell;
type FunctionMeta = { readonly id: string; readonly parameters: readonly { readonly name: string; readonly optional?: boolean }[] };
/** One timed case as the child reports it: result height, cells holding a CustomFunctions error, a whole-call error if thrown. */
type Timing = { readonly label: string; readonly rows: number; readonly ms: number[]; readonly height: number; readonly errors: number; readonly firstError?: string; readonly thrown?: string };

/** The CustomFunctions stub (test/support/custom-functions-stub.ts), its own copy: the child is built on its own. */
class StubError {
  constructor(readonly code: string, readonly message?: string) {}
}
const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" };

// --- data ---------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so every run and every child sees the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (xs: readonly Cell[], blank = 0): Gen => (r) => (r() < blank ? null : xs[Math.floor(r() * xs.length)]!);
const yn = (yes: number, blank: number): Gen => (r) => {
  const x = r();
  return x < blank ? null : x < blank + yes ? "Y" : "N";
};
const num = (min: number, max: number, dp: number, blank = 0): Gen => (r) => (r() < blank ? null : Math.round((min + r() * (max - min)) * 10 ** dp) / 10 ** dp);
const column = (n: number, g: Gen, r: () => number): Col => Array.from({ length: n }, (_, i) => [g(r, i)]);
const desktop = (c: Col): Col => c.map(([v]) => [v === null ? 0 : v!]);

const ROSH: readonly Cell[] = ["Low", "Low", "Low", "Medium", "Medium", "Medium", "High", "High", "Very High", "None"];
const TIER_ARGS = ["rosh", "rsr", "ogrs", "mappa_category", "mappa_level", "child_protection_plan", "iom", "vulnerability"] as const;
type TierCols = Record<(typeof TIER_ARGS)[number], Col>;

/** TIER's eight columns: about 1% empty rows, MAPPA on about 6% of cases (a level with each category), web blanks (null). */
function tierColumns(n: number, seed: number): TierCols {
  const r = rng(seed);
  const c = Object.fromEntries(TIER_ARGS.map((a) => [a, [] as Col])) as TierCols;
  const [rosh, rsr, ogrs, cpp, iom, vul] = [pick(ROSH, 0.02), num(0, 10, 1, 0.15), num(0, 100, 0, 0.15), yn(0.08, 0.3), yn(0.06, 0.3), yn(0.15, 0.3)];
  for (let i = 0; i < n; i++) {
    const empty = r() < 0.01;
    const mappa = !empty && r() < 0.06;
    const cat = mappa ? 1 + Math.floor(r() * 3) : null;
    const lvl = mappa ? (r() < 0.7 ? 1 : 2 + Math.floor(r() * 2)) : null;
    const row: Cell[] = empty ? Array<Cell>(8).fill(null) : [rosh(r, i), rsr(r, i), ogrs(r, i), cat, lvl, cpp(r, i), iom(r, i), vul(r, i)];
    TIER_ARGS.forEach((a, k) => c[a].push([row[k]!]));
  }
  return c;
}

/** Every other function's columns by argument name; an optional argument not named here is omitted (null). */
const F = yn(0.1, 0.2);
const SPECS: Record<string, Record<string, Gen>> = {
  ALLOCATE_GRADE: { tier: pick(["A", "B1", "B2", "C1", "C2", "D1", "D2"]), rosh: pick(ROSH), pso_competent: F, crc_escalation: F, indeterminate: yn(0.03, 0.3) },
  REPORT_TYPE: Object.fromEntries(
    ["dangerousness", "terrorism", "complex_case", "serious_mental_health", "serious_sexual_violent", "child_safeguarding", "sentence_indicated", "complex_or_sensitive", "fdr_sufficient", "child_at_address", "dv_history", "mh_or_substance", "immigration"].map((a) => [a, F]),
  ),
  REPORT_AUTHOR: {
    ...Object.fromEntries(["dangerousness", "terrorism", "serious_mental_health", "mh_vulnerability_indicated", "child_safeguarding", "organised_crime", "rosh_info_needed"].map((a) => [a, F])),
    dv_risk: pick(["Low", "Medium", "High", "Very High"], 0.7),
    sexual_offending_risk: pick(["Low", "Medium", "High", "Very High"], 0.8),
  },
  REPORT_MIX: { report_types: pick(["Oral", "Oral", "FDR", "SDR"]), author_grades: pick(["PO", "PSO", "PSO"]) },
  VLO_WEIGHT: {
    case_type: pick(["Standard", "Sexual offence", "Domestic abuse", "Homicide", "Indeterminate", "Mental health order", "Non-statutory"]),
    ...{ home_visits: num(0, 5, 0, 0.2), phone_calls: num(0, 20, 0, 0.2), letters: num(0, 10, 0, 0.2), meetings: num(0, 6, 0, 0.2) },
    ...{ parole_representations: num(0, 2, 0, 0.6), mappa_representations: num(0, 2, 0, 0.6) },
  },
  ADMIN_NEEDED: { staff_fte: num(0, 20, 1, 0.05), team_type: pick(["OM", "OM", "Court"]) },
  SPO_NEEDED: { staff: num(0, 120, 0) },
  COMPLEX_CLUSTERS: {
    cluster_names: (_, i) => `Cluster ${i + 1}`,
    ...Object.fromEntries(([["volume", 5000, 0], ["complexity", 1, 3], ["partnerships", 30, 0], ["geography", 3000, 0], ["courts", 8, 0], ["offices", 10, 0]] as const).map(([a, max, dp]) => [a, num(0, max, dp)])),
  },
  YOS_FTE: { yos_caseload: num(0, 1000, 0) },
  PAROM_COUNTERSIGN: { assessments: pick(["Good", "Good", "Not good", "Requires improvement", "Inadequate"], 0.1) },
};

function argsFor(meta: FunctionMeta, n: number, seed: number): unknown[] {
  const spec = SPECS[meta.id];
  if (!spec) throw new Error(`the bench has no data for ${meta.id}: add it to SPECS`);
  const unknown = Object.keys(spec).filter((a) => !meta.parameters.some((p) => p.name === a));
  if (unknown.length > 0) throw new Error(`${meta.id} has no argument ${unknown.join(", ")} in dist/functions.json`);
  const r = rng(seed);
  return meta.parameters.map((p) => {
    const g = spec[p.name];
    if (g) return column(n, g, r);
    if (p.optional === true) return null;
    throw new Error(`the bench has no data for ${meta.id}(${p.name})`);
  });
}

// --- the peer: Diagram 1 as a bare loop ---------------------------------------------------------

/** Tiers of web-convention columns (blank = null), one per row as TIER spills them: "" for an empty row, "#" for an error. */
function bareTier(c: TierCols): string[][] {
  const n = c.rosh.length;
  const out = new Array<string[]>(n);
  for (let i = 0; i < n; i++) {
    const ro = c.rosh[i]![0], rs = c.rsr[i]![0], og = c.ogrs[i]![0], cat = c.mappa_category[i]![0], lvl = c.mappa_level[i]![0];
    const cpp = c.child_protection_plan[i]![0], iom = c.iom[i]![0], vul = c.vulnerability[i]![0];
    if (ro === null && rs === null && og === null && cat === null && lvl === null && cpp === null && iom === null && vul === null) out[i] = [""];
    else if (ro === null && (rs ?? 0) === 0 && (og ?? 0) === 0 && (rs !== null || og !== null)) out[i] = ["#"]; // 0 alone may be desktop's blank
    else if (cat !== null && lvl === null) out[i] = ["#"];
    else if (lvl === 2 || lvl === 3) out[i] = ["A"];
    else {
      let band = -1; // 0 D, 1 C, 2 B
      if (typeof rs === "number") band = rs >= 6.9 ? 2 : rs >= 3 ? 1 : 0;
      if (typeof og === "number") band = Math.max(band, og >= 90 ? 2 : og >= 75 ? 1 : 0);
      if (ro !== null) band = Math.max(band, ro === "High" || ro === "Very High" ? 2 : ro === "Medium" ? 1 : 0);
      const factor = (cat === 1 && lvl === 1) || cpp === "Y" || iom === "Y" || vul === "Y";
      out[i] = [band < 0 ? "#" : "DCB"[band]! + (factor ? "1" : "2")];
    }
  }
  return out;
}

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
  const dirs = ["functions", "model", "shared"].map((d) => join(ROOT, "src", d));
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
    const phases = ["tier", ...metas.map((m) => m.id).filter((id) => id !== "TIER"), "column"].filter((p) => !only || only.includes(p));
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
