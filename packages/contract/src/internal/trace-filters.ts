import {
  type ApiTrace,
  isNarrowingTraceFilter,
  isTraceFieldFilter,
  type NarrowingTraceFilter,
  TRACE_FILTER_NAMES,
  type TraceFieldFilter,
  traceFilterValue,
} from "@ctsim/catalog";

/**
 * A ListTraces filter that narrows by a trace's own fields: every filter of the catalog's
 * `TRACE_FILTERS` but `tracker_name` (where a trace is kept, which the API shape does not say)
 * and `trace_id` (which overrides the rest).
 */
export type TraceQueryFilter = TraceFieldFilter & NarrowingTraceFilter;

/**
 * The filters the kit checks, in the catalog's order. Each matches the field the catalog names,
 * exactly (`user` matches `user.name`, `access_key_id` matches `user.access_key_id`; reference §3).
 */
export const TRACE_QUERY_FILTERS: readonly TraceQueryFilter[] = TRACE_FILTER_NAMES.filter(
  (name): name is TraceQueryFilter => isTraceFieldFilter(name) && isNarrowingTraceFilter(name),
);

/** Filter values by filter name. */
export type TraceFilters = Partial<Record<TraceQueryFilter, string>>;

/** The value a trace has for a filter, or `undefined` when the trace has none (or an empty one). */
export function filterValueOf(trace: ApiTrace, filter: TraceQueryFilter): string | undefined {
  const value: unknown = traceFilterValue(trace, filter);
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
