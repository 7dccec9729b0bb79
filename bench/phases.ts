/**
 * The phases of `npm run bench` that run inside a child process: the compiled command-line code in
 * process (read and validate timed apart), the task pane's way of validating (validateWorkbookAsync,
 * pausing for the host, against validateWorkbook in the same process), and the raw limit. The bench builds this file into plain
 * JavaScript and runs it with plain Node, as the command line runs, not under tsx.
 *
 * Usage (by bench/validate.bench.ts): node phases.js <inproc|pane|raw|repeat> <file.xlsx> [<peer.xlsx>, for repeat],
 * with NPS_OM_ROOT set to the project folder. Prints one JSON Sample as its last line.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { inflateRawSync } from "node:zlib";
import type { DEFAULT_CONFIG as DefaultConfig, DEFAULT_VARIANTS as DefaultVariants } from "../src/model/config";
import type { validateWorkbook as ValidateFn, validateWorkbookAsync as ValidateAsyncFn } from "../src/model/validate";
import type { recogniseSheet as RecogniseFn } from "../src/model/validate/recognise";
import type { WORKLOAD_RULES as WorkloadRules, workloadPicture as PictureFn } from "../src/model/validate/rules/workload";
import type { complete as CompleteFn } from "../src/model/validate/steps";
import type { readTable as ReadTableFn } from "../src/model/validate/tables";
import type { RuleContext, Table, WorkbookData } from "../src/model/validate/types";
import type { readWorkbook as ReadFn } from "../src/workbook/read";
import type { Sample } from "./validate.bench";

const ROOT = process.env["NPS_OM_ROOT"] ?? join(__dirname, "..");
const LIB = join(ROOT, "lib");

/** The compiled code in lib/ that the command line runs (not tsx's on-the-fly build); loading it is not timed. */
function compiled(): { readWorkbook: typeof ReadFn; validateWorkbook: typeof ValidateFn } {
  const load = createRequire(__filename);
  const { readWorkbook } = load(join(LIB, "workbook", "read.js")) as { readWorkbook: typeof ReadFn };
  const { validateWorkbook } = load(join(LIB, "model", "validate", "index.js")) as { validateWorkbook: typeof ValidateFn };
  return { readWorkbook, validateWorkbook };
}

async function inProcess(file: string): Promise<Sample> {
  const { readWorkbook, validateWorkbook } = compiled();
  const t0 = performance.now();
  const read = await readWorkbook(file);
  if (!read.ok) throw new Error(read.error.message);
  const t1 = performance.now();
  const report = validateWorkbook(read.value);
  const t2 = performance.now();
  const sheets = read.value.sheets;
  return {
    ms: t2 - t0,
    readMs: t1 - t0,
    validateMs: t2 - t1,
    peakMb: process.resourceUsage().maxRSS / 1024,
    rows: sheets.reduce((n, s) => n + s.rows.length, 0),
    findings: report.findings.length,
    tierFindings: report.findings.filter((f) => f.rule === "caseload.tier").length,
  };
}

/**
 * Validation alone, several times over one read of the file (the capacity cost: the same division
 * with and without contracted hours). First the process's first validation of `file`, as the command
 * line runs it (V8 compiling the rules as they run); then, after one untimed validation of its `peer`
 * (read in the same process, not timed), REPEATS validations of each in pairs whose order alternates: the
 * best of each, and the median of the pairs' ratios (file ÷ peer), which the machine's noise moves least.
 */
const REPEATS = 4;

/**
 * The Workload family's own work, timed alone on the book's tables: the four rules' checks and
 * summaries and the report's capacity picture, on a fresh context each time (so nothing is reused
 * from the last), FAMILY_RUNS times after one untimed; the best. What checking capacity costs, less
 * the machine's noise. Undefined when the Staff sheet has no contracted hours.
 */
