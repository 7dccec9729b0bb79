/**
 * Plain cell values and the parsers that read them into model values. Shared by the
 * custom functions (one cell at a time) and the validation engine (whole sheets).
 * A parser returns undefined for a blank cell and a Problem for one it cannot read.
 */
import { fail, ok, type Result } from "./problem";

/** What a cell holds, as both Excel (Office.js) and the xlsx reader hand it over. */
export type CellValue = string | number | boolean | null | undefined;

export const ROSH_LEVELS = ["Low", "Medium", "High", "Very High"] as const;
export type Rosh = (typeof ROSH_LEVELS)[number];

export const TIERS = ["A", "B1", "B2", "C1", "C2", "D1", "D2"] as const;
export type Tier = (typeof TIERS)[number];

export const GRADES = ["PO", "PSO"] as const;
export type Grade = (typeof GRADES)[number];

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Excel error values as text (what Office.js and the xlsx reader give for #N/A and friends). */
const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;
export function isErrorText(v: CellValue): boolean {
  return typeof v === "string" && ERROR_TEXT.test(v.trim());
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

/** RoSH level. "None" and "No" read as Low (rule book §1: "Low (or no) RoSH"). */
export function parseRosh(v: CellValue, arg: string): Result<Rosh | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  if (typeof v !== "string") return fail("value.rosh", { arg, got: v });
  switch (norm(v)) {
    case "low":
    case "none":
    case "no":
      return ok("Low");
    case "medium":
      return ok("Medium");
    case "high":
      return ok("High");
    case "very high":
    case "veryhigh":
      return ok("Very High");
    default:
      return fail("value.rosh", { arg, got: v });
  }
}

/** Shared results: a sheet reads these millions of times, and they are immutable. */
const OK_BLANK: Result<undefined> = ok(undefined);
const OK_TRUE: Result<boolean> = ok(true);
const OK_FALSE: Result<boolean> = ok(false);

const YES = new Set(["true", "yes", "y", "1"]);
const NO = new Set(["false", "no", "n", "0"]);

/** Yes/no: TRUE/FALSE, Y/N, Yes/No, 1/0 in any case, spaces ignored. */
export function parseYesNo(v: CellValue, arg: string): Result<boolean | undefined> {
  if (isBlank(v)) return OK_BLANK;
  if (typeof v === "boolean") return v ? OK_TRUE : OK_FALSE;
  if (typeof v === "number") {
    if (v === 1) return OK_TRUE;
    if (v === 0) return OK_FALSE;
    return fail("value.yesNo", { arg, got: v });
  }
  if (typeof v !== "string") return fail("value.yesNo", { arg, got: v });
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  const s = v.trim().toLowerCase();
  if (YES.has(s)) return OK_TRUE;
  if (NO.has(s)) return OK_FALSE;
  return fail("value.yesNo", { arg, got: v });
}

const PERCENT_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%?)$/;

/**
 * A score (RSR, OGRS) in percentage points: 6.9 means 6.9%. Text "6.9%" reads as 6.9.
 * With `fractions`, a bare number is a fraction (0.069 means 6.9%), as a percent-formatted
 * cell holds it; a value above 1 is then refused rather than guessed (rule book §1, the percent hazard).
 */
export function parsePercent(v: CellValue, arg: string, fractions = false): Result<number | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  let n: number;
  let explicitPercent = false;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const m = PERCENT_TEXT.exec(v.trim());
    if (!m) return fail("value.percent", { arg, got: v });
    n = Number(m[1]);
    explicitPercent = m[2] === "%";
  } else return fail("value.percent", { arg, got: v });
  if (!Number.isFinite(n)) return fail("value.percent", { arg, got: v });
  if (fractions && !explicitPercent) {
    if (n < 0 || n > 1) return fail("value.fraction", { arg, got: v });
    return ok(roundPoints(n * 100));
  }
  if (n < 0 || n > 100) return fail("value.percent", { arg, got: v });
  return ok(n);
}

/** 0.069 * 100 is 6.900000000000001 in floating point; keep ten decimals so boundaries hold. */
function roundPoints(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}

const MAPPA_TEXT = /^(?:(?:mappa\s*)?(?:category|cat|level|lvl|c|l)\s*)?([0-9]+)$/;

