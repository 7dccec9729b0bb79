/**
 * `npm run samples`: writes samples/sample-division.xlsx (the synthetic division, with its
 * deliberate breaches) and samples/template.xlsx (the empty layout). Deterministic: the same
 * files on every run, so the committed samples and the tests agree.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { LAYOUT } from "../src/model/layout";
import { writeTemplate } from "../src/workbook/template";
import { makeDivision, type Division, type SampleOptions } from "./sample-division";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function cellValue(v: unknown, isDate: boolean): ExcelJS.CellValue {
  if (isDate && typeof v === "number") return new Date(EXCEL_EPOCH_MS + v * 86_400_000);
  return (v ?? null) as ExcelJS.CellValue;
}

function dateColumns(kind: string): Set<number> {
  const def = LAYOUT.find((d) => d.kind === kind)!;
  return new Set(def.fields.flatMap((f, i) => (f.type === "date" ? [i] : [])));
}

/** The division as a workbook of Excel tables, one per sheet (the documented layout). */
export async function writeDivision(division: Division, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "nps-operating-model sample generator (synthetic data)";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const s of division.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    const dates = dateColumns(s.kind);
    ws.addTable({
      name: s.name.replace(/[^A-Za-z0-9]/g, ""),
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: s.header.map((h) => ({ name: h, filterButton: true })),
      rows: s.rows.map((r) => r.map((v, i) => cellValue(v, dates.has(i)))),
    });
    s.header.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(10, Math.min(28, h.length + 4));
      if (dates.has(i)) col.numFmt = "yyyy-mm-dd";
    });
  }
  await wb.xlsx.writeFile(path);
}

/** The same rows as a plain streamed workbook (no tables): the benchmark's 100,000-case file. */
export async function streamDivision(division: Division, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const s of division.sheets) {
    const ws = wb.addWorksheet(s.name);
    const dates = dateColumns(s.kind);
    ws.addRow([...s.header]).commit();
    for (const r of s.rows) ws.addRow(r.map((v, i) => cellValue(v, dates.has(i)))).commit();
    ws.commit();
  }
  await wb.commit();
}

export async function makeSamples(dir: string, opts: SampleOptions = {}): Promise<Division> {
  mkdirSync(dir, { recursive: true });
  const division = makeDivision(opts);
  await writeDivision(division, join(dir, "sample-division.xlsx"));
  await writeTemplate(join(dir, "template.xlsx"), true);
  return division;
}

if (require.main === module) {
  const dir = join(__dirname, "..", "samples");
  makeSamples(dir).then(
    (d) => {
      console.log(`Wrote ${join(dir, "sample-division.xlsx")}: ${d.sheets.map((s) => `${s.name} ${s.rows.length}`).join(", ")}`);
      console.log(`Deliberate breaches:\n${d.breaches.map((b) => `  ${b.rule} at ${b.sheet}${b.cell ? `!${b.cell}` : ""}: ${b.what}`).join("\n")}`);
      console.log(`Wrote ${join(dir, "template.xlsx")}`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
