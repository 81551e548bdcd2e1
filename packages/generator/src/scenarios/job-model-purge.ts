import { FLAVORS, resourceName } from "../workflows/names.js";
import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { SURE, somePerson, strangerIp, tenantBucket } from "./scenario-context.js";
import { createPool, trainingJobArgs } from "./training-job-args.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * The V2 counterpart of `mass-deletion` (whose v1 training jobs the newer revisions lack): the
 * team's training jobs, models and service deployments are deleted within minutes by a
 * person's credentials used from an unknown address. The same operations as the benign
 * `ci-nightly-cleanup`; the actor and the address differ.
 */
export const jobModelPurge: Scenario = {
  id: "job-model-purge",
  description:
    "Training jobs, models and service deployments of the team are deleted within minutes with a person's credentials from an unknown IP.",
  techniques: ["T1485"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    if (!s.has("CreateJobV2")) return;
    const made: { traceName: string; res: Resource }[] = [];
    s.as(somePerson(s), "console");
    const pool = createPool(s);
    for (let i = 8 + rng.int(8); i > 0; i--) {
      s.as(somePerson(s), "console");
      s.wait(rng.logNormal(30 * MINUTE, 0.6));
      const roll = rng.next();
      if (pool !== null && roll < 0.45) {
        const code = `/${tenantBucket(s, "ml")}/${rng.pick(["cv", "nlp", "recsys"])}/code/`;
        const job = s.create(
          "CreateJobV2",
          s.ids.uuid(),
          resourceName(rng, "train"),
          trainingJobArgs(s, pool, code, rng.pick([1, 2, 4]), rng.pick(FLAVORS.training)),
          SURE,
        );
        if (job !== null) made.push({ traceName: "DeleteJobV2", res: job });
      } else if (roll < 0.8) {
        const model = s.create(
          "addModel",
          s.ids.uuid(),
          resourceName(rng, "model"),
          { version: "1.0.0", trainUrl: `/${tenantBucket(s, "ml")}/output/${s.ids.lower10()}/` },
          SURE,
        );
        if (model !== null) made.push({ traceName: "deleteModel", res: model });
      } else {
        const deployment = s.create(
          "CreateDeployment",
          s.ids.uuid(),
          resourceName(rng, "svc"),
          { modelId: s.ids.uuid(), flavor: rng.pick(FLAVORS.service), instances: "1" },
          SURE,
        );
        if (deployment !== null) made.push({ traceName: "DeleteDeployment", res: deployment });
      }
    }
    if (made.length === 0) return;
    s.wait(rng.logNormal(6 * HOUR, 0.5));
    const actor = somePerson(s);
    const ip = strangerIp(s);
    s.as(actor, "api", ip);
    label({
      description: `${actor.name} deleted ${made.length} training jobs, models and deployments within minutes from ${ip}.`,
      userId: actor.id,
    });
    for (const target of made) {
      s.call(target.traceName, target.res, SURE);
      s.wait(1_500 + rng.int(10_000));
    }
  },
};
