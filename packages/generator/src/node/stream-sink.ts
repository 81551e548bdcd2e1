import type { Writable } from "node:stream";
import { Framer, type Framing } from "./framer.js";
import { StreamError, StreamErrorCode, streamErrorFrom } from "./stream-error.js";
import type { TraceChunk, TraceSink } from "./trace-chunk.js";
import { written } from "./written.js";

/** Options of {@link createStreamSink}. */
export interface StreamSinkOptions {
  /** The destination, e.g. `process.stdout` or a file stream. */
  readonly stream: Writable;
  /** Record layout. Default `"lines"` (NDJSON). */
  readonly framing?: Framing;
  /** Name used in error messages. Default `"stream"`. */
  readonly name?: string;
  /** End `stream` on close. Default `false` (stdout stays open). */
  readonly end?: boolean;
}

/**
 * A sink over any Node `Writable` (stdout, a pipe, a socket). Each chunk is written whole and
 * `write` resolves once the stream is done with it (its write callback), so a slow reader slows
 * the producer instead of queueing unflushed writes in memory, and the chunk's buffer can be
 * reused. Its records count as written then. For standard output redirected to a file, use
 * {@link createDescriptorSink}, which can cut a file back to whole records when a write fails.
 *
 * Errors: a vanished reader (EPIPE) rejects with code `CTSIM_SINK_READER_CLOSED`; other stream errors
 * with `CTSIM_SINK_WRITE_FAILED`.
 *
 * @example
 * const sink = createStreamSink({ stream: process.stdout });
 * await sink.write(chunkOfRecords(['{"trace_id":"t1"}']));
 * await sink.close();
 */
export function createStreamSink(options: StreamSinkOptions): TraceSink {
  const { stream, framing, name, end } = resolveOptions(options);
  const framer = new Framer(framing);
  let failure: StreamError | undefined;
  let closed = false;
  let records = 0;
  let bytes = 0;
  const onError = (error: unknown): void => {
    failure ??= streamErrorFrom(error, name);
  };
  stream.on("error", onError);

  const push = async (data: Uint8Array, count: number): Promise<void> => {
    if (failure !== undefined) throw failure;
    if (data.length === 0) return;
    await written(stream, data);
    if (failure !== undefined) throw failure;
    if (stream.destroyed) throw streamErrorFrom({ code: "ERR_STREAM_DESTROYED" }, name);
    records += count;
    bytes += data.length;
  };

  return {
    get recordsWritten(): number {
      return records;
    },
    get bytesWritten(): number {
      return bytes;
    },
    write(chunk: TraceChunk): Promise<void> {
      if (closed) return Promise.reject(new StreamError(StreamErrorCode.closed, `${name}: closed`));
      return push(framer.body(chunk), chunk.count);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      // Every write waited for its callback, so nothing is left to flush unless the stream ends.
      await push(framer.tail(), 0);
      if (end) await endStream(stream);
      stream.off("error", onError);
      if (failure !== undefined) throw failure;
    },
  };
}

function resolveOptions(options: StreamSinkOptions): Required<StreamSinkOptions> {
  return {
    stream: options.stream,
    framing: options.framing ?? "lines",
    name: options.name ?? "stream",
    end: options.end ?? false,
  };
}

function endStream(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableFinished || stream.destroyed) {
      resolve();
      return;
    }
    const done = (): void => {
      stream.off("finish", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.on("finish", done);
    stream.on("close", done);
    stream.on("error", done);
    stream.end();
  });
}
