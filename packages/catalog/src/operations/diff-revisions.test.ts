import { describe, expect, it } from "vitest";
import { diffRevisions } from "./diff-revisions.js";

describe("diffRevisions 2023-11-16 → 2025-02-07", () => {
  const diff = diffRevisions("2023-11-16", "2025-02-07");
  const changesOf = (traceName: string): unknown =>
    diff.respelled.find((entry) => entry.traceName === traceName)?.changes;

  it("removes exactly the six resource management operations and adds none", () => {
    expect(diff.removed.map((row) => row.traceName)).toEqual([
      "CreatePoolV2",
      "DeletePoolV2",
      "UpdatePoolV2",
      "CreateNetworksV1",
      "DeleteNetworksV1",
      "UpdateNetworksV1",
    ]);
    expect(diff.removed.every((row) => row.category === "resource-management")).toBe(true);
    expect(diff.added).toEqual([]);
  });

  it("respells 64 operations; the other 27 are unchanged", () => {
    expect(diff.respelled).toHaveLength(64);
    const byField = (field: string): number =>
      diff.respelled.filter((entry) => entry.changes.some((c) => c.field === field)).length;
    expect(byField("resourceType")).toBe(29 + 7 + 3 + 3 + 6 + 5);
    expect(byField("operation")).toBe(11);
    expect(byField("tableTitle")).toBe(8 + 6);
  });

  it("reports before and after texts per field", () => {
    expect(changesOf("createDataset")).toEqual([
      { field: "resourceType", before: "Dataset", after: "dataset" },
    ]);
    expect(changesOf("addModel")).toEqual([
      { field: "resourceType", before: "Model", after: "model" },
      { field: "operation", before: "Creating an AI application", after: "Creating a model" },
      {
        field: "tableTitle",
        before: "Key AI application management operations traced by CTS",
        after: "Key model management operations traced by CTS",
      },
    ]);
    expect(changesOf("createNotebook")).toEqual([
      {
        field: "tableTitle",
        before: "Key DevEnviron operations traced by CTS",
        after: "Key development environment operations traced by CTS",
      },
    ]);
    expect(changesOf("createModelArtsTrainConfig")).toEqual([
      {
        field: "operation",
        before: "Configuring training job",
        after: "Configuring a training job",
      },
    ]);
    expect(changesOf("create_content")).toBeUndefined();
    expect(changesOf("createAgency")).toBeUndefined();
  });

  it("is symmetric: the reverse diff adds what this one removes", () => {
    const back = diffRevisions("2025-02-07", "2023-11-16");
    expect(back.added.map((row) => row.traceName)).toEqual(diff.removed.map((r) => r.traceName));
    expect(back.removed).toEqual([]);
    expect(back.respelled).toHaveLength(64);
  });

  it("finds nothing between a revision and itself", () => {
    expect(diffRevisions("2025-02-07", "2025-02-07")).toMatchObject({
      added: [],
      removed: [],
      respelled: [],
    });
  });
});
