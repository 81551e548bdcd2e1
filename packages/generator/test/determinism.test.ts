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
    [1, "c43c5ebd834c97efa8907b35832eb7c52d52f0851dde6c546fcf60fd9c45f271"],
    [42, "a1d7408dc424de7aa2faf74a6190a0233e354b80e16eb5378fbd3f68072c1211"],
    [20250207, "eb9df2f83b2f1936e6ec116ad7d6d62106f2259f6993b01e62d71bb329a9facd"],
  ])("golden output of seed %i", (seed, hash) => {
    expect(sha256(ndjson({ seed, from: NOW - DAY, to: NOW, now: NOW }))).toBe(hash);
  });

  test("golden output of a count run in a given week (arrival rate raised ~67×)", () => {
    // The generator's default clock and window, given explicitly: the window stays.
    const now = Date.UTC(2025, 2, 1);
    expect(sha256(ndjson({ seed: 42, count: 200_000, from: now - 7 * DAY, to: now }))).toBe(
      "8e3135b87f61ae62445355f52f168281292697b3f1bd11aa07dc705bcee375f3",
    );
  });

  test("golden output of a count run without a window (rate at most 40×, reaching back)", () => {
    expect(sha256(ndjson({ seed: 42, count: 200_000 }))).toBe(
      "8e3135b87f61ae62445355f52f168281292697b3f1bd11aa07dc705bcee375f3",
    );
  });

  test.each([
    [
      "a window",
      { seed: 7, from: NOW - 14 * DAY, to: NOW, now: NOW, tenants: 2 },
      "f8f91feaf718dd1f1a496db0980d1043291fa1c74edb2318f88ee65550fe9fa9",
      "e3a166262285ec80ba2bc9a0a9fc3d930f8612e53370b3fe00b18f95a425e580",
      84,
    ],
    [
      "a count run (labels cut short)",
      { seed: 9, count: 30_000 },
      "2f5eac662c8e8675691d36cf2f20183a4fdc15539236f78a7b8a2acd643a8364",
      "b32a02d80ca8c0cf59a46b1332835d335f08e1b7776b2cbf531ab18d60429b9c",
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
      "b9228f21a9273797095287038dc2828e64236d61c6c28d93328a5693b6c602af",
    );
  });

  test("golden output of each shard of a sharded run", () => {
    const base = { seed: 11, tenants: 2, from: NOW - 2 * DAY, to: NOW, now: NOW };
    const shards = [0, 1, 2].map((index) =>
      sha256(ndjson({ ...base, scenarios: SCENARIO_NAMES, shard: { index, count: 3 } })),
    );
    expect(shards).toEqual([
      "90c00169c854407b6bdf809276392fa283160bdb3fb0def3b2730d5dd4451491",
      "a01cc40c72db390e0bdb0a2cd20263927f0c7788cf457a5ce56f47f18e427a21",
      "d3f1615630a22bd7b98446c9d506acb0ea3bf6fafe3e7c27ac84340060df181e",
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
    // A sum of random sessions: measured within ±4% at 60k traces, ±10% at 2.5k (ModelArts
    // only). The IAM and OBS context makes sessions burstier (a training job's object reads and
    // writes): seed 861425265 with 3 tenants gives +15.8%.
    expect(times.length).toBeGreaterThan(20_000 * 0.8);
    expect(times.length).toBeLessThan(20_000 * 1.2);
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
      "73248e41afd88043bc95aa3d0d5d58fc5a8113294209a85ea7ffd4f3d90e9b8e",
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
