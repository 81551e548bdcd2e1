import { STREAM } from "../internal/streams.js";
import type { ShardSpec, TimelineOptions } from "../timeline-options.js";
import type { GeneratedTrace } from "../trace/generated-trace.js";
import { LabelLedger } from "../trace/label-ledger.js";
import type { TrackedLabel } from "../trace/label-tracker.js";
import type { TraceEvent } from "../trace-event.js";
import type { SessionClass } from "../workflows/workflow-mix.js";
import { expectedSessions, expectedSessionsByClass } from "./arrival-rate.js";
import { type Arrival, ArrivalStream, type SessionStart } from "./arrival-stream.js";
import { expandSession } from "./expand-session.js";
import { type ActiveSession, SessionHeap } from "./session-heap.js";
import { resolveTimelineOptions, type TimelineConfig } from "./timeline-config.js";
import { workerShard } from "./worker-shard.js";

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
export function generateTraces(options: TimelineOptions = {}): TimelineIterator {
  return new TimelineIterator(resolveTimelineOptions(options));
}

/**
 * One lane of a timeline split between worker threads: the timeline is planned as `options`
 * describe it (window, rate, count), and the lane expands only the sessions of its `lane`
 * sub-shard of `options.shard`, so the lanes' traces, merged in (time, session index) order
 * (see {@link TimelineIterator.session}), are the timeline's own, byte for byte. Each lane stops
 * at `count` traces of its own, which is never fewer than the merge takes from it.
 *
 * @example
 * const lane = openTimelineLane({ seed: 7, count: 1000 }, { index: 1, count: 2 });
 */
export function openTimelineLane(options: TimelineOptions, lane: ShardSpec): TimelineIterator {
  return new TimelineIterator(resolveTimelineOptions(options), lane);
}

/**
 * The timeline as a hand-written iterator (no generator-function frame on the hottest loop):
 * arrivals are expanded into sessions when their time comes, and a min-heap merges the
 * sessions' traces in (time, session index) order.
 */
export class TimelineIterator implements IterableIterator<TraceEvent> {
  private readonly config: TimelineConfig;
  private readonly to: number;
  private readonly labels: LabelLedger | null;
  private readonly arrivals: ArrivalStream | null;
  private readonly heap = new SessionHeap();
  /** Sessions whose index ≡ `residue` (mod `modulus`) are expanded here. */
  private readonly modulus: number;
  private readonly residue: number;
  private pending: Arrival | null = null;
  private remaining: number;
  private done = false;
  private lastSession = -1;
  /** The start of the session of the trace `next` returned last, and that trace's time. */
  private lastStart: Arrival | null = null;
  private lastTime = Number.NEGATIVE_INFINITY;

  constructor(config: TimelineConfig, lane: ShardSpec = { index: 0, count: 1 }) {
    this.config = config;
    this.to = config.to;
    // Labels are only started by runScenario, whose names are ScenarioNames: a TrackedLabel
    // that reaches onLabel is an AnomalyLabel.
    const onLabel = config.onLabel as ((label: TrackedLabel) => void) | null;
    this.labels = onLabel === null ? null : new LabelLedger(onLabel);
    const shard = workerShard(
      { index: config.shardIndex, count: config.shardCount },
      lane.count,
      lane.index,
    );
    this.modulus = shard.count;
    this.residue = shard.index;
    this.remaining = config.count;
    if (config.count === 0) {
      this.arrivals = null;
      return;
    }
    const plan = planWindow(config);
    this.arrivals = new ArrivalStream(
      config.seed,
      config.tenants,
      plan.from,
      config.to,
      plan.load,
      config.scenarios,
      config.context !== null,
    );
    this.pending = this.arrivals.next();
    if (config.resume !== null) this.resumeAt(config.resume.at, config.resume.open);
  }

  /**
   * The sessions that started before `at` and have traces at or after it, in session order:
   * what a run resumed at `at` needs (`TimelineOptions.resume`). Valid once the iterator has
   * returned every trace before `at` and none after the first at or after it (e.g. right after
   * it returned that one, or ended); a sharded iterator reports its own sessions only, so the
   * shards' lists together are the run's.
   *
   * @example
   * for (const trace of timeline) if (trace.time >= at) break;
   * const open = timeline.openSessions(at);
   */
  openSessions(at: number): SessionStart[] {
    const open = new Map<number, Arrival>();
    for (const session of this.heap.waiting()) {
      if (session.arrival.time < at) open.set(session.index, session.arrival);
    }
    const last = this.lastStart;
    if (last !== null && last.time < at && this.lastTime >= at) open.set(last.index, last);
    return [...open.values()].sort((a, b) => a.index - b.index);
  }

  [Symbol.iterator](): IterableIterator<TraceEvent> {
    return this;
  }

  /**
   * Index of the session of the trace `next` returned last: with the trace's `time`, the key
   * that orders the timeline (ties in both only within one session, in its own order).
   */
  get session(): number {
    return this.lastSession;
  }

  next(): IteratorResult<TraceEvent, undefined> {
    const event = this.done ? null : this.step();
    if (event === null) return { done: true, value: undefined };
    return { done: false, value: event };
  }

  return(): IteratorResult<TraceEvent, undefined> {
    this.finish();
    return { done: true, value: undefined };
  }

