import { FLAVORS } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { foreignBucket, nextLocalHour, SURE, somePerson, strangerIp } from "./scenario-context.js";
import { createPool, trainingJobArgs } from "./training-job-args.js";

const HOUR = 3_600_000;

/**
 * Resource hijacking: at night (local time), a key used from an unknown address starts large
 * training jobs on the tenant's dedicated pool, their code from a bucket outside the account.
 */
export const oddHoursTraining: Scenario = {
  id: "odd-hours-training",
  description:
    "At night local time, large training jobs with code from outside the account are started on a dedicated pool from an unknown IP.",
  techniques: ["T1496"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    if (!s.has("CreateJobV2")) return;
    const owner = somePerson(s);
    s.as(owner, "console");
    const pool = createPool(s);
    if (pool === null) return;
    s.time = nextLocalHour(s, s.time, 1) + rng.int(3 * HOUR);
    const actor = rng.chance(0.5) ? owner : somePerson(s);
    const ip = strangerIp(s);
    s.as(actor, "api", ip);
    const code = `/${foreignBucket(s)}/${rng.pick(["job", "bench", "w"])}/`;
    const jobs = 2 + rng.int(3);
    label({
      description: `${actor.name} started ${jobs} large training jobs with code from ${code} on pool ${pool.name} at night from ${ip}.`,
      userId: actor.id,
    });
    for (let i = 0; i < jobs; i++) {
      s.create(
        "CreateJobV2",
        s.ids.uuid(),
        `job-${rng.pick(["bench", "test", "run"])}-${s.ids.lower10().slice(0, 5)}`,
        trainingJobArgs(s, pool, code, 8 + 8 * rng.int(2), rng.pick(FLAVORS.pool)),
        SURE,
      );
      s.wait(5_000 + rng.int(40_000));
    }
  },
};
