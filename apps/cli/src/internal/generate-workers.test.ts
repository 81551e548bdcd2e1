import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { defaultGenerateWorkers, MAX_GENERATE_WORKERS } from "./generate-workers.js";

describe("defaultGenerateWorkers", () => {
  it("leaves the main thread a core: one lane on one or two cores", () => {
    expect([1, 2, 3, 4, 8].map(defaultGenerateWorkers)).toEqual([1, 1, 2, 3, 7]);
  });

  test.prop([fc.integer({ min: 0, max: 10_000 })])(
    "is always between 1 and the maximum, never more than the cores",
    (cores) => {
      const workers = defaultGenerateWorkers(cores);
      expect(workers).toBeGreaterThanOrEqual(1);
      expect(workers).toBeLessThanOrEqual(Math.min(MAX_GENERATE_WORKERS, Math.max(1, cores)));
    },
  );
});
