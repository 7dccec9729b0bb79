/**
 * Every validation rule, in the order the summary lists them. A rule family lives in its own file
 * and exports its Rule[]; adding a family is one line here.
 */
import type { Rule } from "../types";
import { AP_RULES } from "./ap";
import { CASELOAD_RULES } from "./caseload";
import { PAROM_RULES } from "./parom";
import { REPORT_RULES } from "./reports";
import { STAFFING_RULES } from "./staffing";
import { UPW_RULES } from "./upw";
import { WORKLOAD_RULES } from "./workload";
import { YOS_RULES } from "./yos";

export const RULES: readonly Rule[] = [...CASELOAD_RULES, ...REPORT_RULES, ...STAFFING_RULES, ...YOS_RULES, ...AP_RULES, ...PAROM_RULES, ...UPW_RULES, ...WORKLOAD_RULES];
