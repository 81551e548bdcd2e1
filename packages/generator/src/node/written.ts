import type { Writable } from "node:stream";

/**
 * Writes `data` and resolves once the stream is done with it: its write callback ran (the bytes
 * reached the destination or the write failed) or the stream closed. After that the caller may
 * reuse `data` (a sink's contract with its producer: see `TraceChunk.release`). Waiting for
 * every write is also back-pressure: a slow reader holds the producer, and nothing queues up.
 * Failures are left to the caller's own `'error'` listener.
 *
 * @example
 * await written(process.stdout, chunk.bytes);
 */
export function written(stream: Writable, data: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off("close", done);
      resolve();
    };
    stream.once("close", done);
    if (stream.destroyed) {
      done();
      return;
    }
    stream.write(data, done);
  });
}
