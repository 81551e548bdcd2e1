import { FLAVORS, resourceName } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { SURE, somePerson, strangerIp } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * Password guessing against an IAM user's console sign-in from one unknown address (a burst of
 * `loginFailed`), then a successful `login` and work as that user. The IAM traces need the
 * context on (not `modelartsOnly`); without it only the ModelArts work remains.
 */
export const iamBruteForce: Scenario = {
  id: "iam-brute-force",
  description:
    "A burst of failed IAM console sign-ins for one user from one unknown IP, then a successful sign-in and work as that user.",
  techniques: ["T1110.001", "T1078.004"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const victim = somePerson(s);
    const ip = strangerIp(s);
    const attempts = 12 + rng.int(30);
    s.wait(rng.int(HOUR));
    label({
      description: `${attempts} failed console sign-ins for ${victim.name} from ${ip}, then a success.`,
      userId: victim.id,
    });
    s.as(victim, "console", ip, undefined, attempts);
    s.think();
    s.call("listNotebook", null, { ...SURE, args: { count: String(1 + rng.int(6)) } });
    s.think();
    s.create(
      "createNotebook",
      s.ids.uuid(),
      resourceName(rng, "notebook"),
      { flavor: rng.pick(FLAVORS.notebook), duration: String(24 * HOUR) },
      SURE,
    );
  },
};
