import { createHash } from "node:crypto";
import {
  type AnomalyLabel,
  encodeApiTraceJson,
  encodeTraces,
  generateTraces,
  SCENARIO_NAMES,
  type TimelineOptions,
} from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);

function ndjson(options: TimelineOptions, chunkChars?: number): string {
  return [
    ...encodeTraces(generateTraces(options), chunkChars === undefined ? {} : { chunkChars }),
  ].join("");
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("determinism", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 200_000 })], {
    numRuns: 6,
  })("same seed and options give the same bytes, whatever the chunk size", (seed, chunkChars) => {
    const options = { seed, from: NOW - 2 * DAY, to: NOW, now: NOW, tenants: 2 };
    expect(ndjson(options, chunkChars)).toBe(ndjson(options));
  });

  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }),
    ],
    { numRuns: 6 },
  )("output does not depend on how the iterator is consumed", (seed, batches) => {
    const options = { seed, count: 2_000 };
    const whole = [...generateTraces(options)].map(encodeApiTraceJson);
    const iterator = generateTraces(options);
    const pieces: string[] = [];
    let done = false;
    for (let b = 0; !done; b++) {
      for (let i = 0; i < (batches[b % batches.length] as number); i++) {
        const next = iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        pieces.push(encodeApiTraceJson(next.value));
      }
    }
    expect(pieces).toEqual(whole);
  });

  test("different seeds give different histories", () => {
    expect(ndjson({ seed: 1, count: 50 })).not.toBe(ndjson({ seed: 2, count: 50 }));
  });

  test("count is honoured and a smaller count is a prefix at realistic density", () => {
    const small = [...generateTraces({ seed: 5, count: 100 })].map(encodeApiTraceJson);
    const large = [...generateTraces({ seed: 5, count: 1_000 })].map(encodeApiTraceJson);
    expect(small).toHaveLength(100);
    expect(large).toHaveLength(1_000);
    expect(large.slice(0, 100)).toEqual(small);
  });

  // Golden hashes: any change of output must be deliberate (update these in the same commit).
  test.each([
    [1, "96bb05bf5cda0dbda983b47c492fd2b46bf856ef4a8038de6538eec646330315"],
    [42, "f3e74bc6088fdd128189f5e3f12b36cc761f128ebf6735398c4aa37ce50505ae"],
    [20250207, "192446e1a1f81400dbb39c5449ba1ed6d6e3f6bd21ff52ff8f661a7890b7b089"],
  ])("golden output of seed %i", (seed, hash) => {
    expect(sha256(ndjson({ seed, from: NOW - DAY, to: NOW, now: NOW }))).toBe(hash);
  });

  test("golden output of a count run in a given week (arrival rate raised ~67×)", () => {
    // The generator's default clock and window, given explicitly: the window stays.
    const now = Date.UTC(2025, 2, 1);
    expect(sha256(ndjson({ seed: 42, count: 200_000, from: now - 7 * DAY, to: now }))).toBe(
      "832029f034aafa1a1842ce5193a22de5901f1b7ceb80de3c099c00a90c579f39",
    );
  });

  test("golden output of a count run without a window (rate at most 40×, reaching back)", () => {
    expect(sha256(ndjson({ seed: 42, count: 200_000 }))).toBe(
      "84c750f826f35dc4b5e8a5af6423d63f9e6b468041d07ea8a3ca683620380068",
    );
  });

  test.each([
    [
      "a window",
      { seed: 7, from: NOW - 14 * DAY, to: NOW, now: NOW, tenants: 2 },
      "7f1ef498f6c9775a2a5cd9d0ccf359425d8719ac7d619816d07fffbd107224a5",
      "f9de527a197692c0c65dcc26dd81643fcf2c9ad8a7677b32b9564d4eb67ab015",
      84,
    ],
    [
      "a count run (labels cut short)",
      { seed: 9, count: 30_000 },
      "e1e1f39deb870c8e309bdc0ac1253c422dd4d5fca0824dd17e4a45c617434c35",
      "fc6dcbfc86f9525b9bb93fb5df6866f280b2edf6a1ae5c89d2ee93703de6b183",
      13,
    ],
  ] as const)(
    "golden output and labels of every scenario over %s",
    (_, base, traces, labels, n) => {
      const reported: AnomalyLabel[] = [];
      const text = ndjson({ ...base, scenarios: SCENARIO_NAMES, onLabel: (l) => reported.push(l) });
      expect(sha256(text)).toBe(traces);
      expect(reported).toHaveLength(n);
      expect(sha256(JSON.stringify(reported))).toBe(labels);
    },
  );

  test("golden output of revision 2023-11-16 with 3 tenants", () => {
    const options = {
      seed: 3,
      revision: "2023-11-16" as const,
      tenants: 3,
      from: NOW - 2 * DAY,
      to: NOW,
    };
    expect(sha256(ndjson({ ...options, now: NOW }))).toBe(
      "1bbba5daa5c81c8bba878313d1af1a43d2c1e19f3dbbf8ecaeeea621df55bd8e",
    );
  });

  test("golden output of each shard of a sharded run", () => {
    const base = { seed: 11, tenants: 2, from: NOW - 2 * DAY, to: NOW, now: NOW };
    const shards = [0, 1, 2].map((index) =>
      sha256(ndjson({ ...base, scenarios: SCENARIO_NAMES, shard: { index, count: 3 } })),
    );
    expect(shards).toEqual([
      "ddeecf1968f46c70d1bbdeeda0d482b9ec55e8570fcb2fc00d1e33509f1b64a0",
      "09535371049983a3004a08e37e3e16b0126885df1c46f3e770787f088e165846",
      "1e7fd4b352f535f5db777d280eaa3ea8aac8ef17f4feeb96f2a01546ca9f3c87",
    ]);
  });
});

