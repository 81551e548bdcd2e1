import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { workerShard } from "./worker-shard.js";

const setup = fc
  .record({ count: fc.integer({ min: 1, max: 16 }), workers: fc.integer({ min: 1, max: 16 }) })
  .chain(({ count, workers }) =>
    fc.record({
      index: fc.nat({ max: count - 1 }),
      count: fc.constant(count),
      workers: fc.constant(workers),
    }),
  );

describe("workerShard", () => {
  test.prop([setup, fc.nat({ max: 100_000 })])(
    "a session belongs to exactly one worker of its machine, whatever the worker count",
    ({ index, count, workers }, session) => {
      const owners = Array.from({ length: workers }, (_, w) =>
        workerShard({ index, count }, workers, w),
      ).filter((shard) => session % shard.count === shard.index);
      expect(owners.length).toBe(session % count === index ? 1 : 0);
      for (const shard of owners) expect(shard.index).toBeLessThan(shard.count);
    },
  );
});
