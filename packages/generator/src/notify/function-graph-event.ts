import type { ApiTrace, UserInfo } from "@ctsim/catalog";

/**
 * The event a FunctionGraph CTS trigger passes to a function (FunctionGraph user guide, "Using
 * a CTS Trigger", CTS example event; reference §6.3 and "Corrections"): the trace under `cts`,
 * with `time`/`record_time` as ms integers, `code` an integer, `request`/`response` objects and
 * the rating named `trace_status`.
 */
export interface FunctionGraphCtsEvent {
  readonly cts: {
    readonly time: number;
    readonly user: UserInfo | null;
    readonly request: unknown;
    readonly response: unknown;
    readonly code: number | null;
    readonly service_type: string;
    readonly resource_type: string;
    readonly resource_name: string | null;
    readonly resource_id: string | null;
    readonly trace_name: string;
    readonly trace_type: string;
    readonly record_time: number;
    readonly trace_id: string;
    readonly trace_status: string;
  };
}

/**
 * A trace as a FunctionGraph CTS-trigger event, with exactly the fields of Huawei's example event
 * in its order (other trace fields, such as `source_ip`, are not in the example and are left out:
 * unconfirmed). `request`/`response` are parsed from their JSON text; an absent or empty body is
 * `{}` as in the example, and text that is not JSON stays text (unconfirmed). A `code` that is
 * not digits is `null`.
 *
 * @example
 * encodeFunctionGraphEvent(trace).cts.trace_status; // "normal"
 */
export function encodeFunctionGraphEvent(trace: ApiTrace): FunctionGraphCtsEvent {
  return {
    cts: {
      time: trace.time,
      user: trace.user ?? null,
      request: bodyObject(trace.request),
      response: bodyObject(trace.response),
      code: typeof trace.code === "string" && /^\d+$/.test(trace.code) ? Number(trace.code) : null,
      service_type: trace.service_type,
      resource_type: trace.resource_type,
      resource_name: trace.resource_name ?? null,
      resource_id: trace.resource_id ?? null,
      trace_name: trace.trace_name,
      trace_type: trace.trace_type,
      record_time: trace.record_time,
      trace_id: trace.trace_id,
      trace_status: trace.trace_rating,
    },
  };
}

function bodyObject(text: string | null | undefined): unknown {
  if (text === undefined || text === null || text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
