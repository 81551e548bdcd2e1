/**
 * `pnpm bench` for @ctsim/mock: ListTraces throughput over a 7-day, 1M-trace store.
 *
 * (r) a raw node:http server joining the same pre-serialized records (the ceiling),
 * (m) startCtsServer (the core over node:http), and the in-process msw path; plus heap per
 * stored trace and the time to get the store ready.
 *
 * Options: --traces N (default 1000000), --seconds S per load run (default 10), --rounds R
 * alternating (r)/(m) rounds (default 3; 0 measures the loads only), --workers W for the worker loads (default: the
 * available parallelism, at most 8).
 *
 * Live ingestion (bench/live-ingestion.ts), last: --live-tenants N (default: as many as the
 * traces), --live-speed S (default 3600: an hour a second), --live-days D of the long memory run
 * (default 10; 0 skips it); --live-only runs that section alone.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { createCtsHandlers, loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import {
  type CachedLoad,
  loadGeneratedTracesInWorkers,
  loadStoreCached,
  startCtsServer,
} from "@ctsim/mock/node";
import { setupServer } from "msw/node";
import { defaultLoadWorkers } from "../src/node/default-load-workers.js";
import { benchLiveIngestion } from "./live-ingestion.js";
import { type LoadResult, loadCommand, loadTest } from "./load-test.js";
import { formatTiming, type LoadTiming, measureLoad } from "./measure-load.js";
import { benchMovedHour } from "./moved-hour.js";
import { startRawServer } from "./raw-server.js";

const { values } = parseArgs({
  options: {
    traces: { type: "string" },
    seconds: { type: "string" },
    rounds: { type: "string" },
    workers: { type: "string" },
    "live-only": { type: "boolean" },
    "moved-only": { type: "boolean" },
    "live-tenants": { type: "string" },
    "live-speed": { type: "string" },
    "live-days": { type: "string" },
  },
});
const TRACES = Number(values.traces ?? 1_000_000);
const SECONDS = Number(values.seconds ?? 10);
const ROUNDS = Number(values.rounds ?? 3);
const WORKERS = Number(values.workers ?? Math.min(8, availableParallelism()));
/** Tenants whose default activity makes about `TRACES` traces a week (about 3,700 each). */
const TENANTS = Math.max(1, Math.round(TRACES / 3700));
const CONNECTIONS = 16;
const LIMIT = 100;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc (pnpm bench does)");

