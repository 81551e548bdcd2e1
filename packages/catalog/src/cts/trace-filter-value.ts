import type { ApiTrace } from "./schemas/trace.js";
import { TRACE_FILTERS, type TraceFieldFilter } from "./trace-filters.js";

/**
 * The value an API-shape trace has for a filter: the field at the filter's path in
 * {@link TRACE_FILTERS}, as stored (`null` or `undefined` when the trace has none, also when
 * `user` is missing). Filters match this value exactly (reference §3).
 *
 * @example
 * traceFilterValue(trace, "user"); // trace.user?.name
 * traceFilterValue(trace, "trace_name"); // trace.trace_name
 */
export function traceFilterValue(
  trace: ApiTrace,
  filter: TraceFieldFilter,
): string | null | undefined {
  let value: unknown = trace;
  for (const key of TRACE_FILTERS[filter].field) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Readonly<Record<string, unknown>>)[key];
  }
  return value as string | null | undefined;
}
