import type { MergeKeys } from "./merge-keys.js";
import type { TraceRoute } from "./trace-chunk.js";

/**
 * Main thread → stream worker: produce the next chunk of at most `max` records, or take back a
 * chunk's buffer (transferred) for reuse.
 */
export type WorkerRequest = { readonly max: number } | { readonly recycle: ArrayBuffer };

/** Stream worker → main thread: a chunk, the end of the shard, or a failure. */
export type WorkerReply =
  | {
      /** The chunk's bytes (their `ArrayBuffer` is transferred). */
      readonly bytes: Uint8Array;
      readonly count: number;
      /** The records' merge keys, when the lanes are merged in order (their buffers transferred). */
      readonly keys?: MergeKeys;
      readonly routes?: readonly TraceRoute[];
    }
  | { readonly done: true }
  | { readonly error: string };
