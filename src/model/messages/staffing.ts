/**
 * Staffing what-ifs: administration ratios (Employer's reply on the E3 Phase 2 Blueprint, ch.4), SPO span (Employer's reply on the E3 Phase 2 Blueprint, ch.3), complex LDU
 * clusters (NPS Operating Model v1.0, ch.8), YOS secondments (NPS Operating Model v1.0, ch.7) and PAROM countersignature (NPS Operating Model v1.0, ch.4).
 * Messages name the argument, cluster or row and say what was expected.
 */
import { show, type Arg, type Got } from "./core";

export const STAFFING_MESSAGES = {
  // --- reading staffing cells -----------------------------------------------------------
  "staffing.teamType": (p: Got) =>
    `${p.arg}: expected a team type OM (an offender management team, 1 case administrator to 4 OMs) ` +
    `or Court (a court team, 1 to 3) (Employer's reply on the E3 Phase 2 Blueprint, ch.4); got ${show(p.got)}.`,
  "staffing.paromAssessment": (p: Got & { accepted: readonly string[] }) =>
    `${p.arg}: expected a PAROM quality assessment, one of ${p.accepted.join(", ")}; got ${show(p.got)}. ` +
    `Only reports assessed Good count towards lifting countersignature (NPS Operating Model v1.0, ch.4); ` +
    `if your assessment scale has other words, record each report as Good or Not good.`,
  "staffing.row": (p: Arg & { row: number; detail: string }) => `Row ${p.row} of ${p.arg}: ${p.detail}`,

  // --- complex LDU clusters (NPS Operating Model v1.0, ch.8) ---------------------------------------------
  "staffing.clusterMeasureBlank": (p: Arg & { cluster: string }) =>
    `${p.arg} is blank for cluster ${show(p.cluster)}; every cluster needs all six complexity measures to be ranked ` +
    `(NPS Operating Model v1.0, ch.8). Give 0 if the cluster truly has none.`,
  "staffing.clusterMeasureNegative": (p: Got & { cluster: string }) =>
    `${p.arg} for cluster ${show(p.cluster)} is ${show(p.got)}; a complexity measure must be a number of 0 or more (NPS Operating Model v1.0, ch.8).`,
  "staffing.clustersEmpty": (p: Arg) => `${p.arg} holds no clusters: there is nothing to rank.`,
  "staffing.weightsZero": (_p: Record<string, never>) =>
    `Every complexity weight is 0, so the clusters cannot be ranked; give at least one measure a weight above 0 (NPS Operating Model v1.0, ch.8).`,
} as const;
