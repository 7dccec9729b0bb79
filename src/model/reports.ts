/**
 * Court reports — NPS Operating Model ch.1 and ch.2 (NPS Operating Model v1.0); Napo adjournment variant, Napo's feedback on the Operating Model, ch.2.
 *
 * Three answers from one description of the case (`ReportCase`), so a court team's sheet of yes/no
 * columns feeds both: the report type (Oral, FDR, SDR; Adjourn under Napo's variant), the author
 * (PO or PSO, ch.2 list 1-9), and the mix of a set of reports against the 60/30/10, 90% short format
 * and 35/65 targets.
 *
 * Reading of "SDRs may also be considered" (ch.2): a case on one of the four "may" grounds gets an
 * SDR unless the court team records that a written FDR is sufficient (`fdrSufficient`). Blank means
 * SDR. This is the reading that does not under-rate risk: a fuller report is the default where the
 * operating model names a reason for one, and choosing the shorter report is a recorded judgement.
 * A "may" ground never gives an oral report: these are the complex or sensitive cases oral is not
 * suitable for (ch.2).
 *
 * Reading of the short format (ch.2): oral only where the court has indicated a specific sentence
 * and there is no complex or sensitive information; otherwise a written FDR. A blank "sentence
 * indicated" reads as No (FDR), so a missing answer never gives the lighter report.
 */
import type { ModelConfig } from "./config";
import type { Grade, Rosh } from "./values";

export const REPORT_TYPES = ["Oral", "FDR", "SDR"] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
/** What REPORT_TYPE advises: a report type, or an adjournment under Napo's variant. */
export type ReportAdvice = ReportType | "Adjourn";
export const REPORT_ADVICE: readonly ReportAdvice[] = [...REPORT_TYPES, "Adjourn"];

export interface ReportCase {
  // --- SDR must (ch.2, "1 and 2 above"); also PO list 1-2 -----------------------------
  /** A dangerousness assessment or detailed risk analysis is required (ch.2; PO list 1). */
  readonly dangerousness?: boolean | undefined;
  /** The case relates to terrorist offences (ch.2; PO list 2). */
  readonly terrorism?: boolean | undefined;
  // --- SDR may be considered (ch.2, four grounds) ---------------------------------------
  /** Complex case needing additional assessments, lengthy professional discussion or multiple enquiries. */
  readonly complexCase?: boolean | undefined;
  /**
   * Serious diagnosed mental health or vulnerability, where a mental health practitioner's or
   * psychiatric report is not available on the day (SDR may-ground; PO list 3).
   */
  readonly seriousMentalHealth?: boolean | undefined;
  /** Serious sexual or violent offending, including high-risk domestic abuse with a current risk to others. */
  readonly seriousSexualViolent?: boolean | undefined;
  /** Complex and serious child safeguarding whose enquiries will affect sentence (SDR may-ground; PO list 7). */
  readonly childSafeguarding?: boolean | undefined;
  /** The court team judged a written FDR sufficient despite a "may" ground. Blank: SDR. */
  readonly fdrSufficient?: boolean | undefined;
  // --- short format (ch.2) ---------------------------------------------------------------
  /** The court has indicated a specific sentence. Blank reads as No: a written FDR. */
  readonly sentenceIndicated?: boolean | undefined;
  /** Complex or sensitive information to present: oral is not suitable (ch.2). */
  readonly complexOrSensitive?: boolean | undefined;
  // --- PO only (ch.2 list 4, 5, 6, 8, 9) ----------------------------------------------------
  /** Behaviour or other information indicates serious mental health or vulnerability without a diagnosis (list 4). */
  readonly mhVulnerabilityIndicated?: boolean | undefined;
  /** Indicative RoSH of domestic violence in the case; High or Very High → PO (list 5) and an SDR may-ground. */
  readonly dvRisk?: Rosh | undefined;
  /** Indicative RoSH of sexual offending in the case; Medium, High or Very High → PO (list 6). */
  readonly sexualOffendingRisk?: Rosh | undefined;
  /** Serious organised crime (list 8). */
  readonly organisedCrime?: boolean | undefined;
  /** Exceptionally, more information is needed to complete a RoSH assessment (list 9). */
  readonly roshInfoNeeded?: boolean | undefined;
  // --- Napo's adjournment triggers (Napo's feedback on the Operating Model, ch.2) ------------------------------------------
  /** The client has a child, or a child lives at the home or proposed address. */
  readonly childAtAddress?: boolean | undefined;
  /** An index or previous offence of domestic violence. */
  readonly dvHistory?: boolean | undefined;
  /** Concerns about mental health or substance misuse. */
  readonly mhOrSubstanceConcerns?: boolean | undefined;
  /** Enquiries need to be made of immigration services. */
  readonly immigrationEnquiries?: boolean | undefined;
}

