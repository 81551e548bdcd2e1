import { epochMsText } from "../internal/epoch-ms-text.js";
import type { TraceEvent } from "../trace-event.js";
import { asGenerated } from "./as-generated.js";
import { contentLengthOf } from "./content-length.js";

/**
 * One trace as CTS writes it into an OBS trace file (reference §7.1, §8.4 and "Corrections"):
 * numeric `code`, `user` as JSON text, plus `event_type` (`"system"`, `"global"` for IAM),
 * `project_id`, `tracker_name` (`"system"`, or a data tracker's name) and `domain_id` (the
 * account, mandatory in the trace-structure table), and for calls with a user `user_agent`,
 * `content_length` (bytes of the request body, `0` without one) and `total_time` (ms), as JSON
 * text without a newline: the catalog's `toObsTrace` of {@link encodeApiTraceJson}'s record with
 * the event's placement, written by hand for speed (a property test holds the two together).
 * System actions carry no client facts (unconfirmed). Whether files also carry `read_only`,
 * `operation_id` and `enterprise_project_id` is unconfirmed; they are included.
 *
 * @throws GeneratorError `CTSIM_GENERATOR_FOREIGN_EVENT` when the event was not made by this package.
 * @example
 * for (const event of generateTraces({ count: 1 })) console.log(encodeObsTraceJson(event));
 */
export function encodeObsTraceJson(event: TraceEvent): string {
  const e = asGenerated(event);
  const user = e.user;
  const request = e.requestJson;
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
    request +
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
    '","read_only":' +
    e.op.readOnly +
    ',"operation_id":"' +
    e.op.traceName +
    '","user":' +
    (user === null
      ? `null,"domain_id":"${e.domainId}"}`
      : `${user.obsJson},"resource_account_id":"${user.domainId}","domain_id":"${e.domainId}","user_agent":"${user.userAgent}","content_length":${contentLengthOf(request)},"total_time":${e.totalTime}}`)
  );
}