  private step(): GeneratedTrace | null {
    const heap = this.heap;
    const arrivals = this.arrivals as ArrivalStream;
    const { modulus, residue } = this;
    for (;;) {
      const next = this.pending;
      if (next !== null && next.time <= heap.nextTime) {
        if (next.index % modulus === residue) {
          const events = expandSession(this.config, next, this.to);
          if (events.length > 0) heap.push({ index: next.index, events, pos: 0, arrival: next });
        }
        this.pending = arrivals.next();
        continue;
      }
      if (heap.size === 0) {
        this.finish();
        return null;
      }
      const session = heap.nextSession as ActiveSession;
      this.lastSession = session.index;
      this.lastStart = session.arrival;
      const event = heap.take();
      this.lastTime = event.time;
      const label = event.label;
      if (label !== null && this.labels !== null)
        this.labels.emitted(label, event.traceId, event.time);
      if (--this.remaining <= 0) this.finish();
      return event;
    }
  }

  /**
   * Skips the arrivals before `at` unexpanded and expands the sessions open there (this lane's),
   * from their first trace at or after `at`: the state the run has when it reaches `at`.
   */
  private resumeAt(at: number, open: readonly Arrival[]): void {
    const arrivals = this.arrivals as ArrivalStream;
    while (this.pending !== null && this.pending.time < at) this.pending = arrivals.next();
    for (const arrival of open) {
      if (arrival.index % this.modulus !== this.residue || arrival.time >= at) continue;
      const events = expandSession(this.config, arrival, this.to);
      let pos = 0;
      while (pos < events.length && (events[pos] as GeneratedTrace).time < at) pos++;
      if (pos < events.length) this.heap.push({ index: arrival.index, events, pos, arrival });
    }
  }

  /** Ends the stream: reports the labels of anomalies cut short. */
  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.labels?.finish();
  }
}

/** Highest arrival-rate multiplier a `count` run uses (about 1.6M traces a week per default tenant). */
const MAX_LOAD = 400;
/**
 * Highest multiplier when `from` was not given: past it the window reaches further back
 * instead. Every open session holds its waiting traces and state; at 40× a 1M-trace run keeps
 * about a tenth of the sessions open that the 338× of one week would, and costs a quarter
 * less CPU (measured on the dev box), with a flat peak RSS.
 */
const REACH_BACK_LOAD = 40;
const HOUR = 3_600_000;

/**
 * Start and arrival-rate multiplier of a run. With `expectedCount`, the rate (up to
 * {@link MAX_LOAD}) makes that the window's expected trace count. With `count` and a finite
 * window, the rate is raised (never lowered) so that about 1.25 × count traces fit. When `from`
 * was given the window stays and the rate goes up to {@link MAX_LOAD}; when it was not, past
 * {@link REACH_BACK_LOAD} the window reaches further back instead (1M traces: ~8.5 weeks), so
 * memory and speed do not depend on the count.
 */
function planWindow(config: TimelineConfig): { from: number; load: number } {
  const { from, to, count, expectedCount } = config;
  if (expectedCount !== null) {
    // Fitted over `expectedCountWindow` when given: every field read below is the window's.
    const fitted = { ...config, from: config.fitFrom, to: config.fitTo };
    const expected = expectedTracesByClass(fitted, samplesFor(expectedCount));
    return { from, load: Math.min(MAX_LOAD, Math.max(1, expectedCount / expected)) };
  }
  if (count === Number.POSITIVE_INFINITY || to === Number.POSITIVE_INFINITY)
    return { from, load: 1 };
  const wanted = (1.25 * count + 200) * config.shardCount;
  const sessions = expectedSessions(config.seed, config.tenants, from, to);
  const needed = wanted / Math.max(1e-9, sessions * tracesPerSession(config, 300));
  const cap = config.fromGiven ? MAX_LOAD : REACH_BACK_LOAD;
  if (needed <= cap || config.fromGiven) return { from, load: Math.min(cap, Math.max(1, needed)) };
  const span = Math.ceil(((to - from) * (needed / cap)) / HOUR) * HOUR;
  return { from: to - span, load: cap };
}

/**
 * Traces the window holds at the tenants' own rate: the expected sessions of each class times
 * the mean traces of `samples` sample sessions of that class.
 */
function expectedTracesByClass(config: TimelineConfig, samples: number): number {
  const { human, bot } = expectedSessionsByClass(
    config.seed,
    config.tenants,
    config.from,
    config.to,
  );
  const perHuman = tracesPerSession(config, samples, "human");
  const perBot = tracesPerSession(config, samples, "bot");
  return Math.max(1e-9, human * perHuman + bot * perBot);
}

/**
 * Sample sessions for an `expectedCount` run: the estimate's relative error falls as
 * 1/√samples (one session's trace count varies about as much as its mean), so big runs, whose
 * generation dwarfs the sampling, sample more: 1M traces → 4,000 sessions of each class (~1.5%).
 */
function samplesFor(expectedCount: number): number {
  return Math.min(4000, Math.max(1000, Math.round(expectedCount / 25)));
}

/** Mean traces of `samples` sessions, of one class or (without it) alternating classes. */
function tracesPerSession(
  config: TimelineConfig,
  samples: number,
  sessionClass?: SessionClass,
): number {
  let total = 0;
  for (let i = 0; i < samples; i++) {
    const arrival = {
      time: config.from,
      index: 0x40000000 + i,
      tenant: i % config.tenants.length,
      sessionClass: sessionClass ?? (i % 2 === 0 ? ("human" as const) : ("bot" as const)),
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
