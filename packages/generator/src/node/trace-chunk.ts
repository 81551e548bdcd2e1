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
 * whole JSON texts in UTF-8, each followed by a newline byte; neither JSON text nor a UTF-8
 * multi-byte sequence ever holds the byte 0x0A, so a chunk splits into records at every newline.
 * Bytes rather than text: producers (and worker threads) encode once, and sinks pass the bytes
 * on without converting strings on the thread that writes.
 */
export interface TraceChunk {
  /** The records' UTF-8 JSON texts, each followed by `\n`. */
  readonly bytes: Uint8Array;
  /** How many records `bytes` holds. */
  readonly count: number;
  /** One route per record, present when the producer was asked for routes (OBS directory sink). */
  readonly routes?: readonly TraceRoute[];
  /**
   * Hands `bytes` back to the producer for reuse. The stream loop calls it once the sink's
   * `write` has resolved (sinks are done with a chunk's bytes by then); whoever splits or keeps
   * a chunk must not call it. Reuse spares a fresh buffer per chunk: fresh memory costs page
   * faults, and buffers sent from worker threads make the receiving thread collect garbage often.
   */
  readonly release?: () => void;
}

/**
 * Where a stream of trace chunks goes. `write` resolves when the sink can take the next chunk,
 * which is how back-pressure reaches the producer: a producer awaits every write. By then the
 * sink holds no reference to the chunk's bytes (written to the destination or copied), so the
 * producer may reuse them.
 *
 * Accounting: a record counts as written (`recordsWritten`, `bytesWritten`) only once the
 * destination has it whole: the write returned for files and pipes, a 2xx answered the HTTP
 * batch holding it, its OBS object was closed and renamed. A sink may hold records it took but
 * has not confirmed yet (an HTTP batch in flight, an OBS file still open); `close` confirms or
 * fails them.
 *
 * Errors: `write` and `close` reject with a {@link StreamError} when the destination fails,
 * after leaving it at its last whole record (a file cut back, a partial OBS object removed).
 */
export interface TraceSink {
  /** Takes one chunk; the returned promise (if any) resolves once more may be written. */
  write(chunk: TraceChunk): Promise<void> | void;
  /** Flushes whatever is buffered, completes the framing and releases the destination. */
  close(): Promise<void>;
  /** Records the destination has whole (see the accounting rule above). */
  readonly recordsWritten: number;
  /** Bytes of those records in the destination (after framing, before compression). */
  readonly bytesWritten: number;
  /** Recoverable errors met so far (e.g. HTTP requests retried after a 503). Default 0. */
  readonly errors?: number;
}

/** The byte that ends every record of a chunk. */
export const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Builds a chunk from record JSON texts (no trailing newlines).
 *
 * @example
 * const chunk = chunkOfRecords(['{"a":1}', '{"a":2}']); // bytes of '{"a":1}\n{"a":2}\n', count 2
 */
export function chunkOfRecords(records: readonly string[]): TraceChunk {
  const text = records.length === 0 ? "" : `${records.join("\n")}\n`;
  return { bytes: encoder.encode(text), count: records.length };
}

/**
 * Splits a chunk back into record JSON texts (decoded; for tests and slow paths).
 *
 * @example
 * recordsOf(chunkOfRecords(["a", "b"])); // ["a", "b"]
 */
export function recordsOf(chunk: TraceChunk): string[] {
  return recordViews(chunk.bytes).map((record) => decoder.decode(record));
}

/**
 * Views of each record of a chunk's bytes (without its newline); no copying.
 *
 * @example
 * recordViews(chunkOfRecords(["a", "b"]).bytes).length; // 2
 */
export function recordViews(bytes: Uint8Array): Uint8Array[] {
  const views: Uint8Array[] = [];
  let start = 0;
  for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
    views.push(bytes.subarray(start, end));
    start = end + 1;
  }
  return views;
}

/**
 * The offset just after the `n`-th record of a chunk's bytes (0 for n = 0); the chunk must hold
 * at least `n` records.
 *
 * @example
 * offsetAfterRecords(chunkOfRecords(["ab", "c"]).bytes, 1); // 3
 */
export function offsetAfterRecords(bytes: Uint8Array, n: number): number {
  let offset = 0;
  for (let record = 0; record < n; record += 1) offset = bytes.indexOf(NEWLINE, offset) + 1;
  return offset;
}

/**
 * Splits a chunk after its first `n` records (0 < n < count): the head and the rest, sharing
 * the chunk's bytes.
 *
 * @example
 * const [head, rest] = splitChunk(chunkOfRecords(["a", "b", "c"]), 1); // 1 and 2 records
 */
export function splitChunk(chunk: TraceChunk, n: number): [TraceChunk, TraceChunk] {
  const cut = offsetAfterRecords(chunk.bytes, n);
  const routes = chunk.routes;
  const head: TraceChunk = { bytes: chunk.bytes.subarray(0, cut), count: n };
  const rest: TraceChunk = { bytes: chunk.bytes.subarray(cut), count: chunk.count - n };
  if (routes === undefined) return [head, rest];
  return [
    { ...head, routes: routes.slice(0, n) },
    { ...rest, routes: routes.slice(n) },
  ];
}

/**
 * Counts the records (newlines) of a run of chunk bytes.
 *
 * @example
 * countRecords(chunkOfRecords(["a", "b"]).bytes); // 2
 */
export function countRecords(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}
