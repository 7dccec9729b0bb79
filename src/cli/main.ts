/**
 * nps-om: the headless validator. Reads a division's .xlsx, runs the same validation engine as the
 * task pane, prints a summary (or JSON) and optionally writes a report workbook.
 *
 * Exit codes: 0 no error-severity findings; 1 error-severity findings; 2 the input could not be
 * read, nothing in it could be checked (no data, or no sheet recognised: the explanation is still
 * printed), or the command line was wrong; 3 the findings were printed but the report (or the
 * template) could not be written. Errors go to stderr as one line, never a stack trace (set
 * NPS_OM_DEBUG=1 to see one for an internal error). Text from the user's cells is shown with control
 * and bidi characters escaped, so it cannot rewrite the terminal.
 */
import * as path from "node:path";
import { Command, CommanderError } from "commander";
import { checkOverride, FIGURE_KEYS, FIGURES, VARIANT_INFO, type Overrides, type Variants } from "../model/config";
import { LAYOUT } from "../model/layout";
import { validateWorkbook } from "../model/validate";
import type { ValidateOptions } from "../model/validate/types";
import { readWorkbook } from "../workbook/read";
import { checkTarget, FileWriteError } from "../workbook/safe-write";
import { formatText, nothingChecked, pad, terminalSafe, VARIANT_KEYS, writeJson } from "./format";

export { formatText, nothingChecked } from "./format";

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

const processIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_WRITE_FAILED = 3;

/** A user mistake or unreadable input: one line on stderr, exit 2. */
class UsageError extends Error {}

const FIELD_IDS = new Set(LAYOUT.flatMap((d) => d.fields.map((f) => f.id)));

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function parseSets(sets: readonly string[]): Overrides {
  const out: Record<string, number | string> = {};
  for (const s of sets) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw new UsageError(`--set ${s}: expected figure=value, e.g. --set omAdminRatio=5 (nps-om figures lists the figures).`);
    const key = s.slice(0, eq).trim();
    const raw = s.slice(eq + 1).trim();
    const r = checkOverride(key, raw);
    if (!r.ok) throw new UsageError(`--set ${s}: ${r.problem.message}${r.problem.code === "config.unknown" ? " Run nps-om figures to list them." : ""}`);
    out[key] = r.value;
  }
  return out as Overrides;
}

export function parseVariants(names: readonly string[]): Partial<Variants> {
  const out: Partial<Record<keyof Variants, boolean>> = {};
  for (const n of names.flatMap((x) => x.split(",")).map((x) => x.trim()).filter((x) => x !== "")) {
    const key = VARIANT_KEYS.find((k) => k.toLowerCase() === n.toLowerCase());
    if (!key) throw new UsageError(`--variant ${n}: there is no policy variant called "${n}"; expected one of ${VARIANT_KEYS.join(", ")}.`);
    out[key] = true;
  }
  return out;
}

/** A map keyed by user text, with no prototype: a sheet or header called "__proto__" is a name like any other. */
const bare = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export function parseMaps(maps: readonly string[]): Record<string, Record<string, string>> {
  const out = bare<Record<string, string>>();
  for (const m of maps) {
    const colon = m.indexOf(":");
    const eq = m.lastIndexOf("=");
    if (colon <= 0 || eq <= colon + 1 || eq === m.length - 1)
      throw new UsageError(`--map ${m}: expected "Sheet:Header=field", e.g. --map "Cases:Officer=om".`);
    const sheet = m.slice(0, colon).trim();
    const header = m.slice(colon + 1, eq).trim();
    const field = m.slice(eq + 1).trim();
    if (!FIELD_IDS.has(field))
      throw new UsageError(`--map ${m}: there is no field called "${field}"; field ids are listed in the README (e.g. caseId, om, omGrade, rosh, rsr, fte).`);
    (out[sheet] ??= bare<string>())[header] = field;
  }
  return out;
}


