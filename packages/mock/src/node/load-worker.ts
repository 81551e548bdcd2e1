/**
 * Worker-thread entry of {@link loadGeneratedTracesInWorkers}: generates its part of the load
 * and posts it as {@link TraceBatch}es written into a ring of `prefetch + 1` shared buffers,
 * waiting (on a shared counter) while `prefetch` batches are unused, so a slow merge stops the
 * workers instead of filling memory, and the ring slot refilled next always holds a batch the
 * main thread is done with.
 */
import { Buffer } from "node:buffer";
import { parentPort, workerData } from "node:worker_threads";
import type { AnomalyLabel } from "@ctsim/generator";
import { unaccountedBytes } from "../internal/unaccounted-bytes.js";
import { produceGeneratedBatches } from "../store/generated-batches.js";
import {
  type BatchBuffers,
  newBatchBuffers,
  type Utf8Writer,
} from "../store/trace-batch-builder.js";
import type { LoadWorkerData, LoadWorkerReply } from "./load-protocol.js";

const { options, credits, slot, prefetch } = workerData as LoadWorkerData;
const port = parentPort!;

/** `Buffer.write` flattens the generator's concatenated strings about twice as fast as `encodeInto`. */
let lastTarget: Uint8Array | undefined;
let lastBuffer: Buffer = Buffer.alloc(0);
const writeUtf8: Utf8Writer = (text, target, at) => {
  if (target !== lastTarget) {
    lastTarget = target;
    lastBuffer = Buffer.from(target.buffer, target.byteOffset, target.byteLength);
  }
  return lastBuffer.write(text, at, "utf8");
};

/**
 * Shared buffers cross to the main thread without a copy or a transfer, and neither thread
 * counts them as new external memory (which would force full collections every ~64 MB).
 */
const ring: BatchBuffers[] = [];
let next = 0;
const nextBuffers = (batchTraces: number): BatchBuffers => {
  if (ring.length <= prefetch) ring.push(newBatchBuffers(batchTraces, unaccountedBytes));
  const buffers = ring[next]!;
  next = (next + 1) % (prefetch + 1);
  return buffers;
};

const labels: AnomalyLabel[] = [];
try {
  const open = produceGeneratedBatches(
    options,
    (batch) => {
      for (;;) {
        const available = Atomics.load(credits, slot);
        if (available > 0) break;
        Atomics.wait(credits, slot, available);
      }
      Atomics.sub(credits, slot, 1);
      const reply: LoadWorkerReply = { batch };
      // Only a buffer made for one oversized record is not shared: hand it over.
      const own = batch.bytes.buffer;
      port.postMessage(reply, own instanceof ArrayBuffer ? [own] : []);
    },
    // A scenario occurrence is one session, so its whole label is made in one worker's shard.
    { writeUtf8, nextBuffers, onLabel: (label) => labels.push(label) },
  );
  port.postMessage({ done: true, labels, open } satisfies LoadWorkerReply);
} catch (error) {
  port.postMessage({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  } satisfies LoadWorkerReply);
}
