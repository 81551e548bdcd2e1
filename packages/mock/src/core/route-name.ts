/** The route groups faults can target (one per resource of reference §1.1 rows 1–14, 22–23). */
export const ROUTE_NAMES = [
  "traces",
  "trackers",
  "notifications",
  "quotas",
  "operations",
  "user-resources",
  "resources",
  "checkbucket",
  "versions",
] as const;
/** One route group. */
export type RouteName = (typeof ROUTE_NAMES)[number];
