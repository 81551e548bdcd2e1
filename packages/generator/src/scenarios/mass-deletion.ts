import { hex32 } from "../internal/hex.js";
import { FLAVORS, resourceName } from "../workflows/names.js";
import type { Resource, SessionBuilder } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { SURE, somePerson, strangerIp } from "./scenario-context.js";

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
        SURE,
      );
      if (ds !== null) made.push({ traceName: "deleteDataset", res: ds });
    } else if (roll < 0.65) {
      const nb = s.create(
        "createNotebook",
        s.ids.uuid(),
        resourceName(rng, "notebook"),
        { flavor: rng.pick(FLAVORS.notebook), duration: String(HOUR) },
        SURE,
      );
      if (nb !== null) made.push({ traceName: "deleteNotebook", res: nb });
    } else if (roll < 0.85) {
      const job = s.create(
        "createModelArtsTrainJob",
        s.ids.numeric(),
        resourceName(rng, "train"),
        { nodes: "1", flavor: rng.pick(FLAVORS.training) },
        SURE,
      );
      if (job !== null) made.push({ traceName: "deleteModelArtsTrainJob", res: job });
    } else {
      const model = s.create(
        "addModel",
        s.ids.uuid(),
        resourceName(rng, "model"),
        { version: "0.0.1" },
        SURE,
      );
      if (model !== null) made.push({ traceName: "deleteModel", res: model });
    }
    s.wait(rng.logNormal(40 * MINUTE, 0.8));
  }
  return made;
}

/** One identity deletes many resources of several kinds within minutes, from a new IP. */
export const massDeletion: Scenario = {
  id: "mass-deletion",
  description:
    "One identity deletes many resources of several kinds within minutes, from a new IP.",
  techniques: ["T1485"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const targets = buildUp(s, 8 + rng.int(8));
    s.wait(rng.logNormal(6 * HOUR, 0.5));
    const actor = somePerson(s);
    s.as(actor, "api", strangerIp(s), `HPUA${hex32(rng).slice(0, 16).toUpperCase()}`);
    label({
      description: `${actor.name} deleted ${targets.length} resources of several kinds within minutes from a new IP.`,
      userId: actor.id,
    });
    for (const target of targets) {
      s.call(target.traceName, target.res, SURE);
      s.wait(2_000 + rng.int(15_000));
    }
  },
};
