import { DESCRIPTIONS, FLAVORS, resourceName } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, someBot } from "./scenario-context.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Benign look-alike of `inference-api-key-hijack`: the CI bot that deploys a service rotates
 * its API key at its usual hour, from its runners: a new key is created and bound, the old one
 * unbound and deleted.
 */
export const ciApiKeyRotation: Scenario = {
  id: "ci-api-key-rotation",
  description:
    "A CI bot rotates an inference service's API key at its usual hour from its runners: create and bind a new key, unbind and delete the old one (benign).",
  techniques: ["T1098.001"],
  benign: true,
  play(s, label) {
    const rng = s.rng;
    const bot = someBot(s);
    s.as(bot, "api");
    const deployment = s.create(
      "CreateDeployment",
      s.ids.uuid(),
      resourceName(rng, "svc"),
      {
        modelId: s.ids.uuid(),
        flavor: rng.pick(FLAVORS.service),
        instances: "1",
        description: rng.pick(DESCRIPTIONS),
      },
      SURE,
    );
    if (deployment === null) return;
    s.think();
    const old = s.create(
      "CreateApiKeyV2",
      s.ids.lower20(),
      `app-${deployment.name}`,
      { serviceId: deployment.id },
      SURE,
    );
    if (old === null) return;
    s.call("BindApiKeyV2", old, SURE);
    s.time = nextLocalHour(s, s.time, 3) + rng.int(10 * MINUTE);
    label({
      description: `${bot.name} rotated the API key of service ${deployment.name}.`,
      userId: bot.id,
    });
    const key = s.create(
      "CreateApiKeyV2",
      s.ids.lower20(),
      `app-${deployment.name}-${Math.floor(s.time / HOUR)}`,
      { serviceId: deployment.id },
      SURE,
    );
    if (key === null) return;
    s.think();
    s.call("BindApiKeyV2", key, SURE);
    s.think();
    s.call("UnbindApiKeyV2", old, SURE);
    s.think();
    s.call("DeleteApiKeyV2", old, SURE);
  },
};
