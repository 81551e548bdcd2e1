import { epochMsText } from "../internal/epoch-ms-text.js";
import type { TraceEvent } from "../trace-event.js";
import { asGenerated } from "./as-generated.js";

/**
 * One trace as CTS writes it into an OBS trace file (reference §7.1, §8.4): numeric `code`,
 * `user` as JSON text, plus `event_type` (`"system"`, `"global"` for IAM), `project_id` and
 * `tracker_name` (`"system"`, or a data tracker's name), as JSON text without a newline: the catalog's `toObsTrace` of
 * {@link encodeApiTraceJson}'s record with the event's placement, written by hand for speed (a
 * property test holds the two together). Whether files also carry `read_only`,
 * `operation_id` and `enterprise_project_id` is unconfirmed; they are included.
 *
 * @throws GeneratorError `CTSIM_GENERATOR_FOREIGN_EVENT` when the event was not made by this package.
 * @example
 * for (const event of generateTraces({ count: 1 })) console.log(encodeObsTraceJson(event));
 */
export function encodeObsTraceJson(event: TraceEvent): string {
  const e = asGenerated(event);
  const user = e.user;
  return (
    '{"code":' +
    e.code +
    ',"event_type":"' +
    e.op.eventType +
    '","project_id":"' +
    e.projectId +
    '","tracker_name":"' +
    e.op.trackerName +
    '","record_time":' +
    epochMsText(e.recordTime) +
    ',"time":' +
    epochMsText(e.time) +
    ',"trace_id":"' +
    e.traceId +
    '","trace_name":"' +
    e.op.traceName +
    '","trace_rating":"' +
    e.traceRating +
    '","trace_type":"' +
    e.traceType +
    '","service_type":"' +
    e.op.serviceType +
    '","resource_type":"' +
    e.op.resourceType +
    '","resource_id":"' +
    e.resourceId +
    '","resource_name":"' +
    e.resourceName +
    '","source_ip":"' +
    e.sourceIp +
    '","request":' +
    e.requestJson +
    ',"response":' +
    e.responseJson +
    ',"api_version":"' +
    e.op.apiVersion +
    '","message":null,"request_id":"' +
    e.requestId +
    '","location_info":' +
    e.locationInfoJson +
    ',"endpoint":' +
    e.endpointJson +
    ',"resource_url":' +
    e.resourceUrlJson +
    ',"enterprise_project_id":"' +
    e.enterpriseProjectId +
    '","read_only":false,"operation_id":"' +
    e.op.traceName +
    '","user":' +
    (user === null ? "null" : user.obsJson) +
    "}"
  );
}
