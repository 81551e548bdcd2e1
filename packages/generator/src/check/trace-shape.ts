import { OBS_ONLY_FIELDS } from "@ctsim/catalog";

/** The two wire shapes of a trace: ListTraces (`api`) and OBS trace files (`obs`, reference §7.1). */
export const TRACE_SHAPES = ["api", "obs"] as const;
/** One of {@link TRACE_SHAPES}. */
export type TraceShape = (typeof TRACE_SHAPES)[number];

/**
 * Guesses the shape of a trace object: the OBS-file shape has one of the catalog's
 * `OBS_ONLY_FIELDS` (`event_type`, `project_id`, `tracker_name`), or `user` as JSON text; anything else is the API shape (a numeric `code` alone
 * does not decide: the API reference's own example has one).
 *
 * @example
 * detectTraceShape({ code: 201, user: "{\"name\":\"alice\"}" }); // "obs"
 */
export function detectTraceShape(record: Readonly<Record<string, unknown>>): TraceShape {
  const obs = OBS_ONLY_FIELDS.some((field) => field in record) || typeof record.user === "string";
  return obs ? "obs" : "api";
}
