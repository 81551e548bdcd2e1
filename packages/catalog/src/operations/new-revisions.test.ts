import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "./category.js";
import { diffRevisions } from "./diff-revisions.js";
import { isValidTraceName } from "./is-valid-trace-name.js";
import { operationsByCategory } from "./operations-by-category.js";
import { operationsOf } from "./operations-of.js";
import { REVISIONS } from "./revision.js";
import { revisionInfo } from "./revision-info.js";

const NEW = ["2026-09-20", "otc-2022-05-20"] as const;

describe("revision metadata", () => {
  it.each(REVISIONS)("%s records coverage for exactly the categories it has", (revision) => {
    const info = revisionInfo(revision);
    const present = CATEGORIES.filter((c) => operationsByCategory(c, revision).length > 0);
    expect(info.coverage.map((c) => c.category)).toEqual(present);
    for (const entry of info.coverage) {
      expect(entry.rows).toBe(operationsByCategory(entry.category, revision).length);
      const kept = info.tables.filter((t) => t.category === entry.category && t.keptFrom);
      expect(entry.keptRows).toBe(kept.reduce((sum, t) => sum + t.rows, 0));
      expect(entry.note.length).toBeGreaterThan(0);
      if (entry.coverage === "complete") expect(entry.keptRows).toBe(0);
      if (entry.coverage === "seed-only") expect(entry.keptRows).toBe(entry.rows);
    }
    expect(info.tables.reduce((sum, t) => sum + t.rows, 0)).toBe(operationsOf(revision).length);
  });

  it("says which of today's categories came from complete tables", () => {
    const byCoverage = (coverage: string) =>
      revisionInfo("2026-09-20")
        .coverage.filter((c) => c.coverage === coverage)
        .map((c) => c.category);
    expect(byCoverage("complete")).toEqual([
      "development-environment",
      "training",
      "service-management",
      "ai-gallery",
    ]);
    expect(byCoverage("seed-only")).toEqual(["model-management"]);
    expect(revisionInfo("otc-2022-05-20").coverage.every((c) => c.coverage === "complete")).toBe(
      true,
    );
    expect(revisionInfo("otc-2022-05-20").cloud).toBe("open-telekom-cloud");
    expect(revisionInfo("2026-09-20").cloud).toBe("huawei-cloud");
  });
});

describe("the new revisions' rows", () => {
  test.prop([fc.constantFrom(...NEW.flatMap((revision) => operationsOf(revision)))])(
    "have a valid trace name, a category and recorded traits",
    (row) => {
      expect(isValidTraceName(row.traceName)).toBe(true);
      expect(CATEGORIES).toContain(row.category);
      expect(row.traits).toBeDefined();
    },
  );

  it("count 220 operations today and 49 on Open Telekom Cloud", () => {
    expect(operationsOf("2026-09-20")).toHaveLength(220);
    expect(operationsOf("otc-2022-05-20")).toHaveLength(49);
  });

  it("replace the legacy training names by the V2 ones", () => {
    const diff = diffRevisions("2025-02-07", "2026-09-20");
    const removed = diff.removed.map((row) => row.traceName);
    expect(removed.filter((name) => name.includes("ModelArts"))).toHaveLength(14);
    expect(removed).toHaveLength(14);
  });
});

describe("the older revisions stay as extracted", () => {
  // Hashes of the rows as generated before 2026-09-20 was added (commit f6bccfa): the seeds'
  // rows must never change.
  it.each([
    ["2023-11-16", "c83ee6da"],
    ["2025-02-07", "61d1bb16"],
  ] as const)("%s hashes as before", (revision, prefix) => {
    const hash = createHash("sha256")
      .update(JSON.stringify(operationsOf(revision)))
      .digest("hex");
    expect(hash.slice(0, 8)).toBe(prefix);
  });
});
