import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { deriveTraits, kindOfTraceName } from "./derive-traits.js";
import { OPERATION_KINDS } from "./operation-traits.js";
import { operationsOf } from "./operations-of.js";
import { REVISIONS } from "./revision.js";
import { traitsOf } from "./traits-of.js";

const everyRow = REVISIONS.flatMap((revision) => operationsOf(revision));

describe("kindOfTraceName", () => {
  it.each([
    ["getNotebook", "read"],
    ["listallNotebook", "read"],
    ["ShowNcclTestJobLKList", "read"],
    ["QueryServiceMetrics", "read"],
    ["querytagshyperinstance", "read"],
    ["CreateJobV2", "create"],
    ["BatchCreatePoolTags", "create"],
    ["addAkSk", "create"],
    ["publish_activity", "create"],
    ["DeleteJobV2", "delete"],
    ["batchDeleteWorker", "delete"],
    ["deleteserverhyperinstance", "delete"],
    ["UpdateJobV2", "update"],
    ["PatchCkptWarmUpTask", "update"],
    ["change_instance_status", "update"],
    ["BindApiKeyV2", "update"],
    ["StopDeployment", "update"],
    ["createClusterResult", "action"],
    ["openNotebook", "action"],
    ["workerLoginLabelConsole", "action"],
    ["like_content", "action"],
    ["SignDisclaimer", "action"],
  ] as const)("%s is a %s", (name, kind) => {
    expect(kindOfTraceName(name)).toBe(kind);
  });
});

describe("deriveTraits", () => {
  it.each([
    ["CreateJobV2", true],
    ["CreateDeployment", true],
    ["createServer", true],
    ["change_instance_status", true],
    ["createCluster", true],
    ["UpdateJobV2", false],
    ["CreateApiKeyV2", false],
    ["CreateJobTags", false],
    ["deleteDataset", false],
  ] as const)("%s is asynchronous: %s", (name, asynchronous) => {
    expect(deriveTraits(name).asynchronous).toBe(asynchronous);
  });

  it("keeps a stated kind and marks only the rest as derived", () => {
    expect(deriveTraits("stopServer", { statedKind: "update" })).toEqual({
      kind: "update",
      readOnly: false,
      asynchronous: true,
      derived: ["asynchronous"],
    });
    expect(deriveTraits("getServer", { statedKind: "read" }).readOnly).toBe(true);
    expect(deriveTraits("getServer").derived).toEqual(["kind", "readOnly", "asynchronous"]);
  });

  test.prop([
    fc.stringMatching(/^[A-Za-z][0-9A-Za-z._-]{0,63}$/),
    fc.option(fc.constantFrom(...OPERATION_KINDS), { nil: undefined }),
  ])("reads are read-only and never asynchronous; nothing else is read-only", (name, stated) => {
    const traits = deriveTraits(name, stated === undefined ? {} : { statedKind: stated });
    expect(traits.readOnly).toBe(traits.kind === "read");
    if (traits.readOnly) expect(traits.asynchronous).toBe(false);
    expect(traits.derived.includes("kind")).toBe(stated === undefined);
  });
});

describe("traitsOf", () => {
  test.prop([fc.constantFrom(...everyRow)])(
    "recorded traits are what deriveTraits gives for the fields they mark derived",
    (row) => {
      const traits = traitsOf(row);
      const derived = deriveTraits(row.traceName);
      if (traits.derived.includes("kind")) expect(traits.kind).toBe(derived.kind);
      expect(traits.asynchronous).toBe(
        traits.kind !== "read" &&
          deriveTraits(row.traceName, { statedKind: traits.kind }).asynchronous,
      );
      expect(traits.derived).toContain("asynchronous");
    },
  );

  it("derives traits for the older rows, which record none", () => {
    const row = operationsOf("2025-02-07").find((r) => r.traceName === "createModelArtsTrainJob")!;
    expect(row.traits).toBeUndefined();
    expect(traitsOf(row)).toEqual(deriveTraits("createModelArtsTrainJob"));
  });
});
