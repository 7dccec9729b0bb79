/**
 * Blank cells as each Excel passes them to a custom function's `any` / `any[][]` argument: Excel on
 * the web passes null, Excel desktop (Windows, Mac) passes 0 and sometimes FALSE. A test writes
 * BLANK for "this cell is empty" and runs once per convention:
 *
 *   describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
 *     const fns = bundleFunctions(blank); // every BLANK in an argument arrives as `blank`
 *     it("…", () => expect(shown(fns.TIER([["Low"]], [[BLANK]], …))).toEqual(…));
 *   });
 *
 * An optional argument left out of the formula arrives as null in every Excel: pass null (or
 * nothing) for it, never BLANK.
 */

/** What Excel hands over for a blank cell. */
export type BlankValue = null | 0 | false;

export interface Convention {
  readonly name: string;
  readonly blank: BlankValue;
}

export const CONVENTIONS: readonly Convention[] = [
  { name: "web (null)", blank: null },
  { name: "desktop (0)", blank: 0 },
  { name: "desktop (FALSE)", blank: false },
];

class BlankCell {
  /** Reads "blank" in test names built with %s. */
  toString(): string {
    return "blank";
  }
}

/** "This cell is empty": replaced by the convention's blank before the function sees it. */
export const BLANK: BlankCell = Object.freeze(new BlankCell());

/** `value` with every BLANK, however deep in arrays, replaced by `blank`. */
export function fillBlanks<T>(value: T, blank: BlankValue): T {
  if (value === BLANK) return blank as T;
  if (Array.isArray(value)) return value.map((v: unknown) => fillBlanks(v, blank)) as T;
  return value;
}

/** Whether `value` holds a BLANK anywhere in its arrays. */
export function hasBlank(value: unknown): boolean {
  return value === BLANK || (Array.isArray(value) && value.some(hasBlank));
}
