import {
  type AnomalyLabel,
  encodeApiTraceJson,
  generateTraces,
  type TraceEvent,
} from "@ctsim/generator";
import { MockError, MockErrorCode } from "../mock-error.js";
import { batchesOptions, type GeneratedTracesOptions } from "../store/load-generated-traces.js";
import { compareEqualTimeRecords } from "../store/trace-json.js";
import type { TraceStore } from "../store/trace-store.js";
import {
  DEFAULT_INGESTION_DELAY,
  type IngestionDelayModel,
  ingestionDelayMs,
} from "./ingestion-delay.js";
import { VisibilityQueue } from "./visibility-queue.js";

/** A trace of the live tenant, as the store holds it and the hooks receive it. */
export interface LiveTrace {
  /** The generator's event (every field of the trace). */
  readonly event: TraceEvent;
  /** Its compact API-shape JSON, as ListTraces returns it. */
  readonly json: string;
  /** The project it is filed under (`projectId` of the options, else its own). */
  readonly projectId: string;
  /** When ListTraces starts returning it: `event.time` plus its ingestion delay (epoch ms). */
  readonly visibleAt: number;
}

/** A hook's listener: the traces of one instant, in store order, and that instant (epoch ms). */
export type LiveListener = (traces: readonly LiveTrace[], at: number) => void;

/** The hooks of a {@link LiveSource}. */
export type LiveHook = "produced" | "visible" | "advanced";

/** Options of {@link LiveSource}: the history's load options, and where the live part starts. */
export interface LiveSourceOptions extends Omit<GeneratedTracesOptions, "expectedCount"> {
  /** The store the history was loaded into (with the same options). */
  readonly store: TraceStore;
  /**
   * First instant of the live part (epoch ms): traces stamped from then on arrive through the
   * ingestion delay; older ones are the settled history. Must not be after `end`.
   */
  readonly start: number;
  /**
   * End of the history loaded into the store (exclusive, epoch ms; the load's `end`): the
   * traces of `[start, end)` are already stored and are hidden until their `visibleAt`.
   */
  readonly end: number;
  /** The ingestion delay model. Default: {@link DEFAULT_INGESTION_DELAY}. */
  readonly delay?: Partial<IngestionDelayModel>;
  /**
   * How often (store clock) to check for traces past the retention; they are dropped once they
   * are 1/32 of the store or more, so a long run rebuilds the store rarely and memory stays
   * within about 7 days and 5 hours of traces. Default: one hour.
   */
  readonly pruneEveryMs?: number;
  /**
   * Told when a listener throws (the source carries on: the store and the other listeners
   * are not affected). Default: `console.error`.
   */
  readonly onListenerError?: (error: unknown, hook: LiveHook) => void;
  /**
   * Told of each scenario occurrence the timeline labels (with `scenarios`): the run starts at
   * the history's start, so occurrences of the history are told again. Default: none.
   */
  readonly onLabel?: (label: AnomalyLabel) => void;
}

/**
 * The live tenant: the seeded timeline continued past the loaded history, driven by a clock
 * through {@link advance}. Each trace is added to the store, hidden, when the clock reaches its
 * `time`, and made visible at `time + ingestionDelayMs(seed, trace_id)`, so ListTraces windows
 * by `time` see late arrivals. The traces are exactly the generator's timeline of the same
 * options from `start` on (the same run as the history, left open-ended), whatever the clock's
 * steps; only the grouping into {@link advance} calls depends on them.
 *
 * Hooks, for what else CTS feeds from the same stream (OBS transfer, notifications):
 * `onProduced` (a trace is recorded: its `time` is reached), `onVisible` (ListTraces shows it),
 * `onAdvance` (the clock moved; after the other hooks of that step).
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` when `start` is after `end`.
 * @example
 * const live = new LiveSource({ store, seed: 7, start: now, end: hourEnd });
 * live.onVisible((traces, at) => console.log(traces.length, "visible at", at));
 * live.advance(now + 60_000);
 */
