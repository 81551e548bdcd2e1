/**
 * Worker-thread entry of {@link createWorkerProducer}: runs one shard of the timeline and answers
 * each `{ max }` request with the next chunk (plus the records' generator times, for the ordered
 * merge), or `{ done: true }`. Chunk buffers the main thread is done with come back as
 * `{ recycle }` and are filled again.
 */
import { parentPort, workerData } from "node:worker_threads";
import { BufferPool } from "./buffer-pool.js";
import { createTraceProducer, type TraceProducerOptions } from "./trace-producer.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

const port = parentPort;
if (port === null) throw new Error("stream-worker must run in a worker thread");
const pool = new BufferPool();
const producer = createTraceProducer(workerData as TraceProducerOptions, pool);

port.on("message", (request: WorkerRequest) => {
  if ("recycle" in request) {
    pool.give(request.recycle);
    return;
  }
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
