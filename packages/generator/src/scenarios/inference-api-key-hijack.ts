import { DESCRIPTIONS, FLAVORS, resourceName } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { SURE, somePerson, strangerIp } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * An inference service's API key is created and bound by a principal that never manages
 * services: an assumed-agency session called from an unknown address, which then holds a key
 * that calls the service.
 */
export const inferenceApiKeyHijack: Scenario = {
  id: "inference-api-key-hijack",
  description:
    "An API key is created and bound to an inference service by an assumed-agency session from an unknown IP.",
  techniques: ["T1098.001"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const owner = somePerson(s);
    s.as(owner, "console");
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
    s.wait(rng.logNormal(8 * HOUR, 0.5));
    const agency = rng.pick(s.tenant.agencies);
    const ip = strangerIp(s);
    s.as(agency, "api", ip);
    label({
      description: `Agency session ${agency.name} created and bound an API key to service ${deployment.name} from ${ip}.`,
      userId: agency.id,
    });
    const key = s.create(
      "CreateApiKeyV2",
      s.ids.lower20(),
      `app-${deployment.name}`,
      { serviceId: deployment.id },
      SURE,
    );
    if (key === null) return;
    s.think();
    s.call("BindApiKeyV2", key, SURE);
  },
};
