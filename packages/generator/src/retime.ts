import { asGenerated } from "./encode/as-generated.js";
import type { TraceEvent } from "./trace-event.js";

/**
 * The same trace moved to `time` (for live streaming): `record_time` is the new `time`, and the
 * time-based `trace_id` follows it, the same few ms later (same clock sequence and node).
 *
 * @throws GeneratorError `CTSIM_GENERATOR_FOREIGN_EVENT` when the event was not made by this package.
 * @example
 * const live = retime(event, Date.now());
 */
export function retime(event: TraceEvent, time: number): TraceEvent {
  return asGenerated(event).at(time);
}