describe("shards", () => {
  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 1, max: 3 }),
      fc.option(fc.integer({ min: 500, max: 8_000 }), { nil: undefined }),
    ],
    { numRuns: 8 },
  )(
    "the shards are disjoint and their union is the unsharded output",
    (seed, count, tenants, expectedCount) => {
      const base = {
        seed,
        tenants,
        from: NOW - 2 * DAY,
        to: NOW,
        now: NOW,
        scenarios: ["mass-deletion" as const],
        // An expected count sets the rate of the whole timeline, whichever shard is produced.
        ...(expectedCount === undefined ? {} : { expectedCount }),
      };
      const whole = [...generateTraces(base)].map(encodeApiTraceJson);
      const parts = Array.from({ length: count }, (_, index) =>
        [...generateTraces({ ...base, shard: { index, count } })].map(encodeApiTraceJson),
      );
      const union = parts.flat();
      expect(union.length).toBe(whole.length);
      expect(new Set(union).size).toBe(union.length);
      expect([...union].sort()).toEqual([...whole].sort());
      // Each shard is itself in ascending time order.
      for (const part of parts) {
        const times = part.map((line) => JSON.parse(line).time as number);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    },
  );
});

describe("expectedCount", () => {
  const week = { from: NOW - 7 * DAY, to: NOW, now: NOW };
  const timesOf = (options: TimelineOptions): number[] =>
    Array.from(generateTraces(options), (trace) => trace.time);

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 3 })], {
    numRuns: 6,
  })("fills the window to its end with about the expected count", (seed, tenants) => {
    const times = timesOf({ ...week, seed, tenants, expectedCount: 20_000 });
    // A sum of random sessions: measured within ±4% at 60k traces, ±10% at 2.5k.
    expect(times.length).toBeGreaterThan(20_000 * 0.85);
    expect(times.length).toBeLessThan(20_000 * 1.15);
    expect(times[0]).toBeLessThan(NOW - 6.9 * DAY);
    // The newest traces reach the end: within 2% of the window (a count run stops ~20% early).
    expect(times[times.length - 1]).toBeGreaterThan(NOW - 0.02 * 7 * DAY);
    expect(times[times.length - 1]).toBeLessThan(NOW);
  });

  test("a count run in the same window stops early; the expected count does not", () => {
    const counted = timesOf({ ...week, seed: 3, count: 20_000 });
    expect(counted).toHaveLength(20_000);
    expect(counted[counted.length - 1]).toBeLessThan(NOW - 0.1 * 7 * DAY);
  });

  test("golden output of an expected-count week (arrival rate raised ~14×)", () => {
    expect(sha256(ndjson({ ...week, seed: 42, expectedCount: 50_000 }))).toBe(
      "b7f6f45b238674d34a2a44b583cd7d8a55c381bdf154773657e2541984a244bb",
    );
  });

  test.each([
    [{ ...week, expectedCount: 0 }, /expectedCount: 0\. Expected a positive integer/],
    [{ ...week, expectedCount: 2.5 }, /expectedCount: 2\.5\. Expected a positive integer/],
    [{ ...week, expectedCount: 10, count: 10 }, /Expected no count with it/],
    [{ from: NOW, expectedCount: 10 }, /Expected a finite window/],
  ] as const)("rejects %j", (options, message) => {
    expect(() => generateTraces(options)).toThrow(message);
  });
});
