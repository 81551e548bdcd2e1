import { activityTime } from "./sections/activity-time.js";
import { failures } from "./sections/failures.js";
import { lifecycleLinkage } from "./sections/lifecycle-linkage.js";
import { operationMix } from "./sections/operation-mix.js";
import { services } from "./sections/services.js";
import { sourceIps } from "./sections/source-ips.js";
import { users } from "./sections/users.js";
import type { StatsSection } from "./stats-section.js";

/**
 * The sections of the realism report, by name, in report order. A new section is one file under
 * `sections/` and one line here; its name is the key of its result in the JSON report.
 */
export const STATS_SECTIONS = {
  operations: operationMix,
  activity: activityTime,
  users,
  failures,
  lifecycle: lifecycleLinkage,
  services,
  sourceIps,
} as const satisfies Record<string, StatsSection<unknown>>;

/** Name of one of {@link STATS_SECTIONS}. */
export type StatsSectionName = keyof typeof STATS_SECTIONS;

/** The result of every section, by name. */
export type StatsSectionResults = {
  readonly [K in StatsSectionName]: (typeof STATS_SECTIONS)[K] extends StatsSection<infer R>
    ? R
    : never;
};