export interface ReportTypeOptions {
  /** Napo's feedback on the Operating Model (ch.2): adjourn for information on Napo's triggers. Off by default. */
  readonly napoAdjournments?: boolean;
}

export interface ReportAdviceResult {
  readonly type: ReportAdvice;
  /** Why, in the words of the source. */
  readonly reason: string;
}

const HIGH: readonly Rosh[] = ["High", "Very High"];
const MEDIUM_UP: readonly Rosh[] = ["Medium", "High", "Very High"];

/** The four grounds on which an SDR may be considered (ch.2), those present in the case. */
export function sdrMayGrounds(c: ReportCase): string[] {
  const g: string[] = [];
  if (c.complexCase === true) g.push("complex case needing additional assessments or enquiries");
  if (c.seriousMentalHealth === true) g.push("serious diagnosed mental health or vulnerability without a report on the day");
  if (c.seriousSexualViolent === true || (c.dvRisk !== undefined && HIGH.includes(c.dvRisk)))
    g.push("serious sexual or violent offending, including high-risk domestic abuse");
  if (c.childSafeguarding === true) g.push("complex and serious child safeguarding affecting sentence");
  return g;
}

/** Napo's adjournment triggers (Napo's feedback on the Operating Model, ch.2) present in the case. */
export function napoTriggers(c: ReportCase): string[] {
  const t: string[] = [];
  if (c.childAtAddress === true) t.push("a child at the address");
  if (c.dvHistory === true) t.push("an index or previous domestic violence offence");
  if (c.mhOrSubstanceConcerns === true) t.push("mental health or substance misuse concerns");
  if (c.immigrationEnquiries === true) t.push("immigration enquiries");
  return t;
}

/**
 * The type of court report the case needs (NPS Operating Model v1.0, ch.2). In order: SDR where one must be
 * completed (dangerousness or detailed risk analysis; terrorism); SDR on a "may" ground unless a
 * written FDR was judged sufficient; under Napo's variant (Napo's feedback on the Operating Model, ch.2), Adjourn for information
 * on any of Napo's triggers; a written FDR on a "may" ground judged FDR-sufficient, for complex or
 * sensitive information, or where no specific sentence is indicated; otherwise Oral on the day.
 */
export function reportType(c: ReportCase, options: ReportTypeOptions = {}): ReportAdviceResult {
  if (c.dangerousness === true)
    return { type: "SDR", reason: "SDR must be completed: dangerousness assessment or detailed risk analysis required (NPS Operating Model v1.0, ch.2)" };
  if (c.terrorism === true) return { type: "SDR", reason: "SDR must be completed: terrorist offences (NPS Operating Model v1.0, ch.2)" };
  const may = sdrMayGrounds(c);
  if (may.length > 0 && c.fdrSufficient !== true)
    return { type: "SDR", reason: `SDR considered for ${may.join("; ")}; no FDR judged sufficient (NPS Operating Model v1.0, ch.2)` };
  if (options.napoAdjournments === true) {
    const t = napoTriggers(c);
    if (t.length > 0) return { type: "Adjourn", reason: `Adjourn for police and social services information: ${t.join("; ")} (Napo's feedback on the Operating Model, ch.2)` };
  }
  if (may.length > 0) return { type: "FDR", reason: `Written FDR judged sufficient despite ${may.join("; ")} (NPS Operating Model v1.0, ch.2)` };
  if (c.complexOrSensitive === true) return { type: "FDR", reason: "Written FDR: oral reports are not suitable for complex or sensitive information (NPS Operating Model v1.0, ch.2)" };
  if (c.sentenceIndicated !== true) return { type: "FDR", reason: "Written FDR: the court has not indicated a specific sentence (NPS Operating Model v1.0, ch.2)" };
  return { type: "Oral", reason: "Oral on the day: a specific sentence is indicated and nothing complex or sensitive (NPS Operating Model v1.0, ch.2)" };
}

