import { hex32 } from "../internal/hex.js";
import { alnum20, DESCRIPTIONS } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { deployService, SURE, somePerson, strangerIp } from "./scenario-context.js";

const MINUTE = 60_000;
const _HOUR = 3_600_000;

/** An access key is created, then used within minutes from an IP never seen before. */
export const newIpAccessKey: Scenario = {
  id: "new-ip-access-key",
  description: "An access key is created, then used within minutes from an IP never seen before.",
  techniques: ["T1098.001"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const actor = somePerson(s);
    s.as(actor, "console");
    const service = deployService(s);
    if (service === null) return;
    s.wait(rng.logNormal(3 * 3_600_000, 0.5));
    label({
      description: `${actor.name} created an access key that was used minutes later from a new IP.`,
      userId: actor.id,
    });
    const key = s.create(
      "addAkSk",
      s.ids.lower20(),
      `app-${service.name}`,
      { appKey: alnum20(rng) },
      SURE,
    );
    s.wait(rng.logNormal(4 * MINUTE, 0.5));
    s.as(actor, "api", strangerIp(s), `HPUA${hex32(rng).slice(0, 16).toUpperCase()}`);
    for (let i = 3 + rng.int(6); i > 0; i--) {
      if (rng.chance(0.5))
        s.call("updateService", service, {
          args: { instances: String(rng.pick([4, 8, 16])), description: rng.pick(DESCRIPTIONS) },
        });
      else
        s.call("startOrStopService", service, {
          args: { status: rng.pick(["running", "stopped"]) },
        });
      s.wait(5_000 + rng.int(60_000));
    }
    if (key !== null && rng.chance(0.5)) s.call("deleteAkSk", key, SURE);
  },
};
