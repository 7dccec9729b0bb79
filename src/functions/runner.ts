/**
 * The one runner behind every custom function. Functions declare their arguments as data (name,
 * parser, and what kind of value they hold); the runner checks shapes, turns what Excel hands over
 * into plain cell values, applies the one blank convention, broadcasts single cells against
 * columns, skips blank rows, stops after the last row with input, and turns model problems into
 * Excel errors. A function body is only its happy path over plain values.
 *
 * The blank convention (README, "Blank cells"): Excel on the web passes a blank cell as null,
 * Excel desktop as 0 or FALSE, so the kind of an argument decides what 0 and FALSE mean:
 *   text    (RoSH, tier, team type, case type, report type, assessment): 0 and FALSE are blank;
 *   yesNo   (child protection plan, IOM, ...): 0 and FALSE are No, like a blank;
 *   number  (RSR, OGRS, counts, FTE, cluster measures): 0 is 0, FALSE is blank;
 *   setting (optional whole-call figures and switches): 0 and FALSE are "not given", the default,
 *           unless the setting declares them meaningful (a TRUE/FALSE switch whose default is the
 *           task pane's: FALSE turns it off).
 * A row whose own cells are all blank, whichever way they arrive, gives "".
 */
import type { Problem, Result } from "../model/problem";
import { problem } from "../model/problem";
import { isBlank, isErrorText, type CellValue } from "../model/values";
import { checkOverride, resolveConfig, type FigureKey, type ModelConfig, type Overrides } from "../model/config";
import { getSettings } from "../runtime/settings";
import { plain, Unsupported } from "./excel-values";

/** What Excel passes for an argument: a matrix for `any[][]`, a value for `any`, null when omitted. */
export type ExcelArg = unknown;
export type Out = string | number | boolean;

export type ArgKind = "text" | "yesNo" | "number" | "setting";

export interface ArgSpec<T> {
  /** The argument's name as the user sees it in autocomplete. */
  readonly name: string;
  /** Read one cell; undefined for blank. */
  readonly parse: (v: CellValue, name: string) => Result<T | undefined>;
  readonly kind: ArgKind;
  /** A setting only: 0 and FALSE are values, not "not given". */
  readonly zeroIsValue?: boolean;
}

type Parse<T> = (v: CellValue, name: string) => Result<T | undefined>;

/** A column (or single cell) of text: RoSH, tier, team type, case type, report type, assessment. */
export function text<T>(name: string, parse: Parse<T>): ArgSpec<T> {
  return { name, parse, kind: "text" };
}
/** A column (or single cell) of yes/no answers. */
export function yesNo<T>(name: string, parse: Parse<T>): ArgSpec<T> {
  return { name, parse, kind: "yesNo" };
}
/** A column (or single cell) of numbers: scores, counts, FTE, measures. */
export function num<T>(name: string, parse: Parse<T>): ArgSpec<T> {
  return { name, parse, kind: "number" };
}
/** One value for the whole call, not a column, and not part of the blank-row test. */
export function setting<T>(name: string, parse: Parse<T>, options: { zeroIsValue?: boolean } = {}): ArgSpec<T> {
  return { name, parse, kind: "setting", ...(options.zeroIsValue === true ? { zeroIsValue: true } : {}) };
}

type Values<S extends readonly ArgSpec<unknown>[]> = { -readonly [K in keyof S]: S[K] extends ArgSpec<infer T> ? T | undefined : never };

/** The model's problem, on its way to becoming #VALUE! or #N/A at the very edge. */
export class CellProblem {
  constructor(readonly problem: Problem) {}
}

export type Cells = (Out | CellProblem)[][];

// --- what Excel hands over, as plain cell values (./excel-values.ts) ---------------------------

/** Blank as the row test sees it: null, empty text, or Excel desktop's 0 or FALSE. */
function blankish(v: unknown): boolean {
  return v === null || v === undefined || v === 0 || v === false || (typeof v === "string" && isBlank(v));
}

/** A cell read for an argument of this kind: the blank convention, then the argument's parser. */
function read<T>(spec: ArgSpec<T>, raw: unknown): Result<T | undefined> {
  const v = plain(raw);
  if (v instanceof Unsupported) return { ok: false, problem: problem("value.unsupported", { arg: spec.name, what: v.what }) };
  return spec.parse(v === 0 || v === false ? desktopBlank(spec, v) : v, spec.name);
}

/** The blank convention: what Excel desktop's 0 or FALSE means for this kind of argument. */
function desktopBlank(spec: ArgSpec<unknown>, v: 0 | false): CellValue {
  switch (spec.kind) {
    case "text":
      return null;
    case "setting":
      return spec.zeroIsValue === true ? v : null;
    case "number":
      return v === false ? null : v;
    case "yesNo":
      return v;
  }
}

