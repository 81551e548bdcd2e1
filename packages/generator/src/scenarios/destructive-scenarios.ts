import { hex32 } from "../internal/hex.js";
import { createDataset } from "../workflows/data-workflows.js";
import { DESCRIPTIONS, FLAVORS, resourceName } from "../workflows/names.js";
import type { Resource, SessionBuilder } from "../workflows/session-builder.js";
import { beginLabel, nextLocalHour, somePerson, strangerIp } from "./scenario-context.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Resources built up during a working day (unlabelled), for a scenario to target. */
function buildUp(s: SessionBuilder, n: number): { traceName: string; res: Resource }[] {
  const rng = s.rng;
  const made: { traceName: string; res: Resource }[] = [];
  for (let i = 0; i < n; i++) {
    s.as(somePerson(s), "console");
    const roll = rng.next();
    if (roll < 0.35) {
      const ds = s.create(
        "createDataset",
        s.ids.alnum20(),
        resourceName(rng, "ds"),
        { datasetType: "0" },
        { failRate: 0 },
      );
      if (ds !== null) made.push({ traceName: "deleteDataset", res: ds });
    } else if (roll < 0.65) {
      const nb = s.create(
        "createNotebook",
        s.ids.uuid(),
        resourceName(rng, "notebook"),
        { flavor: rng.pick(FLAVORS.notebook), duration: String(HOUR) },
        { failRate: 0 },
      );
      if (nb !== null) made.push({ traceName: "deleteNotebook", res: nb });
    } else if (roll < 0.85) {
      const job = s.create(
        "createModelArtsTrainJob",
        s.ids.numeric(),
        resourceName(rng, "train"),
        { nodes: "1", flavor: rng.pick(FLAVORS.training) },
        { failRate: 0 },
      );
      if (job !== null) made.push({ traceName: "deleteModelArtsTrainJob", res: job });
    } else {
      const model = s.create(
        "addModel",
        s.ids.uuid(),
        resourceName(rng, "model"),
        { version: "0.0.1" },
        { failRate: 0 },
      );
      if (model !== null) made.push({ traceName: "deleteModel", res: model });
    }
    s.wait(rng.logNormal(40 * MINUTE, 0.8));
  }
  return made;
}

/** One identity deletes many resources of several kinds within minutes, from a new IP. */
export function massDeletion(s: SessionBuilder): void {
  const rng = s.rng;
  const targets = buildUp(s, 8 + rng.int(8));
  s.wait(rng.logNormal(6 * HOUR, 0.5));
  const actor = somePerson(s);
  s.as(actor, "api", strangerIp(s), `HPUA${hex32(rng).slice(0, 16).toUpperCase()}`);
  beginLabel(s, {
    scenario: "mass-deletion",
    technique: "T1485",
    description: `${actor.name} deleted ${targets.length} resources of several kinds within minutes from a new IP.`,
    userId: actor.id,
  });
  for (const target of targets) {
    s.call(target.traceName, target.res, { failRate: 0 });
    s.wait(2_000 + rng.int(15_000));
  }
  s.label = null;
}

/** A dataset export at night (local time), from an IP the exporter never used. */
export function offHoursExport(s: SessionBuilder): void {
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
  beginLabel(s, {
    scenario: "off-hours-export",
    technique: "T1537",
    description: `${actor.name} exported ${datasets.length} dataset(s) at night local time from an unusual IP.`,
    userId: actor.id,
  });
  for (const ds of datasets) {
    s.call("exportDataFromDataset", ds, {
      failRate: 0,
      args: {
        taskId: hex32(rng).slice(0, 20),
        exportPath: `/tmp-transfer-${hex32(rng).slice(0, 6)}/dump/`,
      },
    });
    s.think(0.3);
  }
  s.label = null;
}

/** CTS's own traces: the management tracker is disabled, a key-event notification and a data tracker deleted. */
export function trackerTampering(s: SessionBuilder): void {
  const rng = s.rng;
  const actor = rng.chance(0.3) ? s.tenant.root : somePerson(s);
  s.time = nextLocalHour(s, s.time, 22) + rng.int(3 * HOUR);
  s.as(actor, "console", strangerIp(s));
  beginLabel(s, {
    scenario: "tracker-tampering",
    technique: "T1562.008",
    description: `${actor.name} disabled the management tracker and deleted CTS notifications and trackers.`,
    userId: actor.id,
  });
  const tracker: Resource = {
    id: s.tenant.systemTrackerId,
    name: "system",
    ep: "0",
    args: { status: "disabled" },
  };
  s.call("updateTracker", tracker, { failRate: 0 });
  s.think(0.5);
  const notification: Resource = {
    id: s.ids.uuid(),
    name: `notify-${rng.pick(DESCRIPTIONS).split(" ")[0]}`,
    ep: "0",
    args: {},
  };
  s.call("deleteNotification", notification, { failRate: 0 });
  s.think(0.5);
  const dataTracker: Resource = {
    id: s.ids.uuid(),
    name: `obs-audit-${hex32(rng).slice(0, 4)}`,
    ep: "0",
    args: {},
  };
  s.call("deleteTracker", dataTracker, { failRate: 0 });
  if (rng.chance(0.5)) {
    s.wait(rng.logNormal(40 * MINUTE, 0.5));
    s.call("updateTracker", { ...tracker, args: { status: "enabled" } }, { failRate: 0 });
  }
  s.label = null;
}
