import { REVISIONS } from "@ctsim/catalog";
import { createCorpusStats, encodeObsTraceJson, generateTraces } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);

/**
 * The realism report (`ctsim stats`) of five weeks of one tenant, read from trace files as a
 * pipeline would. Five weeks, because a link to a resource made before the window (a dataset
 * version published earlier, a model trained earlier) cannot be seen in the corpus: the shares
 * below count what the corpus itself shows.
 */
function fiveWeeks(seed: number, revision: (typeof REVISIONS)[number]) {
  const stats = createCorpusStats({ utcOffsetMinutes: 480 });
  let line = 0;
  for (const event of generateTraces({ seed, revision, from: NOW - 35 * DAY, to: NOW, now: NOW }))
    stats.push(encodeObsTraceJson(event), ++line);
  return stats.finish();
}

describe("the realism report of a default tenant", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...REVISIONS)], {
    numRuns: 4,
  })("holds the ranges that make the history true, on any revision", (seed, revision) => {
    const { records, unreadable, sections } = fiveWeeks(seed, revision);
    expect(unreadable).toBe(0);
    expect(records).toBeGreaterThan(10_000);
    // Every address is one a client could call from; people keep a few, with one or two agents.
    expect(sections.sourceIps.publicShare).toBe(1);
    expect(sections.users.userAgentShare).toBe(1);
    expect(sections.users.medianIps).toBeLessThanOrEqual(7);
    expect(sections.users.medianUserAgents).toBeLessThanOrEqual(2);
    // Linked lifecycles: jobs train on published versions, models come from jobs.
    const lifecycle = sections.lifecycle;
    expect(lifecycle.capped).toBe(false);
    expect(lifecycle.trainingJobs).toBeGreaterThan(50);
    expect(lifecycle.jobsReadingPublishedDataShare).toBeGreaterThan(0.75);
    expect(lifecycle.modelsFromTrainingShare).toBeGreaterThan(0.75);
    // A few percent of calls fail; some warnings carry a 2xx with the error in the body.
    const failures = sections.failures;
    const failed = failures.traces - (failures.byRating.normal ?? 0);
    expect(failed / failures.traces).toBeGreaterThan(0.005);
    expect(failed / failures.traces).toBeLessThan(0.06);
    // IAM sign-ins and OBS data traces around the ModelArts work.
    expect(sections.services.iamShare).toBeGreaterThan(0.02);
    expect(sections.services.iamShare).toBeLessThan(0.15);
    expect(sections.services.dataShare).toBeGreaterThan(0.1);
    expect(sections.services.dataShare).toBeLessThan(0.65);
    // Office hours in the tenant's timezone (UTC+8): quiet weekends and nights.
    const activity = sections.activity;
    expect(activity.weekendShare).toBeLessThan(0.2);
    const night = [0, 1, 3, 4, 5].reduce((sum, hour) => sum + (activity.byHour[hour] ?? 0), 0);
    const working = [9, 10, 11, 14, 15].reduce(
      (sum, hour) => sum + (activity.byHour[hour] ?? 0),
      0,
    );
    expect(night * 3).toBeLessThan(working);
  });
});
