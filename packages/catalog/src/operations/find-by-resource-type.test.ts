import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { findByResourceType } from "./find-by-resource-type.js";
import { operationsOf } from "./operations-of.js";
import { REVISIONS } from "./revision.js";

const everyRow = REVISIONS.flatMap((revision) => operationsOf(revision));

describe("findByResourceType", () => {
  it("keeps each revision's spelling (Dataset in 2023-11-16, dataset in 2025-02-07)", () => {
    expect(findByResourceType("Dataset", "2023-11-16")).toHaveLength(29);
    expect(findByResourceType("dataset", "2023-11-16")).toHaveLength(0);
    expect(findByResourceType("dataset", "2025-02-07")).toHaveLength(29);
    expect(findByResourceType("Dataset", "2025-02-07")).toHaveLength(0);
  });

  it.each([
    ["Workforce", "workforce", 7],
    ["Model", "model", 3],
    ["Convert", "convert", 3],
    ["Service", "service", 6],
    ["Cluster", "cluster", 5],
  ] as const)("respells %s as %s (%i rows)", (old, current, count) => {
    expect(findByResourceType(old, "2023-11-16")).toHaveLength(count);
    expect(findByResourceType(current, "2025-02-07")).toHaveLength(count);
  });

  it("keeps the spellings the revisions share", () => {
    expect(findByResourceType("labelConsoleWorker", "2025-02-07")).toHaveLength(5);
    expect(findByResourceType("ModelArts_Market", "2025-02-07")).toHaveLength(10);
    expect(findByResourceType("NetworksV1", "2023-11-16")).toHaveLength(3);
    expect(findByResourceType("NetworksV1", "2025-02-07")).toHaveLength(0);
  });

  test.prop([fc.constantFrom(...everyRow)])("every row is among its resource type's", (row) => {
    expect(findByResourceType(row.resourceType, row.revision)).toContain(row);
  });
});
