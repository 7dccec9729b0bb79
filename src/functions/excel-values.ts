/**
 * What Excel hands a custom function, as a plain cell value: the runner (./runner.ts) reads every
 * argument through `plain` before the blank convention and the argument's parser.
 */
import type { CellValue } from "../model/values";

/** Excel's names for its error values, by the error type a rich value carries (a Map: an errorType of "constructor" names nothing). */
const ERROR_TYPES: ReadonlyMap<string, string> = new Map([
  ["Value", "#VALUE!"], ["NotAvailable", "#N/A"], ["Div0", "#DIV/0!"], ["Num", "#NUM!"], ["Name", "#NAME?"], ["Ref", "#REF!"], ["Null", "#NULL!"],
  ["Spill", "#SPILL!"], ["Calc", "#CALC!"], ["GettingData", "#GETTING_DATA"], ["Busy", "#BUSY!"], ["Field", "#FIELD!"], ["Connect", "#CONNECT!"], ["Blocked", "#BLOCKED!"],
]);

/** A value Excel hands over that is neither a plain value nor an error: a linked data type, an image. */
export class Unsupported {
  constructor(readonly what: string) {}
}

/**
 * A cell as Excel hands it over, as a plain value. Errors (a CustomFunctions.Error, or the rich
 * value Excel sends when data types are allowed) become their Excel text ("#N/A"), which every
 * parser names as such; a formatted number or a plain rich value becomes its value.
 */
export function plain(v: unknown): CellValue | Unsupported {
  if (v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v !== "object") return new Unsupported(typeof v);
  const o = v as Record<string, unknown>;
  const type = typeof o.type === "string" ? o.type : undefined;
  const code = [o.code, o.basicValue, o.primitive].find((x): x is string => typeof x === "string" && x.startsWith("#"));
  if (type === "Error" || v instanceof Error || (typeof o.code === "string" && o.code.startsWith("#"))) {
    if (code !== undefined) return code;
    const named = typeof o.errorType === "string" ? ERROR_TYPES.get(o.errorType) : undefined;
    return named ?? "#VALUE!";
  }
  if (type === "Double" || type === "String" || type === "Boolean" || type === "FormattedNumber") {
    const p = o.basicValue ?? o.primitive;
    if (typeof p === "string" || typeof p === "number" || typeof p === "boolean") return p;
  }
  return new Unsupported(type === "Entity" ? "a linked data type" : type === "WebImage" ? "an image" : "a value that is not text, a number or TRUE/FALSE");
}