const FAMILY_RUNS = 10;
function familyAlone(book: WorkbookData): number | undefined {
  const load = createRequire(__filename);
  const { recogniseSheet } = load(join(LIB, "model", "validate", "recognise.js")) as { recogniseSheet: typeof RecogniseFn };
  const { readTable } = load(join(LIB, "model", "validate", "tables.js")) as { readTable: typeof ReadTableFn };
  const { complete } = load(join(LIB, "model", "validate", "steps.js")) as { complete: typeof CompleteFn };
  const { DEFAULT_CONFIG, DEFAULT_VARIANTS } = load(join(LIB, "model", "config.js")) as { DEFAULT_CONFIG: typeof DefaultConfig; DEFAULT_VARIANTS: typeof DefaultVariants };
  const { WORKLOAD_RULES, workloadPicture } = load(join(LIB, "model", "validate", "rules", "workload.js")) as { WORKLOAD_RULES: typeof WorkloadRules; workloadPicture: typeof PictureFn };
  const tables = new Map<string, Table>();
  for (const sheet of book.sheets) {
    const rec = recogniseSheet(sheet);
    if (rec.kind !== undefined && !tables.has(rec.kind)) tables.set(rec.kind, complete(readTable(sheet, rec)).table);
  }
  if (tables.get("staff")?.has("contractedHours") !== true) return undefined;
  let bestMs = Infinity;
  for (let i = 0; i <= FAMILY_RUNS; i++) {
    const ctx: RuleContext = { config: DEFAULT_CONFIG, variants: DEFAULT_VARIANTS, table: (kind) => tables.get(kind) };
    const t = performance.now();
    for (const rule of WORKLOAD_RULES) {
      const found = complete(rule.check(ctx));
      if (rule.summarise) complete(rule.summarise(ctx, found));
    }
    workloadPicture(ctx);
    if (i > 0) bestMs = Math.min(bestMs, performance.now() - t);
  }
  return bestMs;
}

async function repeat(file: string, peer: string | undefined): Promise<Sample> {
  const { readWorkbook, validateWorkbook } = compiled();
  const t0 = performance.now();
  const read = await readWorkbook(file);
  if (!read.ok) throw new Error(read.error.message);
  const t1 = performance.now();
  const other = peer === undefined ? undefined : await readWorkbook(peer);
  if (other !== undefined && !other.ok) throw new Error(other.error.message);
  const t2 = performance.now();
  const report = validateWorkbook(read.value);
  const t3 = performance.now();
  const timed = (book: Parameters<typeof ValidateFn>[0]) => {
    const t = performance.now();
    validateWorkbook(book);
    return performance.now() - t;
  };
  if (other !== undefined) validateWorkbook(other.value); // the peer's first validation, not timed: the pairs compare compiled code
  const mine: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    if (other === undefined) mine.push(timed(read.value));
    else if (i % 2 === 0) {
      mine.push(timed(read.value));
      theirs.push(timed(other.value));
    } else {
      theirs.push(timed(other.value));
      mine.push(timed(read.value));
    }
  }
  const ratios = theirs.map((t, i) => mine[i]! / t).sort((a, b) => a - b);
  const family = familyAlone(read.value);
  return {
    ms: t3 - t2,
    readMs: t1 - t0,
    validateMs: t3 - t2,
    warmValidateMs: Math.min(...mine),
    ...(theirs.length > 0 ? { peerWarmValidateMs: Math.min(...theirs), pairRatio: (ratios[(ratios.length - 1) >> 1]! + ratios[ratios.length >> 1]!) / 2 } : {}),
    ...(family !== undefined ? { familyMs: family } : {}),
    peakMb: process.resourceUsage().maxRSS / 1024,
    rows: read.value.sheets.reduce((n, s) => n + s.rows.length, 0),
    findings: report.findings.length,
    workloadFindings: report.findings.filter((f) => f.rule.startsWith("workload.")).length,
    workloadChecked: report.workload !== undefined,
  };
}

/**
 * The task pane's path: validateWorkbookAsync with its defaults (50 ms slices), its pauses given to
 * the host as macrotasks, each stretch of work between two pauses timed (from the call to the first
 * pause, between pauses, from the last pause to the report). First once on code not yet compiled
 * (the pane's first validation of a session), then against validateWorkbook in the same process,
 * run before and after two async runs (sync, async, async, sync) so neither side always runs on
 * warmer code. Reading the file is not timed.
 */
