import { resourceName } from "../workflows/names.js";
import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { SURE, somePerson, strangerIp } from "./scenario-context.js";

const _MINUTE = 60_000;
const _HOUR = 3_600_000;

/** Many failed labeling-console sign-ins for one worker from one IP, then a success. */
export const loginBruteForce: Scenario = {
  id: "login-brute-force",
  description: "Many failed labeling-console sign-ins for one worker from one IP, then a success.",
  techniques: ["T1110.001"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    s.as(somePerson(s), "console");
    const workforce = s.create(
      "createWorkforce",
      s.ids.alnum20(),
      resourceName(rng, "team"),
      { description: "labeling" },
      SURE,
    );
    if (workforce === null) return;
    const worker = rng.pick(s.tenant.workers);
    const membership: Resource = {
      id: s.ids.alnum20(),
      name: worker.name,
      ep: workforce.ep,
      args: { email: worker.name, role: "0" },
    };
    s.call("createWorker", membership, SURE);
    s.wait(rng.logNormal(5 * 3_600_000, 0.6));
    const ip = strangerIp(s);
    s.as(worker, "console", ip);
    label({
      description: `Repeated failed labeling-console sign-ins for ${worker.name} from ${ip}, then a success.`,
      userId: worker.id,
    });
    for (let i = 15 + rng.int(30); i > 0; i--) {
      s.call("workerLoginLabelConsole", membership, { failRate: 1 });
      s.wait(800 + rng.int(4_000));
    }
    if (rng.chance(0.7)) {
      s.call("workerLoginLabelConsole", membership, SURE);
      s.think(0.3);
      s.call("workerChangePassword", membership, SURE);
    }
  },
};
