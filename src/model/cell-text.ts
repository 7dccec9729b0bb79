/**
 * Text as a report stores it in a cell, whoever writes the report (the command line's workbook or
 * the task pane's sheet). Report cells quote users' own cell values, which may be anything:
 * `=HYPERLINK("http://...")`, `+cmd|' /C calc'!A0`, `@SUM(1)`. Stored as they are, they are text in
 * the .xlsx but become live formulas as soon as the report passes through CSV. So text that a
 * spreadsheet would read as a formula (or whose first character a CSV reader may drop) is stored
 * with an apostrophe in front, which stays part of the text; and no cell holds more than Excel's
 * 32,767 characters.
 */

/** Excel's limit on the characters in one cell. */
export const CELL_TEXT_MAX = 32767;

/** The first characters that make a spreadsheet read text as a formula, or that a CSV reader may strip. */
const RISKY_START = /^[=+\-@\t\r\n]/;

const ELLIPSIS = "…";

/**
 * The text to store: an apostrophe in front when it would otherwise start a formula, then cut to
 * `max` characters (Excel's limit unless told) with an ellipsis at the end, never splitting a
 * character in two.
 */
export function storedCellText(text: string, max = CELL_TEXT_MAX): string {
  const t = RISKY_START.test(text) ? `'${text}` : text;
  if (t.length <= max) return t;
  let cut = max - ELLIPSIS.length;
  const code = t.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--; // a high surrogate: keep the pair together
  return t.slice(0, cut) + ELLIPSIS;
}

/** Whether stored text could be read as a formula: what storedCellText never returns. */
export function startsLikeFormula(text: string): boolean {
  return RISKY_START.test(text);
}
