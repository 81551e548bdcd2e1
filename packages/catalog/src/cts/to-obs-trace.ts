import type { ApiTrace, ObsTrace } from "./schemas/trace.js";

/**
 * What the OBS file shape spells out and the API shape does not (reference §7.1 and
 * "Corrections"): where the trace is kept, the account, and facts of the call.
 */
export interface ObsPlacement {
  /** `project_id` of the file record. */
  readonly projectId: string;
  /** `tracker_name`. Default `"system"`, the management tracker. */
  readonly trackerName?: string;
  /** `event_type`. Default `"system"` (`"global"` is the other observed value). */
  readonly eventType?: string;
  /** `domain_id`, the account that triggered the trace. Default: not written. */
  readonly domainId?: string;
  /** `user_agent` of the call. Default: not written. */
  readonly userAgent?: string;
  /** `content_length`: bytes of the request body. Default: not written. */
  readonly contentLength?: number;
  /** `total_time`: response time of the call, ms. Default: not written. */
  readonly totalTime?: number;
}

/**
 * Converts an API-shape trace to the OBS trace-file shape (reference §2.4, §7.1): `code` a number
 * (`null` when it is not digits), `user` as JSON text, then `event_type`, `project_id`,
 * `tracker_name` and, when the placement gives them, `domain_id`, `user_agent`, `content_length`
 * and `total_time`. Other fields, unknown ones included, are kept as they are.
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
    ...(placement.domainId === undefined ? {} : { domain_id: placement.domainId }),
    ...(placement.userAgent === undefined ? {} : { user_agent: placement.userAgent }),
    ...(placement.contentLength === undefined ? {} : { content_length: placement.contentLength }),
    ...(placement.totalTime === undefined ? {} : { total_time: placement.totalTime }),
  };
}
