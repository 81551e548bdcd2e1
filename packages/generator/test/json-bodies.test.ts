import { REVISIONS } from "@ctsim/catalog";
import { encodeApiTraceJson, generateTraces, SCENARIO_NAMES } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);

/** `request`/`response` of each trace that are present but not JSON text. */
function brokenBodies(seed: number, revision: (typeof REVISIONS)[number]): string[] {
  const broken: string[] = [];
  for (const event of generateTraces({
    seed,
    revision,
    scenarios: SCENARIO_NAMES,
    from: NOW - 7 * DAY,
    to: NOW,
    now: NOW,
  })) {
    const trace = JSON.parse(encodeApiTraceJson(event)) as Record<string, unknown>;
    for (const field of ["request", "response"]) {
      const body = trace[field];
      if (typeof body !== "string") continue;
      try {
        JSON.parse(body);
      } catch {
        broken.push(`${trace.trace_name} ${field}: ${body}`);
      }
    }
  }
  return broken;
}

// Issue 18, item 1: scenarios created training jobs without `engineId`, and bare placeholders
// rendered `"engine_id":}`.
test("seed 1 with every scenario: every request and response is JSON text", () => {
  expect(brokenBodies(1, REVISIONS[REVISIONS.length - 1] as (typeof REVISIONS)[number])).toEqual(
    [],
  );
});

test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...REVISIONS)], {
  numRuns: 6,
})("every request and response is JSON text, over seeds, with every scenario", (seed, revision) => {
  expect(brokenBodies(seed, revision)).toEqual([]);
});
