import type { AnomalyLabel } from "../anomaly-label.js";
import type { ShardSpec, TimelineOptions } from "../index.js";
import { resolveTimelineOptions } from "../timeline/timeline-config.js";
import { BufferPool } from "./buffer-pool.js";
import { LaneMerge } from "./lane-merge.js";
import type { ChunkProducer } from "./run-stream.js";
import { StreamError, StreamErrorCode } from "./stream-error.js";
import { offsetAfterRecords, type TraceChunk } from "./trace-chunk.js";
import type { TraceProducerOptions, TraceShape } from "./trace-producer.js";
import { type LaneChunk, WorkerLane } from "./worker-lane.js";

/** Options of {@link createWorkerProducer}. */
export interface WorkerProducerOptions {
  /** Worker threads (≥ 1). */
  readonly workers: number;
  /** This machine's shard of the timeline. Default `{ index: 0, count: 1 }`. */
  readonly shard?: ShardSpec;
  /** The timeline (no `shard`, no `onLabel`: functions cannot cross threads). */
  readonly timeline?: Omit<TimelineOptions, "shard" | "onLabel">;
  /** Record shape. Default `"api"`. */
  readonly shape?: TraceShape;
  /** Attach a route per record. Default `false`. */
  readonly routes?: boolean;
  /**
   * Merge the workers' records into the timeline's own order, so the records are byte for
   * byte those one thread produces (and every prefix, e.g. `--count N`, is the same) whatever
   * the worker count. Costs the main thread a comparison per record and a copy per run of
   * records. Default `false` (chunks are passed on as they arrive).
   */
  readonly ordered?: boolean;
  /**
   * Receives the anomaly labels (with `ordered`), in the order and with the content the
   * timeline's own `onLabel` would see.
   */
  readonly onLabel?: (label: AnomalyLabel) => void;
  /** Records each worker produces per request. Default 1024. */
  readonly chunkRecords?: number;
  /** Re-time records to the wall clock (see `TraceProducerOptions.retime`). Default `true`. */
  readonly retime?: boolean;
}

/**
 * A producer that runs the timeline in `workers` worker threads, each one lane of it: the
 * timeline planned whole (window, rate, count), of which worker `w` expands the sessions of
 * sub-shard `w` of this machine's shard (see `workerShard`), so the records this machine streams
 * are those of its shard whatever the worker count. Ordered, the lanes are merged back into
 * the timeline's own order (see {@link LaneMerge}).
 *
 * Errors: throws `GeneratorError` (`CTSIM_GENERATOR_INVALID_OPTION`) for timeline options that
 * describe no timeline, before any worker starts; `pull` rejects with
 * `CTSIM_STREAM_PRODUCER_FAILED` when a worker fails.
 *
 * @example
 * const producer = createWorkerProducer({ workers: 2, timeline: { seed: 7 }, ordered: true });
 */
export function createWorkerProducer(options: WorkerProducerOptions): ChunkProducer {
  const shard = options.shard ?? { index: 0, count: 1 };
  const chunkRecords = options.chunkRecords ?? 1024;
  const ordered = options.ordered === true;
  const start = Date.now();
  let wake: (() => void) | undefined;
  let changed = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const notify = (): void => {
    wake?.();
    changed = new Promise<void>((resolve) => {
      wake = resolve;
    });
  };
  const live = options.retime ?? true;
  const timeline = live
    ? { from: start, now: start, ...options.timeline, shard }
    : { ...options.timeline, shard };
  // Checked here, where the caller can tell a bad option from a failing worker.
  resolveTimelineOptions(timeline);
  const lanes = Array.from({ length: options.workers }, (_, w) => {
    const data: TraceProducerOptions = {
      // Live, one window start for every worker: the lanes must slice the same timeline. A
      // replay is exactly the timeline given.
      timeline,
      lane: { index: w, count: options.workers },
      shape: options.shape ?? "api",
      routes: options.routes ?? false,
      retime: live,
      mergeKeys: ordered,
    };
    return new WorkerLane(data, chunkRecords, notify);
  });
  const check = (): void => {
    const failed = lanes.find((lane) => lane.error !== undefined);
    if (failed !== undefined) {
      throw new StreamError(
        StreamErrorCode.producerFailed,
        `a stream worker failed: ${failed.error}`,
      );
    }
  };

  let next = 0;
  const pullUnordered = async (max: number): Promise<TraceChunk | undefined> => {
    for (;;) {
      check();
      for (let k = 0; k < lanes.length; k += 1) {
        const lane = lanes[(next + k) % lanes.length]!;
        const head = lane.queue[0];
        if (head === undefined) continue;
        next = (next + k + 1) % lanes.length;
        const whole = head.pos === 0 && head.count <= max;
        const chunk = takeRecords(head, max);
        if (head.pos >= head.count) lane.shift();
        // A chunk passed on whole can come back for reuse; parts share their buffer, so not them.
        return whole ? { ...chunk, release: () => lane.recycle(head.bytes) } : chunk;
      }
      if (lanes.every((lane) => lane.done)) return undefined;
      await changed;
    }
  };

  const merge = ordered
    ? new LaneMerge({
        lanes,
        changed: () => changed,
        check,
        limit: options.timeline?.count ?? Number.POSITIVE_INFINITY,
        routes: options.routes ?? false,
        ...(options.onLabel === undefined ? {} : { onLabel: options.onLabel }),
        pool: new BufferPool(),
      })
    : undefined;

  return {
    pull: merge === undefined ? pullUnordered : (max) => merge.pull(max),
    async close(): Promise<void> {
      await Promise.all(lanes.map((lane) => lane.terminate()));
    },
  };
}

/** Takes up to `max` records from the unread part of a received chunk (unordered path). */
function takeRecords(head: LaneChunk, max: number): TraceChunk {
  const count = Math.min(head.count - head.pos, max);
  const start = head.offset;
  const end =
    head.pos + count === head.count
      ? head.bytes.length
      : start + offsetAfterRecords(head.bytes.subarray(start), count);
  const bytes =
    start === 0 && end === head.bytes.length ? head.bytes : head.bytes.subarray(start, end);
  const routes =
    head.routes === undefined || (head.pos === 0 && count === head.count)
      ? head.routes
      : head.routes.slice(head.pos, head.pos + count);
  head.pos += count;
  head.offset = end;
  return routes === undefined ? { bytes, count } : { bytes, count, routes };
}
