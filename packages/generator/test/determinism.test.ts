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
    [1, "62420ea32d81bda67bf239bdf63de936cba13e78079e1805fb7ace3cfa0b9f01"],
    [42, "8e413ff9d198df8c6e655642936fd2062c10f13a0de58deda841dfc634b9c65d"],
    [20250207, "6fecd7568a8cae4d95e012b3d0190dd0deb991bad8c2ac35039682a3ee5d1b4f"],
  ])("golden output of seed %i", (seed, hash) => {
    expect(sha256(ndjson({ seed, from: NOW - DAY, to: NOW, now: NOW }))).toBe(hash);
  });

  test("golden output of a count run in a given week (arrival rate raised ~67×)", () => {
    // The generator's default clock and window, given explicitly: the window stays.
    const now = Date.UTC(2025, 2, 1);
    expect(sha256(ndjson({ seed: 42, count: 200_000, from: now - 7 * DAY, to: now }))).toBe(
      "202ba2d79be0261dc85f44242371944e4c22cfd6f7605a4a6079cde9e4b6dba3",
    );
  });

  test("golden output of a count run without a window (rate at most 40×, reaching back)", () => {
    expect(sha256(ndjson({ seed: 42, count: 200_000, modelartsOnly: true }))).toBe(
      "407127b26e8316dc7338f3f3fc5321848e13fedd38cae751e62adc7e95cb7d64",
    );
  });

  test.each([
    [
      "a window",
      { seed: 7, from: NOW - 14 * DAY, to: NOW, now: NOW, tenants: 2 },
      "638553e9019b1e90d8220b321a89d4d7f300f1ebb8eeae783c419954386e9022",
      "4e8dca93d4ca3d16f090d1b57beeb686f294884eba2b02eb4cb8d32703282e20",
      83,
    ],
    [
      "a count run (labels cut short)",
      { seed: 9, count: 30_000 },
      "68fa6668d892aa9ae5e4732a72df6ce1df304cb2b8845b51b9cf34b968d62625",
      "35175b93485633fc1aaba9b83da083c3db73fc1f73453d44c99c81256cfcf303",
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

  test.each([
    ["2025-02-07", "13d4ab0401c125fb9b32a6947ff9d0cb8bde34b574c6ef71afea57cfd2703ca8"],
    ["otc-2022-05-20", "cde9cfcf54ec9facebf22fb65aaa00942cdda575b4ccba810f27dfb26973e74c"],
  ] as const)("golden output of seed 1 on the older revision %s", (revision, hash) => {
    expect(sha256(ndjson({ seed: 1, revision, from: NOW - DAY, to: NOW, now: NOW }))).toBe(hash);
  });

  test("golden output of revision 2023-11-16 with 3 tenants", () => {
    const options = {
      seed: 3,
      revision: "2023-11-16" as const,
      tenants: 3,
      from: NOW - 2 * DAY,
      to: NOW,
    };
    expect(sha256(ndjson({ ...options, now: NOW }))).toBe(
      "216d05cec5a9daf8fdf92cfc924c98a48c32cfec3ee781ce96bf00d5e65d8b94",
    );
  });

  test("golden output of each shard of a sharded run", () => {
    const base = { seed: 11, tenants: 2, from: NOW - 2 * DAY, to: NOW, now: NOW };
    const shards = [0, 1, 2].map((index) =>
      sha256(ndjson({ ...base, scenarios: SCENARIO_NAMES, shard: { index, count: 3 } })),
    );
    expect(shards).toEqual([
      "04f0b72a603949c5d38e6b9179040f1060047a6d671ba69a446a48b132f146fa",
      "af9cd60a9c0f140f67f5ff5c8e6cfbbec0e7e83841fb2b59a9a575357e049c4f",
      "1cc0a742130539d047ca706b21a77ce6a1a02440d8f0ece02de103cf18d2a579",
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
    // Above what three tenants make in a week at their own rate (up to ~25k on the older
    // revisions): the rate is only ever raised, so a smaller expected count is not honoured.
    const times = timesOf({ ...week, seed, tenants, expectedCount: 40_000 });
    // A sum of random sessions: measured within -8%/+2% at 40k traces (30 runs), ±10% at 2.5k.
    expect(times.length).toBeGreaterThan(40_000 * 0.85);
    expect(times.length).toBeLessThan(40_000 * 1.15);
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
      "c92e1f2af7b9d0c292947524ca5806e1e350e9ba826b4ccb41daf506382fb71d",
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
