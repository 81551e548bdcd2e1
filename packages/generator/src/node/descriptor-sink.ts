import { FramedFile } from "./framed-file.js";
import type { Framing } from "./framer.js";
import { StreamError, StreamErrorCode } from "./stream-error.js";
import type { TraceChunk, TraceSink } from "./trace-chunk.js";

/** Options of {@link createDescriptorSink}. */
export interface DescriptorSinkOptions {
  /** An open file descriptor, e.g. `1` when standard output is redirected to a file. */
  readonly fd: number;
  /** How messages name it, e.g. `"stdout"`. */
  readonly name: string;
  /** Record layout. Default `"lines"`. */
  readonly framing?: Framing;
}

/**
 * A sink over a file descriptor someone else opened, for standard output redirected to a file
 * (`ctsim generate > traces.ndjson`) or a pipe (`| vector`): the same guarantees as
 * {@link createFileSink} without rotation. Writes run on libuv's thread pool, so a blocking pipe
 * stalls a pool thread, not this one (a non-blocking one is retried on EAGAIN). A failed write (a
 * full disk) leaves a regular file cut back to its last whole record and an array closed; a
 * regular file is fsynced at `close`; the descriptor is left open. A vanished reader (EPIPE)
 * rejects with `CTSIM_SINK_READER_CLOSED`.
 *
 * @example
 * const sink = await createDescriptorSink({ fd: 1, name: "stdout" });
 */
export async function createDescriptorSink(options: DescriptorSinkOptions): Promise<TraceSink> {
  const file = await FramedFile.adopt(options.fd, {
    framing: options.framing ?? "lines",
    name: options.name,
  });
  let closed = false;
  return {
    get recordsWritten(): number {
      return file.records;
    },
    get bytesWritten(): number {
      return file.bytes;
    },
    write(chunk: TraceChunk): Promise<void> {
      if (closed)
        return Promise.reject(new StreamError(StreamErrorCode.closed, `${options.name}: closed`));
      return file.append(chunk);
    },
    close(): Promise<void> {
      closed = true;
      return file.finish();
    },
  };
}
