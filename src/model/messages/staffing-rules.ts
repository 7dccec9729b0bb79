/**
 * Validation findings on staffing and structures (rule book §5): case administrator ratios and the SPO
 * span (Employer's reply on the E3 Phase 2 Blueprint, ch.3-4), line management and LDU clusters (NPS Operating Model v1.0, ch.1, ch.8), YOS (ch.7),
 * Approved Premises (ch.6), PAROM countersignature (ch.4) and unpaid work (NPS FAQ on the future of probation, June 2020).
 * Read by business managers: say what is wrong, where, and what the model expects.
 */
import { count, show } from "./core";

/** An FTE or ratio figure: one decimal at least, two when needed (11.0, 2.75, 2.74). */
export function fte(n: number): string {
  const r = Math.round(n * 100) / 100;
  const s = r.toFixed(2);
  return s.endsWith("0") ? r.toFixed(1) : s;
}

const num = (x: number) => (Math.round(x * 100) / 100).toString();
const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString()}%`;

export const STAFFING_RULE_MESSAGES = {
  // --- staff list ------------------------------------------------------------------------
  "staffingRule.roleUnknown": (p: { name: string; got: unknown; known: readonly string[] }) =>
    `${p.name}: role ${show(p.got)} is not one the model knows (${p.known.join(", ")}), so this post is left out of ` +
    `the ratios and line management checks; give one of those roles.`,
  "staffingRule.roleBlank": (p: { name: string }) =>
    `${p.name}: the role is blank, so this post is left out of the ratios and line management checks.`,
  "staffingRule.fte": (p: { name: string; got: unknown }) =>
    `${p.name}: FTE ${show(p.got)} is not a full-time equivalent from 0 to 1, so this post is left out of the ratios; give e.g. 1 or 0.5.`,

  "staffingRule.teamType": (p: { team: string; got: unknown }) =>
    `Team ${p.team}: type ${show(p.got)} is not OM, Court, Victims, AP, YOS or Management, so the team is left out of the case administrator ratios; give one of those types.`,
  "staffingRule.teamTypeBlank": (p: { team: string }) =>
    `Team ${p.team}: the type is blank, so the team is left out of the case administrator ratios; give OM, Court, Victims, AP, YOS or Management.`,

  // --- case administrator ratios (Employer's reply on the E3 Phase 2 Blueprint, ch.4) -------------------------------------------
  "staffingRule.adminBelow": (p: { team: string; staffFte: number; who: string; caFte: number; ratio: number; needed: number; short: number }) =>
    `Team ${p.team}: ${fte(p.staffFte)} FTE ${p.who}, ${fte(p.caFte)} FTE case administrators; 1:${fte(p.ratio).replace(/\.0$/, "")} ` +
    `needs ${fte(p.needed)} (short by ${fte(p.short)}) (Employer's reply on the E3 Phase 2 Blueprint, ch.4).`,

  // --- SPO span (Employer's reply on the E3 Phase 2 Blueprint, ch.3) -------------------------------------------------------------
  "staffingRule.spoSpan": (p: { spo: string; count: number; span: number; needed: number }) =>
    `SPO ${p.spo} line-manages ${p.count} staff; an SPO manages at most ${p.span} (1:${p.span}), so ${p.count} staff need ` +
    `${p.needed} SPOs (Employer's reply on the E3 Phase 2 Blueprint, ch.3).`,
  "staffingRule.noColumn": (p: { sheet: string; column: string; what: string }) =>
    `Sheet ${show(p.sheet)} has no ${p.column} column, so ${p.what} could not be checked.`,

  // --- line management (NPS Operating Model v1.0, ch.1, ch.8) ------------------------------------------------
  "structure.managerRole": (p: { name: string; role: string; manager: string; managerRole: string; expected: string }) =>
    `${p.name} (${p.role}) is line-managed by ${p.manager} (${p.managerRole}); in the model ${p.role}s are line-managed by ${p.expected}s ` +
    `(NPS Operating Model v1.0, ch.1, ch.6, ch.8).`,
  "structure.managerUnknown": (p: { name: string; manager: string }) =>
    `${p.name}'s line manager ${show(p.manager)} is not on the staff list, so the line management cannot be checked; add them or correct the name.`,
  "structure.managerBlank": (p: { name: string; role: string; expected: string }) =>
    `${p.name} (${p.role}) has no line manager recorded; in the model ${p.role}s are line-managed by ${p.expected}s (NPS Operating Model v1.0, ch.1, ch.6, ch.8).`,

  // --- LDU clusters (NPS Operating Model v1.0, ch.8) ---------------------------------------------------------
  "structure.clusterSupport": (p: { cluster: string; role: string; count: number }) =>
    `Cluster ${p.cluster}: ${p.count === 0 ? `no ${p.role}` : `${p.count} ${p.role}s`} on the staff list; every Head of LDU cluster ` +
    `is supported by one ${p.role} (NPS Operating Model v1.0, ch.8).`,
  "structure.clusterNoHead": (p: { cluster: string }) =>
    `Cluster ${p.cluster} has no Head of LDU cluster, neither in the Clusters sheet nor as a Head of LDU in the Staff sheet (NPS Operating Model v1.0, ch.8).`,
  "structure.clustersNotRanked": (p: { count: number }) =>
    `The clusters could not be ranked by complexity because ${p.count === 1 ? "1 measure cell is" : `${p.count} measure cells are`} blank, negative or unreadable; ` +
    `complex clusters and their SOSMs were not checked (NPS Operating Model v1.0, ch.8).`,
  "structure.complexNoSosm": (p: { cluster: string; rank: number; of: number; share: number; target: number }) =>
    `Cluster ${p.cluster} ranks ${p.rank} of ${p.of} by complexity, within the top ${pct(p.share)} (${count(p.target, "cluster")}), ` +
    `so it is complex and has a SOSM; the staff list has no SOSM in this cluster (NPS Operating Model v1.0, ch.8).`,
  "structure.sosmNotBm": (p: { cluster: string; sosm: string; bm: string; manager: string }) =>
    `Cluster ${p.cluster}: the BM ${p.bm} is line-managed by ${p.manager === "" ? "nobody recorded" : show(p.manager)}; in a complex cluster ` +
    `the SOSM (${p.sosm}) line-manages the BM (NPS Operating Model v1.0, ch.8).`,
  "structure.sosmNotComplex": (p: { cluster: string; sosm: string; rank: number; of: number; target: number }) =>
    `${p.sosm} is a SOSM in cluster ${p.cluster}, which ranks ${p.rank} of ${p.of} by complexity and is not in the top ` +
    `${p.target}; SOSMs are for the complex clusters (NPS Operating Model v1.0, ch.8). Check the measures or the post.`,
  "structure.sosmNoCluster": (p: { sosm: string; cluster: string }) =>
    `${p.sosm} is a SOSM in cluster ${show(p.cluster)}, which is not in the Clusters sheet, so the post cannot be checked against the ranking.`,

  // --- YOS (NPS Operating Model v1.0, ch.7) --------------------------------------------------------------
  "yos.below": (p: { team: string; have: number; caseload: number; cases: number; needed: number; share: number; perPo: number }) =>
    `YOS ${p.team}: ${fte(p.have)} FTE seconded POs; about ${pct(p.share)} of its ${p.caseload} cases is ${fte(p.cases)} cases, ` +
    `which at ${p.perPo} cases per PO needs ${fte(p.needed)} FTE (NPS Operating Model v1.0, ch.7).`,
  "yos.noCaseload": (p: { team: string }) =>
    `YOS ${p.team} has no YOS caseload, so the NPS contribution (about 10% of the YOS caseload) cannot be checked.`,
  "yos.secondmentLong": (p: { name: string; start: string; years: number; asOf: string; until: string }) =>
    `${p.name}'s YOS secondment began ${p.start}; secondments last ${count(p.years, "year")} (until ${p.until}) and the workbook's ` +
    `latest date is ${p.asOf} (NPS Operating Model v1.0, ch.7).`,
  "yos.secondmentNoStart": (p: { name: string }) =>
    `${p.name} is seconded to a YOS but has no secondment start date, so the length of the secondment cannot be checked (NPS Operating Model v1.0, ch.7).`,
  "yos.noLinkSpo": (p: { cluster: string }) =>
    `LDU cluster ${p.cluster} has no YOS link SPO; a link SPO in each cluster keeps contact with NPS staff seconded to the YOS (NPS Operating Model v1.0, ch.7). Mark them Yes in the Staff sheet's YOS link SPO column.`,
  "yos.linkNotSpo": (p: { name: string; role: string }) =>
    `${p.name} is marked as YOS link SPO but is a ${p.role}; the link is an SPO (NPS Operating Model v1.0, ch.7).`,
  "yos.noAsOf": (_p: Record<string, never>) =>
    `The workbook has no dated records (court reports, PAROMs, unpaid work) to measure YOS secondments against, so their length was not checked.`,

  // --- Approved Premises (NPS Operating Model v1.0, ch.6) -----------------------------------------------------
  "ap.noManager": (p: { ap: string }) => `AP ${p.ap} has no AP manager recorded; each AP has a dedicated manager (NPS Operating Model v1.0, ch.6).`,
  "ap.sharedManager": (p: { ap: string; manager: string; others: string }) =>
    `AP ${p.ap}: the AP manager ${p.manager} also manages ${p.others}; each AP has a dedicated manager (NPS Operating Model v1.0, ch.6).`,
  "ap.waking": (p: { ap: string; have: number; need: number }) =>
    `AP ${p.ap}: the rota drops to ${p.have} waking staff on site; at least ${p.need} are on site at all times (NPS Operating Model v1.0, ch.6).`,
  "ap.wakingBlank": (p: { ap: string }) =>
    `AP ${p.ap}: minimum waking staff is blank, so the two-waking-staff rule cannot be checked (NPS Operating Model v1.0, ch.6).`,
  "ap.ca": (p: { ap: string; have: number; need: number }) =>
    `AP ${p.ap}: ${fte(p.have)} FTE case administrator; each AP has ${fte(p.need)} FTE (NPS Operating Model v1.0, ch.6).`,
  "ap.pipe": (p: { ap: string; got: unknown }) =>
    `AP ${p.ap} is a PIPE AP, where a PO takes the place of a key-worker PSO; PO key worker is ${show(p.got)} (NPS Operating Model v1.0, ch.6).`,
  "ap.women": (p: { ap: string; female: number; total: number }) =>
    `AP ${p.ap} is an AP for women: ${p.female} of its ${p.total} operational staff are female; all operational staff ` +
    `(residential workers, PSO key workers, contracted staff) are female (NPS Operating Model v1.0, ch.6).`,
  "ap.womenBlank": (p: { ap: string }) =>
    `AP ${p.ap} is an AP for women but operational staff or female operational staff is blank, so it cannot be checked (NPS Operating Model v1.0, ch.6).`,
  "ap.womenMore": (p: { ap: string; female: number; total: number }) =>
    `AP ${p.ap}: female operational staff (${p.female}) is more than operational staff (${p.total}); check both figures.`,
  "ap.hours": (p: { ap: string; have: number; need: number }) =>
    `AP ${p.ap}: residents average ${fte(p.have)} hours of purposeful activity a week; the model asks at least ${p.need} (NPS Operating Model v1.0, ch.6).`,
  "ap.finance": (p: { have: number; need: number; managers: number; per: number }) =>
    `${fte(p.have)} FTE financial administrators on the staff list for ${count(p.managers, "AP area manager")}; the model has ` +
    `${fte(p.per)} full-time per area manager, ${fte(p.need)} FTE (NPS Operating Model v1.0, ch.6).`,
  "ap.type": (p: { ap: string; got: unknown }) =>
    `AP ${p.ap}: AP type ${show(p.got)} is not Men, Women or PIPE, so the rules for APs for women and PIPE APs were not applied to it.`,
  "ap.negative": (p: { ap: string; field: string; got: number }) => `AP ${p.ap}: ${p.field} is ${p.got}; expected a number of 0 or more.`,

  // --- PAROM countersignature (NPS Operating Model v1.0, ch.4) --------------------------------------------------
  "parom.notCountersigned": (p: { om: string; date: string; run: number; needed: number }) =>
    `PAROM by ${p.om} on ${p.date} was not countersigned by an SPO, but ${p.om} had ${count(p.run, "successive report")} assessed Good ` +
    `before it; routine countersignature is lifted only after ${p.needed} (NPS Operating Model v1.0, ch.4).`,
  "parom.countersignBlank": (p: { om: string; date: string; run: number; needed: number }) =>
    `PAROM by ${p.om} on ${p.date}: SPO countersigned is blank, and ${p.om} had ${count(p.run, "successive Good report")} before it ` +
    `(${p.needed} lift routine countersignature); record whether it was countersigned (NPS Operating Model v1.0, ch.4).`,
  "parom.noAssessment": (p: { om: string }) =>
    `PAROM by ${p.om} has no quality assessment; it is counted as not Good, so it does not help lift countersignature (NPS Operating Model v1.0, ch.4).`,
  "parom.noDate": (p: { om: string }) =>
    `PAROM by ${p.om} has no date, so it cannot be put in order; it is left out of the countersignature check.`,
  "parom.liftable": (p: { om: string; run: number; needed: number }) =>
    `${p.om}: the last ${p.run} PAROMs were assessed Good (${p.needed} successive are needed), so routine SPO countersignature may be lifted; ` +
    `SPOs still audit and endorse a sample each year (NPS Operating Model v1.0, ch.4).`,

  // --- unpaid work (NPS FAQ on the future of probation, June 2020) -------------------------------------------------------------
  "upw.start": (p: { caseId: string; sentence: string; start: string; days: number; limit: number }) =>
    `Case ${p.caseId}: unpaid work started ${p.start}, ${count(p.days, "working day")} after sentence on ${p.sentence}; it starts within ` +
    `${count(p.limit, "working day")} (NPS FAQ on the future of probation, June 2020).`,
  "upw.complete": (p: { caseId: string; sentence: string; done: string; months: number; by: string }) =>
    `Case ${p.caseId}: unpaid work completed ${p.done}, sentenced ${p.sentence}; it is completed within ${count(p.months, "month")} (by ${p.by}) (NPS FAQ on the future of probation, June 2020).`,
  "upw.notStarted": (p: { caseId: string; sentence: string; asOf: string; days: number; limit: number }) =>
    `Case ${p.caseId}: sentenced ${p.sentence} and not started by ${p.asOf} (the workbook's latest date), ${count(p.days, "working day")} on; ` +
    `unpaid work starts within ${count(p.limit, "working day")} of sentence (NPS FAQ on the future of probation, June 2020).`,
  "upw.notCompleted": (p: { caseId: string; sentence: string; asOf: string; months: number; by: string }) =>
    `Case ${p.caseId}: sentenced ${p.sentence} and not completed by ${p.asOf} (the workbook's latest date); ` +
    `unpaid work is completed within ${count(p.months, "month")}, by ${p.by} (NPS FAQ on the future of probation, June 2020).`,
  "upw.before": (p: { caseId: string; what: string; date: string; sentence: string }) =>
    `Case ${p.caseId}: the ${p.what} ${p.date} is before the sentence date ${p.sentence}; check the dates.`,
  "upw.travel": (p: { caseId: string; minutes: number; limit: number }) =>
    `Case ${p.caseId}: ${p.minutes} minutes' travel to the placement each way; the most is ${p.limit} minutes (NPS FAQ on the future of probation, June 2020).`,
  "upw.education": (p: { caseId: string; hours: number; ordered: number; share: number; most: number }) =>
    `Case ${p.caseId}: ${num(p.hours)} hours of education or training in an order of ${num(p.ordered)} hours; at most ${pct(p.share)} ` +
    `of an order (${num(p.most)} hours) may be spent on education or training (NPS FAQ on the future of probation, June 2020).`,
  "upw.negative": (p: { caseId: string; field: string; got: number }) => `Case ${p.caseId}: ${p.field} is ${p.got}; expected a number of 0 or more.`,
} as const;
