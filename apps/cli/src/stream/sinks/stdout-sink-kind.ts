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
 * Standard output: redirected to a regular file (`> traces.ndjson`), its descriptor is written
 * directly, so a full disk leaves the file at its last whole record; a pipe, a terminal or a
 * test's stream goes through the stream and its write callbacks.
 *
 * @example
 * const sink = await openStdoutSink(process.stdout, "lines");
 */
export async function openStdoutSink(
  stdout: Writable & { fd?: number },
  framing: Framing,
): Promise<TraceSink> {
  const fd = stdout.fd;
  if (fd !== undefined && isRegularFile(fd))
    return createDescriptorSink({ fd, name: "stdout", framing });
  return createStreamSink({ stream: stdout, framing, name: "stdout" });
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}
