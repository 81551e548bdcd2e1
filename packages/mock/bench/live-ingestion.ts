/**
 * Live mode under load: how many traces a second the live source appends (and reveals) while
 * ListTraces is served to autocannon, and ListTraces p50/p99 during ingestion vs idle on the
 * same store; then the memory of a long compressed run (the retention keeps it bounded).
 */
import { LiveSource, liveClock, TraceStore } from "@ctsim/mock";
import { loadGeneratedTracesInWorkers, startCtsServer } from "@ctsim/mock/node";
import { type LoadResult, loadCommand, loadTest } from "./load-test.js";

/** Options of {@link benchLiveIngestion}. */
export interface LiveBenchOptions {
  /** Tenants of the live world (each ~6,300 traces a week). */
  readonly tenants: number;
  /** Simulated seconds per real second during the ingestion run. */
  readonly speed: number;
  /** Seconds of each autocannon run. */
  readonly seconds: number;
  readonly connections: number;
  readonly workers: number;
  /** Simulated days of the long run that measures memory (0: skip it). */
  readonly memoryDays: number;
}

const HOUR = 3_600_000;
/** A weekday noon (UTC), a little past the hour, so the live part starts mid-hour. */
const START = Date.UTC(2026, 5, 17, 12, 7, 30);

/** Runs the live benchmark and prints its figures. */
export async function benchLiveIngestion(options: LiveBenchOptions): Promise<void> {
  const { tenants, speed, seconds, connections } = options;
  console.log(
    `\n## live ingestion: ${tenants} tenants, 7 days of history, speed ${speed}× (${connections} connections, ${seconds} s per run)`,
  );
  let now: () => number = () => START;
  const store = new TraceStore({ now: () => now() });
  const end = Math.ceil(START / HOUR) * HOUR;
  let started = performance.now();
  const load = await loadGeneratedTracesInWorkers(store, {
    seed: 1,
    days: 7,
    tenants,
    end,
    workers: options.workers,
  });
  const loaded = process.memoryUsage();
  console.log(
    `history: ${load.count} traces in ${seconds1(started)} s; RSS ${mib(loaded.rss)} MiB (V8 heap ${mib(loaded.heapUsed)}, buffers ${mib(loaded.arrayBuffers)})`,
  );
  started = performance.now();
  const live = new LiveSource({ store, seed: 1, days: 7, tenants, start: START, end });
  console.log(
    `live source ready in ${seconds1(started)} s (it replays the history's run to reach its end; ${store.hiddenCount} stored traces of the hour wait for their delay)`,
  );
  const projectId = [...store.projects()].sort((a, b) => b[1] - a[1])[0]![0];
  const server = await startCtsServer({ store, now: () => now() });
  // The default window, the last hour: what a poller asks most.
  const url = `${server.url}/v3/${projectId}/traces?trace_type=system&limit=100`;
  await loadTest(url, connections, 2);
  const idle = await loadTest(url, connections, seconds);

  const ticks: number[] = [];
  now = liveClock({ start: START, speed });
  const produced = live.produced;
  const visible = live.visible;
  const timer = setInterval(() => {
    const t = performance.now();
    live.advance(now());
    ticks.push(performance.now() - t);
  }, 50);
  started = performance.now();
  const busy = await loadTest(url, connections, seconds);
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  const lagMs = now() - live.now;
  now = (
    (frozen: number) => () =>
      frozen
  )(now());
  await server.close();
  ticks.sort((a, b) => a - b);
  const appended = (live.produced - produced) / wall;
  const revealed = (live.visible - visible) / wall;
  console.log(`load command: ${loadCommand(url, connections, seconds)}`);
  console.log(`idle:      ${row(idle)}`);
  console.log(`ingesting: ${row(busy)}`);
  console.log(
    `ingestion: ${appended.toFixed(0)} traces/s appended, ${revealed.toFixed(0)} traces/s revealed while serving; ${ticks.length} steps, step p50 ${pct(ticks, 0.5)} ms, p99 ${pct(ticks, 0.99)} ms, max ${pct(ticks, 1)} ms; clock lag at the end ${lagMs} ms; ${live.pending} traces waiting`,
  );
  if (options.memoryDays > 0) {
    longRun(store, live, now(), options.memoryDays, (t) => {
      now = () => t;
    });
  }
}

/**
 * Drives the live source by hand (no server, as fast as it goes) over `days` simulated days in
 * one-minute steps, printing the store size and the process RSS every simulated day.
 */
function longRun(
  store: TraceStore,
  live: LiveSource,
  from: number,
  days: number,
  setNow: (now: number) => void,
): void {
  let clock = from;
  const gc = (globalThis as { gc?: () => void }).gc;
  console.log(`\nlong run: ${days} simulated days in 1-minute steps (retention 7 days)`);
  const started = performance.now();
  let peakRss = 0;
  const pruneSteps: number[] = [];
  for (let day = 1; day <= days; day++) {
    for (let m = 0; m < 24 * 60; m++) {
      clock += 60_000;
      setNow(clock);
      const prunes = live.pruned;
      const t = performance.now();
      live.advance(clock);
      if (live.pruned > prunes) pruneSteps.push(performance.now() - t);
    }
    gc?.();
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    console.log(
      `  day ${String(day).padStart(2)}: store ${store.size} traces, RSS ${mib(memory.rss)} MiB (V8 heap ${mib(memory.heapUsed)} of ${mib(memory.heapTotal)}, buffers ${mib(memory.arrayBuffers)}, external ${mib(memory.external)}), prunes ${live.pruned}`,
    );
  }
  pruneSteps.sort((a, b) => a - b);
  console.log(
    `  steps that pruned: ${pruneSteps.length}, median ${pct(pruneSteps, 0.5)} ms, max ${pct(pruneSteps, 1)} ms`,
  );
  console.log(
    `  ${live.produced} traces produced in ${seconds1(started)} s (${(live.produced / ((performance.now() - started) / 1000)).toFixed(0)} traces/s by hand); peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

function row(result: LoadResult): string {
  return `${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  non-2xx ${result.non2xx}  errors ${result.errors}`;
}

function pct(sorted: readonly number[], q: number): string {
  if (sorted.length === 0) return "-";
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!.toFixed(1);
}

function seconds1(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
