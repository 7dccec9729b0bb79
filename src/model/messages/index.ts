/**
 * The one message catalogue, assembled from one part per family so that each family's wording
 * sits beside its peers. Every sentence a user reads about their data comes from here.
 */
import { CORE_MESSAGES } from "./core";
import { REPORT_MESSAGES } from "./reports";
import { STAFFING_MESSAGES } from "./staffing";
import { STAFFING_RULE_MESSAGES } from "./staffing-rules";
import { VALIDATE_MESSAGES } from "./validate";
import { WORKLOAD_MESSAGES } from "./workload";

export { show } from "./core";

export const MESSAGES = {
  ...CORE_MESSAGES,
  ...REPORT_MESSAGES,
  ...STAFFING_MESSAGES,
  ...STAFFING_RULE_MESSAGES,
  ...VALIDATE_MESSAGES,
  ...WORKLOAD_MESSAGES,
} as const;

export type MessageCode = keyof typeof MESSAGES;
export type MessageParams<C extends MessageCode> = Parameters<(typeof MESSAGES)[C]>[0];
