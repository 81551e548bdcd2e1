import { describe, expect, it } from "vitest";
import { operationsOf } from "./operations-of.js";
import { revisionInfo } from "./revision-info.js";

// Counts and titles read off the two copies of the page in packages/catalog/sources.
const TABLES_2023 = [
  ["Key data management operations traced by CTS", 42],
  ["Key DevEnviron operations traced by CTS", 8],
  ["Key training job operations traced by CTS", 14],
  ["Key AI application management operations traced by CTS", 6],
  ["Key service management operations traced by CTS", 11],
  ["Key AI Gallery operations traced by CTS", 10],
  ["Key resource management operations traced by CTS", 6],
] as const;
const TABLES_2025 = [
  ["Key data management operations traced by CTS", 42],
  ["Key development environment operations traced by CTS", 8],
  ["Key training job operations traced by CTS", 14],
  ["Key model management operations traced by CTS", 6],
  ["Key service management operations traced by CTS", 11],
  ["Key AI Gallery operations traced by CTS", 10],
] as const;

describe("operationsOf", () => {
  it("lists 97 operations in 2023-11-16, 91 in 2025-02-07 and 220 in 2026-09-20, the default", () => {
    expect(operationsOf("2023-11-16")).toHaveLength(97);
    expect(operationsOf("2025-02-07")).toHaveLength(91);
    expect(operationsOf("2026-09-20")).toHaveLength(220);
    expect(operationsOf()).toBe(operationsOf("2026-09-20"));
  });

  it.each([
    ["2023-11-16", TABLES_2023],
    ["2025-02-07", TABLES_2025],
  ] as const)("keeps the tables of %s with their titles and row counts", (revision, tables) => {
    const rows = operationsOf(revision);
    tables.forEach(([title, count], index) => {
      const inTable = rows.filter((row) => row.table === index + 1);
      expect(inTable).toHaveLength(count);
      expect(new Set(inTable.map((row) => row.tableTitle))).toEqual(new Set([title]));
    });
    expect(new Set(rows.map((row) => row.table)).size).toBe(tables.length);
    expect(revisionInfo(revision).tables.map((t) => [t.title, t.rows])).toEqual(tables);
  });

  it("keeps page order: first and last rows of each revision", () => {
    expect(operationsOf("2023-11-16")[0]).toEqual({
      revision: "2023-11-16",
      category: "data-management",
      table: 1,
      tableTitle: "Key data management operations traced by CTS",
      operation: "Creating a dataset",
      resourceType: "Dataset",
      traceName: "createDataset",
    });
    expect(operationsOf("2023-11-16").at(-1)?.operation).toBe("Update a network");
    expect(operationsOf("2025-02-07").at(-1)?.traceName).toBe("update_user");
  });

  it("has unique trace names within a revision", () => {
    for (const revision of ["2023-11-16", "2025-02-07"] as const) {
      const names = operationsOf(revision).map((row) => row.traceName);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("records the source file and the page's updated date", () => {
    const info = revisionInfo("2025-02-07");
    expect(info.updated).toBe("2025-02-07");
    expect(info.sourceFile).toBe(
      "packages/catalog/sources/modelarts-cts-key-operations-2025-02-07.txt",
    );
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
