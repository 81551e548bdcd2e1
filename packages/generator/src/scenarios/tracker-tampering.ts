import { hex32 } from "../internal/hex.js";
import { DESCRIPTIONS } from "../workflows/names.js";
import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, somePerson, strangerIp } from "./scenario-context.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** CTS's own traces: the management tracker is disabled, a key-event notification and a data tracker deleted. */
export const trackerTampering: Scenario = {
  id: "tracker-tampering",
  description:
    "CTS's own traces: the management tracker is disabled, a key-event notification and a data tracker deleted.",
  techniques: ["T1562.008"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const actor = rng.chance(0.3) ? s.tenant.root : somePerson(s);
    s.time = nextLocalHour(s, s.time, 22) + rng.int(3 * HOUR);
    s.as(actor, "console", strangerIp(s));
    label({
      description: `${actor.name} disabled the management tracker and deleted CTS notifications and trackers.`,
      userId: actor.id,
    });
    const tracker: Resource = {
      id: s.tenant.systemTrackerId,
      name: "system",
      ep: "0",
      args: { status: "disabled" },
    };
    s.call("updateTracker", tracker, SURE);
    s.think(0.5);
    const notification: Resource = {
      id: s.ids.uuid(),
      name: `notify-${rng.pick(DESCRIPTIONS).split(" ")[0]}`,
      ep: "0",
      args: {},
    };
    s.call("deleteNotification", notification, SURE);
    s.think(0.5);
    const dataTracker: Resource = {
      id: s.ids.uuid(),
      name: `obs-audit-${hex32(rng).slice(0, 4)}`,
      ep: "0",
      args: {},
    };
    s.call("deleteTracker", dataTracker, SURE);
    if (rng.chance(0.5)) {
      s.wait(rng.logNormal(40 * MINUTE, 0.5));
      s.call("updateTracker", { ...tracker, args: { status: "enabled" } }, SURE);
    }
  },
};
