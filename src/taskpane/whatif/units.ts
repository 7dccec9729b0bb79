/**
 * How a figure is shown and typed in the What-if tab. Shares (FIGURES' `percent`) are held as
 * fractions (0.6) but read and typed as percentages (60, with a "%" after the box); the report mix
 * tolerance is percentage points (0.05 is 5 points). Conversions move the decimal point on the
 * number's digits, so 0.35 shows as 35 (not 35.00000000000001) and 35 typed stores exactly 0.35.
 */
import { checkOverride, FIGURES, ROUNDINGS, type FigureKey, type Rounding } from "../../model/config";
import { numberText } from "../../model/values";

export type Unit = "percent" | "points" | "number" | "choice";

/** Shares whose differences are read in percentage points, not as a percentage. */
const POINTS_FIGURES: ReadonlySet<FigureKey> = new Set<FigureKey>(["reportMixTolerance"]);

export function unitOf(k: FigureKey): Unit {
  const def = FIGURES[k];
  if (typeof def.value === "string") return "choice";
  if (def.percent === true) return POINTS_FIGURES.has(k) ? "points" : "percent";
  return "number";
}

/** The suffix shown after a figure's box ("%", "points"), if any. */
export function suffixOf(k: FigureKey): string | undefined {
  const u = unitOf(k);
  return u === "percent" ? "%" : u === "points" ? "points" : undefined;
}

/**
 * x × 10^places, worked on the decimal digits of x as JavaScript writes it (its shortest exact
 * form), so shiftDecimal(0.35, 2) is 35 and shiftDecimal(35, -2) is the number 0.35 as typed.
 */
export function shiftDecimal(x: number, places: number): number {
  if (!Number.isFinite(x)) return x;
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** A figure's value (model units: 0.6) as the box shows it ("60"). */
export function figureText(k: FigureKey, value: number | string): string {
  const u = unitOf(k);
  if (u === "choice" || typeof value === "string") return String(value);
  return String(u === "number" ? value : shiftDecimal(value, 2));
}

/** A value in the figure's units with its unit, for "model: 60%". */
export function figureDisplay(k: FigureKey, value: number | string): string {
  const u = unitOf(k);
  const t = figureText(k, value);
  return u === "percent" ? `${t}%` : u === "points" ? `${t} points` : t;
}

function bound(k: FigureKey, x: number): string {
  const u = unitOf(k);
  return u === "percent" ? `${shiftDecimal(x, 2)}%` : u === "points" ? String(shiftDecimal(x, 2)) : x.toLocaleString("en-GB", { maximumFractionDigits: 10 });
}

/** What a figure's box accepts, in its own units: "Expected a number from 0% to 100%". */
export function expectation(k: FigureKey): string {
  const def = FIGURES[k];
  if (typeof def.value === "string") return `Choose ${ROUNDINGS.join(", ")}`;
  const what = def.integer === true ? "a whole number" : "a number";
  const tail = unitOf(k) === "points" ? " points" : "";
  const { min, max } = def;
  if (min !== undefined && max !== undefined) return `Expected ${what} from ${bound(k, min)} to ${bound(k, max)}${tail}`;
  if (min !== undefined) return `Expected ${what} of ${bound(k, min)}${tail} or more`;
  if (max !== undefined) return `Expected ${what} of ${bound(k, max)}${tail} or less`;
  return `Expected ${what}`;
}

export type FigureRead = { readonly ok: true; readonly value: number | Rounding } | { readonly ok: false; readonly message: string };

/**
 * Read what was typed in a figure's box into the model's units ("60%" or "60" → 0.6; "5 points" →
 * 0.05), checked by the model's checkOverride; a refusal is worded for the box (see expectation).
 */
export function readFigure(k: FigureKey, text: string): FigureRead {
  const u = unitOf(k);
  let raw: number | string = text;
  if (u !== "choice") {
    let t = text.trim();
    if (u === "percent") t = t.replace(/\s*%$/, "");
    else if (u === "points") t = t.replace(/\s*(?:points?|pts?|%)$/i, "");
    const n = numberText(t);
    if (!Number.isFinite(n)) return { ok: false, message: expectation(k) };
    raw = u === "number" ? n : shiftDecimal(n, -2);
  }
  const r = checkOverride(k, raw);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: expectation(k) };
}
