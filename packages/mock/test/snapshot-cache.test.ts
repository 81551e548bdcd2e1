import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { TraceStore } from "@ctsim/mock";
import {
  type CachedLoad,
  type CachedLoadOptions,
  loadStoreCached,
  SnapshotCache,
} from "@ctsim/mock/node";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 5, 15, 12);
const root = mkdtempSync(join(tmpdir(), "ctsim-snapshot-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
function freshDir(): string {
  const dir = join(root, `c${dirs++}`);
  mkdirSync(dir);
  return dir;
}

/** A small load, cached whatever its size (`minCachedTraces: 0`), on this thread. */
function options(cacheDir: string, cacheMaxBytes: number): Omit<CachedLoadOptions, "end"> {
  return { seed: 4, days: 1, tenants: 2, workers: 0, minCachedTraces: 0, cacheDir, cacheMaxBytes };
}

/** Loads the window ending `hours` after T0 and waits for its snapshot, if any. */
async function loadAt(base: Omit<CachedLoadOptions, "end">, hours: number): Promise<CachedLoad> {
  const end = T0 + hours * HOUR;
  const load = await loadStoreCached(new TraceStore({ now: () => end }), { ...base, end });
  await load.written;
  return load;
}

/** The bytes of the directory's files that are not the named foreign ones. */
function ctsimBytes(dir: string, foreign: readonly string[]): number {
  return readdirSync(dir)
    .filter((name) => !foreign.includes(name))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Files a user keeps in the cache directory: never counted, never removed. */
function plantForeign(dir: string, bytes: number): Map<string, Buffer> {
  const files = new Map<string, Buffer>([
    ["notes.txt", Buffer.alloc(bytes, "n")],
    ["mine.ctsnap", Buffer.from("not ctsim's name")],
    ["ABCDEF0123456789ABCDEF0123456789ABCDEF01.ctsnap", Buffer.from("upper-case hex")],
    ["0123456789abcdef-20260101T000000.000Z.ctsnap.keep", Buffer.from("a suffix")],
    ["0123456789abcdef-20260101T000000.000Z.ctsnap.x.tmp", Buffer.from("no pid")],
  ]);
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  // A directory named like a snapshot is not a snapshot.
  mkdirSync(join(dir, "fedcba9876543210-20260101T000000.000Z.ctsnap"));
  return files;
}

function expectForeignIntact(dir: string, foreign: Map<string, Buffer>): void {
  for (const [name, content] of foreign)
    expect(readFileSync(join(dir, name)).equals(content)).toBe(true);
  expect(statSync(join(dir, "fedcba9876543210-20260101T000000.000Z.ctsnap")).isDirectory()).toBe(
    true,
  );
}

/** The window hours of the snapshots in the directory (from their names), sorted. */
function cachedHours(dir: string): number[] {
  return new SnapshotCache({ dir, maxBytes: 0 })
    .list()
    .entries.filter((entry) => entry.kind === "snapshot")
    .map((entry) => ((entry.end as number) - T0) / HOUR)
    .sort((a, b) => a - b);
}

/** The sizes of the small load's snapshots (one window's differs from the next by up to ~15%). */
async function snapshotBytes(hours = 1): Promise<{ min: number; max: number }> {
  const dir = freshDir();
  const sizes: number[] = [];
  for (let hour = 0; hour < hours; hour++) {
    sizes.push((await loadAt(options(dir, 2 ** 40), hour)).cache?.bytes as number);
  }
  return { min: Math.min(...sizes), max: Math.max(...sizes) };
}

describe("the snapshot cache under a size limit", () => {
  it("moves the clock across hours: never over the limit, the least recently used evicted, foreign files untouched", async () => {
    const sizes = await snapshotBytes(6);
    const limit = 2 * sizes.max; // any two snapshots fit, no three
    expect(3 * sizes.min).toBeGreaterThan(limit);
    const dir = freshDir();
    // Bigger than the limit: counted, nothing would ever fit.
    const foreign = plantForeign(dir, limit + 1);
    const names = [...foreign.keys(), "fedcba9876543210-20260101T000000.000Z.ctsnap"];
    const base = options(dir, limit);
    // [clock hour, where the store comes from, hours evicted, hours cached after]
    const steps: [number, "built" | "loaded", number[], number[]][] = [
      [0, "built", [], [0]],
      [1, "built", [], [0, 1]],
      [0, "loaded", [], [0, 1]], // hour 0 is now the most recently used
      [2, "built", [1], [0, 2]],
      [3, "built", [0], [2, 3]],
      [2, "loaded", [], [2, 3]],
      [4, "built", [3], [2, 4]],
      [5, "built", [2], [4, 5]],
    ];
    for (const [hour, source, evicted, after] of steps) {
      const load = await loadAt(base, hour);
      const where = `at hour ${hour}`;
      const bytes = ctsimBytes(dir, names);
      expect(bytes, where).toBeLessThanOrEqual(limit);
      expect(load.source, where).toBe(source);
      expect(
        load.cache?.evicted.map((entry) => ((entry.end as number) - T0) / HOUR),
        where,
      ).toEqual(evicted);
      expect(cachedHours(dir), where).toEqual(after);
      expect(load.cache?.totalBytes, where).toBe(bytes);
      expect(load.cache?.maxBytes).toBe(limit);
      expectForeignIntact(dir, foreign);
    }
  });

  it("says which windows of the same load it holds when the clock moved on, and builds", async () => {
    const dir = freshDir();
    const base = options(dir, 2 ** 40);
    await loadAt(base, 0);
    await loadAt({ ...base, seed: 5 }, 1); // another load: not one of its windows
    await loadAt(base, 1);
    const moved = await loadAt(base, 2);
    expect(moved.source).toBe("built");
    expect(moved.refused).toBeUndefined();
    expect(moved.cache?.otherWindows).toEqual([T0 + HOUR, T0]);
  });

  it("writes no snapshot larger than the limit, and then evicts nothing", async () => {
    const { max } = await snapshotBytes(2);
    const dir = freshDir();
    await loadAt(options(dir, 2 ** 40), 0);
    const tight = await loadAt(options(dir, 2 ** 20), 1);
    expect(max).toBeGreaterThan(2 ** 20);
    expect([tight.source, tight.file, await tight.written]).toEqual(["built", undefined, false]);
    expect(tight.cache?.notWritten).toMatch(
      /^\d\.\d\d MiB is over the cache's limit of 1\.00 MiB$/,
    );
    expect(tight.cache?.evicted).toEqual([]);
    expect(cachedHours(dir)).toEqual([0]);
    // A limit of 0 writes nothing, and still reads what is there.
    const off = await loadAt(options(dir, 0), 2);
    expect(off.cache?.notWritten).toBe("the cache's limit is 0");
    expect((await loadAt(options(dir, 0), 0)).source).toBe("loaded");
    expect(cachedHours(dir)).toEqual([0]);
  });

  it("removes a dead writer's temporary file, and counts a live writer's against the limit", async () => {
    // Temporary files as large as the largest snapshot; two of them and a snapshot do not fit.
    const { max: size } = await snapshotBytes(3);
    const dir = freshDir();
    const cache = new SnapshotCache({ dir, maxBytes: Math.floor(size * 2.5) });
    const name = cache.fileFor("0123456789abcdef", T0 - 5 * HOUR);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(`${name}.${dead}.tmp`, Buffer.alloc(size));
    writeFileSync(`${name}.${process.pid}.tmp`, Buffer.alloc(size));
    const listed = cache.list().entries;
    expect(listed.map((entry) => [entry.kind, entry.stale])).toEqual(
      expect.arrayContaining([
        ["temporary", true],
        ["temporary", false],
      ]),
    );
    expect(cache.list().totalBytes).toBe(2 * size);
    const base = options(dir, cache.maxBytes);
    const first = await loadAt(base, 0); // 2 temporary + 1 new > 2.5: the dead one goes
    expect(first.cache?.evicted.map((entry) => entry.file)).toEqual([`${name}.${dead}.tmp`]);
    expect(await first.written).toBe(true);
    const second = await loadAt(base, 1); // the live one stays: the snapshot of hour 0 goes
    expect(second.cache?.evicted.map((entry) => entry.end)).toEqual([T0]);
    expect(cachedHours(dir)).toEqual([1]);
    // With room for one file only, the live write leaves none: nothing is evicted for nothing.
    const third = await loadAt(options(dir, Math.floor(size * 1.5)), 2);
    expect(third.cache?.notWritten).toMatch(/beside the .* of other writes in progress/);
    expect(third.cache?.evicted).toEqual([]);
    expect(cachedHours(dir)).toEqual([1]);
    // Clearing removes ctsim's files, the live writer's temporary file too, and nothing else.
    const foreign = plantForeign(dir, 10);
    const cleared = cache.clear();
    expect(cleared.removed).toHaveLength(2);
    expect(cache.list().entries).toEqual([]);
    expectForeignIntact(dir, foreign);
  });

  test.prop(
    [
      fc.stringMatching(/^[0-9a-f]{16}$/),
      fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }),
    ],
    { numRuns: 50 },
  )("names a snapshot by its load and window end, and lists both back", (load, end) => {
    const dir = freshDir();
    const cache = new SnapshotCache({ dir, maxBytes: 1 });
    writeFileSync(cache.fileFor(load, end), "x");
    const [entry] = cache.list().entries;
    expect([entry?.kind, entry?.load, entry?.end, entry?.bytes]).toEqual([
      "snapshot",
      load,
      end,
      1,
    ]);
  });
});

describe('why a window\'s own run cannot be derived (anchor: "window")', () => {
  it("a window shifted by an hour shares almost no record with the one before", async () => {
    // With the run starting at the window's start, the next hour's store is not this hour's
    // moved: arrivals are drawn from the run's start and sessions numbered in arrival order, so
    // nearly every trace differs (hence `anchor: "day"`: see test/snapshot-derive.test.ts).
    const records = (hours: number): Set<string> => {
      const to = T0 + hours * HOUR;
      const timeline = { seed: 4, tenants: 2, now: to, from: to - 24 * HOUR, to };
      const overlap = [...generateTraces(timeline)].filter(
        (trace) => trace.time >= T0 - 23 * HOUR && trace.time < T0,
      );
      return new Set(overlap.map(encodeApiTraceJson));
    };
    const before = records(0);
    const after = records(1);
    const shared = [...after].filter((record) => before.has(record)).length;
    expect(before.size).toBeGreaterThan(1000);
    expect(shared / before.size).toBeLessThan(0.05);
  });
});
