/**
 * Worker-thread entry of {@link createWorkerProducer}: runs one lane of the timeline and answers
 * each `{ max }` request with the next chunk (plus the records' merge keys, for the ordered
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
      const keys = producer.lastKeys;
      reply = {
        bytes: chunk.bytes,
        count: chunk.count,
        ...(keys === undefined ? {} : { keys }),
        ...(chunk.routes === undefined ? {} : { routes: chunk.routes }),
      };
    }
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  if ("bytes" in reply) {
    const keys = reply.keys;
    const transfer = [reply.bytes.buffer as ArrayBuffer];
    if (keys !== undefined) {
      transfer.push(
        keys.times.buffer as ArrayBuffer,
        keys.sessions.buffer as ArrayBuffer,
        keys.ends.buffer as ArrayBuffer,
      );
    }
    port.postMessage(reply, transfer);
  } else port.postMessage(reply);
});
