/**
 * A stand-in for the CustomFunctions global Excel provides: an Error carrying Excel's code and the
 * message users see. Install it before calling custom functions outside Excel.
 */
export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" };

export function installCustomFunctionsStub(associate: (id: string, fn: unknown) => void = () => undefined): void {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: StubError, ErrorCode, associate };
}

/** What a spilled result shows: values as they are, errors as "#VALUE!: message". */
export function shown(out: unknown): unknown {
  if (out instanceof StubError) return `${out.code}: ${out.message ?? ""}`;
  if (Array.isArray(out)) return out.map(shown);
  return out;
}

/** The Excel error a whole call throws (a bad argument shape, an unknown option); fails if none. */
export function thrown(f: () => unknown): StubError {
  try {
    f();
  } catch (e) {
    if (e instanceof StubError) return e;
    throw e;
  }
  throw new Error("expected an Excel error for the whole call");
}
