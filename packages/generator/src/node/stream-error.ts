/** Stable codes of the failures a sink, a producer or the stream runner reports. */
export const StreamErrorCode = {
  /** The reader went away (EPIPE, closed socket): not a failure of ours, stop quietly. */
  readerClosed: "CTSIM_SINK_READER_CLOSED",
  /** Writing to the destination failed (ENOSPC, EACCES, EIO, ...). */
  writeFailed: "CTSIM_SINK_WRITE_FAILED",
  /** The destination cannot be reached (connection refused, DNS failure, timeout). */
  unreachable: "CTSIM_SINK_UNREACHABLE",
  /** The HTTP receiver kept answering with an error status after every retry. */
  httpStatus: "CTSIM_SINK_HTTP_STATUS",
  /** The sink was written to after `close`. */
  closed: "CTSIM_SINK_CLOSED",
  /** A sink or stream option is invalid. */
  invalidOption: "CTSIM_SINK_INVALID_OPTION",
  /** A producer (a worker thread running the generator) failed. */
  producerFailed: "CTSIM_STREAM_PRODUCER_FAILED",
} as const satisfies Record<string, string>;

/** One of the values of {@link StreamErrorCode}. */
export type StreamErrorCode = (typeof StreamErrorCode)[keyof typeof StreamErrorCode];

/**
 * The one error class of `@ctsim/generator/node`: a sink, a producer or the stream runner failed. The message
 * says what failed, why and what to do; `code` is stable for programs.
 *
 * @example
 * try { await sink.close(); } catch (e) { if (e instanceof StreamError && e.code === StreamErrorCode.readerClosed) {} }
 */
export class StreamError extends Error {
  override readonly name = "StreamError";
  readonly code: StreamErrorCode;

  constructor(code: StreamErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Wraps a Node I/O error from `what` (e.g. `"file /tmp/x"`) in a {@link StreamError} whose code
 * tells a vanished reader (EPIPE, ECONNRESET) from a real failure.
 *
 * @example
 * stream.on("error", (e) => reject(streamErrorFrom(e, "stdout")));
 */
export function streamErrorFrom(error: unknown, what: string): StreamError {
  if (error instanceof StreamError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED") {
    return new StreamError(StreamErrorCode.readerClosed, `${what}: the reader closed (${code})`, {
      cause: error,
    });
  }
  const hint =
    code === "ENOSPC"
      ? " (no space left on the device: free space or point the sink elsewhere)"
      : code === "EACCES" || code === "EPERM"
        ? " (permission denied: check the path's permissions)"
        : code === "ENOENT"
          ? " (no such file or directory: create the parent directory first)"
          : "";
  return new StreamError(StreamErrorCode.writeFailed, `${what}: write failed: ${message}${hint}`, {
    cause: error,
  });
}
