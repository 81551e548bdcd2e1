import { hex32 } from "../internal/hex.js";
import { createDataset } from "../workflows/data-workflows.js";
import { resourceName } from "../workflows/names.js";
import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { foreignBucket, SURE, somePerson, strangerIp, tenantBucket } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * Datasets are exported, and a model converted, into a bucket outside the account, through a
 * key used from an unknown address: the data and the weights leave the tenant.
 */
export const foreignBucketExport: Scenario = {
  id: "foreign-bucket-export",
  description:
    "Datasets are exported and a model converted into an OBS bucket outside the account, from an unknown IP.",
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
    const model = s.create(
      "addModel",
      s.ids.uuid(),
      resourceName(rng, "model"),
      { version: "1.0.0", trainUrl: `/${tenantBucket(s, "ml")}/output/${hex32(rng).slice(0, 6)}/` },
      SURE,
    );
    if (datasets.length === 0 && model === null) return;
    s.wait(rng.logNormal(6 * HOUR, 0.5));
    const actor = rng.chance(0.5) ? owner : somePerson(s);
    const ip = strangerIp(s);
    s.as(actor, "api", ip);
    const bucket = foreignBucket(s);
    label({
      description: `${actor.name} exported ${datasets.length} dataset(s)${model === null ? "" : " and a model"} to bucket ${bucket}, outside the account, from ${ip}.`,
      userId: actor.id,
    });
    for (const ds of datasets) {
      s.call("exportDataFromDataset", ds, {
        ...SURE,
        args: { taskId: hex32(rng).slice(0, 20), exportPath: `/${bucket}/${ds.name}/` },
      });
      s.think();
    }
    if (model !== null && s.has("addConvert")) {
      s.create(
        "addConvert",
        s.ids.uuid(),
        resourceName(rng, "convert"),
        {
          modelName: model.name,
          framework: rng.pick(["tensorflow", "pytorch", "onnx"]),
          trainUrl: model.args.trainUrl ?? "",
          outputPath: `/${bucket}/models/${model.name}/`,
        },
        SURE,
      );
    }
  },
};
