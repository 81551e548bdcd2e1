import { fstatSync } from "node:fs";
import type { Writable } from "node:stream";
import {
  createDescriptorSink,
  createFileSink,
  createHttpSink,
  createObsDirSink,
  createStreamSink,
  type Framing,
  type TraceSink,
} from "@ctsim/generator/node";
import type { CliIo } from "../cli-io.js";
import type { StreamPlan } from "./stream-plan.js";

/**
 * Builds the sink a {@link StreamPlan} names, writing stdout through `io` (tests capture it).
 * Files and directories are opened here, so a destination that cannot be written fails before
 * anything is generated.
 *
 * Errors: rejects with the sink's `StreamError` (e.g. `SINK_WRITE_FAILED` for a missing directory).
 *
 * @example
 * const sink = await openSink(plan, io);
 */
export async function openSink(plan: StreamPlan, io: CliIo): Promise<TraceSink> {
  const sink = plan.sink;
  switch (sink.kind) {
    case "stdout":
      return openStdoutSink(io.stdout, plan.framing);
    case "file":
      return createFileSink({
        path: sink.path,
        framing: plan.framing,
        ...(plan.rotateBytes === undefined ? {} : { rotateBytes: plan.rotateBytes }),
        ...(plan.rotateMs === undefined ? {} : { rotateMs: plan.rotateMs }),
      });
    case "dir":
      return createObsDirSink({
        dir: sink.path,
        ...(plan.obsPrefix === undefined ? {} : { prefix: plan.obsPrefix }),
        ...(plan.obsCycleMs === undefined ? {} : { cycleMs: plan.obsCycleMs }),
        ...(plan.obsMaxRecords === undefined ? {} : { maxRecords: plan.obsMaxRecords }),
      });
    case "http":
      return createHttpSink({
        url: sink.url,
        framing: plan.framing,
        headers: plan.headers,
        ...(plan.batchRecords === undefined ? {} : { batchRecords: plan.batchRecords }),
        ...(plan.concurrency === undefined ? {} : { concurrency: plan.concurrency }),
        ...(plan.retries === undefined ? {} : { maxRetries: plan.retries }),
      });
  }
}

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
