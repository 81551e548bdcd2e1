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
    [1, "ed02480d432df64a03aa6f84200d61e40bc9518f899a9180086c86902d85e5dd"],
    [42, "7616ddca48d40ed8277410f4b0e4e7b0110bcac1fb26d3ecda7274656e4ea3f0"],
    [20250207, "922c95846447d93e1cf372dadae2402727c6e6aff1a979a6412da64f4f8f2817"],
  ])("golden output of seed %i", (seed, hash) => {
    expect(sha256(ndjson({ seed, from: NOW - DAY, to: NOW, now: NOW }))).toBe(hash);
  });

  test("golden output of a count run in a given week (arrival rate raised ~67×)", () => {
    // The generator's default clock and window, given explicitly: the window stays.
    const now = Date.UTC(2025, 2, 1);
    expect(sha256(ndjson({ seed: 42, count: 200_000, from: now - 7 * DAY, to: now }))).toBe(
      "c01b15310eb4b70b99b03e74969b22ac0c9a82acd85aa270d618dab6f05daa86",
    );
  });

  test("golden output of a count run without a window (rate at most 40×, reaching back)", () => {
    expect(sha256(ndjson({ seed: 42, count: 200_000, modelartsOnly: true }))).toBe(
      "7b3905e46019b0f7890cfa3bb86dee878e5a8ba4d30c9d028462eb1ca11495ce",
    );
  });

  test.each([
    [
      "a window",
      { seed: 7, from: NOW - 14 * DAY, to: NOW, now: NOW, tenants: 2 },
      "29a67778d000de1c6c5d8b63e957378c18ba500892c88b03ed54cd9336e368a2",
      "8217fb3f60c47f1fbc001242fa33ee02aa6bb87a72b2fdc50ae79176a771fecb",
      83,
    ],
    [
      "a count run (labels cut short)",
      { seed: 9, count: 30_000 },
      "5d2cf8eec8d0f6c13d6d8502f24c928b21281a0a90b623c3c88e4ab3b620543c",
      "fbb00db6acc033a1903078aa0628cd9c3e7c8c870d745a2e7583a704554609cc",
      16,
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
      "9c38f5193cee3d8b3f1f0156c15505359af8cd74752efcb82c89911acc369473",
    );
  });

  test("golden output of each shard of a sharded run", () => {
    const base = { seed: 11, tenants: 2, from: NOW - 2 * DAY, to: NOW, now: NOW };
    const shards = [0, 1, 2].map((index) =>
      sha256(ndjson({ ...base, scenarios: SCENARIO_NAMES, shard: { index, count: 3 } })),
    );
    expect(shards).toEqual([
      "740907e7d1075095bffa7ef834f9f6434800c34dc15d471c1a772b69d8e3268d",
      "0a0cc6b054b4818e89442afe4beb3f0fa420940f566a05d7302251acd6818733",
      "de2dd3a0cf8537e7bb34dc3d9002ef0ba4659b9a3d3eb47dd84cc2ee3a5cbcf8",
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
      "c5319f74eb60bed99eef989567973769d92f5748902e6615d0b4ba1853df23b3",
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
