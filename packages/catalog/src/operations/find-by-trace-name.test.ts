import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { findByTraceName } from "./find-by-trace-name.js";
import { operationsOf } from "./operations-of.js";
import { REVISIONS } from "./revision.js";

const everyRow = REVISIONS.flatMap((revision) => operationsOf(revision));

describe("findByTraceName", () => {
  it("keeps the page's typo restartModelArtsgTensorboardJob in both revisions", () => {
    for (const revision of REVISIONS) {
      expect(findByTraceName("restartModelArtsgTensorboardJob", revision)?.operation).toBe(
        "Restarting a visualization job",
      );
    }
    expect(findByTraceName("restartModelArtsTensorboardJob")).toBeUndefined();
  });

  it("finds resource management operations only in 2023-11-16", () => {
    expect(findByTraceName("CreatePoolV2", "2023-11-16")?.resourceType).toBe("PoolV2");
    expect(findByTraceName("CreatePoolV2")).toBeUndefined();
  });

  it("is case-sensitive", () => {
    expect(findByTraceName("createdataset")).toBeUndefined();
    expect(findByTraceName("createDataset")?.resourceType).toBe("dataset");
  });

  test.prop([fc.constantFrom(...everyRow)])("finds every row by its trace name", (row) => {
    expect(findByTraceName(row.traceName, row.revision)).toBe(row);
  });
});
