import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AnomalyLabel, SessionStart } from "@ctsim/generator";
import { MockError, MockErrorCode } from "../mock-error.js";
import { BatchMerger } from "../store/batch-merger.js";
import {
  batchesOptions,
  compareLabels,
  type GeneratedTracesOptions,
  type LoadSummary,
  loadGeneratedTraces,
} from "../store/load-generated-traces.js";
import type { TraceStore } from "../store/trace-store.js";
import type { LoadWorkerData, LoadWorkerReply } from "./load-protocol.js";

/** Options of {@link loadGeneratedTracesInWorkers}. */
export interface WorkerLoadOptions extends GeneratedTracesOptions {
  /**
   * Worker threads generating the traces; 0 loads on this thread (`loadGeneratedTraces`), which
   * is quicker for small loads. Default: the available parallelism, at most 8.
   */
  readonly workers?: number;
  /**
   * Batches each worker may have waiting to be stored. Default: 8. Each worker writes into
   * `prefetch + 1` buffer sets of ~3.3 MB (at 2048 traces a batch), kept until it exits.
   */
  readonly prefetch?: number;
  /** Traces per batch. Default: 2048. */
  readonly batchTraces?: number;
}

/**
 * Like `loadGeneratedTraces`, with the generator and the UTF-8 encoding running in worker
 * threads: each worker produces its part as transferred batches and this thread merges them in
 * (time, record_time, trace_id) order and indexes them. The store ends up with the same content as
 * `loadGeneratedTraces` gives, whatever the number of workers.
 *
 * Worker `w` of `N` generates the generator's session shard `w/N` (a `count` is an expected
 * count over the window, which does not depend on the shard), so the work is split.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` for a bad `workers`/`prefetch`/`batchTraces`;
 *   `CTSIM_MOCK_SERVER` when a worker fails (the store then holds a partial load).
 * @example
 * const store = new TraceStore({ now: () => now });
 * const { count } = await loadGeneratedTracesInWorkers(store, { tenants: 270, workers: 2 });
 */
export async function loadGeneratedTracesInWorkers(
  store: TraceStore,
  options: WorkerLoadOptions = {},
): Promise<LoadSummary> {
  const workers = options.workers ?? Math.min(8, availableParallelism());
  const prefetch = options.prefetch ?? 8;
  const batchTraces = options.batchTraces ?? 2048;
  for (const [name, value] of [
    ["workers", workers],
    ["prefetch", prefetch],
    ["batchTraces", batchTraces],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < (name === "workers" ? 0 : 1)) {
      throw new MockError(
        MockErrorCode.invalidOption,
        `${name} ${value} must be an integer ≥ ${name === "workers" ? 0 : 1}`,
      );
    }
  }
  if (workers === 0) return loadGeneratedTraces(store, options);
  const base = { ...batchesOptions(options, options.end ?? store.clock()), batchTraces };
  const credits = new Int32Array(new SharedArrayBuffer(4 * workers)).fill(prefetch);
  const merger = new BatchMerger(store, workers);
  const open: SessionStart[] = [];
  const started: Worker[] = [];
  const labels: AnomalyLabel[] = [];
  const entry = await workerEntry();
  try {
    await new Promise<void>((resolve, reject) => {
      let running = workers;
      const fail = (message: string): void =>
        reject(new MockError(MockErrorCode.server, `trace loading worker failed: ${message}`));
      for (let w = 0; w < workers; w++) {
        const shard = { index: w, count: workers };
        const worker = new Worker(entry, {
          workerData: {
            options: { ...base, shard },
            credits,
            slot: w,
            prefetch,
          } satisfies LoadWorkerData,
          resourceLimits: WORKER_LIMITS,
        });
        started.push(worker);
        worker.on("message", (reply: LoadWorkerReply) => {
          if ("error" in reply) return fail(reply.error);
          if ("done" in reply) {
            labels.push(...reply.labels);
            open.push(...reply.open);
            merger.end(w);
            running--;
          } else {
            merger.push(w, reply.batch);
          }
          try {
            const used = merger.drain();
            for (let u = 0; u < used.length; u++) {
              if (used[u] === 0) continue;
              Atomics.add(credits, u, used[u]!);
              Atomics.notify(credits, u);
            }
          } catch (error) {
            reject(error);
          }
          if (running === 0) resolve();
        });
        worker.on("error", (error) => fail(error.message));
        worker.on("exit", (code) => {
          if (code !== 0) fail(`exit code ${code}`);
        });
      }
    });
  } finally {
    await Promise.all(started.map((worker) => worker.terminate()));
  }
  store.compact();
  open.sort((a, b) => a.index - b.index);
  return {
    count: merger.count,
    projects: merger.projects(),
    labels: labels.sort(compareLabels),
    open,
  };
}

/**
 * Load workers get a 192 MB young generation (64 MB semi-spaces; Node's default is 16 MB): the
 * generator keeps many objects alive for a while, so each scavenge copies megabytes of
 * survivors; a 4× larger nursery scavenges a third as often and lets more of them die first.
 * Measured on 520k traces (one shard of the 270-tenant week, GC helper threads included):
 * 7.1–7.3 → 6.3–6.7 s of CPU. The memory is the worker's and goes with it.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

/**
 * What load workers run. From built JavaScript: `load-worker.js`. From TypeScript sources
 * (tests, `tsx`, `pnpm ctsim`) Node 20 does not carry the TypeScript loader into worker threads,
 * and registering tsx in each worker cost ~0.5 s of every load (its loader thread, and a round
 * trip to it per module): instead `load-worker.ts` and what it imports are bundled once per
 * process with esbuild (tsx's own compiler; a dev dependency here), and workers start from that
 * in memory.
 */
function workerEntry(): Promise<URL> {
  return import.meta.url.endsWith(".ts")
    ? sourceBundle()
    : Promise.resolve(new URL("./load-worker.js", import.meta.url));
}

let bundled: Promise<URL> | undefined;

/** `load-worker.ts` and everything it imports as one ES module (a `data:` URL), built once. */
function sourceBundle(): Promise<URL> {
  bundled ??= (async () => {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [fileURLToPath(new URL("./load-worker.ts", import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      conditions: ["@ctsim/source"],
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  })();
  return bundled;
}
