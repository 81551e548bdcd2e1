import { describe, expect, test } from "vitest";
import { RateMeter } from "./rate-meter.js";

function meterAt(): { meter: RateMeter; set: (ms: number) => void } {
  let now = 0;
  return { meter: new RateMeter({ clock: () => now }), set: (ms) => (now = ms) };
}

describe("RateMeter", () => {
  test("per-second counts, mean and p99 over complete seconds", () => {
    const { meter, set } = meterAt();
    for (let s = 0; s < 100; s += 1) {
      set(s * 1000 + 500);
      meter.add(s === 42 ? 200 : 100);
    }
    set(100_000);
    const summary = meter.summary();
    expect(summary.perSecond).toHaveLength(100);
    expect(summary.traces).toBe(100 * 100 + 100);
    expect(summary.meanRate).toBeCloseTo(101, 6);
    expect(summary.p99Rate).toBe(100); // one outlier in 100 seconds is above the 99th percentile
    expect(summary.minRate).toBe(100);
  });

  test("flags a 10 s window more than 2% below the target after warm-up, not within it", () => {
    const { meter, set } = meterAt();
    for (let s = 0; s < 20; s += 1) {
      set(s * 1000 + 1);
      meter.add(s < 2 ? 10 : s === 15 ? 970 : 1000); // warm-up is slow; second 15 loses 30 records
    }
    set(20_000);
    expect(meter.deviation({ target: 1000, tolerance: 0.05 })).toBeUndefined();
    expect(meter.deviation({ target: 1000 })).toBeUndefined(); // 30 of 10 000 = 0.3%
    expect(meter.deviation({ target: 1010 })).toBeUndefined(); // 1% below target
    const deviation = meter.deviation({ target: 1030 }); // 3% below target
    expect(deviation?.fromSecond).toBe(2);
    expect(deviation?.achieved).toBeCloseTo(1000, 6);
  });

  test("flags an overshoot too", () => {
    const { meter, set } = meterAt();
    for (let s = 0; s < 12; s += 1) {
      set(s * 1000 + 1);
      meter.add(1050);
    }
    set(12_000);
    expect(meter.deviation({ target: 1000 })?.achieved).toBe(1050);
  });
});