export interface ReportAuthorResult {
  readonly grade: Grade;
  readonly reason: string;
}

/**
 * Who writes the report (NPS Operating Model v1.0, ch.2): a qualified PO in the nine listed exceptions, otherwise
 * a trained and competent PSO. Manager discretion applies (ch.2), so this is advice.
 */
export function reportAuthor(c: ReportCase): ReportAuthorResult {
  const po = (n: number, why: string): ReportAuthorResult => ({ grade: "PO", reason: `PO: ${why} (NPS Operating Model v1.0, ch.2, list ${n})` });
  if (c.dangerousness === true) return po(1, "dangerousness assessment required");
  if (c.terrorism === true) return po(2, "terrorist offences");
  if (c.seriousMentalHealth === true) return po(3, "serious diagnosed mental health without practitioner or psychiatric information on the day");
  if (c.mhVulnerabilityIndicated === true) return po(4, "serious mental health or vulnerability indicated without a diagnosis");
  if (c.dvRisk !== undefined && HIGH.includes(c.dvRisk)) return po(5, `${c.dvRisk} risk domestic violence`);
  if (c.sexualOffendingRisk !== undefined && MEDIUM_UP.includes(c.sexualOffendingRisk)) return po(6, `${c.sexualOffendingRisk} risk sexual offending`);
  if (c.childSafeguarding === true) return po(7, "complex or serious child safeguarding");
  if (c.organisedCrime === true) return po(8, "serious organised crime");
  if (c.roshInfoNeeded === true) return po(9, "additional information needed to complete a RoSH assessment");
  return { grade: "PSO", reason: "PSO: none of the nine exceptions applies (NPS Operating Model v1.0, ch.2)" };
}

// --- reading cells: src/model/report-cells.ts ------------------------------------------------

export { parseReportAdvice, parseReportType, parseRiskLevel } from "./report-cells";

// --- the mix ------------------------------------------------------------------------------------

/** "Short format" is the line for oral and FDR reports together (ch.2: 90% of court reports). */
export type MixKey = ReportAdvice | Grade | "Short format";
export type MixStatus = "on target" | "above target" | "below target" | "no reports";

export interface MixLine {
  readonly key: MixKey;
  readonly count: number;
  /**
   * Reports this share is out of: the delivered reports (Oral, FDR and SDR) for the types and the
   * short format; every decision (Oral, FDR, SDR and Adjourn) for Adjourn; all graded reports for
   * the authors.
   */
  readonly total: number;
  /** count / total; 0 when total is 0. */
  readonly share: number;
  /** Target share; undefined for Adjourn, which has none. */
  readonly target?: number;
  readonly status: MixStatus | "no target";
  readonly source: string;
}

export interface ReportMix {
  /**
   * Oral, FDR and SDR, each a share of the delivered reports (Oral + FDR + SDR), so the three add up
   * to 100%; then Adjourn, only when some case was adjourned, as a share of every decision
   * (Oral + FDR + SDR + Adjourn), with no target.
   */
  readonly types: readonly MixLine[];
  /** Key "Short format": Oral + FDR as a share of the delivered reports, against 90% (ch.2). */
  readonly shortFormat: MixLine;
  /** PO then PSO. */
  readonly authors: readonly MixLine[];
  readonly tolerance: number;
}

/**
 * Whether a share sits within tolerance of its target, inclusive: with a 60% target and a
 * 5-point tolerance, 55% and 65% are on target, 54.9% is below. Compared after rounding to nine
 * decimals, so 0.65 - 0.6 counts as 0.05.
 */
