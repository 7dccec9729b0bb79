/**
 * Findings about the layout of one sheet, from its recognition: a sheet that is not one of the
 * documented sheets (and, when it nearly is, which column it lacks), required columns missing from
 * a recognised sheet, and each header the validator does not read, once, with the field it most
 * likely is.
 */
import { sheetDef, type SheetDef } from "../layout";
import { problem } from "../problem";
import { normaliseHeader, type Recognition } from "./recognise";
import { columnLetter } from "./tables";
import type { Finding, SheetData } from "./types";

export const LAYOUT_SOURCE = "Add-in workbook layout";

/** A sheet that is of no kind: information, or a warning when it has all but one column of a kind. */
export function unrecognisedSheetFinding(sheet: SheetData, rec: Recognition): Finding {
  if (rec.nearly === undefined)
    return { rule: "layout.unrecognisedSheet", severity: "info", sheet: sheet.name, message: problem("layout.unrecognisedSheet", { sheet: sheet.name }).message, source: LAYOUT_SOURCE };
  const def = sheetDef(rec.nearly.kind);
  const missing = rec.nearly.missing.map((id) => def.fields.find((f) => f.id === id)!.header).join(", ");
  return {
    rule: "layout.unrecognisedSheet",
    severity: "warning",
    sheet: sheet.name,
    message: problem("layout.unrecognisedSheet", { sheet: sheet.name, nearly: { what: def.name, missing } }).message,
    source: LAYOUT_SOURCE,
  };
}

/** A recognised sheet's missing required columns (errors) and unknown headers (information). */
export function columnFindings(sheet: SheetData, rec: Recognition, def: SheetDef): Finding[] {
  const findings: Finding[] = [];
  const headerRow = sheet.originRow + rec.headerIndex;
  for (const field of rec.missing) {
    const f = def.fields.find((x) => x.id === field)!;
    findings.push({
      rule: "layout.missingField",
      severity: "error",
      sheet: sheet.name,
      row: headerRow,
      message: problem("layout.missingField", { sheet: sheet.name, field: f.header, header: f.header }).message,
      source: LAYOUT_SOURCE,
    });
  }
  const header = (field: string) => def.fields.find((f) => f.id === field)!.header;
  const headerAt = (index: number) => String(sheet.rows[rec.headerIndex]?.[index] ?? "").trim();
  const seen = new Set<string>();
  for (const u of rec.unknown ?? []) {
    if (u.badMapping) continue; // reported as layout.badMapping
    // Once per header: a header written twice is reported at its first unread column.
    if (seen.has(normaliseHeader(u.header))) continue;
    seen.add(normaliseHeader(u.header));
    const taken = u.takenBy !== undefined ? { what: header(u.takenBy), from: headerAt(rec.columns[u.takenBy]!) } : undefined;
    const like = u.like !== undefined ? { header: header(u.like), field: u.like } : undefined;
    findings.push({
      rule: "layout.unknownColumn",
      severity: "info",
      sheet: sheet.name,
      row: headerRow,
      cell: `${columnLetter(sheet.originCol + u.index)}${headerRow}`,
      message: problem("layout.unknownColumn", { sheet: sheet.name, header: u.header, ...(taken ? { taken } : {}), ...(like ? { like } : {}) }).message,
      source: LAYOUT_SOURCE,
    });
  }
  return findings;
}
