/**
 * Work that can pause (Steps, ./types.ts): the engine's long units yield the share of their work
 * done between blocks of rows. Run straight through, as validateWorkbook and buildTable do, the
 * pauses cost a generator step each: about 200 in a 100,000-case workbook.
 */
import type { Steps } from "./types";

/** Rows between two pauses: a few milliseconds of work for the heaviest unit at 100,000 rows. */
export const ROW_BLOCK = 5000;

/** Whether a loop over rows may pause before row index i: at every ROW_BLOCK rows, never before the first. */
export function pauseBefore(i: number): boolean {
  return i > 0 && i % ROW_BLOCK === 0;
}

/** Whether an answer is work still to run (a generator, such as Steps), rather than the answer itself. */
export function isSteps<T, Y = number>(work: T | Generator<Y, T, undefined>): work is Generator<Y, T, undefined> {
  return typeof work === "object" && work !== null && typeof (work as { next?: unknown }).next === "function" && Symbol.iterator in work;
}

/** Runs work (Steps, or any generator) to its end without pausing and returns its result; an answer that is not work is returned as it is. */
export function complete<T>(work: T | Generator<unknown, T, undefined>): T {
  if (!isSteps(work)) return work;
  for (;;) {
    const r = work.next();
    if (r.done === true) return r.value;
  }
}

/** Steps whose shares, 0 to 1, are reported as from..to of a larger unit (a unit of two passes reports each as half). */
export function* scaled<T>(work: Steps<T>, from: number, to: number): Steps<T> {
  for (;;) {
    const r = work.next();
    if (r.done === true) return r.value;
    yield from + r.value * (to - from);
  }
}
