/**
 * `pnpm bench` for @ctsim/mock: ListTraces throughput over a 7-day, 1M-trace store.
 *
 * (r) a raw node:http server joining the same pre-serialized records (the ceiling),
 * (m) startCtsServer (the core over node:http), and the in-process msw path; plus heap per
 * stored trace and the time to get the store ready.
 *
 * Options: --traces N (default 1000000), --seconds S per load run (default 10), --rounds R
 * alternating (r)/(m) rounds (default 3).
 */
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { createCtsHandlers, TraceStore } from "@ctsim/mock";
import { startCtsServer } from "@ctsim/mock/node";
import { setupServer } from "msw/node";
import { type LoadResult, loadCommand, loadTest } from "./load-test.js";
import { startRawServer } from "./raw-server.js";

const { values } = parseArgs({
  options: { traces: { type: "string" }, seconds: { type: "string" }, rounds: { type: "string" } },
});
const TRACES = Number(values.traces ?? 1_000_000);
const SECONDS = Number(values.seconds ?? 10);
const ROUNDS = Number(values.rounds ?? 3);
const CONNECTIONS = 16;
const LIMIT = 100;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc (pnpm bench does)");

const cpu = cpus();
console.log("# @ctsim/mock benchmark");
console.log(
  `machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
);
console.log(
  `command: node --expose-gc --import tsx --conditions=@ctsim/source bench/run-bench.ts --traces ${TRACES} --seconds ${SECONDS} --rounds ${ROUNDS}`,
);

// ── Build the store: generator → pre-rendered JSON → index ──────────────────
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
gc();
const heapBefore = process.memoryUsage();
const store = new TraceStore({ now: () => NOW });
let encodeMs = 0;
let addMs = 0;
const projectCounts = new Map<string, number>();
const started = performance.now();
for (const event of generateTraces({
  seed: 1,
  now: NOW,
  from: NOW - 7 * DAY,
  to: NOW,
  count: TRACES,
})) {
  const t0 = performance.now();
  const json = encodeApiTraceJson(event);
  const t1 = performance.now();
  store.add(event, json);
  addMs += performance.now() - t1;
  encodeMs += t1 - t0;
  projectCounts.set(event.projectId, (projectCounts.get(event.projectId) ?? 0) + 1);
}
const t2 = performance.now();
store.compact();
const compactMs = performance.now() - t2;
const readyMs = performance.now() - started;
gc();
gc();
const heapAfter = process.memoryUsage();
const heapPerTrace = (heapAfter.heapUsed - heapBefore.heapUsed) / store.size;
const buffersPerTrace = (heapAfter.arrayBuffers - heapBefore.arrayBuffers) / store.size;
const generateMs = readyMs - encodeMs - addMs - compactMs;
console.log(`\n## store: ${store.size} traces over 7 days`);
console.log(
  `ready in ${(readyMs / 1000).toFixed(1)} s = generator ${(generateMs / 1000).toFixed(1)} s + encode ${(encodeMs / 1000).toFixed(1)} s + store add ${(addMs / 1000).toFixed(1)} s + compact ${(compactMs / 1000).toFixed(2)} s`,
);
console.log(
  `store-side time (add + compact): ${((addMs + compactMs) / 1000).toFixed(2)} s (target for the whole: < 10 s)`,
);
console.log(
  `heap per stored trace: ${heapPerTrace.toFixed(0)} B (heapUsed, JSON text included) + ${buffersPerTrace.toFixed(0)} B typed-array buffers = ${(heapPerTrace + buffersPerTrace).toFixed(0)} B (target ≤ 1536 B)`,
);

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
