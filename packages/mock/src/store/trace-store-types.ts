import type { FieldIndexState } from "./field-index.js";
import type { RecordArenaState } from "./record-arena.js";
import type { FilterField, TraceKind } from "./trace-fields.js";

/** Options of {@link TraceStore}. */
export interface TraceStoreOptions {
  /** Clock in epoch ms that retention is measured against. Default: `Date.now`. */
  readonly now?: () => number;
  /** How long a trace stays queryable. Default: 7 days (`TRACE_RETENTION_MS`). */
  readonly retentionMs?: number;
}

/** A time window, bounds excluded. */
export interface TraceWindow {
  /** Only traces whose `time` is greater than this (epoch ms). */
  readonly after: number;
  /** Only traces whose `time` is less than this (epoch ms). */
  readonly before: number;
}

/** One ListTraces page request against the store, already validated. */
export interface TraceQuery extends TraceWindow {
  readonly projectId: string;
  readonly kind: TraceKind;
  /** Exact-match filters, combined with AND. */
  readonly filters?: Readonly<Partial<Record<FilterField, string>>>;
  /** A page marker: only traces that come after this trace (older ones). */
  readonly olderThan?: string;
  /** Page size. */
  readonly limit: number;
}

/** One page of traces, newest first, as their UTF-8 JSON records (views into the store). */
export interface TracePage {
  readonly traces: readonly Uint8Array[];
  /** `trace_id` of the last trace of the page, if any. */
  readonly lastTraceId: string | undefined;
  /** Whether more traces match after this page. */
  readonly hasMore: boolean;
}

/** A store's traces and indexes as plain data (typed arrays), for snapshots. */
export interface TraceStoreState {
  /** `time` by position (ascending). */
  readonly times: Float64Array;
  readonly records: RecordArenaState;
  /** The indexes in `BATCH_KEY_FIELDS` order, compacted. */
  readonly indexes: readonly FieldIndexState[];
  /** The trace-id table (positions + 1 by slot). */
  readonly ids: Int32Array;
}
