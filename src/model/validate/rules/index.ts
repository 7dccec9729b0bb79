/**
 * Every validation rule, in the order the summary lists them. A rule family lives in its own file
 * and exports its Rule[]; adding a family is one line here.
 */
import type { Rule } from "../types";
import { CASELOAD_RULES } from "./caseload";
import { REPORT_RULES } from "./reports";

export const RULES: readonly Rule[] = [...CASELOAD_RULES, ...REPORT_RULES];