function parseOneToThree(v: CellValue, arg: string, code: "value.mappaCategory" | "value.mappaLevel"): Result<1 | 2 | 3 | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const s = norm(v);
    if (s === "none" || s === "n/a" || s === "na" || s === "no" || s === "0") return ok(undefined);
    const m = MAPPA_TEXT.exec(s.replace(/\s+/g, " "));
    if (!m) return fail(code, { arg, got: v });
    n = Number(m[1]);
  } else return fail(code, { arg, got: v });
  if (n === 0) return ok(undefined);
  if (n === 1 || n === 2 || n === 3) return ok(n);
  return fail(code, { arg, got: v });
}

/** MAPPA category 1-3; blank, 0 or "None" means not a MAPPA case. Accepts "Cat 1", "Category 2". */
export function parseMappaCategory(v: CellValue, arg: string): Result<1 | 2 | 3 | undefined> {
  return parseOneToThree(v, arg, "value.mappaCategory");
}

/** MAPPA level 1-3; blank, 0 or "None" means not managed at a MAPPA level. Accepts "Level 2", "L2". */
export function parseMappaLevel(v: CellValue, arg: string): Result<1 | 2 | 3 | undefined> {
  return parseOneToThree(v, arg, "value.mappaLevel");
}

const TIER_NAMES: ReadonlySet<string> = new Set(TIERS);

export function parseTier(v: CellValue, arg: string): Result<Tier | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  if (typeof v !== "string") return fail("value.tier", { arg, got: v });
  const s = v.trim().toUpperCase().replace(/^TIER\s*/, "").replace(/\s+/g, "");
  return TIER_NAMES.has(s) ? ok(s as Tier) : fail("value.tier", { arg, got: v });
}

export function parseGrade(v: CellValue, arg: string): Result<Grade | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  if (typeof v !== "string") return fail("value.grade", { arg, got: v });
  const s = v.trim().toUpperCase().replace(/\s+/g, "");
  return s === "PO" || s === "PSO" ? ok(s) : fail("value.grade", { arg, got: v });
}

/**
 * Text that holds a number as a person writes one in a UK sheet: an optional sign, digits (with
 * thousands commas: 1,250), an optional decimal point. Anything else is not a number here, so
 * "0x10" is not 16, "1e1" is not 10 and "Infinity" is not a number: Excel shows all of these as text.
 */
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
export function numberText(s: string): number {
  const t = s.trim();
  if (t === "" || t === "+" || t === "-" || t === "." || !NUMBER_TEXT.test(t) || !/\d/.test(t)) return NaN;
  return Number(t.replace(/,/g, ""));
}

/** A number within bounds; text holding a number (see numberText) is read as that number. */
export function parseNumber(
  v: CellValue,
  arg: string,
  bounds: { min?: number; max?: number; integer?: boolean; expected: string },
): Result<number | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  const n = typeof v === "number" ? v : typeof v === "string" ? numberText(v) : NaN;
  if (
    !Number.isFinite(n) ||
    (bounds.min !== undefined && n < bounds.min) ||
    (bounds.max !== undefined && n > bounds.max) ||
    (bounds.integer === true && !Number.isInteger(n))
  )
    return fail("value.number", { arg, got: v, expected: bounds.expected });
  return ok(n);
}

/** Free text, such as a name or a case type, trimmed; an Excel error is not text. */
export function parseText(v: CellValue, arg: string): Result<string | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  return ok(String(v).trim());
}

/** Each list of choices by normalised word, built once per list. */
const CHOICES = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

function choiceMap(choices: readonly string[]): ReadonlyMap<string, string> {
  let m = CHOICES.get(choices);
  if (!m) {
    const byWord = new Map<string, string>();
    for (const c of choices) if (!byWord.has(norm(c))) byWord.set(norm(c), c);
    CHOICES.set(choices, byWord);
    m = byWord;
  }
  return m;
}

/** One of a fixed set of words, matched ignoring case, spaces, hyphens and underscores. */
export function parseChoice<T extends string>(v: CellValue, arg: string, choices: readonly T[]): Result<T | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (isErrorText(v)) return fail("value.errorCell", { arg, got: v });
  if (typeof v !== "string") return fail("value.choice", { arg, got: v, choices });
  const hit = choiceMap(choices).get(norm(v)) as T | undefined;
  return hit !== undefined ? ok(hit) : fail("value.choice", { arg, got: v, choices });
}
