/** A sheet's values by A1 address, for comparing what a reader read with what a file holds. */
import { columnLetter } from "../../src/model/validate/tables";
import type { SheetData } from "../../src/model/validate/types";

/** Every non-blank cell of the sheet, keyed "B3", in row order. */
export function cellsByAddress(sheet: SheetData): Map<string, unknown> {
  const out = new Map<string, unknown>();
  sheet.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) out.set(`${columnLetter(sheet.originCol + c)}${sheet.originRow + r}`, v);
    }),
  );
  return out;
}
