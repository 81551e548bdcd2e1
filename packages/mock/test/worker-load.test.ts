import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GeneratedTracesOptions, loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import {
  loadGeneratedTracesInWorkers,
  loadStoreCached,
  startMockService,
  writeSnapshotFile,
} from "@ctsim/mock/node";
import { afterAll, describe, expect, it } from "vitest";

const NOW = Date.UTC(2026, 5, 15, 12);
const dir = mkdtempSync(join(tmpdir(), "ctsim-mock-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** The store's full content (records, times, indexes, trace-id table) as snapshot bytes. */
async function contentOf(store: TraceStore): Promise<Buffer> {
  const file = join(dir, `content-${files++}.bin`);
  await writeSnapshotFile(store, file, "content");
  return readFileSync(file);
}

async function loaded(options: GeneratedTracesOptions, workers: number): Promise<TraceStore> {
  const store = new TraceStore({ now: () => NOW });
  const summary =
    workers < 0
      ? loadGeneratedTraces(store, options)
      : await loadGeneratedTracesInWorkers(store, { ...options, workers, prefetch: 2 });
  expect(summary.count).toBe(store.size);
  return store;
}

describe("loading in worker threads", () => {
  it("fills the same store as the one-thread loader, whatever the number of workers (shards)", async () => {
    const options = { seed: 5, days: 2, tenants: 3 };
    const reference = await contentOf(await loaded(options, -1));
    expect((await loaded(options, 1)).size).toBeGreaterThan(1000);
    for (const workers of [1, 3]) {
      expect((await contentOf(await loaded(options, workers))).equals(reference)).toBe(true);
    }
  });

  it("fills the same store when workers refill their few batch buffers over and over", async () => {
    // 16-trace batches with 1 or 2 prefetched: each worker cycles 2–3 shared buffers hundreds
    // of times, so a buffer refilled before the main thread was done with it would show.
    const options = { seed: 3, days: 2, tenants: 4 };
    const reference = await contentOf(await loaded(options, -1));
    for (const [workers, prefetch] of [
      [1, 1],
      [2, 2],
      [3, 1],
    ] as const) {
      const store = new TraceStore({ now: () => NOW });
      await loadGeneratedTracesInWorkers(store, { ...options, workers, prefetch, batchTraces: 16 });
      expect(store.size).toBeGreaterThan(16 * 3 * 20);
      expect((await contentOf(store)).equals(reference)).toBe(true);
    }
  });

  it("fills the same store with an expected count, split by shards, up to the store's clock", async () => {
    const options = { seed: 9, days: 3, expectedCount: 2500, projectId: "p-count" };
    const store = await loaded(options, 2);
    // About the count (a sum of random sessions), and never cut short before the clock.
    expect(store.size).toBeGreaterThan(2500 * 0.85);
    expect(store.size).toBeLessThan(2500 * 1.15);
    expect(store.projects()).toEqual(new Map([["p-count", store.size]]));
    const newest = store.query({
      projectId: "p-count",
      kind: "system",
      after: NOW - 3 * 3_600_000,
      before: NOW,
      limit: 1,
    });
    expect(newest.traces).toHaveLength(1);
    expect((await contentOf(store)).equals(await contentOf(await loaded(options, -1)))).toBe(true);
  });

  it("rejects a bad worker count, and reports a worker's failure", async () => {
    const store = new TraceStore({ now: () => NOW });
    await expect(loadGeneratedTracesInWorkers(store, { workers: 1.5 })).rejects.toThrow(/workers/);
    await expect(loadGeneratedTracesInWorkers(store, { batchTraces: 0 })).rejects.toThrow(
      /batchTraces/,
    );
    await expect(
      loadGeneratedTracesInWorkers(store, { tenants: -1, workers: 2 }),
    ).rejects.toMatchObject({ code: "CTSIM_MOCK_SERVER", message: /worker failed.*tenants/s });
  });
});

describe("the snapshot cache", () => {
  const cacheDir = join(dir, "cache");
  // On this thread: the cache does not care who generated the store (worker loads are tested above).
  const options = {
    seed: 4,
    days: 1,
    tenants: 2,
    end: NOW,
    workers: 0,
    cacheDir,
    minCachedTraces: 0,
  };

  it("builds and writes on the first load, loads the same store on the next", async () => {
    const first = new TraceStore({ now: () => NOW });
    const built = await loadStoreCached(first, options);
    expect(built.source).toBe("built");
    expect(await built.written).toBe(true);
    const second = new TraceStore({ now: () => NOW });
    const again = await loadStoreCached(second, options);
    expect(again.source).toBe("loaded");
    expect(again.file).toBe(built.file);
    expect(again.count).toBe(built.count);
    expect(again.projects).toEqual(built.projects);
    expect((await contentOf(second)).equals(await contentOf(first))).toBe(true);
  });

  it("builds again for other options, and never reads another load's snapshot", async () => {
    const other = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      seed: 5,
    });
    expect(other.source).toBe("built");
    await other.written;
    const later = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      end: NOW + 3_600_000,
    });
    expect(later.source).toBe("built");
    await later.written;
  });

  it("ignores a corrupt or truncated snapshot, rebuilds and replaces it", async () => {
    const fresh = new TraceStore({ now: () => NOW });
    const reference = await loadStoreCached(fresh, { ...options, seed: 6 });
    await reference.written;
    const file = reference.file!;
    const bytes = readFileSync(file);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 5]! ^= 0xff;
    writeFileSync(file, damaged);
    const store = new TraceStore({ now: () => NOW });
    const rebuilt = await loadStoreCached(store, { ...options, seed: 6 });
    expect(rebuilt.source).toBe("built");
    expect(rebuilt.refused).toMatch(/checksum|offsets|table/);
    expect(await rebuilt.written).toBe(true);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const again = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      seed: 6,
    });
    expect(again.refused).toMatch(/size/);
    expect((await contentOf(store)).equals(await contentOf(fresh))).toBe(true);
    await again.written;
  });

  it("is skipped with cacheDir false and for small loads", async () => {
    const off = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      cacheDir: false,
    });
    expect([off.source, off.file, await off.written]).toEqual(["built", undefined, false]);
    const small = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      seed: 8,
      minCachedTraces: 1e9,
    });
    expect([small.source, small.file, await small.written]).toEqual(["built", undefined, false]);
  });
});

describe("startMockService", () => {
  it("serves a week generated in workers, from the cache on the next start", async () => {
    const cacheDir = join(dir, "service");
    const now = (): number => NOW;
    const start = () =>
      startMockService({ port: 0, now, tenants: 2, workers: 2, cacheDir, expectedCount: 60_000 });
    const first = await start();
    expect(first.load.source).toBe("built");
    await first.close();
    const second = await start();
    expect(second.load.source).toBe("loaded");
    expect(second.traceCount).toBe(first.traceCount);
    // The traces reach the clock: the default window (the last hour) has some.
    const url = `${second.server.url}/v3/${second.projectId}/traces?trace_type=system&limit=3`;
    const body = (await (await fetch(url)).json()) as { traces: unknown[] };
    expect(body.traces).toHaveLength(3);
    await second.close();
  });
});
