import { encodeApiTraceJson, generateTraces, type TimelineOptions } from "@ctsim/generator";
import type { TraceBatch } from "./trace-batch.js";
import { TraceBatchBuilder, type TraceBatchBuilderOptions } from "./trace-batch-builder.js";

/**
 * One producer's part of a generated load, when the load is split among producers:
 * - `shard`: the generator's session shards (`index` of `count`): the shards' union is the
 *   whole timeline, and each producer generates only its own sessions;
 * - `stride`: every producer generates the whole timeline and keeps the traces whose place in
 *   it is ≡ `index` (mod `count`). Needed with `count`, which cuts the timeline at its N-th
 *   trace: shards cannot know where the whole timeline's N-th trace falls.
 */
export interface LoadPart {
  readonly by: "shard" | "stride";
  readonly index: number;
  readonly count: number;
}

/** What {@link produceGeneratedBatches} produces (plain data: it crosses to worker threads). */
export interface GeneratedBatchesOptions {
  /** The generator's options (without functions). */
  readonly timeline: Omit<TimelineOptions, "shard" | "onLabel">;
  /** File every trace under this project. Default: the trace's own. */
  readonly projectId?: string;
  /** This producer's part. Default: the whole load. */
  readonly part?: LoadPart;
  /** Traces per batch. Default: the builder's (2048). */
  readonly batchTraces?: number;
}

/** How batches are written: the builder's `writeUtf8` and `nextBuffers` (defaults: the builder's). */
export type BatchWriting = Pick<TraceBatchBuilderOptions, "writeUtf8" | "nextBuffers">;

/**
 * Runs the generator and turns its traces (or this producer's part of them) into
 * {@link TraceBatch}es in (time, trace_id) order.
 *
 * @example
 * produceGeneratedBatches({ timeline: { seed: 1, now } }, (batch) => merger.push(0, batch));
 */
export function produceGeneratedBatches(
  options: GeneratedBatchesOptions,
  onBatch: (batch: TraceBatch) => void,
  writing: BatchWriting = {},
): void {
  const builder = new TraceBatchBuilder({
    onBatch,
    ...(options.batchTraces === undefined ? {} : { batchTraces: options.batchTraces }),
    ...writing,
  });
  const part = options.part ?? { by: "shard", index: 0, count: 1 };
  const sharded = part.by === "shard" && part.count > 1;
  const events = generateTraces({
    ...options.timeline,
    ...(sharded ? { shard: { index: part.index, count: part.count } } : {}),
  });
  const stride = part.by === "stride" ? part.count : 1;
  let skip = part.by === "stride" ? part.index : 0;
  const projectId = options.projectId;
  for (const event of events) {
    if (skip > 0) {
      skip--;
      continue;
    }
    skip = stride - 1;
    builder.push(event, encodeApiTraceJson(event), projectId ?? event.projectId);
  }
  builder.end();
}