export class LiveSource {
  readonly seed: number;
  readonly start: number;
  readonly delay: IngestionDelayModel;
  private readonly store: TraceStore;
  private readonly end: number;
  private readonly projectId: string | undefined;
  private readonly timeline: Iterator<TraceEvent>;
  /** The next trace of the timeline, not produced yet. */
  private upcoming: TraceEvent | undefined;
  /** Timeline traces read ahead (those of `[start, end)` and the next one), served first. */
  private held: TraceEvent[] = [];
  private heldAt = 0;
  private readonly waiting = new VisibilityQueue<LiveTrace>();
  private readonly listeners: Record<LiveHook, Set<LiveListener>> = {
    produced: new Set(),
    visible: new Set(),
    advanced: new Set(),
  };
  private readonly onListenerError: (error: unknown, hook: LiveHook) => void;
  private readonly holds = new Set<() => boolean>();
  private readonly pruneEveryMs: number;
  private lastPrune: number;
  private clock: number;
  private seq = 0;
  private producedCount = 0;
  private visibleCount = 0;
  private prunes = 0;

  constructor(options: LiveSourceOptions) {
    const { store, start, end } = options;
    if (!(start <= end)) {
      throw new MockError(
        MockErrorCode.invalidOption,
        `the live part's start (${start}) must not be after the history's end (${end})`,
      );
    }
    this.store = store;
    this.seed = options.seed ?? 1;
    this.start = start;
    this.end = end;
    this.projectId = options.projectId;
    this.delay = { ...DEFAULT_INGESTION_DELAY, ...options.delay };
    this.pruneEveryMs = options.pruneEveryMs ?? HOUR;
    this.onListenerError =
      options.onListenerError ?? ((error, hook) => console.error(`live ${hook} listener:`, error));
    // The history's own run, left open-ended: its traces before `end` are the history's.
    const { to: _to, ...timeline } = batchesOptions(options, end).timeline;
    this.timeline = generateTraces(
      options.onLabel === undefined ? timeline : { ...timeline, onLabel: options.onLabel },
    );
    let next = this.nextFromTimeline();
    while (next !== undefined && next.time < start) next = this.nextFromTimeline();
    // The stored traces of [start, end) are hidden now; those of the open-ended run wait for
    // their delay like the others (held, at most the hour before `end`, until produced). The
    // history's run closes the sessions still open at its end (e.g. a logout) where the open
    // run carries on: those closing traces stay hidden for good.
    for (const id of store.traceIdsFrom(start)) store.hide(id);
    while (next !== undefined && next.time < end) {
      this.held.push(next);
      next = this.nextFromTimeline();
    }
    if (next !== undefined) this.held.push(next);
    this.upcoming = this.pull();
    this.clock = start - 1;
    this.lastPrune = start;
  }

  /** Traces produced so far (added to the store). */
  get produced(): number {
    return this.producedCount;
  }

  /** Traces made visible so far. */
  get visible(): number {
    return this.visibleCount;
  }

  /** Traces produced and not yet visible. */
  get pending(): number {
    return this.waiting.size;
  }

  /** Times the store was pruned. */
  get pruned(): number {
    return this.prunes;
  }

  /** The clock of the last {@link advance} (epoch ms). */
  get now(): number {
    return this.clock;
  }

  /** Listens to traces as they are recorded (their `time` reached); returns the unsubscriber. */
  onProduced(listener: LiveListener): () => void {
    return this.listen("produced", listener);
  }

  /** Listens to traces as they become visible to ListTraces; returns the unsubscriber. */
  onVisible(listener: LiveListener): () => void {
    return this.listen("visible", listener);
  }

  /**
   * Listens to the clock: called with no traces and the new clock after each {@link advance}
   * that moved it (e.g. to close an OBS transfer interval); returns the unsubscriber.
   */
  onAdvance(listener: LiveListener): () => void {
    return this.listen("advanced", listener);
  }

  /**
   * Holds the clock back while `held()` is true, so that a slow consumer of the hooks (an OBS
   * transfer writing to a slow disk) bounds what is produced ahead of it instead of queueing
   * without end. With a hold registered, {@link advance} moves in steps of at most one
   * simulated minute while no hold is on, and stops where it finds one; a later call catches
   * up. The steps change nothing else: the same traces, in the same order, become
   * visible at the same instants. Returns the remover.
   *
   * @example
   * live.holdWhile(() => transfer.backlog >= 20_000);
   */
  holdWhile(held: () => boolean): () => void {
    this.holds.add(held);
    return () => {
      this.holds.delete(held);
    };
  }

  /**
   * Moves the clock to `now` (or, held, as far toward it as {@link holdWhile} lets it):
   * produces the timeline's traces with `time <=` the clock (added to the store, hidden),
   * reveals those with `visibleAt <=` the clock in (`visibleAt`, production) order, prunes the
   * store when due, and calls the hooks: one call per instant. A clock that does not move
   * forward does nothing.
   */
  advance(now: number): void {
    if (!(now > this.clock)) return;
    if (this.holds.size === 0) {
      this.step(now);
      return;
    }
    while (this.clock < now && !this.isHeld()) this.step(Math.min(now, this.clock + HOLD_STEP_MS));
  }