async function pane(file: string): Promise<Sample> {
  const load = createRequire(__filename);
  const { readWorkbook } = load(join(LIB, "workbook", "read.js")) as { readWorkbook: typeof ReadFn };
  const validate = load(join(LIB, "model", "validate", "index.js")) as { validateWorkbook: typeof ValidateFn; validateWorkbookAsync: typeof ValidateAsyncFn };
  const read = await readWorkbook(file);
  if (!read.ok) throw new Error(read.error.message);
  const book = read.value;
  const sync = () => {
    const t = performance.now();
    validate.validateWorkbook(book);
    return performance.now() - t;
  };
  const inSlices = async () => {
    let longest = 0;
    let pauses = 0;
    const t0 = performance.now();
    let resumed = t0;
    const report = await validate.validateWorkbookAsync(book, {}, {
      yieldToHost: async () => {
        longest = Math.max(longest, performance.now() - resumed);
        pauses++;
        await new Promise((resolve) => setTimeout(resolve, 0));
        resumed = performance.now();
      },
    });
    const end = performance.now();
    return { ms: end - t0, longest: Math.max(longest, end - resumed), pauses, findings: report.findings.length };
  };
  const cold = await inSlices();
  const s1 = sync();
  const a1 = await inSlices();
  const a2 = await inSlices();
  const s2 = sync();
  return {
    ms: (a1.ms + a2.ms) / 2,
    syncMs: (s1 + s2) / 2,
    longestMs: Math.max(a1.longest, a2.longest),
    coldLongestMs: cold.longest,
    pauses: a1.pauses,
    findings: a1.findings,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
}

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** The zip's central directory, parsed minimally (no zip64, no encryption: the bench's own file). */
function centralDirectory(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error("raw: not a zip file (no end of central directory)");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("raw: bad central directory entry");
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    entries.set(name, { method: buf.readUInt16LE(p + 10), compressedSize: buf.readUInt32LE(p + 20), localOffset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

function inflateEntry(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string {
  const e = entries.get(name);
  if (!e) throw new Error(`raw: no ${name} in the zip`);
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data.toString("utf8");
  if (e.method !== 8) throw new Error(`raw: ${name} uses compression method ${e.method}`);
  return inflateRawSync(data).toString("utf8");
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The raw limit: inflate the Caseload sheet's XML and the shared strings, and scan every cell's value. */
function rawLimit(file: string): Sample {
  const t0 = performance.now();
  const buf = readFileSync(file);
  const entries = centralDirectory(buf);
  const workbook = inflateEntry(buf, entries, "xl/workbook.xml");
  const rels = inflateEntry(buf, entries, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  let sharedStringsPath: string | undefined;
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(tag, "Target") ?? "";
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    targets.set(attr(tag, "Id") ?? "", path);
    if (attr(tag, "Type")?.endsWith("/sharedStrings")) sharedStringsPath = path;
  }
  let sheetPath: string | undefined;
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) if (attr(tag, "name") === "Caseload") sheetPath = targets.get(attr(tag, "r:id") ?? "");
  if (sheetPath === undefined) throw new Error("raw: no Caseload sheet");
  const sstXml = sharedStringsPath !== undefined ? inflateEntry(buf, entries, sharedStringsPath) : "";
  const xml = inflateEntry(buf, entries, sheetPath);
  const t1 = performance.now();

  // Shared strings: the plain <si><t>text</t></si> at once, rich text by joining its runs.
  const strings: string[] = [];
  const SI = /<si>(?:<t(?:\s[^>]*)?>([^<]*)<\/t>|([\s\S]*?))<\/si>/g;
  for (let m = SI.exec(sstXml); m !== null; m = SI.exec(sstXml))
    strings.push(m[1] ?? [...m[2]!.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1]).join(""));

  // Every cell: its type from the attributes, its value from <v> (or an inline string's <t>).
  const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  const VALUE = /<(?:v|t)(?:\s[^>]*)?>([^<]*)<\/(?:v|t)>/;
  let rows = 0;
  for (let i = xml.indexOf("<row"); i >= 0; i = xml.indexOf("<row", i + 4)) rows++;
  let cells = 0;
  let sum = 0;
  let textChars = 0;
  CELL.lastIndex = Math.max(0, xml.indexOf("<sheetData"));
  for (let m = CELL.exec(xml); m !== null; m = CELL.exec(xml)) {
    if (m[2] === undefined) continue; // an empty, styled cell
    const v = VALUE.exec(m[2]);
    if (v === null) continue;
    cells++;
    const a = m[1]!;
    const t = a.indexOf(' t="');
    if (t < 0 || a.charCodeAt(t + 4) === 110 /* n */) sum += Number(v[1]);
    else if (a.charCodeAt(t + 4) === 115 /* s */ && a.charCodeAt(t + 5) === 34 /* " */) textChars += strings[Number(v[1])]!.length;
    else textChars += v[1]!.length; // str, inlineStr, b, e
  }
  const t2 = performance.now();
  if (!Number.isFinite(sum) || textChars === 0) throw new Error("raw: scanned no values");
  return { ms: t2 - t0, inflateMs: t1 - t0, scanMs: t2 - t1, peakMb: process.resourceUsage().maxRSS / 1024, rows, cells };
}

/** Runs a phase in this process and prints its Sample as the last line of stdout. */
async function childPhase(kind: string, file: string, peer?: string): Promise<Sample> {
  if (kind === "inproc") return inProcess(file);
  if (kind === "pane") return pane(file);
  if (kind === "raw") return rawLimit(file);
  if (kind === "repeat") return repeat(file, peer);
  throw new Error(`no phase ${kind}`);
}

const [kind, file, peer] = process.argv.slice(2);
if (require.main === module)
  childPhase(kind ?? "", file ?? "", peer).then(
    (p) => console.log(JSON.stringify(p)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