const LIVE = {
  tenants: Number(values["live-tenants"] ?? TENANTS),
  speed: Number(values["live-speed"] ?? 3600),
  seconds: SECONDS,
  connections: CONNECTIONS,
  workers: WORKERS,
  memoryDays: Number(values["live-days"] ?? 10),
};
const cpu = cpus();
console.log("# @ctsim/mock benchmark");
console.log(
  `machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
);
console.log(
  `command: node --expose-gc --import tsx --conditions=@ctsim/source bench/run-bench.ts --traces ${TRACES} --seconds ${SECONDS} --rounds ${ROUNDS} --workers ${WORKERS} --live-tenants ${LIVE.tenants} --live-speed ${LIVE.speed} --live-days ${LIVE.memoryDays}${values["live-only"] === true ? " --live-only" : ""}${values["moved-only"] === true ? " --moved-only" : ""}`,
);
if (values["live-only"] === true) {
  await benchLiveIngestion(LIVE);
  process.exit(0);
}
// The serve path's worker count for this load (`ctsim serve --expected-count`).
const MOVED = {
  traces: TRACES,
  workers: defaultLoadWorkers({ expectedCount: TRACES }, availableParallelism()),
  rounds: Math.max(1, ROUNDS),
  end: NOW,
};
if (values["moved-only"] === true) {
  await benchMovedHour(MOVED);
  process.exit(0);
}

// ── Build the store: cold (baseline, this thread, 1 and N workers), then warm ─
// Warm the generator up first, so its module-level pools are not counted as store memory.
for (const event of generateTraces({
  seed: 1,
  now: NOW,
  from: NOW - 7 * DAY,
  to: NOW,
  count: 2000,
})) {
  encodeApiTraceJson(event);
}
const load = { seed: 1, days: 7, expectedCount: TRACES } as const;
const spread = { seed: 1, days: 7, tenants: TENANTS } as const;
const newStore = (): TraceStore => new TraceStore({ now: () => NOW });
const cacheDir = mkdtempSync(join(tmpdir(), "ctsim-mock-bench-"));
// The snapshot path as `ctsim serve --expected-count` takes it: with its default worker count.
const serveWorkers = defaultLoadWorkers(load, availableParallelism());
const cached = { ...load, end: NOW, workers: serveWorkers, cacheDir, anchor: "day" as const };
let coldLoad: CachedLoad | undefined;
console.log(`\n## store: ${TRACES} traces over 7 days (generator seed 1)`);
console.log(
  `load average before loading: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
const runs: { name: string; load: (store: TraceStore) => unknown; memory?: boolean }[] = [
  {
    // The previous loader, one trace at a time (encode, UTF-8, per-append index upkeep).
    name: `~${TRACES} traces: baseline, store.add per trace`,
    load: (store) => {
      const timeline = { seed: 1, now: NOW, from: NOW - 7 * DAY, to: NOW, expectedCount: TRACES };
      for (const event of generateTraces(timeline)) store.add(event, encodeApiTraceJson(event));
      store.compact();
    },
  },
  {
    // Every loader fills the same store (tested): memory is measured on this one.
    name: `~${TRACES} traces: loadGeneratedTraces (this thread)`,
    load: (store) => loadGeneratedTraces(store, load),
    memory: true,
  },
  {
    name: `~${TRACES} traces: loadGeneratedTracesInWorkers, 1 worker`,
    load: (store) => loadGeneratedTracesInWorkers(store, { ...load, workers: 1 }),
  },
  {
    // Worker w generates session shard w/N of the same timeline.
    name: `~${TRACES} traces: loadStoreCached, ${serveWorkers} worker(s) (+ snapshot)`,
    load: async (store) => {
      coldLoad = await loadStoreCached(store, cached);
    },
  },
  // About the same volume from many default-sized tenants instead of one busy one.
  {
    name: `${TENANTS} tenants: loadGeneratedTraces (this thread)`,
    load: (store) => loadGeneratedTraces(store, spread),
  },
  {
    name: `${TENANTS} tenants: loadGeneratedTracesInWorkers, ${WORKERS} workers`,
    load: (store) => loadGeneratedTracesInWorkers(store, { ...spread, workers: WORKERS }),
  },
];
const timings: LoadTiming[] = [];
for (const run of runs) {
  const timing = await measureLoad(run.name, newStore, run.load, { memory: run.memory === true });
  timings.push(timing);
  console.log(formatTiming(timing));
  if (coldLoad !== undefined && run.name.includes("snapshot")) {
    const started = performance.now();
    const written = await coldLoad.written;
    const size = written ? statSync(coldLoad.file!).size : 0;
    console.log(
      `  snapshot written in the background: ${written}, ${(size / 2 ** 20).toFixed(0)} MiB, ${((performance.now() - started) / 1000).toFixed(1)} s after the store was ready`,
    );
  }
}
let store!: TraceStore;
let warmLoad: CachedLoad | undefined;
const warm = await measureLoad(
  `~${TRACES} traces: warm, loadStoreCached from the snapshot`,
  newStore,
  async (s) => {
    warmLoad = await loadStoreCached(s, cached);
  },
  {
    use: (s) => {
      store = s;
    },
  },
);
console.log(`${formatTiming(warm)} [${warmLoad!.source}]`);
rmSync(cacheDir, { recursive: true, force: true });
const best = timings.slice(1).reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
console.log(
  `fastest cold load: ${(best.wallMs / 1000).toFixed(1)} s (${best.name}) vs baseline ${(timings[0]!.wallMs / 1000).toFixed(1)} s in this run (target < 10 s); warm ${(warm.wallMs / 1000).toFixed(1)} s`,
);
await benchMovedHour(MOVED);
// `--rounds 0`: the loads (and live ingestion) only.
if (ROUNDS === 0) {
  await benchLiveIngestion(LIVE);
  process.exit(0);
}
const projectCounts = store.projects();

// ── The filtered query: the busiest user of the busiest project ─────────────
const projectId = [...projectCounts].sort((a, b) => b[1] - a[1])[0]![0];
const pagesOf = function* (user: string): Generator<readonly Uint8Array[]> {
  let marker: string | undefined;
  for (;;) {
    const page = store.query({
      projectId,
      kind: "system",
      filters: { tracker_name: "system", user },
      after: NOW - 7 * DAY,
      before: NOW + 1,
      limit: 200,
      ...(marker ? { olderThan: marker } : {}),
    });
    yield page.traces;
    if (!page.hasMore) return;
    marker = page.lastTraceId;
  }
};
const countOf = (user: string): number => {
  let count = 0;
  for (const page of pagesOf(user)) count += page.length;
  return count;
};
const user = store.distinctValues("user", projectId).sort((a, b) => countOf(b) - countOf(a))[0]!;
const decoder = new TextDecoder();
const records = [...pagesOf(user)].flat();
const ids = records.map(
  (record) => (JSON.parse(decoder.decode(record)) as { trace_id: string }).trace_id,
);
const query = `trace_type=system&user=${encodeURIComponent(user)}&limit=${LIMIT}&from=${NOW - 7 * DAY}&to=${NOW}`;
console.log(
  `\n## query: ListTraces ${query}\n(user has ${records.length} traces in project ${projectId}; ${CONNECTIONS} connections, ${SECONDS} s per run)`,
);

// ── (r) raw ceiling vs (m) startCtsServer, alternating twice ────────────────
const raw = await startRawServer(new Map([[user, { records, ids }]]));
const mock = await startCtsServer({ store, now: () => NOW });
const rawUrl = `${raw.url}/v3/${projectId}/traces?${query}`;
const mockUrl = `${mock.url}/v3/${projectId}/traces?${query}`;
const sameBody = (await (await fetch(rawUrl)).text()) === (await (await fetch(mockUrl)).text());
console.log(`same response body from (r) and (m): ${sameBody}`);
await loadTest(mockUrl, CONNECTIONS, 2);
await loadTest(rawUrl, CONNECTIONS, 2);
const results: { name: string; result: LoadResult }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  results.push({
    name: `(r) raw node:http, round ${round}`,
    result: await loadTest(rawUrl, CONNECTIONS, SECONDS),
  });
  results.push({
    name: `(m) startCtsServer, round ${round}`,
    result: await loadTest(mockUrl, CONNECTIONS, SECONDS),
  });
}
console.log(`load command: ${loadCommand(mockUrl, CONNECTIONS, SECONDS)}`);
for (const { name, result } of results) {
  console.log(
    `${name.padEnd(32)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
  );
}
const of = (prefix: string): LoadResult[] =>
  results.filter((r) => r.name.startsWith(prefix)).map((r) => r.result);
const median = (list: readonly number[]): number => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
// Rounds alternate (r) and (m); per-round ratios and their median cancel most of the machine's noise.
const ratios = of("(r)").map(
  (r, i) => (of("(m)")[i]?.requestsPerSecond ?? 0) / r.requestsPerSecond,
);
const rRps = median(of("(r)").map((r) => r.requestsPerSecond));
const mRps = median(of("(m)").map((r) => r.requestsPerSecond));
const mP99 = median(of("(m)").map((r) => r.p99Ms));
console.log(
  `ratio (m)/(r) per round: ${ratios.map((r) => r.toFixed(2)).join(", ")}; median ${median(ratios).toFixed(2)} (target ≥ 0.70)`,
);
console.log(
  `median req/s: (r) ${rRps.toFixed(0)}, (m) ${mRps.toFixed(0)}; (m) median p99 ${mP99} ms, worst ${Math.max(...of("(m)").map((r) => r.p99Ms))} ms (target < 20 ms)`,
);
raw.server.close();
await mock.close();

// ── In-process msw path (setupServer + fetch, 16 concurrent) ────────────────
const base = "https://cts.cn-north-4.myhuaweicloud.com";
const msw = setupServer(...createCtsHandlers({ store, now: () => NOW, baseUrl: base }));
msw.listen({ onUnhandledRequest: "error" });
const mswUrl = `${base}/v3/${projectId}/traces?${query}`;
const latencies: number[] = [];
const until = performance.now() + SECONDS * 1000;
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < until) {
      const t = performance.now();
      const response = await fetch(mswUrl);
      await response.text();
      latencies.push(performance.now() - t);
    }
  }),
);
msw.close();
latencies.sort((a, b) => a - b);
const mswRps = latencies.length / SECONDS;
console.log(
  `(msw) setupServer in-process          ${mswRps.toFixed(0).padStart(6)} req/s  p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms  p99 ${latencies[Math.floor(latencies.length * 0.99)]?.toFixed(1)} ms  (${(mswRps / rRps).toFixed(2)} × (r))`,
);

await benchLiveIngestion(LIVE);
