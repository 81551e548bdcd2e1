import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCtsCore, loadGeneratedTraces, responseText, TraceStore } from "@ctsim/mock";
import {
  type CachedLoad,
  type CachedLoadOptions,
  loadStoreCached,
  readSnapshotFile,
  writeSnapshotFile,
} from "@ctsim/mock/node";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday, 00:00 UTC: windows of a week ending that day start on the Monday before. */
const MONDAY = Date.UTC(2026, 5, 15);
const root = mkdtempSync(join(tmpdir(), "ctsim-snapshot-derive-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
function freshDir(): string {
  const dir = join(root, `d${dirs++}`);
  mkdirSync(dir);
  return dir;
}

/** Every stored record in the store's order, as text (its `trace_id` is in it), with its time. */
function contentOf(store: TraceStore): string[] {
  const state = store.exportState();
  const { chunks, firsts, offsets } = state.records;
  const decoder = new TextDecoder();
  const records: string[] = [];
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c] as Uint8Array;
    const last = (firsts[c + 1] ?? offsets.length) - 1;
    for (let p = firsts[c] as number; p <= last; p++) {
      const end = p < last ? (offsets[p + 1] as number) : chunk.length;
      records.push(`${state.times[p]} ${decoder.decode(chunk.subarray(offsets[p], end))}`);
    }
  }
  return records;
}

/** ListTraces answers over the store: the default page, a filtered one, and every page of one. */
function answersOf(store: TraceStore, now: number): string[] {
  const core = createCtsCore({ store, now: () => now });
  const [project] = [...store.projects().keys()].sort();
  const from = now - 7 * DAY;
  const get = (query: string): string => {
    const response = core.handle({
      method: "GET",
      path: `/v3/${project}/traces`,
      query: `trace_type=system&${query}`,
      headers: {},
      body: "",
    });
    return `${response.status} ${responseText(response)}`;
  };
  const answers = [get("limit=50"), get(`limit=200&from=${from}&to=${now}&user=root`)];

  let marker = "";
  for (let page = 0; page < 400; page++) {
    const answer = get(`limit=200&from=${from}&to=${now}${marker}`);
    answers.push(answer);
    const next = /"marker":"([^"]+)"/.exec(answer)?.[1];
    if (next === undefined) break;
    marker = `&next=${next}`;
  }
  // Traces by id (the trace-id table, re-filed when the oldest hour was dropped).
  const ids = [...(answers[2] as string).matchAll(/"trace_id":"([^"]+)"/g)].map((m) => m[1]);
  expect(ids.length).toBe(200);
  for (const id of ids.filter((_, i) => i % 10 === 0)) {
    const byId = get(`from=${from}&to=${now}&trace_id=${id}`);
    expect(byId).toContain(`"trace_id":"${id}"`);
    answers.push(byId);
  }
  return answers;
}

/** A small week (cached whatever its size), anchored at the day, on this thread or two workers. */
function options(seed: number, cacheDir: string, workers = 0): Omit<CachedLoadOptions, "end"> {
  return {
    seed,
    days: 7,
    tenants: 2,
    expectedCount: 12_000,
    anchor: "day",
    workers,
    minCachedTraces: 0,
    cacheDir,
    cacheMaxBytes: 2 ** 40,
  };
}

async function loadAt(
  base: Omit<CachedLoadOptions, "end">,
  end: number,
): Promise<{ load: CachedLoad; store: TraceStore }> {
  const store = new TraceStore({ now: () => end });
  const load = await loadStoreCached(store, { ...base, end });
  await load.written;
  return { load, store };
}

