import { FLAVORS, resourceName } from "../workflows/names.js";
import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, someBot, tenantBucket } from "./scenario-context.js";
import { createPool, trainingJobArgs } from "./training-job-args.js";

const MINUTE = 60_000;

/**
 * Benign look-alike of `mass-deletion`: a CI bot's nightly clean-up deletes the day's
 * experiment training jobs and models, many within minutes, at its usual hour from its runners.
 */
export const ciNightlyCleanup: Scenario = {
  id: "ci-nightly-cleanup",
  description:
    "A CI bot deletes the day's experiment training jobs and models within minutes at its usual hour from its runners (benign).",
  techniques: ["T1485"],
  benign: true,
  play(s, label) {
    const rng = s.rng;
    const bot = someBot(s);
    s.as(bot, "api");
    const made: { traceName: string; res: Resource }[] = [];
    const v2 = s.has("CreateJobV2");
    const pool = v2 ? createPool(s) : null;
    for (let i = 8 + rng.int(10); i > 0; i--) {
      s.wait(rng.logNormal(30 * MINUTE, 0.6));
      if (pool !== null && rng.chance(0.6)) {
        const code = `/${tenantBucket(s, "ml")}/code/experiments/`;
        const job = s.create(
          "CreateJobV2",
          s.ids.uuid(),
          `exp-${s.ids.lower10().slice(0, 5)}`,
          trainingJobArgs(s, pool, code, 1, rng.pick(FLAVORS.training)),
          SURE,
        );
        if (job !== null) made.push({ traceName: "DeleteJobV2", res: job });
      } else {
        const model = s.create(
          "addModel",
          s.ids.uuid(),
          resourceName(rng, "model"),
          { version: "0.0.1", trainUrl: `/${tenantBucket(s, "ml")}/output/exp/` },
          SURE,
        );
        if (model !== null) made.push({ traceName: "deleteModel", res: model });
      }
    }
    if (made.length === 0) return;
    s.time = nextLocalHour(s, s.time, 2) + rng.int(3 * MINUTE);
    label({
      description: `${bot.name} cleaned up ${made.length} experiment jobs and models at its nightly hour.`,
      userId: bot.id,
    });
    for (const target of made) {
      s.call(target.traceName, target.res, SURE);
      s.wait(1_000 + rng.int(6_000));
    }
  },
};
