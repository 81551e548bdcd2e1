import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { findByTraceName } from "./find-by-trace-name.js";
import { operationsOf } from "./operations-of.js";
import { REVISIONS } from "./revision.js";

const everyRow = REVISIONS.flatMap((revision) => operationsOf(revision));

describe("findByTraceName", () => {
  it("keeps the page's typo restartModelArtsgTensorboardJob in every revision that has legacy training", () => {
    for (const revision of ["2023-11-16", "2025-02-07"] as const) {
      expect(findByTraceName("restartModelArtsgTensorboardJob", revision)?.operation).toBe(
        "Restarting a visualization job",
      );
    }
    expect(findByTraceName("restartModelArtsgTensorboardJob", "otc-2022-05-20")?.operation).toBe(
      "restart visualization job",
    );
    expect(findByTraceName("restartModelArtsgTensorboardJob", "2026-09-20")).toBeUndefined();
    expect(findByTraceName("restartModelArtsTensorboardJob")).toBeUndefined();
  });

  it("returns the first of two operations that share a trace name", () => {
    expect(findByTraceName("BindApiKeyV2", "2026-09-20")?.operation).toBe("bind API key");
    expect(findByTraceName("change_instance_status", "otc-2022-05-20")?.operation).toBe(
      "start notebook instance",
    );
  });

  it("finds resource management operations only in 2023-11-16", () => {
    expect(findByTraceName("CreatePoolV2", "2023-11-16")?.resourceType).toBe("PoolV2");
    expect(findByTraceName("CreatePoolV2")).toBeUndefined();
  });

  it("is case-sensitive", () => {
    expect(findByTraceName("createdataset")).toBeUndefined();
    expect(findByTraceName("createDataset", "2025-02-07")?.resourceType).toBe("dataset");
  });

  test.prop([fc.constantFrom(...everyRow)])("finds every row by its trace name", (row) => {
    const first = operationsOf(row.revision).find((other) => other.traceName === row.traceName);
    expect(findByTraceName(row.traceName, row.revision)).toBe(first);
    expect(first?.resourceType).toBe(row.resourceType);
    expect(first?.category).toBe(row.category);
  });
});
