import { hex32 } from "../internal/hex.js";
import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, somePerson, strangerIp } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * CTS key-event notifications are switched off and deleted, at night from an unknown address:
 * the alerts on sensitive operations stop before the attacker performs them.
 */
export const notificationRemoval: Scenario = {
  id: "notification-removal",
  description: "CTS key-event notifications are disabled and deleted at night from an unknown IP.",
  techniques: ["T1562.008"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const actor = rng.chance(0.3) ? s.tenant.root : somePerson(s);
    s.time = nextLocalHour(s, s.time, 0) + rng.int(4 * HOUR);
    const ip = strangerIp(s);
    s.as(actor, "console", ip);
    const notifications: Resource[] = [];
    for (let i = 1 + rng.int(3); i > 0; i--) {
      const id = s.ids.uuid();
      const name = `${rng.pick(["key-ops", "iam-alerts", "delete-watch", "security"])}-${hex32(rng).slice(0, 4)}`;
      notifications.push({
        id,
        name,
        ep: "0",
        args: { id, name, operationType: rng.pick(["complete", "customized"]) },
      });
    }
    label({
      description: `${actor.name} disabled and deleted ${notifications.length} key-event notification(s) from ${ip}.`,
      userId: actor.id,
    });
    for (const notification of notifications) {
      s.call("updateNotification", notification, SURE);
      s.think(0.4);
    }
    for (const notification of notifications) {
      s.call("deleteNotification", notification, SURE);
      s.think(0.4);
    }
  },
};
