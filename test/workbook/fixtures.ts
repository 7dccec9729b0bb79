/**
 * Small workbooks built with ExcelJS in a temporary folder, for the reader, report, template and
 * command-line tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";

export type Rows = readonly (readonly ExcelJS.CellValue[])[];

export function tempDir(): { dir: string; file(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "nps-om-test-"));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Write a workbook with the given sheets (name -> rows, starting at A1) and return its path. */
export async function writeBook(file: string, sheets: Record<string, Rows>, configure?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow([...r]);
  }
  configure?.(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

const CASE_HEADER = ["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "Tier"];

/**
 * A small division the engine finds no errors in: two low-risk cases held by PSOs, a staff list
 * and a team list. `caseRows` replaces the cases.
 */
export function cleanDivision(caseRows?: Rows): Record<string, Rows> {
  return {
    Caseload: [
      CASE_HEADER,
      ...(caseRows ?? [
        ["X100001", "Sam Smith", "PSO", "North OM", "Low", 1.2, 10, "D2"],
        ["X100002", "Sam Smith", "PSO", "North OM", "Low", 0.5, 5, "D2"],
      ]),
    ],
    Staff: [
      ["Name", "Role", "FTE", "Team"],
      ["Sam Smith", "PSO", 1, "North OM"],
      ["Pat Jones", "PO", 1, "North OM"],
      ["Lee Case", "CA", 0.5, "North OM"],
    ],
    Teams: [
      ["Team", "Type"],
      ["North OM", "OM"],
    ],
  };
}

/** Cases with an error the engine must report: a High RoSH case held by a PSO. */
export function divisionWithErrors(): Record<string, Rows> {
  return cleanDivision([
    ["X100001", "Sam Smith", "PSO", "North OM", "High", 1.2, 10, "B2"],
    ["X100002", "Sam Smith", "PSO", "North OM", "Low", 0.5, 5, "D2"],
  ]);
}
