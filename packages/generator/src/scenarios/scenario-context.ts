import { type LabelSpec, LabelTracker } from "../internal/label-tracker.js";
import type { Actor } from "../tenant/actor.js";
import type { SessionBuilder } from "../workflows/session-builder.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Starts labelling the session's next traces as one anomaly. */
export function beginLabel(s: SessionBuilder, spec: Omit<LabelSpec, "domainId">): LabelTracker {
  const tracker = new LabelTracker({ ...spec, domainId: s.tenant.domainId });
  s.label = tracker;
  return tracker;
}

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