export function mixStatus(share: number, target: number, tolerance: number): Exclude<MixStatus, "no reports"> {
  const diff = Math.round((share - target) * 1e9) / 1e9;
  const tol = Math.round(tolerance * 1e9) / 1e9;
  return diff > tol ? "above target" : diff < -tol ? "below target" : "on target";
}

function line(key: MixKey, count: number, total: number, target: number | undefined, tolerance: number, source: string): MixLine {
  const share = total === 0 ? 0 : count / total;
  const status = target === undefined ? "no target" : total === 0 ? "no reports" : mixStatus(share, target, tolerance);
  return { key, count, total, share, ...(target !== undefined ? { target } : {}), status, source };
}

/**
 * The court report mix (NPS Operating Model v1.0, ch.1-2), against the configured targets and tolerance:
 *
 * - Oral, FDR and SDR: each type's share of the delivered reports (Oral + FDR + SDR), against
 *   60/30/10. An adjournment is not a report, so it is not in this denominator and the three shares
 *   add up to 100%.
 * - Adjourn (Napo's variant), only when present: its share of every decision, adjournments
 *   included, with no target.
 * - Short format: Oral + FDR as a share of the delivered reports, against 90% ("The ambition is for
 *   90% of all court reports to be short format reports", ch.2). There is no figure of its own: the
 *   target is reportOralShare + reportFdrShare (60% + 30%), so a what-if on either moves it.
 * - PO and PSO: each author grade's share of `authors`, against 35/65.
 *
 * The one implementation behind REPORT_MIX, the validation rules and the task pane's picture.
 */
export function reportMix(types: readonly ReportAdvice[], authors: readonly Grade[], config: ModelConfig): ReportMix {
  const tol = config.reportMixTolerance;
  const typeSource = "NPS Operating Model v1.0, ch.2";
  const authorSource = "NPS Operating Model v1.0, ch.1-2";
  // Counted by name, never by indexing an object with the value: anything but the four is a programmer mistake.
  const n = { Oral: 0, FDR: 0, SDR: 0, Adjourn: 0 };
  for (const t of types) {
    if (t === "Oral") n.Oral += 1;
    else if (t === "FDR") n.FDR += 1;
    else if (t === "SDR") n.SDR += 1;
    else if (t === "Adjourn") n.Adjourn += 1;
    else throw new Error(`reportMix: ${String(t)} is not a report type; parse it with parseReportAdvice first`);
  }
  let po = 0;
  let pso = 0;
  for (const g of authors) {
    if (g === "PO") po += 1;
    else if (g === "PSO") pso += 1;
    else throw new Error(`reportMix: ${String(g)} is not an author grade; parse it with parseGrade first`);
  }
  const delivered = n.Oral + n.FDR + n.SDR;
  const typeLines = [
    line("Oral", n.Oral, delivered, config.reportOralShare, tol, typeSource),
    line("FDR", n.FDR, delivered, config.reportFdrShare, tol, typeSource),
    line("SDR", n.SDR, delivered, config.reportSdrShare, tol, typeSource),
  ];
  if (n.Adjourn > 0) typeLines.push(line("Adjourn", n.Adjourn, delivered + n.Adjourn, undefined, tol, "Napo variant, Napo's feedback on the Operating Model, ch.2"));
  // Rounded to nine decimals: 0.6 + 0.3 is 0.8999999999999999 in floating point.
  const shortTarget = Math.round((config.reportOralShare + config.reportFdrShare) * 1e9) / 1e9;
  return {
    types: typeLines,
    shortFormat: line("Short format", n.Oral + n.FDR, delivered, shortTarget, tol, typeSource),
    authors: [line("PO", po, authors.length, config.reportPoShare, tol, authorSource), line("PSO", pso, authors.length, config.reportPsoShare, tol, authorSource)],
    tolerance: tol,
  };
}

/** "58.1%": a share as a percentage with one decimal. */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** "60" from 0.6: a target in whole points where it is whole. */
export function points(share: number): string {
  return String(Math.round(share * 1000) / 10);
}
