/**
 * Validation engine: layout, data and caseload findings (NPS Operating Model v1.0, ch.1, ch.3, ch.5; rule book §1).
 * Findings are read by business managers: say what is wrong, where, and what the model expects.
 */
import { count, show } from "./core";

type Sheet = { sheet: string };

export const VALIDATE_MESSAGES = {
  // --- layout ---------------------------------------------------------------------------
  "layout.missingSheet": (p: { what: string; rules: string }) =>
    `The workbook has no ${p.what} sheet, so ${p.rules} could not be checked. Add it (the template has it); if another sheet holds these records under other names, name that sheet ${show(p.what)} or map its columns (with --map or in the task pane's Columns tab).`,
  "layout.missingField": (p: Sheet & { field: string; header: string }) =>
    `Sheet ${show(p.sheet)} has no column for ${p.field} (expected a header such as ${show(p.header)}); rules that need it were not checked.`,
  "layout.unrecognisedSheet": (p: Sheet & { nearly?: { what: string; missing: string } }) =>
    p.nearly === undefined
      ? `Sheet ${show(p.sheet)} is not one of the documented sheets and was not checked; if it should be, map its columns (with --map or in the task pane's Columns tab).`
      : `Sheet ${show(p.sheet)} has the columns of the ${p.nearly.what} sheet except ${p.nearly.missing}, so it was not checked. ` +
        `If it is the ${p.nearly.what} sheet, name it ${show(p.nearly.what)} or map its ${p.nearly.missing} column (with --map or in the task pane's Columns tab).`,
  "layout.unknownColumn": (p: Sheet & { header: string; like?: { header: string; field: string }; taken?: { what: string; from: string } }) =>
    p.taken !== undefined
      ? `${p.sheet}: the column ${show(p.header)} is not checked, because ${p.taken.what} is already read from the column ${show(p.taken.from)}; remove or rename one of them if they differ.`
      : `${p.sheet}: the column ${show(p.header)} is not one the validator knows, so it is not checked.` +
        (p.like === undefined
          ? ""
          : ` It looks like ${show(p.like.header)} (field ${p.like.field}); if it is, map it with --map "${p.sheet}:${p.header}=${p.like.field}" or in the task pane's Columns tab.`),
  "layout.totalsRow": (p: Sheet & { row: number; label: string; count: number; end: number; below: number }) =>
    `Sheet ${show(p.sheet)}: ` +
    (p.count === 1
      ? `row ${p.row} (${show(p.label)}) reads as a totals row, so it is not checked as data`
      : `${p.count} rows read as totals rows (the first is row ${p.row}, ${show(p.label)}), so they are not checked as data`) +
    (p.below === 0 ? "." : `; the table is taken to end at row ${p.end}, and the ${p.below === 1 ? "row" : `${p.below} rows`} of notes below it ${p.below === 1 ? "is" : "are"} not checked either.`),
  "data.uncalculated": (p: Sheet & { count: number; first: string }) =>
    `Sheet ${show(p.sheet)}: ${p.count === 1 ? "a formula" : `${p.count.toLocaleString("en-GB")} formulas`} (${p.count === 1 ? "at" : "the first at"} ${p.first}) ` +
    `${p.count === 1 ? "has" : "have"} no calculated value saved in the file, so ${p.count === 1 ? "it is" : "they are"} read as blank. ` +
    `The program that wrote the workbook did not calculate ${p.count === 1 ? "it" : "them"}: open the workbook in Excel, save it, and validate it again.`,
  "layout.duplicateKind": (p: Sheet & { what: string; first: string }) =>
    `Sheet ${show(p.sheet)} looks like another ${p.what} sheet; only ${show(p.first)} was checked. Combine them into one table.`,
  "layout.badMapping": (p: Sheet & { mapping: string }) =>
    `Sheet ${show(p.sheet)}: the column mapping ${p.mapping} names no field of this sheet; it was ignored.`,
  "layout.empty": (_p: Record<string, never>) => `The workbook holds no data to check.`,
  "layout.noneRecognised": (p: { sheets: readonly string[]; expected: readonly string[] }) =>
    `None of the sheets (${p.sheets.join(", ")}) is one of the documented sheets (${p.expected.join(", ")}), so nothing was checked. ` +
    `Rename the sheets or their headers as the template does, or map the columns (with --map or in the task pane's Columns tab).`,

  // --- caseload (NPS Operating Model v1.0, ch.1, ch.3, ch.5; rule book §1) ------------------------------------
  "caseload.required": (p: { caseId: string; field: string }) =>
    `Case ${p.caseId}: ${p.field} is blank; every case needs it to be checked against the model.`,
  "caseload.tierLower": (p: { caseId: string; recorded: string; computed: string; why: string }) =>
    `Case ${p.caseId}: recorded tier ${p.recorded} is lower than the model's ${p.computed} (${p.why}); the case may be under-managed.`,
  "caseload.tierHigher": (p: { caseId: string; recorded: string; computed: string; why: string }) =>
    `Case ${p.caseId}: recorded tier ${p.recorded} differs from the model's ${p.computed} (${p.why}).`,
  "caseload.tierUnknown": (p: { caseId: string; detail: string }) =>
    `Case ${p.caseId}: the tier cannot be worked out: ${p.detail}`,
  "caseload.highRoshPso": (p: { caseId: string; rosh: string; om: string }) =>
    `Case ${p.caseId} is ${p.rosh} RoSH but held by a PSO (${p.om}); High and Very High RoSH cases are managed by a PO.`,
  "caseload.gradeAdvice": (p: { caseId: string; recorded: string; advised: string; reason: string }) =>
    `Case ${p.caseId}: held by a ${p.recorded}; the allocation advice is ${p.advised} (${p.reason}). Managers decide: record the reason in the Allocation reason column.`,
  "caseload.gradeAdviceReasoned": (p: { caseId: string; recorded: string; advised: string; reason: string }) =>
    `Case ${p.caseId}: held by a ${p.recorded} where the advice is ${p.advised}; the recorded reason is ${show(p.reason)}.`,
  "caseload.twoOms": (p: { caseId: string; om: string; other: string; otherCell: string }) =>
    `Case ${p.caseId} is held by ${p.om} here and by ${p.other} at ${p.otherCell}; each case has a single, clearly identified OM.`,
  "caseload.duplicateRow": (p: { caseId: string; otherCell: string }) =>
    `Case ${p.caseId} is listed twice for the same OM (also at ${p.otherCell}); remove the duplicate so counts are right.`,
  "caseload.vloHoldsCases": (p: { name: string; cases: number; cell: string }) =>
    `${p.name} is a VLO but holds ${count(p.cases, "case")} as OM (first at ${p.cell}); VLOs do victim contact work only, never also OM work.`,
  "caseload.omNotStaff": (p: { om: string }) =>
    `OM ${show(p.om)} is not in the Staff sheet, so their grade and team cannot be checked.`,
  "caseload.percentFormatted": (p: Sheet & { header: string; cell: string }) =>
    `Column ${show(p.header)} (${p.cell}) is percent-formatted: its cells hold fractions (0.069 shows as 6.9%). ` +
    `The validator reads them as fractions, but TIER formulas over it need scores_as_fractions set to TRUE, or they under-tier high-risk cases.`,
  "caseload.looksLikeFractions": (p: Sheet & { header: string; max: number }) =>
    `Column ${show(p.header)} holds only values of 1 or less (largest ${p.max}) in a column that is not percent-formatted: ` +
    `these look like fractions (0.069 for 6.9%). Read as percentage points they would under-tier cases; check them before relying on the tiers.`,
} as const;