interface ValidateFlags {
  readonly json?: boolean;
  readonly report?: string;
  readonly set?: string[];
  readonly variant?: string[];
  readonly map?: string[];
  readonly force?: boolean;
  readonly verbose?: boolean;
}

/** A file the command is about to write may be written: not a folder, and not an existing file without --force. */
async function checkOutput(option: string, file: string, force: boolean | undefined): Promise<void> {
  try {
    await checkTarget(file, { replace: force ?? false });
  } catch (e) {
    if (e instanceof FileWriteError) throw new UsageError(`${option}${e.message}`);
    throw e;
  }
}

async function runValidate(book: string, flags: ValidateFlags, io: Io): Promise<number> {
  const overrides = parseSets(flags.set ?? []);
  const variants = parseVariants(flags.variant ?? []);
  const columnMaps = parseMaps(flags.map ?? []);
  if (flags.report !== undefined && !/\.xlsx$/i.test(flags.report))
    throw new UsageError(`--report ${flags.report}: the report is an Excel workbook; give a file name ending in .xlsx.`);
  if (flags.report !== undefined && path.resolve(flags.report) === path.resolve(book))
    throw new UsageError(`--report ${flags.report}: that is the workbook being validated; choose another file name (it is never overwritten).`);
  // Before the work, so a report that may not be written is said at once.
  if (flags.report !== undefined) await checkOutput("--report ", flags.report, flags.force);

  const read = await readWorkbook(book);
  if (!read.ok) throw new UsageError(read.error.message);
  // A --map sheet name may differ from the workbook's in case and surrounding spaces, nothing more.
  const names = read.value.sheets.map((s) => s.name);
  const maps = bare<Record<string, string>>();
  for (const [sheet, map] of Object.entries(columnMaps)) {
    const name = names.find((n) => n === sheet) ?? names.find((n) => n.trim().toLowerCase() === sheet.toLowerCase());
    if (name === undefined)
      throw new UsageError(`--map: the workbook has no sheet called "${sheet}"; its sheets are ${names.map((n) => `"${n}"`).join(", ")}.`);
    maps[name] = Object.assign(maps[name] ?? bare<string>(), map);
  }

  const options: ValidateOptions = { overrides, variants, columnMaps: maps };
  const report = validateWorkbook(read.value, options);

  // Findings first: they are printed whatever happens to the report.
  if (flags.json) writeJson(report, io.stdout);
  else io.stdout(formatText(report, book, variants, { verbose: flags.verbose ?? false }));

  if (flags.report !== undefined) {
    // The report writer only when a report is asked for.
    const { ReportWriteError, writeReport } = await import("../workbook/report");
    try {
      const written = await writeReport(report, { input: book, output: flags.report, variants, replace: flags.force ?? false });
      if (!flags.json) io.stdout(`Report written to ${terminalSafe(written)}\n`);
    } catch (e) {
      if (!(e instanceof ReportWriteError)) throw e;
      io.stderr(`nps-om: ${terminalSafe(e.message)} The findings above are complete; no report file was written or changed.\n`);
      return EXIT_WRITE_FAILED;
    }
  }
  if (nothingChecked(report)) return EXIT_USAGE;
  return report.findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}

function formatFigures(): string {
  const out = ["Model figures (change one for a what-if with --set figure=value):", ""];
  const w = Math.max(...FIGURE_KEYS.map((k) => k.length));
  for (const k of FIGURE_KEYS) {
    const def = FIGURES[k] as { value: number | string; label: string; source: string; min?: number; max?: number };
    const range = def.min !== undefined && def.max !== undefined ? `; allowed ${def.min} to ${def.max}` : typeof def.value === "string" ? "; allowed up, nearest, down" : "";
    out.push(`  ${pad(k, w)}  ${pad(String(def.value), 5)}  ${def.label} - ${def.source}${range}`);
  }
  out.push("", "Policy variants (switch on with --variant name):", "");
  const vw = Math.max(...VARIANT_KEYS.map((k) => k.length));
  for (const k of VARIANT_KEYS) out.push(`  ${pad(k, vw)}  ${VARIANT_INFO[k].label} - ${VARIANT_INFO[k].source}`);
  return out.join("\n") + "\n";
}

