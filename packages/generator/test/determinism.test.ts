import { createHash } from "node:crypto";
import {
  encodeApiTraceJson,
  encodeTraces,
  generateTraces,
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
    [1, "bbc92a43650ad0005ecb3a13878edddd96388cb01763910329fc0bf814548b61"],
    [42, "5526ca24cf1f6dbe45558172ce8b0a9197aafb6a5742889faa267a1c7c2d9eb4"],
    [20250207, "7ee0d4695515fce564fbb254549278a223a7d6565bf9e68ff0ee36cbf908eff6"],
  ])("golden output of seed %i", (seed, hash) => {
    expect(sha256(ndjson({ seed, from: NOW - DAY, to: NOW, now: NOW }))).toBe(hash);
  });
});

describe("shards", () => {
  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 1, max: 3 }),
    ],
    { numRuns: 6 },
  )("the shards are disjoint and their union is the unsharded output", (seed, count, tenants) => {
    const base = {
      seed,
      tenants,
      from: NOW - 2 * DAY,
      to: NOW,
      now: NOW,
      scenarios: ["mass-deletion" as const],
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
  });
});
