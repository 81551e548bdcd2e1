import { createDataset } from "../workflows/data-workflows.js";
import { alnum20, TOPICS } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { foreignBucket, SURE, somePerson, strangerIp } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * A team's dataset is fed samples from a bucket outside the account, through a key used from
 * an unknown address, and a new version is published, so the next training run learns them.
 */
export const datasetPoisoning: Scenario = {
  id: "dataset-poisoning",
  description:
    "Samples from a bucket outside the account are imported into a dataset from an unknown IP and a new version is published.",
  techniques: ["T1565.001"],
  benign: false,
  play(s, label) {
    const rng = s.rng;
    const owner = somePerson(s);
    s.as(owner, "console");
    const dataset = createDataset(s);
    if (dataset === null) return;
    s.wait(rng.logNormal(5 * HOUR, 0.5));
    const actor = rng.chance(0.6) ? owner : somePerson(s);
    const ip = strangerIp(s);
    s.as(actor, "api", ip);
    const source = `/${foreignBucket(s)}/${rng.pick(TOPICS)}/`;
    label({
      description: `${actor.name} imported samples from ${source}, outside the account, into dataset ${dataset.name} from ${ip} and published a version.`,
      userId: actor.id,
    });
    for (let i = 1 + rng.int(3); i > 0; i--) {
      s.call("importSamplesToDataset", dataset, {
        ...SURE,
        args: { obsPath: `${source}batch-${rng.int(100)}/`, taskId: alnum20(rng) },
      });
      s.think();
    }
    s.wait(rng.logNormal(10 * 60_000, 0.5));
    s.call("publishDatasetVersion", dataset, {
      ...SURE,
      args: { versionName: `V${String(2 + rng.int(8)).padStart(3, "0")}`, versionId: alnum20(rng) },
    });
  },
};
