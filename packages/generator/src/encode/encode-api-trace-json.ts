import { CodeRow } from "../internal/char-codes.js";
import { epochMsText } from "../internal/epoch-ms-text.js";
import { writeUuidTime } from "../internal/uuid-v1.js";
import {
  endpointFragment,
  endpointUrlFragment,
  RATING_INDEX,
  SOURCE_COUNT,
  SOURCE_INDEX,
} from "../operations/op-table.js";
import type { GeneratedTrace } from "../trace/generated-trace.js";
import type { TraceEvent } from "../trace-event.js";
import { asGenerated } from "./as-generated.js";

/**
 * One trace as ListTraces returns it (reference §2.1, SDK types: `code`, `request` and
 * `response` are strings; `record_time` equals `time`, and traces with a user end with the
 * operator's account as `resource_account_id`, as Huawei's examples have), as JSON text without
 * a newline. Built by concatenating pre-rendered
 * fragments (each constant run of fields is one string): no generic `JSON.stringify` walk.
 *
 * @throws GeneratorError `CTSIM_GENERATOR_FOREIGN_EVENT` when the event was not made by this package.
 * @example
 * for (const event of generateTraces({ count: 1 })) console.log(encodeApiTraceJson(event));
 */
export function encodeApiTraceJson(event: TraceEvent): string {
  return encodeGenerated(asGenerated(event));
}

/** {@link encodeApiTraceJson} of a trace known to be the generator's own; `line` adds a newline. */
export function encodeGenerated(e: GeneratedTrace, line = false): string {
  const op = e.op;
  const failure = e.failure;
  const user = e.user;
  const resourceId = e.resourceId;
  const ep = e.enterpriseProjectId;
  const time = epochMsText(e.time);
  return (
    traceIdHead(e.time + e.delay, e.ticks) +
    e.uuidTail +
    (op.apiHead[
      RATING_INDEX[e.traceRating as "normal"] * SOURCE_COUNT +
        SOURCE_INDEX[e.traceType as "ApiCall"]
    ] as string) +
    resourceId +
    '","resource_name":"' +
    e.resourceName +
    '","time":' +
    time +
    ',"record_time":' +
    time +
    ',"source_ip":"' +
    e.sourceIp +
    '","request":' +
    e.requestJson +
    ',"response":' +
    e.responseJson +
    (failure === null ? op.apiCodeMid : `,"code":"${failure.code}${op.apiMid}`) +
    e.requestId +
    (failure === null && resourceId !== ""
      ? endpointUrlFragment(op, e.scope.regionInfo) +
        resourceId +
        (ep === "0" ? op.apiQuoteTailEp0 : `","enterprise_project_id":"${ep}${op.apiTail}`)
      : tailOf(e)) +
    (user === null ? (line ? "null}\n" : "null}") : line ? user.jsonCloseLine : user.jsonClose)
  );
}

const TRACE_ID_KEY = '{"trace_id":"';
const HEAD_ROW = new CodeRow(TRACE_ID_KEY.length + 18);
HEAD_ROW.write(0, TRACE_ID_KEY);

/** `{"trace_id":"xxxxxxxx-xxxx-1xxx` as one flat string. */
function traceIdHead(time: number, ticks: number): string {
  writeUuidTime(HEAD_ROW, TRACE_ID_KEY.length, time, ticks);
  return HEAD_ROW.text();
}

/** From the end of `request_id` to `"user":` of a failed call or a call without a resource id. */
function tailOf(e: GeneratedTrace): string {
  const op = e.op;
  const failure = e.failure;
  const ep = e.enterpriseProjectId;
  return (
    (failure === null
      ? endpointFragment(op, e.scope.regionInfo.console)
      : `","location_info":"${failure.errorCode}","endpoint":${e.endpointJson},"resource_url":`) +
    e.resourceUrlJson +
    (ep === "0" ? op.apiTailEp0 : `,"enterprise_project_id":"${ep}${op.apiTail}`)
  );
}
