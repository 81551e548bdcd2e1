import type { ApiTrace } from "@ctsim/catalog";
import fc from "fast-check";
import { apiTraceArbitrary } from "../../src/arbitraries/trace.js";

/** The fixed clock of the reference provider and of the suite in the teeth tests. */
export const REFERENCE_NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

const USERS = ["alice", "bob", "carol", "ci-bot", "dave"] as const;

/**
 * A fixed, seeded set of ModelArts traces for the reference provider: `count` traces over the
 * three hours before {@link REFERENCE_NOW} (some sharing a millisecond), drawn from a small pool of
 * users and resources so filters have several matches, plus a few older than the 7-day retention.
 */
export function referenceTraces(count = 150): ApiTrace[] {
  const arbitrary = apiTraceArbitrary({
    timeRange: { min: REFERENCE_NOW - 3 * 3_600_000, max: REFERENCE_NOW - 60_000 },
  });
  const sampled = fc.sample(arbitrary, { numRuns: count, seed: 20260310 });
  const traces = sampled.map((trace, index): ApiTrace => {
    const user = trace.user
      ? { ...trace.user, name: USERS[index % USERS.length] ?? "alice" }
      : trace.user;
    const resource = `res-${index % 12}`;
    // Every tenth trace shares the previous one's millisecond: ties must page correctly too.
    const previous = sampled[index - 1];
    const time = index % 10 === 9 && previous ? previous.time : trace.time;
    return {
      ...trace,
      user: user ?? null,
      resource_id: resource,
      resource_name: `name-${index % 7}`,
      time,
      record_time: time + 500,
    };
  });
  const old = fc.sample(
    apiTraceArbitrary({
      timeRange: { min: REFERENCE_NOW - 9 * 86_400_000, max: REFERENCE_NOW - 8 * 86_400_000 },
    }),
    {
      numRuns: 5,
      seed: 7,
    },
  );
  return [...traces, ...old];
}
