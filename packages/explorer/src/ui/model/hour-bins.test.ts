import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { addToBins, binTotal, emptyBins, HOUR_MS } from "./hour-bins.js";

const window = fc
  .tuple(fc.integer({ min: 1.7e12, max: 1.8e12 }), fc.integer({ min: 0, max: 7 * 24 * HOUR_MS }))
  .map(([from, span]) => ({ from, to: from + span }));

describe("hour bins", () => {
  test.prop([
    window.chain((w) =>
      fc.tuple(
        fc.constant(w),
        fc.array(
          fc.record({
            trace_id: fc.uuid(),
            time: fc.integer({ min: w.from, max: w.to }),
            trace_rating: fc.constantFrom("normal", "warning", "incident"),
          }),
        ),
      ),
    ),
  ])("count every trace of the window once, in its UTC hour and rating", ([w, traces]) => {
    const bins = emptyBins(w.from, w.to);
    addToBins(bins, traces);
    expect(bins.reduce((sum, bin) => sum + binTotal(bin), 0)).toBe(traces.length);
    for (const bin of bins) {
      expect(bin.start % HOUR_MS).toBe(0);
      for (const rating of ["normal", "warning", "incident"] as const) {
        const expected = traces.filter(
          (t) => t.trace_rating === rating && t.time >= bin.start && t.time < bin.start + HOUR_MS,
        ).length;
        expect(bin.counts[rating]).toBe(expected);
      }
    }
  });
});
