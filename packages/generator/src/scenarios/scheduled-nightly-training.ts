import { FLAVORS } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, someBot, somePerson, tenantBucket } from "./scenario-context.js";
import { createPool, trainingJobArgs } from "./training-job-args.js";

const MINUTE = 60_000;

/**
 * Benign look-alike of `odd-hours-training`: a CI bot's nightly retraining on the dedicated
 * pool, at its usual hour, from its runners, with the team's code from the tenant's bucket.
 */
export const scheduledNightlyTraining: Scenario = {
  id: "scheduled-nightly-training",
  description:
    "A CI bot starts the nightly retraining jobs on the dedicated pool at its usual hour from its runners, code from the account's bucket (benign).",
  techniques: ["T1496"],
  benign: true,
  play(s, label) {
    const rng = s.rng;
    if (!s.has("CreateJobV2")) return;
    s.as(somePerson(s), "console");
    const pool = createPool(s);
    if (pool === null) return;
    const bot = someBot(s);
    s.time = nextLocalHour(s, s.time, 1) + rng.int(5 * MINUTE);
    s.as(bot, "api");
    const code = `/${tenantBucket(s, "ml")}/code/${rng.pick(["retrain", "nightly", "pipeline"])}/`;
    const jobs = 1 + rng.int(3);
    label({
      description: `${bot.name} started ${jobs} nightly training jobs on pool ${pool.name}.`,
      userId: bot.id,
    });
    for (let i = 0; i < jobs; i++) {
      s.create(
        "CreateJobV2",
        s.ids.uuid(),
        `nightly-${s.ids.lower10().slice(0, 5)}`,
        trainingJobArgs(s, pool, code, rng.pick([1, 2, 4]), rng.pick(FLAVORS.training)),
        SURE,
      );
      s.wait(3_000 + rng.int(20_000));
    }
  },
};
