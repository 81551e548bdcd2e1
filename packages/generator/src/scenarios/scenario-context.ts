import { hex32 } from "../internal/hex.js";
import type { Actor } from "../tenant/actor.js";
import { FLAVORS, resourceName } from "../workflows/names.js";
import type { CallOptions, Resource, SessionBuilder } from "../workflows/session-builder.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A scenario step that must not fail: its failure would change the anomaly's story. */
export const SURE: CallOptions = { failRate: 0 };

/** The first time at or after `time` when the tenant's local clock shows `hour` (0-23). */
export function nextLocalHour(s: SessionBuilder, time: number, hour: number): number {
  const offset = s.tenant.utcOffsetMinutes * 60_000;
  const local = time + offset;
  let target = Math.floor(local / DAY) * DAY + hour * HOUR - offset;
  if (target <= time) target += DAY;
  return target;
}

/** An IPv4 address from documentation/unused ranges that no tenant identity uses. */
export function strangerIp(s: SessionBuilder): string {
  const rng = s.rng;
  return `${rng.pick([45, 91, 103, 185, 194])}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

/** A person of the tenant (console user). */
export function somePerson(s: SessionBuilder): Actor {
  return s.rng.pick(s.tenant.people);
}

/** A model and a service serving it, both created for the scenario (or `null`). */
export function deployService(s: SessionBuilder): Resource | null {
  const rng = s.rng;
  const model = s.create(
    "addModel",
    s.ids.uuid(),
    resourceName(rng, "model"),
    { version: "0.0.1" },
    SURE,
  );
  if (model === null) return null;
  s.think();
  return s.create(
    "addService",
    s.ids.uuid(),
    resourceName(rng, "svc"),
    {
      modelId: model.id,
      flavor: rng.pick(FLAVORS.service),
      instances: "1",
      inferType: "real-time",
    },
    SURE,
  );
}

/**
 * A bucket of the tenant for `purpose` (`data`, `ml`, `audit`): the tenant's buckets are named
 * `<account name>-<purpose>`, the naming rules rely on to tell the tenant's own buckets apart.
 */
export function tenantBucket(s: SessionBuilder, purpose: "data" | "ml" | "audit"): string {
  return `${s.tenant.domainName}-${purpose}`;
}

/** A bucket outside the tenant (an attacker's or a stranger's), e.g. `share-dump-3f2a9c`. */
export function foreignBucket(s: SessionBuilder): string {
  const rng = s.rng;
  return `${rng.pick(["share", "tmp", "mirror", "sync", "bak", "xfer"])}-${rng.pick(["dump", "drop", "store", "files", "pub"])}-${hex32(rng).slice(0, 6)}`;
}

/** An API key id of a permanent access key (`HPUA` + 16), for a caller with a stolen key. */
export function someAccessKey(s: SessionBuilder): string {
  return `HPUA${hex32(s.rng).slice(0, 16).toUpperCase()}`;
}

/** A CI bot of the tenant (API calls with its permanent key, from its runners). */
export function someBot(s: SessionBuilder): Actor {
  return s.rng.pick(s.tenant.bots);
}
