import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Pacer } from "./pacer.js";

/** A virtual clock whose sleep advances time, plus optional extra cost per grant. */
function virtualTime(): {
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  advance: (ms: number) => void;
} {
  let now = 0;
  return {
    clock: () => now,
    sleep: async (ms) => {
      now += Math.max(ms, 0.001);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

describe("Pacer", () => {
  const rateAndChunk = fc
    .double({ min: 0.5, max: 200_000, noNaN: true })
    .chain((rate) =>
      fc.tuple(fc.constant(rate), fc.integer({ min: Math.ceil(rate / 500), max: 4096 })),
    );

  test.prop([rateAndChunk], { numRuns: 25 })(
    "grants rate × t records by time t, to within one chunk",
    async ([rate, max]) => {
      const time = virtualTime();
      const pacer = new Pacer({ rate, clock: time.clock, sleep: time.sleep });
      let granted = 0;
      while (time.clock() < 10_000) granted += await pacer.acquire(max, 10_000);
      const expected = rate * 10;
      expect(granted).toBeLessThanOrEqual(Math.floor(expected) + 1);
      expect(granted).toBeGreaterThanOrEqual(Math.floor(expected) + 1 - max);
    },
  );

  test("catches up a short stall but lets a long one slip, keeping the shortfall visible", async () => {
    const time = virtualTime();
    const pacer = new Pacer({ rate: 1000, clock: time.clock, sleep: time.sleep, maxLagMs: 500 });
    expect(await pacer.acquire(1)).toBe(1); // the first record is due at once
    time.advance(300); // 300 records late: within the lag allowance, all granted at once
    expect(await pacer.acquire(10_000)).toBe(300);
    time.advance(2000); // 2000 late: only 500 may burst out, 1500 are dropped from the schedule
    expect(await pacer.acquire(10_000)).toBe(500);
    expect(pacer.slipped).toBe(1500);
  });

  test("returns 0 at the deadline without waiting past it", async () => {
    const time = virtualTime();
    const pacer = new Pacer({ rate: 1, clock: time.clock, sleep: time.sleep });
    expect(await pacer.acquire(1)).toBe(1);
    expect(await pacer.acquire(1, 400)).toBe(0); // the next record is due at 1000
    expect(time.clock()).toBeGreaterThanOrEqual(400);
    expect(time.clock()).toBeLessThanOrEqual(400.01);
  });

  test("rejects a rate that is not positive", () => {
    expect(() => new Pacer({ rate: 0 })).toThrow(RangeError);
  });
});
