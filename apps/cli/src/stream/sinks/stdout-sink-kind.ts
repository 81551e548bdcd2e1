import { fstatSync } from "node:fs";
import type { Writable } from "node:stream";
import {
  createDescriptorSink,
  createStreamSink,
  type Framing,
  type TraceSink,
} from "@ctsim/generator/node";
import { defineSinkKind } from "./sink-kind.js";

/** `--sink stdout` (or `-`): standard output, the default. */
export const stdoutSinkKind = defineSinkKind<true, undefined>({
  syntax: "stdout",
  parse: (value) => (value === "stdout" || value === "-" ? true : undefined),
  flags: [],
  settings: () => undefined,
  open: (_target, _settings, { framing, io }) => openStdoutSink(io.stdout, framing),
});

/**
 * Standard output. Redirected to a regular file (`> traces.ndjson`), its descriptor is written
 * directly, so a full disk leaves the file at its last whole record. A shell pipe (a FIFO:
 * `ctsim generate | vector`) is written directly too, by `write(2)` on libuv's thread pool after
 * the descriptor is made blocking again (Node opens it non-blocking and writes it from this
 * thread's event loop, which cannot run while this thread generates the next chunk): the reader
 * drains one chunk while the next is produced (~25% less wall time into `wc -c` at 1M traces).
 * A socket, a terminal or a test's stream goes through the stream and its write callbacks.
 *
 * @example
 * const sink = await openStdoutSink(process.stdout, "lines");
 */
export async function openStdoutSink(stdout: StdoutStream, framing: Framing): Promise<TraceSink> {
  const fd = stdout.fd;
  const kind = fd === undefined ? undefined : kindOf(fd);
  if (fd !== undefined && kind === "file")
    return createDescriptorSink({ fd, name: "stdout", framing });
  const handle = stdout._handle;
  if (fd !== undefined && kind === "fifo" && typeof handle?.setBlocking === "function") {
    // Left non-blocking, write(2) would meet EAGAIN and retry on a timer: the stream does better.
    if (handle.setBlocking(true) === 0)
      return createDescriptorSink({ fd, name: "stdout", framing });
  }
  return createStreamSink({ stream: stdout, framing, name: "stdout" });
}

/**
 * Standard output as Node gives it: a pipe's stream has a libuv handle whose `setBlocking`
 * (the call Node makes for TTYs and the `set-blocking` package wraps) returns 0 on success.
 */
type StdoutStream = Writable & {
  fd?: number;
  _handle?: { setBlocking?: (blocking: boolean) => number } | null;
};

function kindOf(fd: number): "file" | "fifo" | undefined {
  try {
    const info = fstatSync(fd);
    if (info.isFile()) return "file";
    return info.isFIFO() ? "fifo" : undefined;
  } catch {
    return undefined;
  }
}
