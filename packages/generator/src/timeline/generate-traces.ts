import type { GeneratedTrace } from "../internal/generated-trace.js";
import type { LabelTracker } from "../internal/label-tracker.js";
import { STREAM } from "../internal/streams.js";
import { type TimelineConfig, resolveTimelineOptions } from "../internal/timeline-config.js";
import type { TimelineOptions } from "../timeline-options.js";
import type { TraceEvent } from "../trace-event.js";
import { expectedSessions } from "./arrival-rate.js";
import { ArrivalStream } from "./arrival-stream.js";
import { expandSession } from "./expand-session.js";
import { SessionHeap } from "./session-heap.js";

/**
 * The seeded timeline: traces of every tenant's sessions in ascending `time`, produced lazily
 * with memory bounded by the sessions active at once. Same options, same traces, byte for byte,
 * however the iterator is consumed. Infinite when the window is open-ended and `count` unset.
 *
 * @throws GeneratorError `CTSIM_GENERATOR_INVALID_OPTION` for options that describe no timeline.
 * @example
 * import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
 * for (const trace of generateTraces({ seed: 7, count: 3 })) {
 *   console.log(encodeApiTraceJson(trace));
 * }
 */
export function generateTraces(options: TimelineOptions = {}): IterableIterator<TraceEvent> {
  const config = resolveTimelineOptions(options);
  return run(config);
}

function* run(config: TimelineConfig): Generator<TraceEvent, void, undefined> {
  const { count, shardIndex, shardCount, to, onLabel } = config;
  if (count === 0) return;
  const arrivals = new ArrivalStream(config.seed, config.tenants, config.from, to, loadFactor(config), config.scenarios);
  const heap = new SessionHeap();
  const openLabels = new Set<LabelTracker>();
  let next = arrivals.next();
  let emitted = 0;
  for (;;) {
    const top = heap.peek();
    if (next !== null && (top === undefined || next.time <= (top.events[top.pos] as GeneratedTrace).time)) {
      if (next.index % shardCount === shardIndex) {
        const events = expandSession(config, next, to);
        if (events.length > 0) heap.push({ index: next.index, events, pos: 0 });
      }
      next = arrivals.next();
      continue;
    }
    if (top === undefined) break;
    const event = top.events[top.pos++] as GeneratedTrace;
    heap.advanceTop();
    const label = event.label;
    if (label !== null && onLabel !== null) {
      openLabels.add(label);
      const done = label.emitted(event.traceId, event.time);
      if (done !== null) {
        openLabels.delete(label);
        onLabel(done);
      }
    }
    yield event;
    if (++emitted >= count) break;
  }
  if (onLabel !== null) {
    for (const label of openLabels) {
      const partial = label.flush();
      if (partial !== null) onLabel(partial);
    }
  }
}

/**
 * Arrival-rate multiplier for `count` runs over a finite window: raised so that about
 * 1.25 × count traces fit, never below 1 (realistic density). Traces per session are measured
 * by running calibration sessions from their own stream.
 */
function loadFactor(config: TimelineConfig): number {
  if (config.count === Number.POSITIVE_INFINITY || config.to === Number.POSITIVE_INFINITY) return 1;
  const sessions = expectedSessions(config.seed, config.tenants, config.from, config.to);
  const perSession = tracesPerSession(config);
  const wanted = (1.25 * config.count + 200) * config.shardCount;
  return Math.max(1, wanted / Math.max(1e-9, sessions * perSession));
}

function tracesPerSession(config: TimelineConfig): number {
  const samples = 300;
  let total = 0;
  for (let i = 0; i < samples; i++) {
    const arrival = {
      time: config.from,
      index: 0x40000000 + i,
      tenant: i % config.tenants.length,
      sessionClass: i % 2 === 0 ? ("human" as const) : ("bot" as const),
      scenario: null,
    };
    total += expandSession({ ...config, seed: config.seed ^ STREAM.calibration }, arrival, Number.POSITIVE_INFINITY).length;
  }
  return total / samples;
}
