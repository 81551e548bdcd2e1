import { describe, expect, it } from "vitest";
import { liveClock } from "./live-clock.js";

describe("liveClock", () => {
  it("runs `speed` times faster than the elapsed real time, in whole ms, from `start`", () => {
    let real = 1000.25;
    const now = liveClock({ start: 5_000, speed: 60, elapsed: () => real });
    expect(now()).toBe(5_000);
    real += 1.5;
    expect(now()).toBe(5_090);
    real += 1000;
    expect(now()).toBe(65_090);
  });

  it("defaults to real time", () => {
    let real = 0;
    const now = liveClock({ start: 0, elapsed: () => real });
    real = 250;
    expect(now()).toBe(250);
  });
});