export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command("nps-om");
  program
    .description("Validate a probation division's workbook against the NPS Operating Model, without Excel.")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run nps-om --help for usage)")
    .addHelpText(
      "after",
      "\nExit codes: 0 no error-severity findings; 1 error-severity findings; 2 unreadable input, nothing recognisable to check, or bad usage;\n" +
        "3 the findings were printed but the report could not be written.\n" +
        "Examples:\n" +
        "  nps-om validate division.xlsx\n" +
        "  nps-om validate division.xlsx --report findings.xlsx --set omAdminRatio=5 --variant napoDomesticViolence\n" +
        '  nps-om validate division.xlsx --map "Cases:Officer=om" --json > findings.json\n' +
        "  nps-om template blank.xlsx\n",
    );

  program
    .command("validate")
    .description("check a workbook (.xlsx) and print its findings")
    .argument("<book.xlsx>", "the division's workbook; it is only read, never changed")
    .option("--json", "print JSON { findings, summaries, overrides } on stdout instead of the summary")
    .option("--report <out.xlsx>", "also write a report workbook (Summary and findings with links to the cells)")
    .option("--force", "replace the --report file if it exists")
    .option("--set <figure=value>", "what-if: use another value for a model figure (repeatable; see nps-om figures)", collect)
    .option("--variant <name>", "switch on a policy variant (repeatable): " + VARIANT_KEYS.join(", "), collect)
    .option("--map <Sheet:Header=field>", "map a column header to a layout field by hand (repeatable; the README lists the field ids)", collect)
    .option("--verbose", "also print rule ids, sheet kinds, sources of every check and the exit code (--json always has the ids)")
    .action(async (book: string, flags: ValidateFlags) => setCode(await runValidate(book, flags, io)));

  program
    .command("template")
    .description("write an empty template workbook with the documented sheets and headers")
    .argument("<out.xlsx>", "where to write it")
    .option("--force", "overwrite the file if it exists")
    .action(async (out: string, flags: { force?: boolean }) => {
      if (!/\.xlsx$/i.test(out)) throw new UsageError(`template ${out}: give a file name ending in .xlsx.`);
      await checkOutput("template ", out, flags.force);
      const { writeTemplate } = await import("../workbook/template");
      let written: string;
      try {
        written = await writeTemplate(out, flags.force ?? false);
      } catch (e) {
        if (!(e instanceof FileWriteError)) throw e;
        io.stderr(`nps-om: template ${terminalSafe(e.message)}\n`);
        setCode(EXIT_WRITE_FAILED);
        return;
      }
      io.stdout(`Template written to ${terminalSafe(written)}\n`);
      setCode(EXIT_OK);
    });

  program
    .command("figures")
    .description("list the model's figures and policy variants, for --set and --variant")
    .option("--json", "print them as JSON")
    .action((flags: { json?: boolean }) => {
      if (flags.json)
        io.stdout(JSON.stringify({ figures: FIGURE_KEYS.map((k) => ({ key: k, ...FIGURES[k] })), variants: VARIANT_KEYS.map((k) => ({ key: k, ...VARIANT_INFO[k] })) }, null, 2) + "\n");
      else io.stdout(formatFigures());
      setCode(EXIT_OK);
    });

  return program;
}

/** Run the command line. `argv` is process.argv (node, script, arguments). Returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "node" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; commander has already written its message.
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr(`nps-om: ${terminalSafe(e.message)}\n`);
      return EXIT_USAGE;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`nps-om: internal error: ${terminalSafe(msg)}. Please report it with the command you ran.\n`);
    if (process.env.NPS_OM_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + "\n");
    return EXIT_USAGE;
  }
}
