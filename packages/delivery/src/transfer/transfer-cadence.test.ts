import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { TransferCadence } from "./transfer-cadence.js";

describe("TransferCadence", () => {
  test.prop([
    fc.integer({ min: 0, max: 2 ** 31 }),
    fc.integer({ min: 1e12, max: 2e12 }),
    fc.integer({ min: 1, max: 30 }),
    fc.double({ min: 0, max: 0.5, noNaN: true }),
  ])(
    "cycles are contiguous, on whole seconds, cycleMs × (1 ± jitter) long, and the same per seed",
    (seed, first, minutes, jitter) => {
      const cycleMs = minutes * 60_000;
      const a = new TransferCadence({ seed, cycleMs, jitter });
      const b = new TransferCadence({ seed, cycleMs, jitter });
      a.begin(first);
      b.begin(first);
      expect(a.start).toBeLessThanOrEqual(first);
      expect(first).toBeLessThan(a.end);
      for (let i = 0; i < 20; i++) {
        const { start, end } = a;
        expect(end % 1000).toBe(0);
        expect(end - start).toBeGreaterThanOrEqual(Math.max(1000, cycleMs * (1 - jitter) - 500));
        expect(end - start).toBeLessThanOrEqual(cycleMs * (1 + jitter) + 500);
        expect([b.start, b.end]).toEqual([start, end]);
        a.next();
        b.next();
        expect(a.start).toBe(end);
      }
    },
  );
});
