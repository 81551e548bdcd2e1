import type { AnomalyLabel, SessionStart } from "@ctsim/generator";
import type { GeneratedBatchesOptions } from "../store/generated-batches.js";
import type { TraceBatch } from "../store/trace-batch.js";

/** What a load worker is started with. */
export interface LoadWorkerData {
  readonly options: GeneratedBatchesOptions;
  /** Batches a worker may have sent and not yet seen used, one counter per worker (shared). */
  readonly credits: Int32Array;
  /** This worker's slot in `credits`. */
  readonly slot: number;
  /** Batches the main thread may hold unused (the worker writes into `prefetch + 1` buffers in turn). */
  readonly prefetch: number;
}

/** Load worker → main thread: a batch, the end of the part (with its labels), or a failure. */
export type LoadWorkerReply =
  | { readonly batch: TraceBatch }
  | {
      readonly done: true;
      readonly labels: readonly AnomalyLabel[];
      readonly open: readonly SessionStart[];
    }
  | { readonly error: string };
