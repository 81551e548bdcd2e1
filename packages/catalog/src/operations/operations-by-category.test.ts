import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "./category.js";
import { categoryOf } from "./category-of.js";
import { operationsByCategory } from "./operations-by-category.js";
import { operationsOf } from "./operations-of.js";
import { REVISIONS } from "./revision.js";

const everyRow = REVISIONS.flatMap((revision) => operationsOf(revision));

describe("operationsByCategory", () => {
  it("gives one table per category", () => {
    const counts = CATEGORIES.map(
      (category) => operationsByCategory(category, "2023-11-16").length,
    );
    expect(counts).toEqual([42, 8, 14, 6, 11, 10, 6, 0, 0, 0]);
    expect(operationsByCategory("resource-management", "2025-02-07")).toEqual([]);
  });

  it("maps renamed tables to the same category", () => {
    expect(operationsByCategory("development-environment", "2023-11-16")[0]?.tableTitle).toBe(
      "Key DevEnviron operations traced by CTS",
    );
    expect(operationsByCategory("model-management", "2025-02-07")[0]?.tableTitle).toBe(
      "Key model management operations traced by CTS",
    );
  });

  test.prop([fc.constantFrom(...everyRow)])("every row is in its category", (row) => {
    expect(operationsByCategory(row.category, row.revision)).toContain(row);
    expect(categoryOf(row.traceName, row.revision)).toBe(row.category);
  });

  test.prop([fc.constantFrom(...REVISIONS)])("categories partition a revision", (revision) => {
    const total = CATEGORIES.reduce(
      (sum, category) => sum + operationsByCategory(category, revision).length,
      0,
    );
    expect(total).toBe(operationsOf(revision).length);
  });
});

describe("categoryOf", () => {
  it("names the category of a trace name, or undefined", () => {
    expect(categoryOf("createNotebook")).toBe("development-environment");
    expect(categoryOf("addModel", "2023-11-16")).toBe("model-management");
    expect(categoryOf("UpdateNetworksV1", "2023-11-16")).toBe("resource-management");
    expect(categoryOf("UpdateNetworksV1")).toBeUndefined();
  });
});
