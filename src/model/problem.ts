/**
 * Problems with user data are values, not exceptions. A model function returns a
 * Result; the edges (custom functions, task pane, command line) turn a Problem into
 * `#VALUE!`/`#N/A` with its message, or into a finding. Programmer mistakes throw.
 */
import { MESSAGES, type MessageCode, type MessageParams } from "./messages";

/** Which Excel error a problem becomes at the custom-function edge. */
export type ProblemKind = "value" | "notAvailable";

export interface Problem {
  readonly code: MessageCode;
  /** The argument or field the problem is about, as the user named it (e.g. "rsr"). */
  readonly arg?: string;
  readonly kind: ProblemKind;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<C extends MessageCode>(code: C, params: MessageParams<C>, kind: ProblemKind = "value"): Result<never> {
  return { ok: false, problem: problem(code, params, kind) };
}

export function problem<C extends MessageCode>(code: C, params: MessageParams<C>, kind: ProblemKind = "value"): Problem {
  const render = MESSAGES[code] as (p: MessageParams<C>) => string;
  const arg = (params as { arg?: unknown }).arg;
  return { code, kind, message: render(params), ...(typeof arg === "string" ? { arg } : {}) };
}

/** Unwrap a Result the caller has already proved ok; throwing here is a programmer mistake. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`unwrap of a failed result: ${r.problem.message}`);
  return r.value;
}
