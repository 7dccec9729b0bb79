/**
 * One measurement of `npm run bench`'s report phase, in a fresh process (so its peak memory is its
 * own): reads and validates the workbook with the compiled lib/ (as the command line does), then
 * writes the findings as a report workbook, and prints one JSON line.
 *
 * Usage: node report-child.js <none|nps-om|exceljs> <in.xlsx> <out.xlsx>, with NPS_OM_ROOT set.
 *   none:    read and validate only (the memory and time a report adds to).
 *   nps-om:  the command line's writer (lib/workbook/report.js writeReport: streamed, written safely).
 *   exceljs: the peer, ExcelJS's streaming WorkbookWriter given the same rows.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type ExcelJSType from "exceljs";
import type { validateWorkbook as ValidateFn } from "../src/model/validate";
import type { reportRow as ReportRowFn, rowValues as RowValuesFn } from "../src/model/validate/report-table";
import type { readWorkbook as ReadFn } from "../src/workbook/read";
import type { writeReport as WriteFn } from "../src/workbook/report";

const ROOT = process.env["NPS_OM_ROOT"] ?? join(__dirname, "..");
const load = createRequire(join(ROOT, "package.json"));

async function main(): Promise<void> {
  const [kind, input, output] = process.argv.slice(2) as [string, string, string];
  const { readWorkbook } = load(join(ROOT, "lib", "workbook", "read.js")) as { readWorkbook: typeof ReadFn };
  const { validateWorkbook } = load(join(ROOT, "lib", "model", "validate", "index.js")) as { validateWorkbook: typeof ValidateFn };
  const t0 = performance.now();
  const read = await readWorkbook(input);
  if (!read.ok) throw new Error(read.error.message);
  const report = validateWorkbook(read.value);
  const t1 = performance.now();
  if (kind === "nps-om") {
    const { writeReport } = load(join(ROOT, "lib", "workbook", "report.js")) as { writeReport: typeof WriteFn };
    await writeReport(report, { input, output, replace: true });
  } else if (kind === "exceljs") {
    const ExcelJS = load("exceljs") as typeof ExcelJSType;
    const { reportRow, rowValues } = load(join(ROOT, "lib", "model", "validate", "report-table.js")) as { reportRow: typeof ReportRowFn; rowValues: typeof RowValuesFn };
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true, useSharedStrings: true });
    const ws = wb.addWorksheet("NPS validation report");
    for (const f of report.findings) ws.addRow(rowValues(reportRow(f))).commit();
    ws.commit();
    await wb.commit();
  } else if (kind !== "none") throw new Error(`unknown kind ${kind}`);
  const t2 = performance.now();
  console.log(JSON.stringify({ findings: report.findings.length, validateMs: t1 - t0, writeMs: t2 - t1, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
