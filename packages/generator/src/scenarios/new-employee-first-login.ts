import { ADDRESS_RANGES } from "../tenant/address-ranges.js";
import { FLAVORS, resourceName } from "../workflows/names.js";
import { homeAddressIn } from "./foreign-addresses.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, somePerson } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * Benign look-alike of `iam-brute-force` and `access-key-new-country`: a new employee's first
 * console sign-in, from a home line never seen before in the tenant's own country, one or two
 * mistyped passwords, the password change a first login asks for, then first steps.
 */
export const newEmployeeFirstLogin: Scenario = {
  id: "new-employee-first-login",
  description:
    "A new employee signs in for the first time from a new home IP in the account's country, after a typo or two, and changes the password (benign).",
  techniques: ["T1078.004", "T1110.001"],
  benign: true,
  play(s, label) {
    const rng = s.rng;
    const person = somePerson(s);
    s.time = nextLocalHour(s, s.time, 9) + rng.int(2 * HOUR);
    const country = (s.tenant.regions[0] ?? s.region).info.country;
    const ip = homeAddressIn(rng, ADDRESS_RANGES[country].home);
    label({
      description: `${person.name} signed in for the first time from a new address ${ip} and changed the password.`,
      userId: person.id,
    });
    s.as(person, "console", ip, undefined, rng.int(3));
    s.iam("changePassword");
    s.think();
    s.call("listNotebook", null, { ...SURE, args: { count: "0" } });
    s.think();
    s.create(
      "createNotebook",
      s.ids.uuid(),
      resourceName(rng, "notebook"),
      { flavor: rng.pick(FLAVORS.notebook), duration: String(4 * HOUR) },
      SURE,
    );
  },
};
