import type { TraceStore } from "@ctsim/mock";

/** Wall and CPU time (all threads of the process, workers included) of one store load. */
export interface LoadTiming {
  readonly name: string;
  readonly traces: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** V8 heap and typed-array bytes the loaded store holds, per trace (when asked for). */
  readonly heapPerTrace?: number;
  readonly buffersPerTrace?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Loads a fresh store and times it. The store is handed to `use` and dropped afterwards, so
 * loads measured one after another never hold two stores at once (a store returned to the
 * top-level async frame can linger in its registers and skew the next memory figure).
 */
export async function measureLoad(
  name: string,
  makeStore: () => TraceStore,
  load: (store: TraceStore) => unknown,
  options: { memory?: boolean; use?: (store: TraceStore) => Promise<void> | void } = {},
): Promise<LoadTiming> {
  gc?.();
  gc?.();
  const heapBefore = process.memoryUsage();
  const store = makeStore();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await load(store);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  let memory = {};
  if (options.memory === true) {
    gc?.();
    gc?.();
    const heapAfter = process.memoryUsage();
    memory = {
      heapPerTrace: (heapAfter.heapUsed - heapBefore.heapUsed) / store.size,
      buffersPerTrace: (heapAfter.arrayBuffers - heapBefore.arrayBuffers) / store.size,
    };
  }
  await options.use?.(store);
  return { name, traces: store.size, wallMs, cpuMs: (used.user + used.system) / 1000, ...memory };
}

/** One line of the load table. */
export function formatTiming(timing: LoadTiming): string {
  const line = `${timing.name.padEnd(60)} ${(timing.wallMs / 1000).toFixed(1).padStart(6)} s wall ${(timing.cpuMs / 1000).toFixed(1).padStart(6)} s CPU (${timing.traces} traces)`;
  if (timing.heapPerTrace === undefined || timing.buffersPerTrace === undefined) return line;
  const total = timing.heapPerTrace + timing.buffersPerTrace;
  return `${line}\n  memory per stored trace: ${timing.heapPerTrace.toFixed(0)} B V8 heap + ${timing.buffersPerTrace.toFixed(0)} B typed arrays = ${total.toFixed(0)} B (target ≤ 1536 B)`;
}
