import type { TraceRoute } from "./trace-chunk.js";

/** Main thread → stream worker: produce the next chunk of at most `max` records. */
export interface WorkerRequest {
  readonly max: number;
}

/** Stream worker → main thread: a chunk, the end of the shard, or a failure. */
export type WorkerReply =
  | {
      readonly text: string;
      readonly count: number;
      /** Generator time of each record, in order. */
      readonly times: Float64Array;
      readonly routes?: readonly TraceRoute[];
    }
  | { readonly done: true }
  | { readonly error: string };
