import { FILTER_FIELDS } from "./trace-fields.js";

/**
 * The key columns of a {@link TraceBatch}, in order: the project a trace is filed under, its kind
 * (`data`, or none for management traces) and every ListTraces filter. The store keeps one
 * index per entry, in the same order.
 */
export const BATCH_KEY_FIELDS = ["project", "kind", ...FILTER_FIELDS] as const;
/** Number of key columns per trace in a batch. */
export const BATCH_KEYS = BATCH_KEY_FIELDS.length;

/**
 * Traces ready to be stored, in columns of plain typed arrays so a batch crosses threads by
 * transfer (no copy, no per-trace objects): the UTF-8 records back to back, their times, and
 * their index keys as ids of a dictionary the producer keeps. Records are in (time, record_time, trace_id)
 * order.
 */
export interface TraceBatch {
  /** Traces in the batch. */
  readonly count: number;
  /** The records' UTF-8 JSON, back to back (may have spare room after the last record). */
  readonly bytes: Uint8Array;
  /** `ends[i]`: where record `i` ends in `bytes`; it starts where record `i - 1` ends (or at 0). */
  readonly ends: Int32Array;
  /** `time` of each trace (epoch ms). */
  readonly times: Float64Array;
  /**
   * The store's hash of each record's `trace_id` (`traceIdHash`), computed by the producer
   * so the thread that stores the batch does not scan the records for it.
   */
  readonly idHashes: Int32Array;
  /**
   * `keys[i * BATCH_KEYS + f]`: the producer's id of field `f`'s value for trace `i`, -1 for no
   * value. Ids count up from 0 per field as values are seen; a producer that keeps only recent
   * values may give a value it forgot a new id (ids are a code for `newKeys`, not the value's
   * identity).
   */
  readonly keys: Int32Array;
  /** Per field, the values first seen in this batch, in id order (they continue the earlier batches' ids). */
  readonly newKeys: readonly (readonly string[])[];
}
