import { describe, expect, it } from "vitest";
import { builtRevisions } from "./artifacts.js";
import { assembleRevision } from "./assemble-revision.js";
import type { BuiltRevision } from "./built-revision.js";
import { CURRENT_PLAN, OTC_PLAN, type RevisionPlan } from "./current-sources.js";
import { ExtractError, ExtractErrorCode } from "./extract-error.js";
import { loadCurrentSources } from "./load-current-sources.js";
import { REPO_ROOT } from "./repo-root.js";

const revisions = builtRevisions();
const built = (revision: string): BuiltRevision => revisions.find((b) => b.revision === revision)!;
const current = built("2026-09-20");
const otc = built("otc-2022-05-20");
const rowsOf = (b: BuiltRevision, category?: string) =>
  b.tables.filter((t) => category === undefined || t.category === category).flatMap((t) => t.rows);
const namesOf = (b: BuiltRevision, category?: string) =>
  rowsOf(b, category).map((r) => r.traceName);

function errorOf(run: () => unknown): ExtractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractError) return error;
    throw error;
  }
  throw new Error("expected an ExtractError");
}

describe("revision 2026-09-20", () => {
  it("records per category whether its source was complete, partial or only the seed", () => {
    expect(current.coverage.map((c) => [c.category, c.coverage, c.rows, c.keptRows])).toEqual([
      ["data-management", "partial", 42, 24],
      ["development-environment", "complete", 23, 0],
      ["training", "complete", 15, 0],
      ["model-management", "seed-only", 6, 6],
      ["service-management", "complete", 12, 0],
      ["ai-gallery", "complete", 11, 0],
      ["resource-management", "partial", 29, 0],
      ["inference", "partial", 30, 0],
      ["lite-server", "partial", 38, 0],
      ["maas", "partial", 14, 0],
    ]);
    expect(current.updated).toBe("2026-09-20");
    expect(current.cloud).toBe("huawei-cloud");
  });

  it("drops the 14 legacy training names: the current training page is complete", () => {
    const training = namesOf(current, "training");
    expect(training.some((name) => name.includes("ModelArts"))).toBe(false);
    expect(training).toEqual(expect.arrayContaining(["CreateJobV2", "StopJobV2", "DeleteJobV2"]));
    // Batch delete, from the th-th copy, is DeleteJobV2 again.
    expect(training.filter((name) => name === "DeleteJobV2")).toHaveLength(2);
  });

  it("keeps the 2025-02-07 data and model management rows no current page reaches", () => {
    const seed = built("2025-02-07");
    const kept = current.tables.filter((t) => t.keptFrom === "2025-02-07");
    expect(kept.map((t) => [t.category, t.rows.length])).toEqual([
      ["data-management", 24],
      ["model-management", 6],
    ]);
    const seedRows = rowsOf(seed, "data-management");
    for (const row of kept[0]!.rows) {
      // Kept as the seed spells them (e.g. resource type "dataset", not the Standard page's).
      expect(seedRows).toContainEqual({
        operation: row.operation,
        resourceType: row.resourceType,
        traceName: row.traceName,
      });
    }
    expect(namesOf(current, "data-management")).toContain("workerLoginLabelConsole");
    expect(new Set(namesOf(current, "data-management")).size).toBe(42);
  });

  it("takes the 4 extra rows of the newer Chinese Lite Server copy, with their stated kinds", () => {
    const zh = current.tables.find((t) => t.sourceFile?.endsWith("0050_zh.tsv"));
    expect(zh?.rows.map((r) => [r.traceName, r.traits?.kind, r.traits?.derived])).toEqual([
      ["batchactionServer", "update", ["asynchronous"]],
      ["scaledownhyperinstanceServerHyperinstance", "update", ["asynchronous"]],
      ["scaleuphyperinstanceServerHyperinstance", "update", ["asynchronous"]],
      ["updateServer", "update", ["asynchronous"]],
    ]);
  });

  it("numbers tables 1..n in order and gives every row traits", () => {
    expect(current.tables.map((t) => t.table)).toEqual(current.tables.map((_, i) => i + 1));
    expect(rowsOf(current).every((r) => r.traits !== undefined)).toBe(true);
    expect(current.sourceFile).toBe("packages/catalog/sources/modelarts-cts-current");
    expect(current.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("revision otc-2022-05-20", () => {
  it("is the whole Open Telekom Cloud page, every category complete", () => {
    expect(rowsOf(otc)).toHaveLength(49);
    expect(otc.coverage.map((c) => [c.category, c.coverage, c.rows])).toEqual([
      ["data-management", "complete", 14],
      ["development-environment", "complete", 4],
      ["training", "complete", 14],
      ["model-management", "complete", 6],
      ["service-management", "complete", 11],
    ]);
    expect(otc.cloud).toBe("open-telekom-cloud");
    expect(otc.sourceFile).toBe(
      "packages/catalog/sources/modelarts-cts-current/otc_key_operations_recorded_by_cts.tsv",
    );
  });

  it("has its own notebook trace names, change_instance_status for start and stop", () => {
    expect(namesOf(otc, "development-environment")).toEqual([
      "create_instance",
      "delete_instance",
      "change_instance_status",
      "change_instance_status",
    ]);
  });
});

describe("assembleRevision refuses a plan the sources do not support", () => {
  const tsvs = loadCurrentSources(REPO_ROOT);
  const seeds = revisions.slice(0, 2);
  const withCategory = (plan: RevisionPlan, index: number, change: object): RevisionPlan => ({
    ...plan,
    categories: plan.categories.map((c, i) => (i === index ? { ...c, ...change } : c)),
  });
  const lite = CURRENT_PLAN.categories.findIndex((c) => c.category === "lite-server");

  it("builds the real plans", () => {
    expect(assembleRevision({ plan: CURRENT_PLAN, tsvs, earlier: seeds })).toEqual(current);
    expect(assembleRevision({ plan: OTC_PLAN, tsvs, earlier: seeds })).toEqual(otc);
  });

  it.each([
    [
      "a secondary row neither repeated nor taken",
      withCategory(CURRENT_PLAN, lite, {
        secondary: [{ file: "lite-server_usermanual-server-0050_zh.tsv", take: [] }],
      }),
      /lists "batch action on servers" .* which its primary page does not/,
    ],
    [
      "a take entry that matches no row",
      withCategory(CURRENT_PLAN, lite, {
        secondary: [{ file: "lite-server_usermanual-server-0050_zh.tsv", take: ["fly"] }],
      }),
      /has no lite-server row "fly" to take/,
    ],
    [
      "a file that was not loaded",
      withCategory(CURRENT_PLAN, lite, { primary: "nope.tsv" }),
      /the plan names nope\.tsv/,
    ],
    [
      "a page without rows of the category",
      withCategory(CURRENT_PLAN, lite, { primary: "maas_security_0005.tsv", secondary: [] }),
      /has no lite-server rows/,
    ],
    [
      "a date that is not the newest page's",
      { ...CURRENT_PLAN, updated: "2026-06-02" },
      /newest page is dated 2026-09-20, the plan says 2026-06-02/,
    ],
  ])("fails on %s", (_what, plan, message) => {
    const error = errorOf(() => assembleRevision({ plan, tsvs, earlier: seeds }));
    expect(error.code).toBe(ExtractErrorCode.malformedSource);
    expect(error.message).toMatch(message);
  });

  it("fails on one trace name in two categories", () => {
    const clash = {
      name: "clash.tsv",
      file: "clash.tsv",
      sha256: "0".repeat(64),
      tsv: {
        url: "https://example.test",
        updated: undefined,
        title: "Clash",
        rows: [
          {
            category: "ai-gallery",
            operation: "x",
            resourceType: "dataset",
            traceName: "createDataset",
          },
        ],
      },
    } as const;
    const plan: RevisionPlan = {
      ...OTC_PLAN,
      categories: [
        ...OTC_PLAN.categories,
        { category: "ai-gallery", coverage: "complete", primary: "clash.tsv", note: "" },
      ],
    };
    const error = errorOf(() =>
      assembleRevision({ plan, tsvs: new Map([...tsvs, ["clash.tsv", clash]]), earlier: seeds }),
    );
    expect(error.message).toMatch(
      /trace name createDataset is data-management\/dataset and also ai-gallery\/dataset/,
    );
  });
});
