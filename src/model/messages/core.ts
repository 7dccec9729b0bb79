/**
 * Core messages: reading cells, ranges, tiering, allocation and what-if figures.
 * Messages name the argument and say what was expected.
 */

/** How a cell value is shown back to the user inside a message. */
export function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "a blank cell";
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 37) + "..." : v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** "1 case", "2 cases", "20,000 findings": a count with its noun in the right number. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export type Arg = { arg: string };
export type Got = Arg & { got: unknown };

export const CORE_MESSAGES = {
  // --- reading single values -------------------------------------------------------
  "value.required": (p: Arg & { expected: string }) => `${p.arg} is blank; expected ${p.expected}.`,
  "value.rosh": (p: Got) => `${p.arg}: expected Low, None, Medium, High or Very High; got ${show(p.got)}.`,
  "value.yesNo": (p: Got) => `${p.arg}: expected yes or no (TRUE/FALSE, Y/N, Yes/No or 1/0); got ${show(p.got)}.`,
  "value.percent": (p: Got) => `${p.arg}: expected a percentage from 0 to 100 (6.9 or "6.9%" means 6.9%); got ${show(p.got)}.`,
  "value.fraction": (p: Got) =>
    `${p.arg}: scores are read as fractions (0.069 means 6.9%), so expected a number from 0 to 1; got ${show(p.got)}. ` +
    `Turn scores_as_fractions off if the sheet holds percentage points.`,
  "value.mappaCategory": (p: Got) => `${p.arg}: expected a MAPPA category 1, 2 or 3 (or blank when not MAPPA); got ${show(p.got)}.`,
  "value.mappaLevel": (p: Got) => `${p.arg}: expected a MAPPA level 1, 2 or 3 (or blank when not MAPPA); got ${show(p.got)}.`,
  "value.tier": (p: Got) => `${p.arg}: expected a tier A, B1, B2, C1, C2, D1 or D2; got ${show(p.got)}.`,
  "value.grade": (p: Got) => `${p.arg}: expected a grade PO or PSO; got ${show(p.got)}.`,
  "value.number": (p: Got & { expected: string }) => `${p.arg}: expected ${p.expected}; got ${show(p.got)}.`,
  "value.choice": (p: Got & { choices: readonly string[] }) => `${p.arg}: expected one of ${p.choices.join(", ")}; got ${show(p.got)}.`,
  "value.errorCell": (p: Got) =>
    `${String(p.got).trim()} in ${p.arg}: the cell holds an Excel error (#N/A often means a lookup found nothing); fix it before this can be worked out.`,
  "value.unsupported": (p: Arg & { what: string }) => `${p.arg}: expected text, a number or TRUE/FALSE; got ${p.what}.`,
  "value.headerRow": (p: Arg & { detail: string }) =>
    `${p.detail} If this is the header row, start the range on the row below it, or use the table's column (e.g. Caseload[RoSH]).`,
  "value.resultTooLarge": (p: Arg) => `The result is too large for Excel to hold; check ${p.arg}.`,

  // --- ranges (custom-function edge) -------------------------------------------------
  "range.notColumn": (p: Arg & { rows: number; cols: number }) =>
    `${p.arg}: expected a single cell or a single column; got ${p.rows} rows by ${p.cols} columns.`,
  "range.heights": (p: Arg & { rows: number; other: string; otherRows: number }) =>
    `${p.arg} has ${p.rows} rows but ${p.other} has ${p.otherRows}; columns passed together must be the same height.`,
  "range.scalar": (p: Arg) => `${p.arg}: expected a single value, not a range.`,

  // --- tiering (NPS Operating Model v1.0, ch.3 Diagram 1) ------------------------------------------
  "tier.noScores": (_p: Arg) =>
    `The tier cannot be worked out: rosh, rsr and ogrs are all blank. Give at least one (NPS Operating Model v1.0, ch.3 Diagram 1).`,
  "tier.zeroScoresOnly": (_p: Arg) =>
    `The tier cannot be worked out: rosh is blank and rsr and ogrs are 0. Excel desktop passes a blank cell as 0, so a score of 0 cannot be told from no score; give the RoSH level (NPS Operating Model v1.0, ch.3 Diagram 1).`,
  "tier.mappaLevelMissing": (p: Arg & { category: number }) =>
    `${p.arg} is blank but mappa_category is ${p.category}; give the MAPPA level (1, 2 or 3): level 2 or 3 makes the case tier A.`,
  "tier.dvMissing": (p: Arg) =>
    `${p.arg} is blank but the Napo domestic-violence variant is on; say yes or no for domestic violence.`,

  // --- allocation (NPS Operating Model v1.0, ch.1, ch.3) ---------------------------------------------
  "allocate.roshMissing": (p: Arg & { tier: string }) =>
    `${p.arg} is blank; tier ${p.tier} needs the RoSH level to advise on the grade (High or Very High RoSH always goes to a PO).`,

  // --- what-if figures -------------------------------------------------------------
  "config.unknown": (p: Arg & { got: string }) => `${p.arg}: there is no model figure called ${show(p.got)}.`,
  "config.value": (p: Got & { expected: string }) => `${p.arg}: expected ${p.expected}; got ${show(p.got)}.`,
} as const;
