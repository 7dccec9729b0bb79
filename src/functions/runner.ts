/**
 * The one runner behind every custom function: it checks argument shapes, broadcasts single
 * cells against columns, reads each cell with the argument's parser, skips blank rows and turns
 * model problems into Excel errors. A function body is only its happy path over plain values.
 */
import type { Problem, Result } from "../model/problem";
import { problem } from "../model/problem";
import { isBlank, type CellValue } from "../model/values";
import { resolveConfig, type ModelConfig, type Overrides } from "../model/config";
import { getSettings } from "../shared/settings";

/** What Excel passes for an argument: a matrix for `any[][]`, a value for `any`, null when omitted. */
export type ExcelArg = unknown;
export type Out = string | number | boolean;

export interface ArgSpec<T> {
  /** The argument's name as the user sees it in autocomplete. */
  readonly name: string;
  /** Read one cell; undefined for blank. */
  readonly parse: (v: CellValue, name: string) => Result<T | undefined>;
  /** A policy switch: one value for the whole call, not a column, and not part of the blank-row test. */
  readonly scalar?: boolean;
}

export function arg<T>(name: string, parse: (v: CellValue, name: string) => Result<T | undefined>): ArgSpec<T> {
  return { name, parse };
}

export function option<T>(name: string, parse: (v: CellValue, name: string) => Result<T | undefined>): ArgSpec<T> {
  return { name, parse, scalar: true };
}

type Values<S extends readonly ArgSpec<unknown>[]> = { -readonly [K in keyof S]: S[K] extends ArgSpec<infer T> ? T | undefined : never };

/** The model's problem, on its way to becoming #VALUE! or #N/A at the very edge. */
export class CellProblem {
  constructor(readonly problem: Problem) {}
}

export type Cells = (Out | CellProblem)[][];

/** Shape of an argument: a matrix of cells, its height, and whether it is a single cell. */
function toMatrix(a: ExcelArg): CellValue[][] {
  if (Array.isArray(a)) return a.map((row) => (Array.isArray(row) ? (row as CellValue[]) : [row as CellValue]));
  return [[a as CellValue]];
}

/** A cell Excel desktop hands over for a blank in an `any` argument (0 or FALSE) or a real blank. */
function blankish(v: CellValue): boolean {
  return isBlank(v) || v === 0 || v === false;
}

/**
 * Run `body` once per row. Columns must be equal in height (single cells broadcast);
 * a row whose column inputs are all blank gives "" (Excel desktop sends blanks as 0, so a row of
 * nothing but blanks, zeros and FALSE counts as blank). Throws CellProblem for a whole-call problem.
 */
export function rowwise<S extends readonly ArgSpec<unknown>[], R extends Out>(
  specs: S,
  args: readonly ExcelArg[],
  body: (values: Values<S>) => Result<R>,
): Cells {
  const matrices = specs.map((s, i) => toMatrix(args[i] ?? null));
  let height = 1;
  let tallest = -1;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const m = matrices[i]!;
    const cols = m[0]?.length ?? 0;
    if (spec.scalar === true) {
      if (m.length !== 1 || cols !== 1) throw new CellProblem(problem("range.scalar", { arg: spec.name }));
      continue;
    }
    if (cols !== 1) throw new CellProblem(problem("range.notColumn", { arg: spec.name, rows: m.length, cols }));
    if (m.length === 1) continue;
    if (tallest >= 0 && m.length !== height)
      throw new CellProblem(
        problem("range.heights", { arg: spec.name, rows: m.length, other: specs[tallest]!.name, otherRows: height }),
      );
    height = m.length;
    tallest = i;
  }

  // Scalars are read once.
  const scalarValues: unknown[] = [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    if (spec.scalar !== true) continue;
    const r = spec.parse(matrices[i]![0]![0], spec.name);
    if (!r.ok) throw new CellProblem(r.problem);
    scalarValues[i] = r.value;
  }

  const out: Cells = [];
  for (let row = 0; row < height; row++) {
    const cells = specs.map((s, i) => (s.scalar === true ? undefined : matrices[i]![matrices[i]!.length === 1 ? 0 : row]![0]));
    if (specs.every((s, i) => s.scalar === true || blankish(cells[i]))) {
      out.push([""]);
      continue;
    }
    const values: unknown[] = [];
    let bad: Problem | undefined;
    for (let i = 0; i < specs.length && !bad; i++) {
      const spec = specs[i]!;
      if (spec.scalar === true) {
        values[i] = scalarValues[i];
        continue;
      }
      const r = spec.parse(cells[i], spec.name);
      if (r.ok) values[i] = r.value;
      else bad = r.problem;
    }
    if (bad) {
      out.push([new CellProblem(bad)]);
      continue;
    }
    const r = body(values as Values<S>);
    out.push([r.ok ? r.value : new CellProblem(r.problem)]);
  }
  return out;
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
    return run().map((row) => row.map((c) => (c instanceof CellProblem ? excelError(c.problem) : c)));
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
 * The figures in force for a call: the model's, then the task pane's what-if (shared settings),
 * then the call's own optional arguments. A bad figure is one #VALUE! for the whole call.
 */
export function configInForce(call: Overrides = {}): ModelConfig {
  const { config, problems } = resolveConfig({ ...getSettings().overrides, ...call });
  if (problems.length > 0) throw new CellProblem(problems[0]!);
  return config.config;
}
