/**
 * Where one record of a chunk goes when it is delivered the way CTS delivers to OBS
 * (reference §7.1: `CloudTraces/{region}/{YYYY}/{MM}/{DD}/{tracker}/{ServiceType}/`).
 */
export interface TraceRoute {
  readonly region: string;
  readonly trackerName: string;
  readonly serviceType: string;
  /** The record's `time` (epoch ms) as written in the record. */
  readonly time: number;
}

/**
 * A run of encoded trace records, in order: the unit a producer hands to a sink. Records are
 * whole JSON texts each followed by `"\n"`; JSON texts never hold a raw newline, so a chunk
 * splits into records at every `"\n"`.
 */
export interface TraceChunk {
  /** The records' JSON texts, each followed by `"\n"`. */
  readonly text: string;
  /** How many records `text` holds. */
  readonly count: number;
  /** One route per record, present when the producer was asked for routes (OBS directory sink). */
  readonly routes?: readonly TraceRoute[];
}

/**
 * Where a stream of trace chunks goes. `write` resolves when the sink can take the next chunk,
 * which is how back-pressure reaches the producer: a producer awaits every write.
 *
 * Errors: `write` and `close` reject with a {@link StreamError} when the destination fails.
 */
export interface TraceSink {
  /** Takes one chunk; the returned promise (if any) resolves once more may be written. */
  write(chunk: TraceChunk): Promise<void> | void;
  /** Flushes whatever is buffered, completes the framing and releases the destination. */
  close(): Promise<void>;
  /** Bytes handed to the destination so far (after framing, before compression). */
  readonly bytesWritten: number;
  /** Recoverable errors met so far (e.g. HTTP requests retried after a 503). Default 0. */
  readonly errors?: number;
}

/**
 * Builds a chunk from record JSON texts (no trailing newlines).
 *
 * @example
 * const chunk = chunkOfRecords(['{"a":1}', '{"a":2}']); // { text: '{"a":1}\n{"a":2}\n', count: 2 }
 */
export function chunkOfRecords(records: readonly string[]): TraceChunk {
  return { text: records.length === 0 ? "" : `${records.join("\n")}\n`, count: records.length };
}

/**
 * Splits a chunk's text back into record JSON texts.
 *
 * @example
 * recordsOf({ text: "a\nb\n", count: 2 }); // ["a", "b"]
 */
export function recordsOf(chunk: TraceChunk): string[] {
  if (chunk.text === "") return [];
  return chunk.text.slice(0, -1).split("\n");
}
