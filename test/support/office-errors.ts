/**
 * Excel error values as Excel's own runtime hands them to a custom function: instances of
 * Microsoft's CustomFunctionError class, taken from the custom functions runtime that ships in
 * @microsoft/office-js (the class alone: the rest of the runtime needs a browser and an Office host),
 * and the parsed rich values Excel sends when a function accepts data types.
 */
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";

const RUNTIME = require.resolve("@microsoft/office-js/dist/custom-functions-runtime.debug.js");
const START = "!function(ErrorCode) {";
const END = "exports.CustomFunctionError = CustomFunctionError;";

type ErrorClass = new (code: string, message?: string) => { code: string; type: string; basicValue: string };
let cls: ErrorClass | undefined;

/**
 * The runtime's source of the class (and its ErrorCode enum), with what it expects in scope:
 * `ErrorCode` and TypeScript's own __extends helper; it assigns to `exports`.
 */
function classSource(): string {
  const src = readFileSync(RUNTIME, "utf8");
  const a = src.indexOf(START);
  const b = src.indexOf(END, a);
  if (a < 0 || b < 0) throw new Error(`CustomFunctionError not found in ${RUNTIME}: the runtime's layout changed`);
  const extendsHelper =
    "var __extends = function (d, b) { Object.setPrototypeOf(d, b); function __() { this.constructor = d; } d.prototype = (__.prototype = b.prototype, new __()); };";
  return `var ErrorCode; ${extendsHelper}\n${src.slice(a, b + END.length)}`;
}

/** Microsoft's CustomFunctionError, evaluated from the runtime's own source. */
export function microsoftErrorClass(): ErrorClass {
  if (cls) return cls;
  const exportsObject: Record<string, unknown> = {};
  runInContext(classSource(), createContext({ exports: exportsObject }));
  cls = exportsObject.CustomFunctionError as ErrorClass;
  return cls;
}

/**
 * The same class as a browser script: defines window.__MicrosoftCustomFunctions = { Error, ErrorCode }
 * from the runtime's own source, for the end-to-end host page.
 */
export function microsoftErrorScript(): string {
  return `(function () { var exports = {}; ${classSource()}\nwindow.__MicrosoftCustomFunctions = { Error: exports.CustomFunctionError, ErrorCode: exports.ErrorCode || ErrorCode }; })();`;
}

/** A cell holding an Excel error, as the runtime passes it to a function that allows errors. */
export function errorCell(code: string): unknown {
  const E = microsoftErrorClass();
  return new E(code);
}

/** The same error as a parsed rich value, as Excel sends it when data types are allowed. */
export function richErrorCell(code: string, errorType: string): unknown {
  return { type: "Error", basicValue: code, basicType: "Error", errorType };
}
