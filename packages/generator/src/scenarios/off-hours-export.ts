import { hex32 } from "../internal/hex.js";
import { createDataset } from "../workflows/data-workflows.js";
import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, somePerson, strangerIp } from "./scenario-context.js";

const _MINUTE = 60_000;
const HOUR = 3_600_000;

/** A dataset export at night (local time), from an IP the exporter never used. */
export const offHoursExport: Scenario = {
  id: "off-hours-export",
  description: "A dataset export at night (local time), from an IP the exporter never used.",
  techniques: ["T1537"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const owner = somePerson(s);
    s.as(owner, "console");
    const datasets: Resource[] = [];
    for (let i = 1 + rng.int(3); i > 0; i--) {
      const ds = createDataset(s);
      if (ds !== null) datasets.push(ds);
      s.think();
    }
    if (datasets.length === 0) return;
    s.time = nextLocalHour(s, s.time, 2) + rng.int(2 * HOUR);
    const actor = rng.chance(0.5) ? owner : somePerson(s);
    s.as(actor, "console", strangerIp(s));
    label({
      description: `${actor.name} exported ${datasets.length} dataset(s) at night local time from an unusual IP.`,
      userId: actor.id,
    });
    for (const ds of datasets) {
      s.call("exportDataFromDataset", ds, {
        ...SURE,
        args: {
          taskId: hex32(rng).slice(0, 20),
          exportPath: `/tmp-transfer-${hex32(rng).slice(0, 6)}/dump/`,
        },
      });
      s.think(0.3);
    }
  },
};
