import { keyHolders } from "../tenant/key-holders.js";
import { foreignAddress } from "./foreign-addresses.js";
import type { Scenario } from "./scenario.js";
import { SURE, tenantBucket } from "./scenario-context.js";

const MINUTE = 60_000;

/**
 * A permanent access key of the tenant (a CI bot's or a person's) is used from a hosting
 * provider in a country the tenant never works from: enumeration of pools, jobs and services,
 * then reads from the tenant's model bucket.
 */
export const accessKeyNewCountry: Scenario = {
  id: "access-key-new-country",
  description:
    "A permanent access key is used from a hosting provider in a country the account never works from: enumeration, then reads from its buckets.",
  techniques: ["T1078.004"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const holders = keyHolders(s.tenant);
    if (holders.length === 0) return;
    const holder = rng.pick(holders);
    const { country, ip } = foreignAddress(rng);
    s.as(holder, "api", ip);
    label({
      description: `${holder.name}'s access key was used from ${ip} (${country}), a country the account never works from.`,
      userId: holder.id,
    });
    const reads = ["ListPools", "ListJobs", "listNotebook", "ListDeployment", "ListApiKeyV2"];
    for (let i = 3 + rng.int(5); i > 0; i--) {
      s.call(rng.pick(reads), null, { ...SURE, args: { count: String(rng.int(12)) } });
      s.wait(1_000 + rng.int(8_000));
    }
    s.wait(rng.logNormal(5 * MINUTE, 0.5));
    s.obsRead(`/${tenantBucket(s, "ml")}/output/`);
  },
};
