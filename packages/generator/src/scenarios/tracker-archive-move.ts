import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, somePerson, tenantBucket } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * Benign look-alike of `tracker-obs-redirect`: an administrator moves the management tracker's
 * trace files to the account's own audit bucket, at the console, in working hours.
 */
export const trackerArchiveMove: Scenario = {
  id: "tracker-archive-move",
  description:
    "An administrator moves the management tracker's trace files to the account's own audit bucket in working hours (benign).",
  techniques: ["T1562.008"],
  benign: true,
  play(s, label) {
    const rng = s.rng;
    const admin = somePerson(s);
    s.time = nextLocalHour(s, s.time, 10) + rng.int(6 * HOUR);
    s.as(admin, "console");
    const bucket = tenantBucket(s, "audit");
    label({
      description: `${admin.name} moved the management tracker's trace files to ${bucket}.`,
      userId: admin.id,
    });
    const tracker: Resource = { id: s.tenant.systemTrackerId, name: "system", ep: "0", args: {} };
    s.call("updateTracker#obs", tracker, {
      ...SURE,
      args: { bucketName: bucket, prefix: rng.pick(["cts", "audit", "trace"]) },
    });
  },
};
