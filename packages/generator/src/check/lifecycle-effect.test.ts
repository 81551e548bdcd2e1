import { describe, expect, it } from "vitest";
import { lifecycleEffectOf } from "./lifecycle-effect.js";

describe("lifecycleEffectOf", () => {
  // Trace names and resource types as the catalog (ModelArts key operations pages) spells them.
  it.each([
    ["createDataset", "Dataset", "create"],
    ["createDataset", "dataset", "create"],
    ["addService", "service", "create"],
    ["addModel", "Model", "create"],
    ["CreatePoolV2", "PoolV2", "create"],
    ["createModelArtsTrainJob", "ModelArtsTrainJob", "create"],
    ["createWorkforce", "Workforce", "create"],
    ["deleteNotebook", "Notebook", "delete"],
    ["DeleteNetworksV1", "NetworksV1", "delete"],
    ["deleteModelArtsTensorboardJob", "ModelArtsTensorboardJob", "delete"],
    ["batchDeleteWorkers", "Worker", "delete"],
    ["delete_content", "content", "delete"],
  ] as const)("%s on %s is a %s", (name, type, effect) => {
    expect(lifecycleEffectOf(name, type)).toBe(effect);
  });

  it.each([
    ["publishDatasetVersion", "Dataset"],
    ["deleteDatasetVersion", "Dataset"],
    ["deleteLabel", "Dataset"],
    ["createWorkforceTask", "Dataset"],
    ["createClusterResult", "Cluster"],
    ["deleteClusterNode", "cluster"],
    ["deleteAkSk", "Service"],
    ["batchDeleteWorker", "Workforce"],
    ["createAgency", "IAM"],
    ["stopNotebook", "Notebook"],
    ["createNotebook", ""],
  ])("%s on %s only uses the resource", (name, type) => {
    expect(lifecycleEffectOf(name, type)).toBe("use");
  });
});
