/**
 * Workload and capacity, as the HMPPS Workload Management Tool (WMT) measures them: the functions'
 * problems and the Workload family's findings. Read by SPOs and business managers.
 */
import { count, show, type Arg, type Got } from "./core";

/** One formatter for every percentage: building one per call costs 40 times the formatting. */
const PERCENT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
/** A capacity or threshold as people read it: 1.176 is "117.6%", 12.3456 is "1,234.6%". */
export const pct = (x: number): string => `${PERCENT.format(Math.round(x * 1000) / 10)}%`;
const pts = (n: number) => Math.round(n).toLocaleString("en-GB");

/** One OM's capacity with its numbers, as the command line and the pane write it: "117.6%: 1,950 of 1,658 points". */
export function capacityText(o: { readonly points: number; readonly available: number; readonly capacity: number }): string {
  return `${pct(o.capacity)}: ${pts(o.points)} of ${pts(o.available)} points`;
}
const hrs = (n: number) => (Math.round(n * 100) / 100).toString();

export const WORKLOAD_MESSAGES = {
  // --- functions ---------------------------------------------------------------------------
  "workload.tier": (p: Got) => `${p.arg}: expected a tier A, B1, B2, C1, C2, D1 or D2, or Untiered (0 points); got ${show(p.got)}.`,
  "workload.tierRequired": (p: Arg) =>
    `${p.arg} is blank; a case's points depend on its tier: give A to D2, or Untiered for a case WMT counts at 0 points.`,
  "workload.reductionFixed": (p: Arg & { reason: string; share: number; allowance: number; contracted: number }) =>
    `${p.arg}: ${p.reason} has a set allowance of ${pct(p.share)} (${hrs(p.allowance)} of ${hrs(p.contracted)} hours), so leave ${p.arg} blank; ` +
    `give the reason as Other to enter the hours by hand.`,
  "workload.reductionHours": (p: Arg & { reason: string; known: readonly string[] }) =>
    `${p.arg} is blank; ${p.reason === "" ? "a reduction with no reason" : `the reason ${show(p.reason)}`} takes the hours given. ` +
    `Give the hours, or a reason with a set allowance (${p.known.join(", ")}).`,
  "workload.tableShape": (p: Arg & { rows: number; cols: number }) =>
    `${p.arg}: expected a table of 4 columns, Tier | Community | Licence | Custody, with a header row and a row per tier; got ${p.rows} rows by ${p.cols} columns.`,
  "workload.tableHeader": (p: Arg & { got: string }) => `${p.arg}: expected the header row Tier | Community | Licence | Custody; got ${p.got}.`,
  "workload.tableRow": (p: Arg & { row: number; got: unknown }) =>
    `${p.arg}, row ${p.row}: expected a tier A to D2, or SDR, FDR or PAROM; got ${show(p.got)}.`,
  "workload.tableDuplicate": (p: Arg & { row: number; name: string }) => `${p.arg}, row ${p.row}: ${p.name} is in the table twice; give it one row.`,
  "workload.tablePoints": (p: Arg & { row: number; name: string; column: string; got: unknown }) =>
    `${p.arg}, row ${p.row}: the ${p.column} points of ${p.name} must be a number of 0 or more; got ${show(p.got)}.`,
  "workload.tableMissing": (p: Arg & { missing: readonly string[] }) =>
    `${p.arg}: the table has no row for tier ${p.missing.join(", ")}; give every tier its points (0 if it does not count).`,

  // --- validation (the Workload family) -------------------------------------------------------------
  "workload.over": (p: { name: string; points: number; available: number; capacity: number; threshold: number }) =>
    `${p.name} holds ${pts(p.points)} workload points against ${pts(p.available)} available: ${pct(p.capacity)} of capacity, over the division's ${pct(p.threshold)}.`,
  "workload.noHours": (p: { name: string; cases: number; points: number }) =>
    `${p.name} holds ${count(p.cases, "case")} (${pts(p.points)} points) but has no contracted hours on the Staff sheet, so their capacity cannot be measured; give their contracted hours.`,
  "workload.notOnStaff": (p: { oms: readonly string[]; cases: number }) =>
    `${count(p.oms.length, "OM")} holding ${count(p.cases, "case")} ${p.oms.length === 1 ? "is" : "are"} not on the Staff sheet, so capacity is not measured for ` +
    `${p.oms.length > 10 ? `${p.oms.slice(0, 10).join(", ")} and ${p.oms.length - 10} more` : p.oms.join(", ")}; add them with their contracted hours.`,
  "workload.zeroAvailable": (p: { name: string; cases: number; points: number }) =>
    `${p.name} holds ${count(p.cases, "case")} (${pts(p.points)} points) but has no available points (reductions take all their hours), so the cases need another OM.`,
  "workload.hoursBad": (p: { name: string; got: unknown }) =>
    `${p.name}: contracted hours ${show(p.got)} are not hours a week from 0 to 100, so capacity is not measured; give e.g. 37 or 18.5.`,
  "workload.reductionBad": (p: { name: string; got: unknown }) =>
    `${p.name}: reduction hours ${show(p.got)} are not hours of 0 or more, so capacity is not measured; give the hours, or leave it blank for none.`,
  "workload.reductionCapped": (p: { name: string; asked: number; hours: number; why: string }) =>
    `${p.name}: a reduction of ${hrs(p.asked)} hours is more than ${p.why}, so ${hrs(p.hours)} hours are taken off.`,
  "workload.reductionDiffers": (p: { name: string; reason: string; share: number; allowance: number; contracted: number; given: number }) =>
    `${p.name}: ${p.reason} has a set allowance of ${pct(p.share)} (${hrs(p.allowance)} of ${hrs(p.contracted)} hours), but ${hrs(p.given)} reduction hours are written, ` +
    `so the set allowance is taken off; give the reason as Other to take the hours as written.`,
  "workload.reductionNoHours": (p: { name: string; reason: string; known: readonly string[] }) =>
    `${p.name}: the reduction reason ${show(p.reason)} has no set allowance and no hours are given, so no reduction is taken off; ` +
    `give the reduction hours, or one of ${p.known.join(", ")}.`,
  "workload.teamSpread": (p: { team: string; oms: number; lowest: number; median: number; highest: number }) =>
    p.oms === 1 ? `${p.team}: capacity of 1 OM, ${pct(p.lowest)}.` : `${p.team}: capacity of ${count(p.oms, "OM")} from ${pct(p.lowest)} to ${pct(p.highest)}, median ${pct(p.median)}.`,
  "workload.counted": (p: { cases: number; reports: number; paroms: number; asOf?: string }) =>
    `Workload counted: ${count(p.cases, "case")}` +
    (p.asOf === undefined ? "; no dated court reports or PAROMs, so none counted." : `, ${count(p.reports, "court report")} and ${count(p.paroms, "PAROM")} in the 30 days to ${p.asOf} (the workbook's latest date).`),
  "workload.untiered": (p: { cases: number; first: string }) =>
    `${count(p.cases, "case")} ${p.cases === 1 ? "has" : "have"} no tier (first: ${p.first}) and ${p.cases === 1 ? "counts" : "count"} 0 points, as WMT counts untiered cases, so capacities may be understated; record the tier.`,
  "workload.caseType": (p: { cases: number; first: string }) =>
    `${count(p.cases, "case")} ${p.cases === 1 ? "does" : "do"} not say Community, Licence or Custody in the sentence type (first: ${p.first}); ` +
    `${p.cases === 1 ? "it counts" : "they count"} at the highest points of the three for the tier, so no workload is left out.`,
  "workload.noAuthor": (p: { sheet: string }) =>
    `Court reports are not counted in workload: the ${p.sheet} sheet has no Author name column saying who wrote each report.`,
} as const;
