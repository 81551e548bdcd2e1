import { describe, expect, it } from "vitest";
import {
  encodeApiTraceJson,
  encodeObsTraceJson,
  generateTraces,
  SCENARIO_NAMES,
} from "../index.js";
import { createTraceChecker } from "./trace-checker.js";

/** Checks `count` traces of the generator, one encoded trace per line. */
function checkGenerated(count: number, encode: typeof encodeApiTraceJson, seed?: number) {
  const checker = createTraceChecker();
  let line = 0;
  const options = seed === undefined ? { count } : { count, seed };
  for (const event of generateTraces(options)) checker.check(encode(event), ++line);
  return checker.finish();
}

describe("the generator's default output", () => {
  it("validates clean: 50k traces in the ListTraces shape", () => {
    const report = checkGenerated(50_000, encodeApiTraceJson);
    expect(report.violations).toEqual([]);
    expect(report).toMatchObject({ records: 50_000, shape: "api" });
  });

  it("validates clean: 10k traces in the OBS-file shape", () => {
    const report = checkGenerated(10_000, encodeObsTraceJson, 2);
    expect(report.violations).toEqual([]);
    expect(report).toMatchObject({ records: 10_000, shape: "obs" });
  });
});

describe("the generator's output with every scenario", () => {
  it("validates clean against the generator's now (issue 18 item 1: no body that is not JSON)", () => {
    const now = Date.UTC(2026, 11, 1);
    const checker = createTraceChecker({ now });
    let line = 0;
    for (const event of generateTraces({ seed: 1, count: 20_000, scenarios: SCENARIO_NAMES, now }))
      checker.check(encodeApiTraceJson(event), ++line);
    expect(checker.finish().violations).toEqual([]);
  });
});
