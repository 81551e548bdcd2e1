import { endpointFragment, RATING_INDEX, SOURCE_INDEX } from "../internal/op-table.js";
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
  const p = e.parts;
  const op = p.op;
  const user = p.user;
  return (
    '{"trace_id":"' +
    e.traceId +
    (op.apiHead[
      RATING_INDEX[p.traceRating as "normal"] * 3 + SOURCE_INDEX[p.traceType as "ApiCall"]
    ] as string) +
    p.resourceId +
    '","resource_name":"' +
    p.resourceName +
    '","time":' +
    p.time +
    ',"record_time":' +
    e.recordTime +
    ',"source_ip":"' +
    p.sourceIp +
    '","request":' +
    e.requestJson +
    ',"response":' +
    e.responseJson +
    ',"code":"' +
    p.code +
    op.apiMid +
    e.requestId +
    (p.failure === null
      ? endpointFragment(op, p.regionInfo.console)
      : `","location_info":"${p.failure.errorCode}","endpoint":${e.endpointJson},"resource_url":`) +
    e.resourceUrlJson +
    ',"enterprise_project_id":"' +
    p.enterpriseProjectId +
    op.apiTail +
    (user === null ? "null" : user.json) +
    "}"
  );
}
