import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_INGESTION_DELAY,
  describeIngestionDelay,
  ingestionDelayMs,
  maxIngestionDelayMs,
} from "./ingestion-delay.js";

const ids = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) => `${i.toString(16).padStart(8, "0")}-f0c4-11f1-ae22-0255ac48b2a0`,
  );

describe("ingestionDelayMs", () => {
  test.prop([fc.nat(), fc.uuid()])(
    "is a whole number of ms within the model's bounds, the same every time",
    (seed, id) => {
      const delay = ingestionDelayMs(seed, id, DEFAULT_INGESTION_DELAY);
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(DEFAULT_INGESTION_DELAY.minMs);
      expect(delay).toBeLessThanOrEqual(maxIngestionDelayMs(DEFAULT_INGESTION_DELAY));
      expect(ingestionDelayMs(seed, id, DEFAULT_INGESTION_DELAY)).toBe(delay);
    },
  );

  it("is mostly seconds with a tail of minutes, and depends on the seed", () => {
    const delays = ids(20_000).map((id) => ingestionDelayMs(1, id, DEFAULT_INGESTION_DELAY));
    const late =
      delays.filter((d) => d >= DEFAULT_INGESTION_DELAY.lateMinMs).length / delays.length;
    expect(late).toBeGreaterThan(0.04);
    expect(late).toBeLessThan(0.06);
    const seconds = delays.filter((d) => d <= DEFAULT_INGESTION_DELAY.maxMs).sort((a, b) => a - b);
    // The common case leans to its short end: median ~6.5 s of the 2–20 s span.
    expect(seconds[seconds.length >> 1]).toBeLessThan(8_000);
    const other = ids(200).map((id) => ingestionDelayMs(2, id, DEFAULT_INGESTION_DELAY));
    expect(other).not.toEqual(delays.slice(0, 200));
  });

  it("follows a custom model and says it in one line", () => {
    const model = { ...DEFAULT_INGESTION_DELAY, lateShare: 0 };
    for (const id of ids(1000)) expect(ingestionDelayMs(3, id, model)).toBeLessThanOrEqual(20_000);
    expect(maxIngestionDelayMs(model)).toBe(20_000);
    expect(describeIngestionDelay(DEFAULT_INGESTION_DELAY)).toBe("95% 2–20 s, 5% 1–10 min");
    expect(describeIngestionDelay(model)).toBe("100% 2–20 s");
  });
});
