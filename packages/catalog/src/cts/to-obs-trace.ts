import type { ApiTrace, ObsTrace } from "./schemas/trace.js";

/**
 * Where a trace is kept, which the OBS file shape spells out and the API shape does not
 * (reference §7.1).
 */
export interface ObsPlacement {
  /** `project_id` of the file record. */
  readonly projectId: string;
  /** `tracker_name`. Default `"system"`, the management tracker. */
  readonly trackerName?: string;
  /** `event_type`. Default `"system"` (`"global"` is the other observed value). */
  readonly eventType?: string;
}

/**
 * Converts an API-shape trace to the OBS trace-file shape (reference §2.4, §7.1): `code` a number
 * (`null` when it is not digits), `user` as JSON text, then `event_type`, `project_id` and
 * `tracker_name` from the placement. Other fields, unknown ones included, are kept as they are.
 * {@link toApiTrace} converts back.
 *
 * @example
 * toObsTrace({ ...trace, code: "201" }, { projectId: "p1" }); // { ..., code: 201, tracker_name: "system" }
 */
export function toObsTrace(trace: ApiTrace, placement: ObsPlacement): ObsTrace {
  const { code, user, ...rest } = trace;
  const numeric = typeof code === "string" && /^\d+$/.test(code) ? Number(code) : null;
  return {
    ...rest,
    ...(code === undefined ? {} : { code: numeric }),
    ...(user === undefined ? {} : { user: user === null ? null : JSON.stringify(user) }),
    event_type: placement.eventType ?? "system",
    project_id: placement.projectId,
    tracker_name: placement.trackerName ?? "system",
  };
}