/** An argument as rows of cells, without copying Excel's array (a whole column is a million rows). */
function toMatrix(a: ExcelArg): readonly unknown[] {
  return Array.isArray(a) ? a : [[a]];
}

/** The first cell of a row: Excel's rows are arrays; a bare value is taken as a one-cell row. */
function first(row: unknown): unknown {
  return Array.isArray(row) ? (row as unknown[])[0] : row;
}

function width(m: readonly unknown[]): number {
  const row = m[0];
  return row === undefined ? 0 : Array.isArray(row) ? row.length : 1;
}

/**
 * An optional single-value setting: a value, a 1×1 range or omitted (null). A bigger range, or a
 * value its parser refuses, is one problem for the whole call.
 */
export function readSetting<T>(spec: ArgSpec<T>, raw: ExcelArg): T | undefined {
  let v: unknown = raw;
  if (Array.isArray(raw)) {
    const rows = raw as unknown[];
    if (rows.length !== 1 || !Array.isArray(rows[0]) || (rows[0] as unknown[]).length !== 1) throw new CellProblem(problem("range.scalar", { arg: spec.name }));
    v = (rows[0] as unknown[])[0];
  }
  const r = read(spec, v);
  if (!r.ok) throw new CellProblem(r.problem);
  return r.value;
}

/**
 * Run `body` once per row. Columns must be equal in height; single cells broadcast. Rows after the
 * last one with any input in a column are not returned, so a whole-column reference (E:E) spills
 * only as far as the data. A row whose column cells are all blank gives "". When the first row of
 * a taller range cannot be read and holds text, the message says it may be a header row.
 * `body` gets the row's values in one tuple that the next row reuses: take what you need from it,
 * never keep it. Throws CellProblem for a whole-call problem.
 */
export function rowwise<S extends readonly ArgSpec<unknown>[], R extends Out>(
  specs: S,
  args: readonly ExcelArg[],
  body: (values: Values<S>) => Result<R>,
): Cells {
  const n = specs.length;
  const matrices: (readonly unknown[])[] = [];
  let height = 1;
  let tallest = -1;
  for (let i = 0; i < n; i++) {
    const spec = specs[i]!;
    const m = toMatrix(args[i] ?? null);
    matrices.push(m);
    if (spec.kind === "setting") continue;
    const cols = width(m);
    if (cols !== 1) throw new CellProblem(problem("range.notColumn", { arg: spec.name, rows: m.length, cols }));
    if (m.length === 1) continue;
    if (tallest >= 0 && m.length !== height)
      throw new CellProblem(problem("range.heights", { arg: spec.name, rows: m.length, other: specs[tallest]!.name, otherRows: height }));
    height = m.length;
    tallest = i;
  }

  // Settings and single cells are read once; columns are the arguments as tall as the call.
  // `fixed[i]` holds the value of a setting or single cell; `bad[i]` its problem, if it has one.
  const fixed: unknown[] = new Array(n);
  const bad: (Problem | undefined)[] = new Array(n);
  const columns: number[] = [];
  const singles: number[] = [];
  for (let i = 0; i < n; i++) {
    const spec = specs[i]!;
    if (spec.kind === "setting") fixed[i] = readSetting(spec, args[i] ?? null);
    else if (matrices[i]!.length === height && height > 1) columns.push(i);
    else {
      singles.push(i);
      const r = read(spec, first(matrices[i]![0]));
      if (r.ok) fixed[i] = r.value;
      else bad[i] = r.problem;
    }
  }
  // A row is blank when its own cells are; with no column at all, when every single cell is.
  const ownColumns = columns.length > 0;
  const own = ownColumns ? columns : singles;
  const isBlankRow = (row: number): boolean => {
    for (let k = 0; k < own.length; k++) if (!blankish(first(matrices[own[k]!]![ownColumns ? row : 0]))) return false;
    return true;
  };
  let end = height;
  while (end > 1 && isBlankRow(end - 1)) end--;

  // A column of cases repeats a few words ("Low", "Y") thousands of times: each distinct text is
  // read once per call, and a blank once per column. Parsers are pure: the memo changes no answer.
  const memos = columns.map(() => new Map<string | boolean, Result<unknown>>());
  const blanks = columns.map((i) => read(specs[i]!, null));
  const firstBad = singles.find((i) => bad[i] !== undefined);

  const out: Cells = new Array(end);
  const values: unknown[] = new Array(n);
  const colData = columns.map((i) => matrices[i]!);
  const raws: unknown[] = new Array(columns.length);
  for (let row = 0; row < end; row++) {
    for (let i = 0; i < n; i++) values[i] = fixed[i];
    let blank = true;
    let problem: Problem | undefined;
    let problemRaw: unknown;
    // Every cell of the row is fetched before any is read, so the memory loads overlap.
    for (let k = 0; k < columns.length; k++) raws[k] = first(colData[k]![row]);
    for (let k = 0; k < columns.length; k++) {
      const i = columns[k]!;
      const raw = raws[k];
      let r: Result<unknown> | undefined;
      if (raw === null || raw === undefined) r = blanks[k]!;
      else {
        if (blank && !blankish(raw)) blank = false;
        if (typeof raw === "string" || typeof raw === "boolean") {
          const memo = memos[k]!;
          r = memo.get(raw);
          if (r === undefined) {
            r = read(specs[i]!, raw);
            if (memo.size < MEMO_LIMIT) memo.set(raw, r);
          }
        } else r = read(specs[i]!, raw);
      }
      if (r.ok) values[i] = r.value;
      else if (problem === undefined) {
        problem = r.problem;
        problemRaw = raw;
      }
    }
    if (ownColumns ? blank : isBlankRow(row)) out[row] = [""];
    else if (problem !== undefined) out[row] = [new CellProblem(row === 0 && end > 1 ? headerHint(problem, problemRaw) : problem)];
    else if (firstBad !== undefined) out[row] = [new CellProblem(bad[firstBad]!)];
    else {
      const r = body(values as Values<S>);
      out[row] = [r.ok ? finite(r.value, specs) : new CellProblem(r.problem)];
    }
  }
  return out;
}

