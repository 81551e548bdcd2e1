import { createHash } from "node:crypto";
import {
  type AnomalyLabel,
  encodeApiTraceJson,
  encodeTraces,
  generateTraces,
  type SessionStart,
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

/** The six scenarios of the first release: runs over them keep their golden traces. */
const ORIGINAL_SCENARIOS = [
  "mass-deletion",
  "off-hours-export",
  "new-ip-access-key",
  "login-brute-force",
  "agency-privilege-escalation",
  "tracker-tampering",
] as const;

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
    [1, "0cd46e554ae965488200a09558b1e62af662e343c838e3a673c537199d0ebe54"],
    [42, "6950fad440f30fda2593efee6e3af47a3b47d2b585c9665fe0e1d1c03119313b"],
    [20250207, "31a6728a3bc37466b6fd0d2f92e76b153fd6bce20778506ac1a78e1e46b387fa"],
  ])("golden output of seed %i", (seed, hash) => {
    expect(sha256(ndjson({ seed, from: NOW - DAY, to: NOW, now: NOW }))).toBe(hash);
  });

  test("golden output of a count run in a given week (arrival rate raised ~67×)", () => {
    // The generator's default clock and window, given explicitly: the window stays.
    const now = Date.UTC(2025, 2, 1);
    expect(sha256(ndjson({ seed: 42, count: 200_000, from: now - 7 * DAY, to: now }))).toBe(
      "3cbf5b09f164f53dfce85b2faf1001c1e0354a35fdf58d22e1633e006b814dfc",
    );
  });

  test("golden output of a count run without a window (rate at most 40×, reaching back)", () => {
    expect(sha256(ndjson({ seed: 42, count: 200_000, modelartsOnly: true }))).toBe(
      "6469b7bd5ba98f9012f59f8d267037779ff794a54c4b6714ec1752147d8c3fcd",
    );
  });

  test.each([
    [
      "a window",
      { seed: 7, from: NOW - 14 * DAY, to: NOW, now: NOW, tenants: 2 },
      "c31462b37050dc5eeac0fbbaa307bf0bb70199c8041d58573976843ac723d85c",
      "4e8dca93d4ca3d16f090d1b57beeb686f294884eba2b02eb4cb8d32703282e20",
      "d0fd8b742d03cd0ebfb47151b7424f4ba2e3c17c1ecba2783b92c7b57431b233",
      83,
    ],
    [
      "a count run (labels cut short)",
      { seed: 9, count: 30_000 },
      "d4f7e51e42231b2daae2c52906232de109f4961a42d52905c52b83b187c37397",
      "35175b93485633fc1aaba9b83da083c3db73fc1f73453d44c99c81256cfcf303",
      "9de5dc56a25a8ff324dfdc42ae2a3255fbf0f01ef472dd57c832474ea472bf88",
      13,
    ],
  ] as const)(
    "golden output and labels of every scenario over %s",
    (_, base, traces, labels, withFields, n) => {
      const reported: AnomalyLabel[] = [];
      const text = ndjson({
        ...base,
        scenarios: ORIGINAL_SCENARIOS,
        onLabel: (l) => reported.push(l),
      });
      expect(sha256(text)).toBe(traces);
      expect(reported).toHaveLength(n);
      // The labels of the first release, before `techniques` and `benign` were added: the
      // rest of every label is unchanged.
      const before = reported.map(({ techniques: _t, benign: _b, ...rest }) => rest);
      expect(sha256(JSON.stringify(before))).toBe(labels);
      expect(reported.every((l) => !l.benign && l.techniques[0] === l.technique)).toBe(true);
      expect(sha256(JSON.stringify(reported))).toBe(withFields);
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
      sha256(ndjson({ ...base, scenarios: ORIGINAL_SCENARIOS, shard: { index, count: 3 } })),
    );
    expect(shards).toEqual([
      "57d26c91156eb460ce3feb66c1215e7bc4f46661c52028ea2deeefa2d6c4879a",
      "99ae965f4677c4da50db78bffc2d6ea73f6374725bac1bf1c4946afc348ab11b",
      "8dd44f4a84478cd165c065aa2d4152ccdc7551b52bbb8fa0fd77624ebd645f3a",
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
      "e6c4986e9587cf5a40f11b6131cb03e94d00b5429ab8ad4de88815f59ec56718",
    );
  });

  test("expectedCountWindow: the run's own window changes nothing; a longer run keeps that window's rate", () => {
    const options = { ...week, seed: 8, expectedCount: 20_000 };
    const own = { from: week.from, to: week.to };
    expect(sha256(ndjson({ ...options, expectedCountWindow: own }))).toBe(sha256(ndjson(options)));
    // A run from a day earlier, fitted over the same week: that week holds what the week alone
    // would hold at the same rate, and the day before it about a seventh more.
    const longer = timesOf({ ...options, from: week.from - DAY, expectedCountWindow: own });
    const inWeek = longer.filter((time) => time >= week.from).length;
    expect(inWeek).toBeGreaterThan(20_000 * 0.85);
    expect(inWeek).toBeLessThan(20_000 * 1.15);
    expect(longer.length - inWeek).toBeGreaterThan(20_000 / 7 / 4);
    // Unfitted, the longer run spreads the same count over eight days.
    const spread = timesOf({ ...options, from: week.from - DAY });
    expect(spread.filter((time) => time >= week.from).length).toBeLessThan(inWeek * 0.97);
  });

  test.each([
    [{ ...week, expectedCountWindow: week }, /expectedCountWindow: set\. Expected expectedCount/],
    [
      { ...week, expectedCount: 10, expectedCountWindow: { from: NOW, to: NOW } },
      /Expected a finite window, to after from/,
    ],
    [
      { ...week, expectedCount: 10, expectedCountWindow: { from: NOW, to: NOW + 9 * DAY } },
      /Expected a window within 7 days of the run's/,
    ],
    [{ ...week, expectedCount: 0 }, /expectedCount: 0\. Expected a positive integer/],
    [{ ...week, expectedCount: 2.5 }, /expectedCount: 2\.5\. Expected a positive integer/],
    [{ ...week, expectedCount: 10, count: 10 }, /Expected no count with it/],
    [{ from: NOW, expectedCount: 10 }, /Expected a finite window/],
  ] as const)("rejects %j", (options, message) => {
    expect(() => generateTraces(options)).toThrow(message);
  });
});

