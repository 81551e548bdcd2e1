import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { foreignBucket, nextLocalHour, SURE, somePerson, strangerIp } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * The management tracker's transfer target is changed to a bucket outside the account, late
 * at night from an unknown address: trace files stop reaching the tenant's auditors (and reach
 * the attacker), while the tracker stays enabled and looks healthy.
 */
export const trackerObsRedirect: Scenario = {
  id: "tracker-obs-redirect",
  description:
    "The management tracker's OBS transfer bucket is changed to a bucket outside the account, at night from an unknown IP.",
  techniques: ["T1562.008"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const actor = rng.chance(0.3) ? s.tenant.root : somePerson(s);
    s.time = nextLocalHour(s, s.time, 23) + rng.int(3 * HOUR);
    const ip = strangerIp(s);
    s.as(actor, "console", ip);
    const bucket = foreignBucket(s);
    label({
      description: `${actor.name} changed the management tracker's transfer bucket to ${bucket}, outside the account, from ${ip}.`,
      userId: actor.id,
    });
    const tracker: Resource = { id: s.tenant.systemTrackerId, name: "system", ep: "0", args: {} };
    s.call("updateTracker#obs", tracker, {
      ...SURE,
      args: { bucketName: bucket, prefix: rng.pick(["", "cts", "logs", "trace"]) },
    });
  },
};
