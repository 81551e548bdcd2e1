import { Worker } from "node:worker_threads";
import type { MergeKeys } from "./merge-keys.js";
import type { TraceRoute } from "./trace-chunk.js";
import type { TraceProducerOptions } from "./trace-producer.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

/** Chunks requested ahead from each worker, so a worker is never idle while its last chunk is written. */
const PREFETCH = 2;

/** A chunk received from a worker, with how far the main thread has read it. */
export interface LaneChunk {
  readonly bytes: Uint8Array;
  readonly count: number;
  readonly keys?: MergeKeys;
  readonly routes?: readonly TraceRoute[];
  /** Records of this chunk already passed on. */
  pos: number;
  /** Byte offset of record `pos`. */
  offset: number;
  /** Next entry of `keys.labels` to replay. */
  note: number;
}

/**
 * One worker thread running one lane of the timeline, with the chunks it has sent and not yet
 * passed on. It has at most {@link PREFETCH} chunks requested or waiting, so a slow sink stops
 * the worker instead of filling memory. `onChange` is called on every reply.
 */
export class WorkerLane {
  readonly queue: LaneChunk[] = [];
  done = false;
  error: string | undefined;
  readonly #worker: Worker;
  readonly #chunkRecords: number;
  #outstanding = 0;

  constructor(data: TraceProducerOptions, chunkRecords: number, onChange: () => void) {
    this.#chunkRecords = chunkRecords;
    this.#worker = startWorker(data);
    this.#worker.on("message", (reply: WorkerReply) => {
      this.#outstanding -= 1;
      if ("done" in reply) this.done = true;
      else if ("error" in reply) this.error = reply.error;
      else this.queue.push({ ...reply, pos: 0, offset: 0, note: 0 });
      onChange();
    });
    this.#worker.on("error", (error) => {
      this.error = error.stack ?? error.message;
      onChange();
    });
    this.topUp();
  }

  /** Whether the lane may still send chunks. */
  get live(): boolean {
    return !this.done && this.error === undefined;
  }

  /** Requests chunks until {@link PREFETCH} are requested or waiting. */
  topUp(): void {
    while (this.live && this.#outstanding + this.queue.length < PREFETCH) {
      this.#outstanding += 1;
      this.#worker.postMessage({ max: this.#chunkRecords } satisfies WorkerRequest);
    }
  }

  /** Drops the head chunk (fully read) and asks for the next. */
  shift(): void {
    this.queue.shift();
    this.topUp();
  }

  /** Sends a chunk buffer back to the worker for reuse (it is detached here). */
  recycle(bytes: Uint8Array): void {
    const buffer = bytes.buffer as ArrayBuffer;
    if (this.live) this.#worker.postMessage({ recycle: buffer }, [buffer]);
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}

/**
 * Starts a stream worker. Built, the entry is `stream-worker.js` beside this file. From source
 * (tests, `tsx`), Node 20 does not carry the TypeScript loader into worker threads, so a small
 * bootstrap registers tsx in the worker before importing `stream-worker.ts`.
 */
function startWorker(data: TraceProducerOptions): Worker {
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(new URL("./stream-worker.js", import.meta.url), { workerData: data });
  }
  const entry = new URL("./stream-worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}
