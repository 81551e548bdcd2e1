import {
  encodeApiTraceJson,
  encodeObsTraceJson,
  generateTraces,
  retime,
  type TimelineOptions,
  type TraceEvent,
} from "../index.js";
import { BufferPool } from "./buffer-pool.js";
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
}

/** A {@link ChunkProducer} that also reports the generator times of the records it produced. */
export interface TraceProducer extends ChunkProducer {
  pull(max: number): TraceChunk | undefined;
  /** Generator (pre-retime) `time` of each record of the last chunk pulled, in order. */
  readonly lastTimes: readonly number[];
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
  const events: Iterator<TraceEvent> = generateTraces(
    live ? { from: start, now: start, ...options.timeline } : options.timeline,
  );
  let times: number[] = [];
  let ended = false;

  return {
    get lastTimes(): readonly number[] {
      return times;
    },
    pull(max: number): TraceChunk | undefined {
      if (ended) return undefined;
      const now = live ? clock() : 0;
      const records = new RecordBuffer(max, pool);
      const routes: TraceRoute[] = [];
      times = [];
      while (times.length < max) {
        const next = events.next();
        if (next.done === true) {
          ended = true;
          break;
        }
        const event = live ? retime(next.value, now) : next.value;
        times.push(next.value.time);
        records.push(encode(event));
        if (withRoutes) {
          routes.push({
            region: event.region,
            trackerName: event.trackerName,
            serviceType: event.serviceType,
            time: event.time,
          });
        }
      }
      const count = times.length;
      if (count === 0) return undefined;
      const bytes = records.take();
      const release = (): void => pool.give(bytes.buffer as ArrayBuffer);
      return withRoutes ? { bytes, count, routes, release } : { bytes, count, release };
    },
  };
}
