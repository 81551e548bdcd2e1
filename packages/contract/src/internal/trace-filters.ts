import type { ApiTrace } from "@ctsim/catalog";

/**
 * ListTraces filters that narrow by a trace's own fields (everything but time, paging and
 * `trace_id`, which overrides the rest). `user` matches `user.name`, `access_key_id` matches
 * `user.access_key_id`; the others match the field of the same name, exactly (reference §3).
 */
export const TRACE_QUERY_FILTERS = [
  "trace_name",
  "resource_type",
  "resource_id",
  "resource_name",
  "user",
  "trace_rating",
  "service_type",
  "access_key_id",
  "enterprise_project_id",
] as const satisfies readonly string[];

/** One of {@link TRACE_QUERY_FILTERS}. */
export type TraceQueryFilter = (typeof TRACE_QUERY_FILTERS)[number];

/** Filter values by filter name. */
export type TraceFilters = Partial<Record<TraceQueryFilter, string>>;

/** The value a trace has for a filter, or `undefined` when the trace has none. */
export function filterValueOf(trace: ApiTrace, filter: TraceQueryFilter): string | undefined {
  let value: unknown;
  if (filter === "user") value = trace.user?.name;
  else if (filter === "access_key_id") value = trace.user?.access_key_id;
  else value = trace[filter];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** Whether a trace passes every filter (they combine with AND). */
export function matchesFilters(trace: ApiTrace, filters: TraceFilters): boolean {
  for (const filter of TRACE_QUERY_FILTERS) {
    const wanted = filters[filter];
    if (wanted !== undefined && filterValueOf(trace, filter) !== wanted) return false;
  }
  return true;
}
