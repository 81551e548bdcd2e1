/**
 * Worker-thread entry of {@link loadGeneratedTracesInWorkers}: generates its part of the load
 * and posts it as transferred {@link TraceBatch}es, waiting (on a shared counter) while too many
 * are unused, so a slow merge stops the workers instead of filling memory.
 */
import { Buffer } from "node:buffer";
import { parentPort, workerData } from "node:worker_threads";
import { produceGeneratedBatches } from "../store/generated-batches.js";
import type { Utf8Writer } from "../store/trace-batch-builder.js";
import type { LoadWorkerData, LoadWorkerReply } from "./load-protocol.js";

const { options, credits, slot } = workerData as LoadWorkerData;
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

try {
  produceGeneratedBatches(
    options,
    (batch) => {
      for (;;) {
        const available = Atomics.load(credits, slot);
        if (available > 0) break;
        Atomics.wait(credits, slot, available);
      }
      Atomics.sub(credits, slot, 1);
      const reply: LoadWorkerReply = { batch };
      port.postMessage(reply, [
        batch.bytes.buffer,
        batch.ends.buffer,
        batch.times.buffer,
        batch.keys.buffer,
      ] as ArrayBuffer[]);
    },
    writeUtf8,
  );
  port.postMessage({ done: true } satisfies LoadWorkerReply);
} catch (error) {
  port.postMessage({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  } satisfies LoadWorkerReply);
}
