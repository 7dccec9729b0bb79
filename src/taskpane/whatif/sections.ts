/**
 * The What-if tab's sections: the policy variants, the model's figures grouped by the part of the
 * Operating Model they belong to (the workload figures and points table: the Workload Management
 * Tool's), and the VLO weights. A figure no group names (one added to the model later) falls into
 * "Other figures", so none is ever left off the tab.
 */
import { FIGURE_KEYS, POINTS_TIERS, pointsKey, reportPointsKey, WORKLOAD_CASE_TYPES, WORKLOAD_REPORTS, type FigureKey } from "../../model/config";

export interface FigureSection {
  readonly id: string;
  readonly title: string;
  readonly keys: readonly FigureKey[];
}

export const VARIANTS_SECTION = { id: "variants", title: "Policy variants (Napo)" } as const;
export const VLO_SECTION = { id: "vlo", title: "VLO weights" } as const;

const GROUPS: readonly FigureSection[] = [
  { id: "reports", title: "Court reports", keys: ["reportOralShare", "reportFdrShare", "reportSdrShare", "reportPoShare", "reportPsoShare", "reportMixTolerance"] },
  { id: "staffing", title: "Staffing ratios", keys: ["omAdminRatio", "courtAdminRatio", "spoSpan"] },
  {
    id: "clusters",
    title: "LDU clusters",
    keys: ["complexClusterShare", "complexClusterRounding", "weightCaseloadVolume", "weightCaseloadComplexity", "weightPartnerships", "weightGeography", "weightCourts", "weightOffices"],
  },
  { id: "yos", title: "Youth offending services", keys: ["yosCaseloadShare", "yosCasesPerPo", "yosSecondmentYears"] },
  { id: "ap", title: "Approved Premises", keys: ["apCaFte", "apWakingStaff", "apPurposefulHours", "apFinanceAdminPerAreaManager"] },
  { id: "parom", title: "PAROMs", keys: ["paromGoodRun"] },
  { id: "upw", title: "Unpaid work", keys: ["upwStartBusinessDays", "upwCompleteMonths", "upwMaxTravelMinutes", "upwEducationShare"] },
  { id: "workload", title: "Workload: capacity", keys: ["wmtNominalTarget", "wmtDefaultHours", "capacityThreshold"] },
  // The points table (WMT): a section per case type, its tiers from the heaviest, then the reports.
  ...WORKLOAD_CASE_TYPES.map((type) => ({ id: `points-${type}`, title: `Workload points: ${type} cases`, keys: POINTS_TIERS.map((tier) => pointsKey(type, tier)) })),
  { id: "points-reports", title: "Workload points: reports", keys: WORKLOAD_REPORTS.map(reportPointsKey) },
];

function sections(): readonly FigureSection[] {
  const known = new Set(FIGURE_KEYS);
  const groups = GROUPS.map((g) => ({ ...g, keys: g.keys.filter((k) => known.has(k)) })).filter((g) => g.keys.length > 0);
  const placed = new Set(groups.flatMap((g) => g.keys));
  const rest = FIGURE_KEYS.filter((k) => !placed.has(k));
  return rest.length > 0 ? [...groups, { id: "other", title: "Other figures", keys: rest }] : groups;
}

/** Every figure in exactly one section, in the order the tab shows them. */
export const FIGURE_SECTIONS: readonly FigureSection[] = sections();
