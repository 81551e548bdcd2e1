/**
 * Worker-thread entry of {@link createWorkerProducer}: runs one shard of the timeline and answers
 * each `{ max }` request with the next chunk (plus the records' generator times, for the ordered
 * merge), or `{ done: true }`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createTraceProducer, type TraceProducerOptions } from "./trace-producer.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

const port = parentPort;
if (port === null) throw new Error("stream-worker must run in a worker thread");
const producer = createTraceProducer(workerData as TraceProducerOptions);

port.on("message", (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const chunk = producer.pull(request.max);
    if (chunk === undefined) reply = { done: true };
    else {
      const times = Float64Array.from(producer.lastTimes);
      reply = {
        bytes: chunk.bytes,
        count: chunk.count,
        times,
        ...(chunk.routes === undefined ? {} : { routes: chunk.routes }),
      };
    }
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  if ("times" in reply) {
    port.postMessage(reply, [reply.times.buffer, reply.bytes.buffer] as ArrayBuffer[]);
  } else port.postMessage(reply);
});
