import {
  createFileSink,
  createHttpSink,
  createObsDirSink,
  createStreamSink,
  type TraceSink,
} from "@ctsim/generator/node";
import type { CliIo } from "../cli-io.js";
import type { StreamPlan } from "./stream-plan.js";

/**
 * Builds the sink a {@link StreamPlan} names, writing stdout through `io` (tests capture it).
 *
 * @example
 * const sink = openSink(plan, io);
 */
export function openSink(plan: StreamPlan, io: CliIo): TraceSink {
  const sink = plan.sink;
  switch (sink.kind) {
    case "stdout":
      return createStreamSink({ stream: io.stdout, framing: plan.framing, name: "stdout" });
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
