/**
 * The empty template workbook, built from the documented layout (src/model/layout.ts): one sheet
 * per layout sheet with its header row, header notes carrying each field's help, drop-down lists
 * for yes/no, RoSH, grade, tier and MAPPA columns, date formats for date columns, a frozen bold
 * header and a filter. The layout is the one definition; nothing here names a field by hand.
 */
import ExcelJS from "exceljs";
import { writeFileSafely } from "./safe-write";
import { LAYOUT, type FieldDef, type FieldType, type SheetDef } from "../model/layout";
import { GRADES, ROSH_LEVELS, TIERS } from "../model/values";

/** Rows below the header that carry the drop-down lists and formats. */
export const TEMPLATE_ROWS = 5000;

const LISTS: Partial<Record<FieldType, readonly string[]>> = {
  yesno: ["Yes", "No"],
  rosh: ROSH_LEVELS,
  grade: GRADES,
  tier: TIERS,
  mappa: ["1", "2", "3"],
};

const FORMATS: Partial<Record<FieldType, string>> = {
  date: "yyyy-mm-dd",
  // Scores are percentage points (6.9 means 6.9%); a percent format would show 690%.
  percent: "0.0##",
};

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function noteFor(def: SheetDef, field: FieldDef, first: boolean): string {
  const lines = [`${field.help}${field.required ? " Required." : ""}`];
  const choices = LISTS[field.type];
  if (choices) lines.push(`Choose: ${choices.join(", ")}.`);
  if (field.aliases.length > 0) lines.push(`Also recognised as: ${field.aliases.join(", ")}.`);
  if (first) lines.push(`Sheet "${def.name}": ${def.help}${def.required ? " This sheet is required." : ""}`);
  return lines.join("\n");
}

function addSheet(wb: ExcelJS.Workbook, def: SheetDef): void {
  const ws = wb.addWorksheet(def.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  const header = ws.getRow(1);
  def.fields.forEach((field, i) => {
    const col = i + 1;
    const cell = header.getCell(col);
    cell.value = field.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: field.required ? "FFD9E1F2" : "FFF2F2F2" } };
    cell.note = noteFor(def, field, i === 0);
    const column = ws.getColumn(col);
    column.width = Math.max(12, Math.min(40, field.header.length + 4));
    const fmt = FORMATS[field.type];
    if (fmt) column.numFmt = fmt;
    const letter = column.letter;
    const choices = LISTS[field.type];
    if (choices) {
      (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
        type: "list",
        allowBlank: true,
        formulae: [`"${choices.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: field.header,
        error: `${field.header}: choose one of ${choices.join(", ")}.`,
      });
    }
  });
  // Header cells only: a column format would otherwise make the header row a date.
  header.eachCell((cell) => {
    cell.numFmt = "@";
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: def.fields.length } };
}

/** The template as an ExcelJS workbook. */
export function templateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "NPS Operating Model";
  for (const def of LAYOUT) addSheet(wb, def);
  return wb;
}

/** Write the template to a file. */
/**
 * Write the template safely (a temporary file renamed into place; see safe-write), replacing an
 * existing file only with `replace`. Resolves with the absolute path written.
 */
export async function writeTemplate(path: string, replace = false): Promise<string> {
  const wb = templateWorkbook();
  return writeFileSafely(path, { replace }, async (out) => {
    await wb.xlsx.write(out);
    out.end();
  });
}
