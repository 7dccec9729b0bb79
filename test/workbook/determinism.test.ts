/**
 * Determinism: the same workbook gives byte-identical `nps-om validate --json` output on every run,
 * also with many runs at once (their reads interleave in one process, and separate processes load
 * both cores). The reader this replaced gave different sheets on different runs of the same
 * LibreOffice file; these tests run every corpus file (test/corpus/files) 20 times in one process,
 * all at once, and the command line itself in parallel processes.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { main } from "../../src/cli/main";
import { expectAs } from "../support/expect-as";

const ROOT = path.resolve(__dirname, "../..");
const CORPUS = path.join(ROOT, "test", "corpus", "files");
const FILES = [...readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(CORPUS, f)), path.join(ROOT, "samples", "sample-division.xlsx")];
const RUNS = 20;
/** 20 validations at once of the sample division take ~2 s alone; CI runs this beside other suites on 2 cores. */
const IN_PROCESS_TIMEOUT_MS = 60_000;

async function validateJson(file: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "nps-om", "validate", file, "--json"], { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { code, out, err };
}

describe(`every corpus file, ${RUNS} runs at once in one process, gives the same --json output byte for byte`, () => {
  for (const file of FILES)
    it(path.basename(file), async () => {
      const runs = await Promise.all(Array.from({ length: RUNS }, () => validateJson(file)));
      const first = runs[0]!;
      expectAs(first.err, "stderr of the first run").toBe("");
      expect(first.out.length).toBeGreaterThan(100);
      runs.forEach((r, i) => {
        expectAs(r.code, `exit code of run ${i + 1}`).toBe(first.code);
        expectAs(r.out === first.out, `run ${i + 1} gives the first run's output`).toBe(true);
      });
    }, IN_PROCESS_TIMEOUT_MS);
});

/** The command line's exit code and output, as one string to compare. */
function cli(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "nps-om.js"), "validate", file, "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve(`${code}\n${out}`));
  });
}

describe("the command line, in parallel processes on a loaded machine", () => {
  it(`the files other programs wrote, ${RUNS} processes each, 8 at a time, give the in-process output`, async () => {
    const files = FILES.filter((f) => /libreoffice-division|pandas-sheets|handmade-order|excel-deaths/.test(f));
    const expected = new Map<string, string>();
    for (const f of files) {
      const r = await validateJson(f);
      expected.set(f, `${r.code}\n${r.out}`);
    }
    const jobs = files.flatMap((f) => Array.from({ length: RUNS }, () => f));
    const got: [string, string][] = [];
    for (let i = 0; i < jobs.length; i += 8) got.push(...(await Promise.all(jobs.slice(i, i + 8).map(async (f) => [f, await cli(f)] as [string, string]))));
    for (const [f, out] of got) expectAs(out === expected.get(f), `${path.basename(f)}: a process gives the in-process output`).toBe(true);
  }, 240_000);
});