  private isHeld(): boolean {
    for (const held of this.holds) if (held()) return true;
    return false;
  }

  private step(now: number): void {
    this.clock = now;
    this.produce(now);
    this.reveal(now);
    this.pruneWhenDue(now);
    this.emit("advanced", [], now);
  }

  private produce(now: number): void {
    const batch: LiveTrace[] = [];
    while (this.upcoming !== undefined && this.upcoming.time <= now) {
      const event = this.upcoming;
      const projectId = this.projectId ?? event.projectId;
      const visibleAt = event.time + ingestionDelayMs(this.seed, event.traceId, this.delay);
      batch.push({ event, json: encodeApiTraceJson(event), projectId, visibleAt });
      this.upcoming = this.pull();
    }
    if (batch.length === 0) return;
    sortEqualTimes(batch);
    for (const trace of batch) {
      // Traces before the history's end are stored already (hidden since the start).
      if (trace.event.time >= this.end || !this.store.hide(trace.event.traceId)) {
        this.store.add(trace.event, trace.json, trace.projectId);
        this.store.hide(trace.event.traceId);
      }
      this.waiting.push({ visibleAt: trace.visibleAt, seq: this.seq++, item: trace });
    }
    this.producedCount += batch.length;
    forEachInstant(
      batch,
      (trace) => trace.event.time,
      (traces, at) => this.emit("produced", traces, at),
    );
  }

  private reveal(now: number): void {
    const revealed: LiveTrace[] = [];
    while (this.waiting.size > 0 && this.waiting.nextAt <= now) {
      const trace = this.waiting.pop().item;
      this.store.reveal(trace.event.traceId);
      revealed.push(trace);
    }
    this.visibleCount += revealed.length;
    forEachInstant(
      revealed,
      (trace) => trace.visibleAt,
      (traces, at) => this.emit("visible", traces, at),
    );
  }

  private pruneWhenDue(now: number): void {
    if (now - this.lastPrune < this.pruneEveryMs) return;
    this.lastPrune = now;
    if (this.store.expiredCount() * 32 >= this.store.size) {
      this.store.prune();
      this.prunes++;
    }
  }

  private pull(): TraceEvent | undefined {
    if (this.heldAt < this.held.length) {
      const event = this.held[this.heldAt++]!;
      if (this.heldAt === this.held.length) this.held = [];
      return event;
    }
    return this.nextFromTimeline();
  }

  private nextFromTimeline(): TraceEvent | undefined {
    const result = this.timeline.next();
    return result.done === true ? undefined : result.value;
  }

  private listen(hook: LiveHook, listener: LiveListener): () => void {
    const set = this.listeners[hook];
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  private emit(hook: LiveHook, traces: readonly LiveTrace[], at: number): void {
    for (const listener of this.listeners[hook]) {
      try {
        listener(traces, at);
      } catch (error) {
        this.onListenerError(error, hook);
      }
    }
  }
}

const HOUR = 3_600_000;
/** The longest step of the clock while a hold is registered (see `LiveSource.holdWhile`). */
const HOLD_STEP_MS = 60_000;

/** Orders traces of equal `time` as the store does (so appends stay in the store's order). */
function sortEqualTimes(batch: LiveTrace[]): void {
  const encoder = new TextEncoder();
  for (let i = 0; i < batch.length; ) {
    let j = i + 1;
    while (j < batch.length && batch[j]!.event.time === batch[i]!.event.time) j++;
    if (j - i > 1) {
      const tie = batch.slice(i, j).map((trace) => ({ trace, bytes: encoder.encode(trace.json) }));
      tie.sort((a, b) => compareEqualTimeRecords(a.bytes, b.bytes));
      for (let k = 0; k < tie.length; k++) batch[i + k] = tie[k]!.trace;
    }
    i = j;
  }
}

/** Calls `visit` once per run of equal instants (the traces are in instant order). */
function forEachInstant(
  traces: readonly LiveTrace[],
  instantOf: (trace: LiveTrace) => number,
  visit: (traces: readonly LiveTrace[], at: number) => void,
): void {
  for (let i = 0; i < traces.length; ) {
    const at = instantOf(traces[i]!);
    let j = i + 1;
    while (j < traces.length && instantOf(traces[j]!) === at) j++;
    visit(traces.slice(i, j), at);
    i = j;
  }
}
