/**
 * The validation engine's entry points, shared by the task pane, the command line and the tests:
 * plain workbook data in, a report of findings and summaries out. One implementation, as steps
 * (./engine.ts): validateWorkbook runs it straight through; validateWorkbookAsync pauses it now
 * and then for a host whose thread is shared.
 */
import { validateSteps } from "./engine";
import { complete } from "./steps";
import type { ValidateOptions, ValidationProgress, ValidationReport, WorkbookData } from "./types";

export { RULES } from "./rules";
export { countsInWords, FAMILIES, familyOf, familySummaries, statusWord, type FamilySummary } from "./families";
export type * from "./types";
export { FIRST_RULES, labelOf, validateSteps } from "./engine";

export { REPORT_SHEET_NAME, reportTable, type ReportRow } from "./report-table";

/** Validate a workbook at once, without pausing (the command line, the tests). */
export function validateWorkbook(book: WorkbookData, options: ValidateOptions = {}): ValidationReport {
  return complete(validateSteps(book, options));
}

/** How validateWorkbookAsync shares the thread with its host. */
export interface AsyncValidateOptions {
  /** Told how far the validation has got, at each pause. */
  readonly onProgress?: (progress: ValidationProgress) => void;
  /** How long (milliseconds) to work before pausing; 0 pauses at every step. Default 50. */
  readonly sliceMs?: number;
  /** Gives the thread back to the host; the validation goes on when it resolves. Default: a macrotask (setTimeout 0). */
  readonly yieldToHost?: () => Promise<void>;
}

/** The host's timer and clock, typed here: the model is compiled without DOM or Node types. */
const host = globalThis as unknown as { setTimeout(run: () => void, ms: number): unknown; performance?: { now(): number } };
const now = (): number => host.performance?.now() ?? Date.now();
const macrotask = (): Promise<void> => new Promise((resolve) => host.setTimeout(resolve, 0));

/**
 * Validate a workbook on a thread shared with others (the task pane runs in Excel's shared runtime,
 * with the custom functions): the steps of validateWorkbook, with a pause (yieldToHost) and a
 * progress report whenever the work since the last pause has run sliceMs. The report is the one
 * validateWorkbook gives.
 */
export async function validateWorkbookAsync(book: WorkbookData, options: ValidateOptions = {}, run: AsyncValidateOptions = {}): Promise<ValidationReport> {
  const sliceMs = run.sliceMs ?? 50;
  const yieldToHost = run.yieldToHost ?? macrotask;
  const steps = validateSteps(book, options);
  let sliceStart = now();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    if (now() - sliceStart >= sliceMs) {
      run.onProgress?.(r.value);
      await yieldToHost();
      sliceStart = now();
    }
  }
}
