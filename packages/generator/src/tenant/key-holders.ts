import type { Actor } from "./actor.js";
import type { Tenant } from "./tenant.js";

/** The identities of a tenant with a permanent access key: its people, then its bots. */
export function keyHolders(tenant: Tenant): Actor[] {
  return [...tenant.people, ...tenant.bots].filter((actor) => actor.keyPolicy !== null);
}
