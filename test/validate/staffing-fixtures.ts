/**
 * Cell-shaped fixtures for the staffing, structure, YOS and AP rule tests: a Staff sheet and a
 * Teams sheet built from short records, so each test names only the cells it is about.
 */
import type { CellValue } from "../../src/model/values";
import type { Finding, ValidateOptions, ValidationReport, WorkbookData } from "../../src/model/validate/types";
import { validateWorkbook } from "../../src/model/validate";
import { rowsOf, sheet } from "../support/book";

export const STAFF_HEADER = ["Name", "Role", "FTE", "Team", "Cluster", "Line manager", "YOS secondment", "Secondment start"] as const;
export const TEAMS_HEADER = ["Team", "Type", "Cluster", "YOS caseload"] as const;
export const CLUSTERS_HEADER = ["Cluster", "Head of LDU cluster", "Caseload volume", "Caseload complexity", "Partnerships", "Geography", "Courts", "Offices"] as const;

export type Rec = Readonly<Record<string, CellValue>>;

export const staffSheet = (rows: readonly Rec[], header: readonly string[] = STAFF_HEADER) => sheet("Staff", header, rowsOf(header, rows));
export const teamsSheet = (rows: readonly Rec[]) => sheet("Teams", TEAMS_HEADER, rowsOf(TEAMS_HEADER, rows));
export const clustersSheet = (rows: readonly Rec[]) => sheet("Clusters", CLUSTERS_HEADER, rowsOf(CLUSTERS_HEADER, rows));

/** n staff of a role and FTE in a team, named prefix1..prefixN. */
export function people(prefix: string, n: number, rec: Rec): Rec[] {
  return Array.from({ length: n }, (_, i) => ({ Name: `${prefix}${i + 1}`, ...rec }));
}

export function findings(book: WorkbookData, rule: string, options: ValidateOptions = {}): Finding[] {
  return validateWorkbook(book, options).findings.filter((f) => f.rule === rule);
}

export function summary(report: ValidationReport, rule: string) {
  const s = report.summaries.find((x) => x.rule === rule);
  if (!s) throw new Error(`no summary for ${rule}`);
  return s;
}