/** Distinct values remembered per column and call: enough for any column of categories. */
const MEMO_LIMIT = 4096;

/** Text in the first row of a range that the argument cannot read is most likely its header. */
function headerHint(p: Problem, raw: unknown): Problem {
  if (typeof raw !== "string" || raw.startsWith("#") || p.code === "value.required") return p;
  return problem("value.headerRow", { arg: p.arg ?? "", detail: p.message });
}

/** Only finite numbers reach a cell: Excel would show Infinity as #NUM! with no word on why. */
function finite<R extends Out>(v: R, specs: readonly ArgSpec<unknown>[]): R | CellProblem {
  if (typeof v !== "number" || Number.isFinite(v)) return v;
  return new CellProblem(problem("value.resultTooLarge", { arg: specs.filter((s) => s.kind === "number").map((s) => s.name).join(", ") || specs[0]!.name }));
}

/** Turn a model problem into the Excel error the user sees, with its message. */
export function excelError(p: Problem): CustomFunctions.Error {
  const code = p.kind === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, p.message);
}

/**
 * The edge: run a function body and hand Excel what it understands. Problems become errors in
 * their cells; a whole-call problem is thrown as one error; anything else is a bug and propagates.
 */
export function toExcel(run: () => Cells): (Out | CustomFunctions.Error)[][] {
  try {
    const cells = run() as (Out | CellProblem | CustomFunctions.Error)[][];
    // In place: a spill of 100,000 rows is not copied again on its way out.
    for (let i = 0; i < cells.length; i++) {
      const row = cells[i]!;
      for (let j = 0; j < row.length; j++) {
        const c = row[j];
        if (c instanceof CellProblem) row[j] = excelError(c.problem);
      }
    }
    return cells as (Out | CustomFunctions.Error)[][];
  } catch (e) {
    if (e instanceof CellProblem) throw excelError(e.problem);
    throw e;
  }
}

/** For whole-call functions returning a single value or a computed matrix rather than one per row. */
export function single<R extends Out>(r: Result<R>): R {
  if (!r.ok) throw new CellProblem(r.problem);
  return r.value;
}

/**
 * A row's problem, for functions that read every row into one answer (a mix, a ranking): the
 * first bad row makes the whole answer one error naming the row.
 */
export function firstRowProblem(cells: Cells, wrap: (row: number, detail: string) => Problem): void {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]![0];
    if (c instanceof CellProblem) throw new CellProblem(wrap(i + 1, c.problem.message));
  }
}

/**
 * The figures in force for a call: the model's, then the task pane's what-if (shared settings),
 * then the call's own optional arguments. A bad figure is one #VALUE! for the whole call.
 */
export function configInForce(call: Overrides = {}): ModelConfig {
  const { config, problems } = resolveConfig({ ...getSettings().overrides, ...call });
  if (problems.length > 0) throw new CellProblem(problems[0]!);
  return config.config;
}

/**
 * An argument overriding a model figure for one call, within the figure's allowed range; a
 * percentage figure may be typed as Excel users write it ("110%" or 1.1).
 */
export function figureArg(key: FigureKey): (v: CellValue, name: string) => Result<number | undefined> {
  return (v, name) => {
    if (isBlank(v)) return { ok: true, value: undefined };
    if (isErrorText(v)) return { ok: false, problem: problem("value.errorCell", { arg: name, got: v }) };
    if (typeof v !== "number" && typeof v !== "string") return { ok: false, problem: problem("config.value", { arg: name, got: v, expected: "a number" }) };
    return checkOverride(key, v, name) as Result<number>;
  };
}
