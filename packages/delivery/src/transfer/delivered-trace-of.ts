import { encodeObsTraceJson, type TraceEvent } from "@ctsim/generator";
import type { DeliveredTrace } from "./delivered-trace.js";

/**
 * A generated trace as the transfer writer takes it: its route (region, tracker, service, time)
 * and its OBS-file record (`encodeObsTraceJson`). The way a timeline (e.g. `serve --live`) feeds
 * the writer.
 *
 * @example for (const e of generateTraces({ seed: 1, count: 10 })) await writer.write(deliveredTraceOf(e));
 */
export function deliveredTraceOf(event: TraceEvent): DeliveredTrace {
  return {
    route: {
      region: event.region,
      trackerName: event.trackerName,
      serviceType: event.serviceType,
      time: event.time,
    },
    record: encodeObsTraceJson(event),
  };
}
