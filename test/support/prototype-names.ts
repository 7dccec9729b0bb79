/**
 * The names a plain object finds without being given them: every member of Object.prototype (and,
 * since a lookup may land on a function, Function.prototype's), with "__proto__" and "prototype",
 * each as written, in lower case, upper case, mixed case and with surrounding spaces. A parser that
 * looks up what a user typed in an object literal would take "constructor" for a known word; these
 * are what the tests feed to every parser and custom function that reads user text.
 *
 * Function.prototype's "name" is left out: "Name" is a documented header (Staff › Name, Teams ›
 * Team), so recognising it is right. Every other name here means nothing to the model.
 */

/** The names themselves, once each. */
export const PROTOTYPE_NAMES: readonly string[] = [
  ...new Set([
    ...Object.getOwnPropertyNames(Object.prototype),
    ...Object.getOwnPropertyNames(Function.prototype).filter((n) => n !== "name"),
    "__proto__",
    "prototype",
    "constructor",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
  ]),
];

/** "hasOwnProperty" -> "HaSoWnPrOpErTy": every other letter upper case. */
function mixedCase(s: string): string {
  return [...s].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c.toLowerCase())).join("");
}

/** Each name as written, lower, upper and mixed case, and with spaces around it: what a user might type. */
export const PROTOTYPE_SPELLINGS: readonly string[] = [
  ...new Set(PROTOTYPE_NAMES.flatMap((n) => [n, n.toLowerCase(), n.toUpperCase(), mixedCase(n), `  ${n} `, ` ${n.toUpperCase()}  `, `\t${mixedCase(n)}`])),
];