describe("resume", () => {
  const HOUR = 3_600_000;
  /** The run's traces from `at` on, and the sessions open at `at` (every shard's). */
  const split = (options: TimelineOptions, at: number, shards: number) => {
    const open: SessionStart[] = [];
    for (let index = 0; index < shards; index++) {
      const timeline = generateTraces({ ...options, shard: { index, count: shards } });
      for (const trace of timeline) if (trace.time >= at) break;
      open.push(...timeline.openSessions(at));
    }
    const after = [...generateTraces(options)].filter((trace) => trace.time >= at);
    return { open, after: after.map((trace) => encodeApiTraceJson(trace)) };
  };

  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 47 }),
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
    ],
    { numRuns: 8 },
  )(
    "a run resumed at a time from the sessions open there produces the run's traces from then on",
    (seed, tenants, hours, shards, counted) => {
      const options: TimelineOptions = {
        seed,
        tenants,
        from: NOW - 2 * DAY,
        to: NOW,
        now: NOW,
        ...(counted ? { expectedCount: 6_000 } : {}),
      };
      const at = NOW - 2 * DAY + hours * HOUR + 17_000;
      // At a quiet hour at the tenants' own rate no session may be open: the run then resumes
      // from the arrivals alone (the test below shows what open sessions add).
      const { open, after } = split(options, at, shards);
      // JSON-safe: the list survives a trip through a file.
      const resume = { at, open: JSON.parse(JSON.stringify(open)) as SessionStart[] };
      const resumed = [...generateTraces({ ...options, resume })].map((trace) =>
        encodeApiTraceJson(trace),
      );
      expect(resumed).toEqual(after);
      // Shards of a resumed run partition it as they do the whole run.
      const sharded = [0, 1]
        .flatMap((index) => [...generateTraces({ ...options, resume, shard: { index, count: 2 } })])
        .sort((a, b) => a.time - b.time);
      expect(sharded.length).toBe(after.length);
    },
  );

  test("without the open sessions the resumed run lacks their traces", () => {
    const options: TimelineOptions = {
      ...{ seed: 2, tenants: 2, from: NOW - DAY, to: NOW, now: NOW },
      expectedCount: 20_000,
    };
    const at = NOW - 12 * HOUR;
    const { open, after } = split(options, at, 1);
    expect(open.length).toBeGreaterThan(1);
    const resumed = [...generateTraces({ ...options, resume: { at, open: open.slice(1) } })];
    expect(resumed.length).toBeLessThan(after.length);
  });
});
