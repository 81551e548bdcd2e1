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
    [1, "7d93db88d1ae1fb2312dc4d9f5404a7f97ab8576e15227126836e4863576dd08"],
    [42, "02f36a9b41b7d775e65141a6c13c309404438ada06b23294783c6ba62b94de8f"],
    [20250207, "18b7034d74dd982276926e64c1bb37fd5bf5003c167dadf0d6bf89f43c479752"],
  ])("golden output of seed %i", (seed, hash) => {
    expect(sha256(ndjson({ seed, from: NOW - DAY, to: NOW, now: NOW }))).toBe(hash);
  });

  test("golden output of a count run in a given week (arrival rate raised ~67×)", () => {
    // The generator's default clock and window, given explicitly: the window stays.
    const now = Date.UTC(2025, 2, 1);
    expect(sha256(ndjson({ seed: 42, count: 200_000, from: now - 7 * DAY, to: now }))).toBe(
      "4dccfa1be9fd4f9fb76f9479c185562f764e45f8c30b2518ccbb7b63e8e0c817",
    );
  });

  test("golden output of a count run without a window (rate at most 40×, reaching back)", () => {
    expect(sha256(ndjson({ seed: 42, count: 200_000 }))).toBe(
      "e6c12fcf3aa1988b79acb3999efaa91884fcac9a05fce044cf7c0a07010b0196",
    );
  });

  test.each([
    [
      "a window",
      { seed: 7, from: NOW - 14 * DAY, to: NOW, now: NOW, tenants: 2 },
      "a31769de658c57322373231be6706d5ccf3a042a184171814f7af35ce0a06eec",
      "6619b05689d48dbd58cbf013be76b1c7850504afc314800831c0fbba5d1d7d92",
      84,
    ],
    [
      "a count run (labels cut short)",
      { seed: 9, count: 30_000 },
      "0d82612cb486d835601d468714d116ad8295a705fdfe6b9b0a0ff8befba77f61",
      "51011a134eb1f0f066a6bd5bd24e78dcfeb90ead0998c4fef414ec55d1465643",
      14,
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
      "8b132970d72fe7d081b365660a675827be558c2e92c1cd3c5fb1291124f74ba2",
    );
  });

  test("golden output of each shard of a sharded run", () => {
    const base = { seed: 11, tenants: 2, from: NOW - 2 * DAY, to: NOW, now: NOW };
    const shards = [0, 1, 2].map((index) =>
      sha256(ndjson({ ...base, scenarios: SCENARIO_NAMES, shard: { index, count: 3 } })),
    );
    expect(shards).toEqual([
      "274f8b95c1e62ee335f9e0171f04e00a377d7905b991e83ae053349e66cf820d",
      "c5b55860dc7b55474a1a3293cae37221f12ac4b7c3fd7464fb5130b56d162420",
      "7fe0b47e71b35844847256f25bc7cd918620da7721a1dc4a2f312bd33b07d213",
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
      "9d6be40140bf5c4891aa206042bc48a56be3583d707a9561789dc3db27d254ed",
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
