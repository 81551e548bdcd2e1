import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { AnomalyLabel } from "../anomaly-label.js";
import { encodeTraces } from "../encode/encode-traces.js";
import { SCENARIO_NAMES } from "../scenarios/scenario-registry.js";
import { generateTraces } from "../timeline/generate-traces.js";
import type { TimelineOptions } from "../timeline-options.js";
import type { ChunkProducer } from "./run-stream.js";
import { createWorkerProducer } from "./worker-producer.js";

const NOW = Date.UTC(2025, 2, 1);
const DAY = 86_400_000;

/** Every byte a producer yields, concatenated; each chunk is released as a sink would. */
async function drain(producer: ChunkProducer, max: number): Promise<string> {
  const parts: Buffer[] = [];
  try {
    for (;;) {
      const chunk = await producer.pull(max);
      if (chunk === undefined) break;
      parts.push(Buffer.from(chunk.bytes));
      chunk.release?.();
    }
  } finally {
    await producer.close?.();
  }
  return Buffer.concat(parts).toString("utf8");
}

function oneThread(timeline: TimelineOptions): { text: string; labels: AnomalyLabel[] } {
  const labels: AnomalyLabel[] = [];
  const text = [
    ...encodeTraces(generateTraces({ ...timeline, onLabel: (label) => labels.push(label) })),
  ].join("");
  return { text, labels };
}

const timelines = fc.record({
  seed: fc.nat({ max: 2 ** 31 }),
  // A count run (cut at its count), or a finite window that runs to its end.
  cut: fc.oneof(fc.integer({ min: 1, max: 4000 }), fc.constant(undefined)),
  scenarios: fc.subarray([...SCENARIO_NAMES], { maxLength: 3 }),
  shard: fc.constantFrom(undefined, { index: 1, count: 2 }),
});

describe("createWorkerProducer, ordered", () => {
  test.prop([timelines, fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 700 })], {
    numRuns: 6,
  })(
    "merges its lanes into the timeline's own bytes and labels, whatever the worker count and chunk size",
    async ({ seed, cut, scenarios, shard }, workers, max) => {
      const timeline: TimelineOptions = {
        seed,
        now: NOW,
        scenarios,
        ...(cut === undefined ? { from: NOW - DAY, to: NOW, tenants: 3 } : { count: cut }),
      };
      const expected = oneThread({ ...timeline, ...(shard === undefined ? {} : { shard }) });
      const labels: AnomalyLabel[] = [];
      const producer = createWorkerProducer({
        workers,
        ...(shard === undefined ? {} : { shard }),
        timeline,
        retime: false,
        ordered: true,
        chunkRecords: 257,
        onLabel: (label) => labels.push(label),
      });
      const text = await drain(producer, max);
      expect(text.length).toBeGreaterThan(0);
      expect(text === expected.text).toBe(true);
      expect(labels).toEqual(expected.labels);
    },
    120_000,
  );

  test("refuses options that describe no timeline before starting a worker", () => {
    expect(() =>
      createWorkerProducer({ workers: 2, timeline: { count: 5, expectedCount: 5 }, retime: false }),
    ).toThrow(/expectedCount/);
  });
});
