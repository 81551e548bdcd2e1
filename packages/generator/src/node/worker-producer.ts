import { Worker } from "node:worker_threads";
import type { ShardSpec, TimelineOptions } from "../index.js";
import type { ChunkProducer } from "./run-stream.js";
import { StreamError, StreamErrorCode } from "./stream-error.js";
import { NEWLINE, offsetAfterRecords, type TraceChunk, type TraceRoute } from "./trace-chunk.js";
import type { TraceProducerOptions, TraceShape } from "./trace-producer.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";
import { workerShard } from "./worker-shard.js";

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
   * Merge the workers' records in generator-time order, so every prefix (e.g. `--count N`) is
   * the same whatever the worker count. Costs main-thread time per record. Default `false`
   * (chunks are passed on as they arrive).
   */
  readonly ordered?: boolean;
  /** Records each worker produces per request. Default 1024. */
  readonly chunkRecords?: number;
  /** Re-time records to the wall clock (see `TraceProducerOptions.retime`). Default `true`. */
  readonly retime?: boolean;
}

/** Chunks requested ahead from each worker, so a worker is never idle while its last chunk is written. */
const PREFETCH = 2;

/**
 * A producer that runs the timeline in `workers` worker threads. Worker `w` of `N` produces
 * shard `i + n·w` of `n·N` (see {@link workerShard}), so the records this machine streams are
 * those of shard `i/n` whatever `N` is. Each worker has at most {@link PREFETCH} chunks
 * requested or waiting, so a slow sink stops the workers instead of filling memory.
 *
 * Errors: `pull` rejects with `CTSIM_STREAM_PRODUCER_FAILED` when a worker fails.
 *
 * @example
 * const producer = createWorkerProducer({ workers: 2, timeline: { seed: 7 } });
 */
export function createWorkerProducer(options: WorkerProducerOptions): ChunkProducer {
  const machine = options.shard ?? { index: 0, count: 1 };
  const chunkRecords = options.chunkRecords ?? 1024;
  const start = Date.now();
  const lanes: Lane[] = [];
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

  for (let w = 0; w < options.workers; w += 1) {
    const data: TraceProducerOptions = {
      // One window start for every worker: the shards must slice the same timeline.
      timeline: {
        from: start,
        now: start,
        ...options.timeline,
        shard: workerShard(machine, options.workers, w),
      },
      shape: options.shape ?? "api",
      routes: options.routes ?? false,
      retime: options.retime ?? true,
    };
    const worker = startWorker(data);
    const lane: Lane = { worker, queue: [], outstanding: 0, done: false };
    worker.on("message", (reply: WorkerReply) => {
      lane.outstanding -= 1;
      if ("done" in reply) lane.done = true;
      else if ("error" in reply) lane.error = reply.error;
      else lane.queue.push({ ...reply, pos: 0, offset: 0 });
      notify();
    });
    worker.on("error", (error) => {
      lane.error = error.stack ?? error.message;
      notify();
    });
    lanes.push(lane);
  }

  const topUp = (lane: Lane): void => {
    while (
      !lane.done &&
      lane.error === undefined &&
      lane.outstanding + lane.queue.length < PREFETCH
    ) {
      lane.outstanding += 1;
      lane.worker.postMessage({ max: chunkRecords } satisfies WorkerRequest);
    }
  };
  const check = (): void => {
    const failed = lanes.find((lane) => lane.error !== undefined);
    if (failed !== undefined) {
      throw new StreamError(
        StreamErrorCode.producerFailed,
        `a stream worker failed: ${failed.error}`,
      );
    }
  };
  for (const lane of lanes) topUp(lane);

  /** Sends a chunk buffer back to the worker that filled it (it is detached here). */
  const recycle = (lane: Lane, bytes: Uint8Array): void => {
    const buffer = bytes.buffer as ArrayBuffer;
    if (!lane.done && lane.error === undefined)
      lane.worker.postMessage({ recycle: buffer }, [buffer]);
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
        if (head.pos >= head.count) lane.queue.shift();
        topUp(lane);
        // A chunk passed on whole can come back for reuse; parts share their buffer, so not them.
        return whole ? { ...chunk, release: () => recycle(lane, head.bytes) } : chunk;
      }
      if (lanes.every((lane) => lane.done)) return undefined;
      await changed;
    }
  };

  const pullOrdered = async (max: number): Promise<TraceChunk | undefined> => {
    const records: Uint8Array[] = [];
    const routes: TraceRoute[] = [];
    const consumed: [Lane, Uint8Array][] = [];
    while (records.length < max) {
      check();
      // Every live lane needs a record at hand before the smallest time can be known.
      const starving = lanes.find((lane) => !lane.done && lane.queue.length === 0);
      if (starving !== undefined) {
        topUp(starving);
        await changed;
        continue;
      }
      let best: Lane | undefined;
      for (const lane of lanes) {
        const head = lane.queue[0];
        if (head === undefined) continue;
        const bestHead = best?.queue[0];
        if (bestHead === undefined || head.times[head.pos]! < bestHead.times[bestHead.pos]!)
          best = lane;
      }
      if (best === undefined) break;
      const head = best.queue[0]!;
      const end = head.bytes.indexOf(NEWLINE, head.offset) + 1;
      records.push(head.bytes.subarray(head.offset, end));
      if (head.routes !== undefined) routes.push(head.routes[head.pos]!);
      head.pos += 1;
      head.offset = end;
      if (head.pos >= head.count) {
        best.queue.shift();
        consumed.push([best, head.bytes]);
        topUp(best);
      }
    }
    if (records.length === 0) return undefined;
    const bytes = Buffer.concat(records);
    // The records are copied: the buffers they came from can be filled again.
    for (const [lane, used] of consumed) recycle(lane, used);
    return options.routes === true
      ? { bytes, count: records.length, routes }
      : { bytes, count: records.length };
  };

  return {
    pull: options.ordered === true ? pullOrdered : pullUnordered,
    async close(): Promise<void> {
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}

interface Buffered {
  readonly bytes: Uint8Array;
  readonly count: number;
  readonly times: Float64Array;
  readonly routes?: readonly TraceRoute[];
  /** Records of this chunk already passed on. */
  pos: number;
  /** Byte offset of record `pos`. */
  offset: number;
}

interface Lane {
  readonly worker: Worker;
  readonly queue: Buffered[];
  outstanding: number;
  done: boolean;
  error?: string;
}

/** Takes up to `max` records from the unread part of a buffered chunk (unordered path). */
function takeRecords(head: Buffered, max: number): TraceChunk {
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

/**
 * Starts a stream worker. Built, the entry is `stream-worker.js` beside this file. From source
 * (tests, `tsx`), Node 20 does not carry the TypeScript loader into worker threads, so a small
 * bootstrap registers tsx in the worker before importing `stream-worker.ts`.
 */
function startWorker(data: TraceProducerOptions): Worker {
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(new URL("./stream-worker.js", import.meta.url), { workerData: data });
  }
  const entry = new URL("./stream-worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}
