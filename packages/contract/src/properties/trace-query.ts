import type { TraceFilters } from "../internal/trace-filters.js";
import type { TimeWindow } from "./provider-context.js";

/** URL parameters of a system-trace query over `window` with `filters`. */
export function traceQuery(
  window: TimeWindow | undefined,
  filters: TraceFilters = {},
): Record<string, string> {
  const params: Record<string, string> = { trace_type: "system" };
  if (window) {
    params.from = String(window.from);
    params.to = String(window.to);
  }
  for (const [name, value] of Object.entries(filters))
    if (value !== undefined) params[name] = value;
  return params;
}
