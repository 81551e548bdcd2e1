import {
  type AnomalyLabel,
  encodeApiTraceJson,
  generateTraces,
  type SessionStart,
  type ShardSpec,
  type TimelineOptions,
} from "@ctsim/generator";
import type { TraceBatch } from "./trace-batch.js";
import { TraceBatchBuilder, type TraceBatchBuilderOptions } from "./trace-batch-builder.js";

/** What {@link produceGeneratedBatches} produces (plain data: it crosses to worker threads). */
export interface GeneratedBatchesOptions {
  /** The generator's options (without functions). */
  readonly timeline: Omit<TimelineOptions, "shard" | "onLabel">;
  /** File every trace under this project. Default: the trace's own. */
  readonly projectId?: string;
  /**
   * This producer's part when the load is split among producers: the generator's session shard
   * (the shards' union is the whole timeline). Default: the whole load.
   */
  readonly shard?: ShardSpec;
  /** Traces per batch. Default: the builder's (2048). */
  readonly batchTraces?: number;
  /**
   * Batch only the traces with `time` in `[from, to)` (the timeline is in time order: the
   * earlier ones are generated and skipped unencoded, and the run stops at `to`). Default: all.
   */
  readonly keep?: { readonly from: number; readonly to: number };
}

/**
 * How batches are written: the builder's `writeUtf8` and `nextBuffers` (defaults: the
 * builder's), and where the anomaly labels of this part go (default: nowhere; labels are only
 * made for `timeline.scenarios`).
 */
export type BatchWriting = Pick<TraceBatchBuilderOptions, "writeUtf8" | "nextBuffers"> & {
  readonly onLabel?: (label: AnomalyLabel) => void;
};

/**
 * Runs the generator and turns its traces (or this producer's part of them) into
 * {@link TraceBatch}es in (time, record_time, trace_id) order. Returns, with `keep`, this
 * producer's sessions open at `keep.to` (see the generator's `openSessions`); else none.
 *
 * @example
 * produceGeneratedBatches({ timeline: { seed: 1, now } }, (batch) => merger.push(0, batch));
 */
export function produceGeneratedBatches(
  options: GeneratedBatchesOptions,
  onBatch: (batch: TraceBatch) => void,
  writing: BatchWriting = {},
): SessionStart[] {
  const { onLabel, ...buffers } = writing;
  const builder = new TraceBatchBuilder({
    onBatch,
    ...(options.batchTraces === undefined ? {} : { batchTraces: options.batchTraces }),
    ...buffers,
  });
  const keep = options.keep;
  // A run longer than the stretch labels occurrences before it too: only those with a trace in
  // the stretch are the load's (the run stops at its end, so none after it is labelled).
  const labelled =
    onLabel === undefined || keep === undefined
      ? onLabel
      : (label: AnomalyLabel) => {
          if (label.to >= keep.from) onLabel(label);
        };
  const events = generateTraces({
    ...options.timeline,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    ...(labelled === undefined ? {} : { onLabel: labelled }),
  });
  const projectId = options.projectId;
  if (keep === undefined) {
    for (const event of events) {
      builder.push(event, encodeApiTraceJson(event), projectId ?? event.projectId);
    }
  } else {
    for (const event of events) {
      if (event.time < keep.from) continue;
      if (event.time >= keep.to) break;
      builder.push(event, encodeApiTraceJson(event), projectId ?? event.projectId);
    }
  }
  builder.end();
  return keep === undefined ? [] : events.openSessions(keep.to);
}
