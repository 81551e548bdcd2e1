/** The two wire shapes of a trace: ListTraces (`api`) and OBS trace files (`obs`, reference §7.1). */
export const TRACE_SHAPES = ["api", "obs"] as const;
/** One of {@link TRACE_SHAPES}. */
export type TraceShape = (typeof TRACE_SHAPES)[number];

/**
 * Guesses the shape of a trace object: the OBS-file shape has `event_type`, `project_id` or
 * `tracker_name`, or `user` as JSON text; anything else is the API shape (a numeric `code` alone
 * does not decide: the API reference's own example has one).
 *
 * @example
 * detectTraceShape({ code: 201, user: "{\"name\":\"alice\"}" }); // "obs"
 */
export function detectTraceShape(record: Readonly<Record<string, unknown>>): TraceShape {
  const obs =
    "event_type" in record ||
    "project_id" in record ||
    "tracker_name" in record ||
    typeof record.user === "string";
  return obs ? "obs" : "api";
}
