import type { TraceRating, TraceSource } from "@ctsim/catalog";

/**
 * One generated trace. The readonly fields let sinks index and route traces without parsing;
 * the encoders (`encodeApiTraceJson`, `encodeObsTraceJson`) render the wire text from
 * pre-rendered fragments.
 */
export interface TraceEvent {
  /** `trace_id`: a time-based (v1) UUID whose timestamp is a few ms after `record_time`. */
  readonly traceId: string;
  /** `trace_name`, e.g. `"createNotebook"`. */
  readonly traceName: string;
  /** `trace_rating`: agrees with `code` (2xx/3xx normal, 4xx warning, 5xx warning or incident). */
  readonly traceRating: TraceRating;
  /** `trace_type`: `ApiCall`, `ConsoleAction` or `SystemAction`. */
  readonly traceType: TraceSource;
  /** `service_type`: `"ModelArts"`, or `"CTS"` for tracker traces. */
  readonly serviceType: string;
  /** `resource_type`, spelled as the chosen catalog revision spells it. */
  readonly resourceType: string;
  /** `resource_id` (`""` when a create failed before an id existed). */
  readonly resourceId: string;
  /** `resource_name`. */
  readonly resourceName: string;
  /** `user.name`, or `null` for `SystemAction` traces (no user). */
  readonly userName: string | null;
  /** `user.access_key_id` (API calls' keys, console sessions' temporary keys), else `null`. */
  readonly accessKeyId: string | null;
  /** `enterprise_project_id` (`"0"` is the default enterprise project). */
  readonly enterpriseProjectId: string;
  /** `code`: the HTTP status as text, e.g. `"201"`. */
  readonly code: string;
  /** `time`, epoch ms. */
  readonly time: number;
  /** `record_time`, epoch ms (equal to `time`, as in Huawei's examples). */
  readonly recordTime: number;
  /** Project id of the trace (OBS `project_id`). */
  readonly projectId: string;
  /** Account (domain) id of the tenant. */
  readonly domainId: string;
  /** Region, e.g. `"cn-north-4"`. */
  readonly region: string;
  /** Tracker that recorded it: `"system"` (the management tracker), or a data tracker's name. */
  readonly trackerName: string;
  /** `event_type` in trace files: `"global"` for global services (IAM), else `"system"`. */
  readonly eventType: string;
}
