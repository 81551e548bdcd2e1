import type { TraceEvent } from "../trace-event.js";
import { asGenerated } from "./as-generated.js";

/**
 * One trace as ListTraces returns it (reference §2.1, SDK types: `code`, `request` and
 * `response` are strings), as JSON text without a newline. Built by concatenating pre-rendered
 * fragments: no generic `JSON.stringify` walk.
 *
 * @throws GeneratorError `CTSIM_GENERATOR_FOREIGN_EVENT` when the event was not made by this package.
 * @example
 * for (const event of generateTraces({ count: 1 })) console.log(encodeApiTraceJson(event));
 */
export function encodeApiTraceJson(event: TraceEvent): string {
  const e = asGenerated(event);
  const user = e.user;
  return (
    '{"trace_id":"' +
    e.traceId +
    '","trace_name":"' +
    e.traceName +
    '","trace_rating":"' +
    e.traceRating +
    '","trace_type":"' +
    e.traceType +
    '","service_type":"' +
    e.serviceType +
    '","resource_type":"' +
    e.resourceType +
    '","resource_id":"' +
    e.resourceId +
    '","resource_name":"' +
    e.resourceName +
    '","time":' +
    e.time +
    ',"record_time":' +
    e.recordTime +
    ',"source_ip":"' +
    e.sourceIp +
    '","request":' +
    e.requestJson +
    ',"response":' +
    e.responseJson +
    ',"code":"' +
    e.code +
    '","api_version":"' +
    e.apiVersion +
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
    e.readOnly +
    ',"operation_id":"' +
    e.operationId +
    '","user":' +
    (user === null ? "null" : user.json) +
    "}"
  );
}