describe("a window moved by the clock, derived from an earlier one's snapshot", () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      // The first window's end, in hours after the Monday (its start is on that Monday)...
      fc.integer({ min: 1, max: 20 }),
      // ...and how many hours the clock then moved, within the same day of the window's start.
      fc.integer({ min: 1, max: 3 }),
    ],
    { numRuns: 5 },
  )(
    "holds the same traces, records, order and answers as building it",
    async (seed, first, shift) => {
      const base = options(seed, freshDir());
      const t1 = MONDAY + 7 * DAY + first * HOUR;
      const t2 = t1 + shift * HOUR;
      const before = await loadAt(base, t1);
      expect(before.load.source).toBe("built");
      const derived = await loadAt(base, t2);
      expect(derived.load.source).toBe("derived");
      expect(derived.load.derived?.end).toBe(t1);
      expect(derived.load.derived?.added).toBeGreaterThan(0);
      expect(derived.load.derived?.dropped).toBeGreaterThan(0);
      expect(derived.load.derived?.resumed).toBe(true);
      const fresh = new TraceStore({ now: () => t2 });
      const summary = loadGeneratedTraces(fresh, { ...base, end: t2 });
      const content = contentOf(derived.store);
      expect(content.length).toBe(summary.count);
      expect(derived.load.count).toBe(summary.count);
      expect(derived.load.projects).toEqual(summary.projects);
      expect(content).toEqual(contentOf(fresh));
      expect(answersOf(derived.store, t2)).toEqual(answersOf(fresh, t2));
      // The derived snapshot serves the next start as any other.
      const again = await loadAt(base, t2);
      expect(again.load.source).toBe("loaded");
      expect(contentOf(again.store)).toEqual(content);
    },
  );

  it("derives from the newest earlier window of a load built in workers, and the chain stays exact", async () => {
    const base = options(11, freshDir(), 2);
    const t0 = MONDAY + 7 * DAY + 2 * HOUR;
    expect((await loadAt(base, t0)).load.source).toBe("built");
    expect((await loadAt(base, t0 + HOUR)).load.derived?.end).toBe(t0);
    const chained = await loadAt(base, t0 + 3 * HOUR);
    expect(chained.load.source).toBe("derived");
    expect(chained.load.derived?.end).toBe(t0 + HOUR);
    const fresh = new TraceStore({ now: () => t0 + 3 * HOUR });
    loadGeneratedTraces(fresh, { ...base, end: t0 + 3 * HOUR });
    expect(contentOf(chained.store)).toEqual(contentOf(fresh));
  });

  it("derives the same store from a snapshot that lacks the open sessions (generated from the anchor, in workers)", async () => {
    const base = options(7, freshDir(), 2);
    const t1 = MONDAY + 7 * DAY + 9 * HOUR;
    const first = await loadAt(base, t1);
    // Rewritten without its annex: as a snapshot written before open sessions were kept.
    const file = first.load.file as string;
    const bytes = readFileSync(file);
    const header = JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32LE(8)).toString()) as {
      key: string;
      annex?: string;
    };
    expect(JSON.parse(header.annex as string).open.length).toBeGreaterThan(0);
    const copy = new TraceStore({ now: () => t1 });
    expect(readSnapshotFile(copy, file, header.key).loaded).toBe(true);
    await writeSnapshotFile(copy, file, header.key);
    const derived = await loadAt(base, t1 + 2 * HOUR);
    expect([derived.load.source, derived.load.derived?.resumed]).toEqual(["derived", false]);
    const fresh = new TraceStore({ now: () => t1 + 2 * HOUR });
    loadGeneratedTraces(fresh, { ...base, end: t1 + 2 * HOUR });
    expect(contentOf(derived.store)).toEqual(contentOf(fresh));
    // Its own snapshot keeps the open sessions again.
    const next = await loadAt(base, t1 + 3 * HOUR);
    expect(next.load.derived?.resumed).toBe(true);
  });

  it("builds anew when the window's start moved to another day, or the load is not anchored", async () => {
    const dir = freshDir();
    const base = options(3, dir);
    const late = MONDAY + 7 * DAY + 23 * HOUR;
    await loadAt(base, late);
    // The next window starts on Tuesday: another run.
    const next = await loadAt(base, late + HOUR);
    expect([next.load.source, next.load.cache?.otherWindows]).toEqual(["built", [late]]);
    const windowed = { ...base, anchor: "window" as const };
    await loadAt(windowed, late);
    expect((await loadAt(windowed, late + 2 * HOUR)).load.source).toBe("built");
  });

  it("builds anew when the earlier snapshot is corrupt, and removes it", async () => {
    const dir = freshDir();
    const base = options(5, dir);
    const t1 = MONDAY + 7 * DAY + 5 * HOUR;
    const first = await loadAt(base, t1);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(first.load.file as string, "not a snapshot");
    const next = await loadAt(base, t1 + HOUR);
    expect(next.load.source).toBe("built");
    const { existsSync } = await import("node:fs");
    expect(existsSync(first.load.file as string)).toBe(false);
  });
});
