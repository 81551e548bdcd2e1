import type { GeneratedTrace } from "../internal/generated-trace.js";
import type { LabelTracker } from "../internal/label-tracker.js";
import { STREAM } from "../internal/streams.js";
import { resolveTimelineOptions, type TimelineConfig } from "../internal/timeline-config.js";
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
  const plan = planWindow(config);
  const arrivals = new ArrivalStream(
    config.seed,
    config.tenants,
    plan.from,
    to,
    plan.load,
    config.scenarios,
  );
  const heap = new SessionHeap();
  const openLabels = new Set<LabelTracker>();
  let next = arrivals.next();
  let emitted = 0;
  for (;;) {
    const top = heap.peek();
    if (next !== null && (top === undefined || next.time <= top.nextTime)) {
      if (next.index % shardCount === shardIndex) {
        const events = expandSession(config, next, to);
        const first = events[0];
        if (first !== undefined)
          heap.push({ index: next.index, events, pos: 0, nextTime: first.time });
      }
      next = arrivals.next();
      continue;
    }
    if (top === undefined) break;
    const event = heap.take();
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

/** Highest arrival-rate multiplier a `count` run uses (about 1.6M traces a week per default tenant). */
const MAX_LOAD = 400;
const HOUR = 3_600_000;

/**
 * Start and arrival-rate multiplier of a run. With `count` and a finite window, the rate is
 * raised (never lowered) so that about 1.25 × count traces fit; it is capped at
 * {@link MAX_LOAD} so memory (active sessions) stays flat however large the count, and when
 * `from` was not given the window then reaches further back instead.
 */
function planWindow(config: TimelineConfig): { from: number; load: number } {
  const { from, to, count } = config;
  if (count === Number.POSITIVE_INFINITY || to === Number.POSITIVE_INFINITY)
    return { from, load: 1 };
  const perSession = tracesPerSession(config);
  const wanted = (1.25 * count + 200) * config.shardCount;
  const sessions = expectedSessions(config.seed, config.tenants, from, to);
  const needed = wanted / Math.max(1e-9, sessions * perSession);
  if (needed <= MAX_LOAD || config.fromGiven)
    return { from, load: Math.min(MAX_LOAD, Math.max(1, needed)) };
  const span = Math.ceil(((to - from) * (needed / MAX_LOAD)) / HOUR) * HOUR;
  return { from: to - span, load: MAX_LOAD };
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
    total += expandSession(
      { ...config, seed: config.seed ^ STREAM.calibration },
      arrival,
      Number.POSITIVE_INFINITY,
    ).length;
  }
  return total / samples;
}
