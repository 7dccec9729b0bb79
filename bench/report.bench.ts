/**
 * The report workbook at scale: `npm run bench` runs it after the validator's phases (REPORT=0
 * leaves it out), or alone with `npx tsx bench/report.bench.ts`. Generates a caseload whose every
 * row has five unreadable cells (FINDINGS findings in all, default 200,000), then, RUNS times each
 * in a fresh process (bench/report-child.ts built into plain JavaScript), the order rotated:
 *   none:    read + validate only;
 *   nps-om:  read + validate + the command line's report writer (streamed, written safely);
 *   exceljs: read + validate + ExcelJS's streaming WorkbookWriter given the same rows (the peer).
 * Prints each one's write time and peak memory (median, best), the report's cost over validation
 * alone and the ratio to the peer. Goal: peak memory under 600 MB for 200,000 findings. Figures, not
 * assertions: exits 1 only when a phase fails.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import ExcelJS from "exceljs";

const ROOT = join(__dirname, "..");
const FINDINGS = Number(process.env["FINDINGS"] ?? 200_000);
const RUNS = Math.max(1, Number(process.env["REPORT_RUNS"] ?? process.env["RUNS"] ?? 3));
const GOAL_MB = 600;
const KINDS = ["none", "nps-om", "exceljs"] as const;
type Kind = (typeof KINDS)[number];

interface Measure {
  readonly findings: number;
  readonly validateMs: number;
  readonly writeMs: number;
  readonly peakMb: number;
}

async function caseload(file: string, findings: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet("Caseload");
  ws.addRow(["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "MAPPA category", "MAPPA level"]).commit();
  for (let i = 0; i < Math.ceil(findings / 5); i++) ws.addRow([`C${i}`, "A", "PO", "T", "bogus", "x", "y", "z", "w"]).commit();
  ws.commit();
  await wb.commit();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const best = (xs: number[]) => Math.min(...xs);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function reportBench(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "nps-om-report-bench-"));
  try {
    const childJs = join(dir, "report-child.js");
    buildSync({ entryPoints: [join(__dirname, "report-child.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", outfile: childJs, logLevel: "error" });
    const input = join(dir, "many-findings.xlsx");
    await caseload(input, FINDINGS);
    console.log(`Report phase: ${input.split("/").pop()} (${(statSync(input).size / 1024 / 1024).toFixed(1)} MB), ${RUNS} runs of each, fresh process each`);
    const got = new Map<Kind, Measure[]>(KINDS.map((k) => [k, []]));
    for (let run = 0; run < RUNS; run++) {
      for (let i = 0; i < KINDS.length; i++) {
        const kind = KINDS[(i + run) % KINDS.length]!;
        const r = spawnSync(process.execPath, [childJs, kind, input, join(dir, `${kind}.xlsx`)], { encoding: "utf8", env: { ...process.env, NPS_OM_ROOT: ROOT } });
        if (r.status !== 0) throw new Error(`report phase ${kind} failed: ${r.stderr.trim()}`);
        got.get(kind)!.push(JSON.parse(r.stdout.trim().split("\n").pop()!) as Measure);
      }
    }
    const findings = got.get("none")![0]!.findings;
    console.log(`  ${findings.toLocaleString("en-GB")} findings; times are the write alone (after read + validate), memory the whole process's peak`);
    console.log(`  ${"".padEnd(34)}${"write (median / best)".padEnd(26)}peak memory (median)   file`);
    for (const kind of KINDS) {
      const ms = got.get(kind)!.map((m) => m.writeMs);
      const mb = median(got.get(kind)!.map((m) => m.peakMb));
      const label = kind === "none" ? "read + validate only" : kind === "nps-om" ? "nps-om report writer" : "peer: ExcelJS streaming writer";
      const size = kind === "none" ? "" : `${(statSync(join(dir, `${kind}.xlsx`)).size / 1024 / 1024).toFixed(1)} MB`;
      console.log(`  ${label.padEnd(34)}${(kind === "none" ? "-" : `${secs(median(ms))} / ${secs(best(ms))}`).padEnd(26)}${`${mb.toFixed(0)} MB`.padEnd(23)}${size}`);
    }
    const med = (k: Kind, f: (m: Measure) => number) => median(got.get(k)!.map(f));
    const ours = med("nps-om", (m) => m.writeMs);
    const peer = med("exceljs", (m) => m.writeMs);
    const peak = med("nps-om", (m) => m.peakMb);
    console.log(
      `  nps-om's report: ${(peer / ours).toFixed(1)}x as fast as the peer; adds ${(peak - med("none", (m) => m.peakMb)).toFixed(0)} MB to validation's peak ` +
        `(peer adds ${(med("exceljs", (m) => m.peakMb) - med("none", (m) => m.peakMb)).toFixed(0)} MB); peak ${peak.toFixed(0)} MB, goal under ${GOAL_MB} MB for 200,000 findings: ${peak < GOAL_MB ? "met" : "MISSED"}`,
    );
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void reportBench().then((code) => (process.exitCode = code));
