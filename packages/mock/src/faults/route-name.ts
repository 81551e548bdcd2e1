/**
 * The route groups faults can target (one per resource of reference §1.1); every route of the
 * core belongs to one.
 */
export const ROUTE_NAMES = [
  "traces",
  "trackers",
  "notifications",
  "quotas",
  "operations",
  "user-resources",
  "resources",
  "checkbucket",
  "tags",
  "configuration",
  "versions",
] as const;
/** One route group. */
export type RouteName = (typeof ROUTE_NAMES)[number];
