import { describe, expect, it } from "vitest";
import { ctsim } from "../../test/support/run-ctsim.js";

describe("ctsim catalog", () => {
  it("prints the 97 operations of 2023-11-16 as JSON with exactly the agreed keys", async () => {
    const { code, stdout } = await ctsim("catalog", "--revision", "2023-11-16", "--json");
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(97);
    expect(rows[0]).toEqual({
      category: "data-management",
      operation: "Creating a dataset",
      resourceType: "Dataset",
      traceName: "createDataset",
      revision: "2023-11-16",
    });
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        ["category", "operation", "resourceType", "revision", "traceName"].sort(),
      );
    }
  });

  it("uses 2026-09-20 (220 operations, today's ModelArts) by default", async () => {
    const rows = JSON.parse((await ctsim("catalog", "--json")).stdout) as { revision: string }[];
    expect(rows).toHaveLength(220);
    expect(new Set(rows.map((row) => row.revision))).toEqual(new Set(["2026-09-20"]));
  });

  it("filters by category", async () => {
    const { code, stdout } = await ctsim("catalog", "--category", "ai-gallery", "--json");
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { category: string }[];
    expect(rows).toHaveLength(11);
    expect(rows.every((row) => row.category === "ai-gallery")).toBe(true);
    const old = await ctsim("catalog", "--revision=2023-11-16", "--category=resource-management");
    expect(old.stdout.trimEnd().split("\n")).toHaveLength(1 + 6);
  });

  it("prints an aligned table by default", async () => {
    const { code, stdout } = await ctsim("catalog", "--category", "development-environment");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1 + 23);
    expect(lines[0]).toMatch(/^CATEGORY\s+RESOURCE TYPE\s+TRACE NAME\s+OPERATION$/);
    const traceColumn = lines[0]!.indexOf("TRACE NAME");
    expect(lines.every((line) => line[traceColumn - 1] === " ")).toBe(true);
    expect(lines[1]!.slice(traceColumn)).toMatch(/^createNotebook\s+create notebook instance$/);
  });

  it("shows the revision diff as text and as JSON", async () => {
    const text = await ctsim("catalog", "--diff");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Removed (20):");
    expect(text.stdout).toContain("Added (143):");
    expect(text.stdout).toContain("Respelled (71):");
    expect(text.stdout).toMatch(/createDataset\s+operation\s+Creating a dataset\s+create dataset/);

    const json = await ctsim("catalog", "--diff", "--json");
    const diff = JSON.parse(json.stdout) as {
      from: string;
      to: string;
      removed: { traceName: string }[];
      added: unknown[];
      respelled: { traceName: string; changes: unknown[] }[];
    };
    expect(diff.from).toBe("2023-11-16");
    expect(diff.to).toBe("2026-09-20");
    // V1 training jobs and visualization jobs gave way to V2 jobs; pools were renamed.
    expect(diff.removed.map((row) => row.traceName).slice(-7)).toEqual([
      "restartModelArtsgTensorboardJob",
      "CreatePoolV2",
      "DeletePoolV2",
      "UpdatePoolV2",
      "CreateNetworksV1",
      "DeleteNetworksV1",
      "UpdateNetworksV1",
    ]);
    expect(diff.added).toHaveLength(143);
    expect(diff.added).toContainEqual(expect.objectContaining({ traceName: "CreateJobV2" }));
    expect(diff.respelled.find((entry) => entry.traceName === "addAkSk")?.changes).toContainEqual({
      field: "resourceType",
      before: "Service",
      after: "service",
    });
  });

  it("rejects a bad revision with exit code 2, naming the valid ones", async () => {
    const { code, stdout, stderr } = await ctsim("catalog", "--revision", "2024-01-01");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("2024-01-01");
    expect(stderr).toContain("2023-11-16, 2025-02-07");
  });

  it("rejects a bad category with exit code 2, naming the valid ones", async () => {
    const { code, stderr } = await ctsim("catalog", "--category", "storage");
    expect(code).toBe(2);
    expect(stderr).toContain("data-management");
    expect(stderr).toContain("resource-management");
  });

  it("rejects an unknown flag and --diff with --revision (exit code 2)", async () => {
    expect((await ctsim("catalog", "--verbose")).code).toBe(2);
    expect((await ctsim("catalog", "--diff", "--revision", "2023-11-16")).code).toBe(2);
  });
});
