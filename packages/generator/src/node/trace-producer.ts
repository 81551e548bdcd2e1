import { asGenerated } from "../encode/as-generated.js";
import {
  encodeApiTraceJson,
  encodeObsTraceJson,
  retime,
  type ShardSpec,
  type TimelineOptions,
} from "../index.js";
import { openTimelineLane } from "../timeline/generate-traces.js";
import type { LabelTracker } from "../trace/label-tracker.js";
import type { TraceEvent } from "../trace-event.js";
import { BufferPool } from "./buffer-pool.js";
import type { LabelNote, MergeKeys } from "./merge-keys.js";
import { RecordBuffer } from "./record-buffer.js";
import type { ChunkProducer } from "./run-stream.js";
import type { TraceChunk, TraceRoute } from "./trace-chunk.js";

/** Record shapes a stream can carry: ListTraces (`api`) or OBS trace file (`obs`, reference §7.1). */
export const TRACE_SHAPES = ["api", "obs"] as const satisfies readonly string[];

/** One of {@link TRACE_SHAPES}. */
export type TraceShape = (typeof TRACE_SHAPES)[number];

/** Options of {@link createTraceProducer}. */
export interface TraceProducerOptions {
  /**
   * The timeline to stream (seed, scenarios, shard, count, ...). Default, when live: the
   * generator's defaults from `now` on; as a replay (`retime: false`): the generator's defaults.
   */
  readonly timeline?: TimelineOptions;
  /** Record shape. Default `"api"`. */
  readonly shape?: TraceShape;
  /** Attach a route per record (needed by the OBS directory sink). Default `false`. */
  readonly routes?: boolean;
  /**
   * The wall clock each record is re-timed to as it is produced (times are "now"; the workflows
   * keep the generator's shape). Default `Date.now`.
   */
  readonly clock?: () => number;
  /**
   * Re-time records to `clock` (a live stream). `false` keeps the generator's own times and
   * trace ids, so the bytes are those of `encodeTraces` for the same timeline: a replay.
   * Default `true`.
   */
  readonly retime?: boolean;
  /**
   * Run one lane of the timeline: only the sessions of this sub-shard of `timeline.shard`, with
   * the timeline planned whole (see `openTimelineLane`). Default: the whole timeline.
   */
  readonly lane?: ShardSpec;
  /** Record the {@link MergeKeys} of every chunk (`lastKeys`). Default `false`. */
  readonly mergeKeys?: boolean;
}

/** A {@link ChunkProducer} that can also report the merge keys of the records it produced. */
export interface TraceProducer extends ChunkProducer {
  pull(max: number): TraceChunk | undefined;
  /** The merge keys of the last chunk pulled (with `mergeKeys`; else `undefined`). */
  readonly lastKeys: MergeKeys | undefined;
}

/**
 * Streams the seeded timeline as encoded chunks, re-timing every record to the wall clock as it
 * is produced. The content (everything but the timestamps and the trace ids' time part) is the
 * generator's, so the same seed and shard give the same records whatever the chunk size. Chunk
 * buffers come from `pool` and return to it through `TraceChunk.release`.
 *
 * @example
 * const producer = createTraceProducer({ timeline: { seed: 7 }, shape: "obs", routes: true });
 * const chunk = producer.pull(100);
 */
export function createTraceProducer(
  options: TraceProducerOptions = {},
  pool: BufferPool = new BufferPool(),
): TraceProducer {
  const clock = options.clock ?? Date.now;
  const encode = (options.shape ?? "api") === "api" ? encodeApiTraceJson : encodeObsTraceJson;
  const withRoutes = options.routes ?? false;
  const live = options.retime ?? true;
  const start = clock();
  // Live, the timeline starts now unless told otherwise; a replay is exactly the timeline given.
  const events = openTimelineLane(
    (live ? { from: start, now: start, ...options.timeline } : options.timeline) ?? {},
    options.lane ?? { index: 0, count: 1 },
  );
  const keyed = options.mergeKeys === true ? new KeyRecorder() : undefined;
  let ended = false;

  return {
    get lastKeys(): MergeKeys | undefined {
      return keyed?.keys;
    },
    pull(max: number): TraceChunk | undefined {
      if (ended) return undefined;
      const now = live ? clock() : 0;
      const records = new RecordBuffer(max, pool);
      const routes: TraceRoute[] = [];
      keyed?.start(max);
      let count = 0;
      while (count < max) {
        const next = events.next();
        if (next.done === true) {
          ended = true;
          break;
        }
        const event = live ? retime(next.value, now) : next.value;
        records.push(encode(event));
        keyed?.record(count, next.value, events.session, records.length);
        count += 1;
        if (withRoutes) {
          routes.push({
            region: event.region,
            trackerName: event.trackerName,
            serviceType: event.serviceType,
            time: event.time,
          });
        }
      }
      keyed?.end(count);
      if (count === 0) return undefined;
      const bytes = records.take();
      const release = (): void => pool.give(bytes.buffer as ArrayBuffer);
      return withRoutes ? { bytes, count, routes, release } : { bytes, count, release };
    },
  };
}

/** Collects the {@link MergeKeys} of the chunk being produced. */
class KeyRecorder {
  keys: MergeKeys | undefined;
  #times = new Float64Array(0);
  #sessions = new Float64Array(0);
  #ends = new Uint32Array(0);
  #labels: LabelNote[] = [];
  /** Lane-local numbers of the anomalies met, and their traces not yet noted. */
  readonly #open = new Map<LabelTracker, { id: number; left: number }>();
  #nextLabel = 0;

  start(max: number): void {
    this.#times = new Float64Array(max);
    this.#sessions = new Float64Array(max);
    this.#ends = new Uint32Array(max);
    this.#labels = [];
  }

  record(position: number, event: TraceEvent, session: number, end: number): void {
    this.#times[position] = event.time;
    this.#sessions[position] = session;
    this.#ends[position] = end;
    const tracker = asGenerated(event).label;
    if (tracker !== null) this.#note(position, event, tracker);
  }

  end(count: number): void {
    this.keys = {
      times: this.#times.subarray(0, count),
      sessions: this.#sessions.subarray(0, count),
      ends: this.#ends.subarray(0, count),
      labels: this.#labels,
    };
  }

  #note(record: number, event: TraceEvent, tracker: LabelTracker): void {
    let open = this.#open.get(tracker);
    const first = open === undefined;
    if (open === undefined) {
      open = { id: this.#nextLabel++, left: tracker.pending };
      this.#open.set(tracker, open);
    }
    const note = { record, label: open.id, traceId: event.traceId, time: event.time };
    this.#labels.push(first ? { ...note, spec: { ...tracker.spec, traces: open.left } } : note);
    if (--open.left <= 0) this.#open.delete(tracker);
  }
}
