import type { ApiTrace } from "@ctsim/catalog";
import { toApiTrace } from "@ctsim/catalog/wire";

/**
 * A trace in the ListTraces (SDK) shape, whichever wire shape it came in (the API's, an OBS
 * trace file's, a FunctionGraph event's `cts` object): what the notification encoders read.
 *
 * @example
 * notifiedTrace({ code: 201, user: '{"name":"alice"}', trace_id: "t1" }).code; // "201"
 */
export function notifiedTrace(record: Readonly<Record<string, unknown>>): ApiTrace {
  const trace = toApiTrace(record);
  // A FunctionGraph event calls the rating trace_status.
  if (trace.trace_rating === undefined && typeof trace.trace_status === "string") {
    trace.trace_rating = trace.trace_status;
    delete trace.trace_status;
  }
  return trace as ApiTrace;
}
