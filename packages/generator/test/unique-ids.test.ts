import { REVISIONS } from "@ctsim/catalog";
import { generateTraces, SCENARIO_NAMES } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

/**
 * Creating operations (the lifecycle rule of ctsim validate); a `…Result` and a create's
 * `SystemAction` trace report a create's result; `CreateJobTags` tags an existing job;
 * `CreateHpa` names the deployment it scales; IAM's `createCredential` names the key's owner.
 */
const CREATE = /^(create|add|publish_activity)(?!.*(Result|Tags)$)(?!(Hpa|Credential)$)/i;

/**
 * Ids must be unique by construction, not by luck: `ctsim validate` found colliding 7-digit
 * training job ids (a job created under an id a version already used) and repeated trace ids
 * (two traces of one session in the same millisecond) at about 1M traces. 50k traces per run
 * with the arrival rate raised to fit (`count`), over random seeds, revisions and scenarios.
 */
describe("unique ids (properties over seeds)", () => {
  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.constantFrom(...REVISIONS),
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
    ],
    { numRuns: 4 },
  )(
    "trace ids are unique and every successful create names a new id",
    (seed, revision, tenants, anomalies) => {
      const traceIds = new Set<string>();
      const seenByType = new Set<string>();
      const seenByService = new Set<string>();
      const problems: string[] = [];
      let creates = 0;
      for (const e of generateTraces({
        seed,
        revision,
        tenants,
        count: 50_000,
        scenarios: anomalies ? SCENARIO_NAMES : [],
      })) {
        if (traceIds.has(e.traceId)) problems.push(`duplicate trace id ${e.traceId}`);
        traceIds.add(e.traceId);
        if (e.resourceId === "") continue;
        const byType = `${e.resourceType}|${e.resourceId}`;
        const byService = `${e.serviceType}|${e.resourceId}`;
        if (
          CREATE.test(e.traceName) &&
          e.traceType !== "SystemAction" &&
          e.traceRating === "normal"
        ) {
          creates++;
          if (seenByType.has(byType) || seenByService.has(byService))
            problems.push(`${e.traceName} creates ${byType}, already named before`);
        }
        seenByType.add(byType);
        seenByService.add(byService);
      }
      expect(traceIds.size).toBe(50_000);
      expect(creates).toBeGreaterThan(1_000);
      expect(problems.slice(0, 5)).toEqual([]);
    },
  );
});
