import type { LabelSpec } from "../trace/label-tracker.js";

/**
 * What a worker lane's chunk carries besides its bytes, so the main thread can merge the lanes
 * into the timeline's own order without parsing a record: each record's order key (generator
 * time, then session index), where it ends, and the notes of the labelled anomalies it holds.
 */
export interface MergeKeys {
  /** Generator (pre-retime) `time` of each record. */
  readonly times: Float64Array;
  /** Index of each record's session. */
  readonly sessions: Float64Array;
  /** Byte offset just past each record (its newline included). */
  readonly ends: Uint32Array;
  /** The records that belong to a labelled anomaly, in order. */
  readonly labels: readonly LabelNote[];
}

/** One emitted trace of a labelled anomaly, as a lane reports it. */
export interface LabelNote {
  /** The record's position in its chunk. */
  readonly record: number;
  /** The anomaly's number within its lane. */
  readonly label: number;
  readonly traceId: string;
  readonly time: number;
  /** With the anomaly's first note: what it is and how many traces it has. */
  readonly spec?: LabelSpec & { readonly traces: number };
}
