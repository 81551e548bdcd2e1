import type { Category, Cloud, Coverage, Revision } from "@ctsim/catalog/operations";

/** The folder of today's research TSVs, relative to the repository root. */
export const CURRENT_SOURCE_DIR = "packages/catalog/sources/modelarts-cts-current";

/**
 * Every TSV of {@link CURRENT_SOURCE_DIR} with its row count, from the folder's README table. The
 * loader refuses a file whose count differs, and a `.tsv` in the folder that is not listed here.
 */
export const TSV_ROW_COUNTS: Readonly<Record<string, number>> = {
  "training-v2_develop-modelarts-0026.tsv": 14,
  "training-v2-eps_develop-modelarts-0026_th-th.tsv": 8,
  "notebook_devtool-modelarts_03033.tsv": 23,
  "inference-v2_develop-modelarts-0026_th-th.tsv": 22,
  "inference-v2_inference2.0-modelarts-0103_zh.tsv": 30,
  "lite-server_usermanual-server-0050.tsv": 34,
  "lite-server_usermanual-server-0050_zh.tsv": 12,
  "resource-pool-lite-cluster_resmgmt-modelarts_0091_zh.tsv": 29,
  "maas_security_0005.tsv": 14,
  "standard_resmgmt-modelarts_0015.tsv": 18,
  "productdesc_modelarts_01_0034_zh-guide-mirror.tsv": 31,
  "otc_key_operations_recorded_by_cts.tsv": 49,
};

/** A second page of a category: its rows must repeat the primary's, except those it adds. */
export interface SecondarySource {
  /** TSV file name in {@link CURRENT_SOURCE_DIR}. */
  readonly file: string;
  /**
   * Operations (our wording) this page adds to the primary's; every other row of the category
   * must have a resource type and trace name the primary lists, or the tool stops.
   */
  readonly take: readonly string[];
}

/** Where one category of an assembled revision comes from. */
export interface CategoryPlan {
  readonly category: Category;
  readonly coverage: Coverage;
  /** TSV file whose rows of this category come first, in page order. */
  readonly primary?: string;
  readonly secondary?: readonly SecondarySource[];
  /**
   * An older revision whose rows of this category are kept when the revision lacks their trace
   * name: for categories whose current page is cut off or missing (`partial`, `seed-only`).
   */
  readonly keepFrom?: Revision;
  /** Says where the rows come from and what is missing; goes into the revision metadata. */
  readonly note: string;
}

/** How to assemble one revision from the TSVs (and, where allowed, an older revision). */
export interface RevisionPlan {
  readonly revision: Revision;
  readonly cloud: Cloud;
  /**
   * The revision's date. For Huawei Cloud it must be the newest date among its pages; the Open
   * Telekom Cloud page shows none, so its date is stated (see its plan).
   */
  readonly updated: string;
  /** In the order the categories appear in the generated module. */
  readonly categories: readonly CategoryPlan[];
}

const PRODUCTDESC = "productdesc_modelarts_01_0034_zh-guide-mirror.tsv";
const OTC = "otc_key_operations_recorded_by_cts.tsv";

/**
 * Today's Huawei Cloud ModelArts, named by its newest page (MaaS, 2026-09-20). Training,
 * notebook, service management and AI Gallery come from complete tables; the rest from pages cut
 * off by the excerpt limit. Data and model management keep the 2025-02-07 rows that were not
 * captured (no current page contradicts them); training keeps none, because the current training
 * page is complete and lists only the V2 names.
 */
export const CURRENT_PLAN: RevisionPlan = {
  revision: "2026-09-20",
  cloud: "huawei-cloud",
  updated: "2026-09-20",
  categories: [
    {
      category: "data-management",
      coverage: "partial",
      primary: "standard_resmgmt-modelarts_0015.tsv",
      keepFrom: "2025-02-07",
      note: "ModelArts Standard page, cut off after stopTask; the 2025-02-07 rows it does not reach (team labeling, workforce, labeling console, createAgency) are kept.",
    },
    {
      category: "development-environment",
      coverage: "complete",
      primary: "notebook_devtool-modelarts_03033.tsv",
      secondary: [{ file: PRODUCTDESC, take: [] }],
      note: "Notebook page (complete, 2026-05-29); the product description's development environment table (complete) repeats 8 of its names.",
    },
    {
      category: "training",
      coverage: "complete",
      primary: "training-v2_develop-modelarts-0026.tsv",
      secondary: [
        {
          file: "training-v2-eps_develop-modelarts-0026_th-th.tsv",
          take: ["batch delete training jobs"],
        },
      ],
      note: "Training page (complete, 2026-05-30): V2 names only, the 14 legacy names are gone; the th-th copy adds batch delete (DeleteJobV2 again).",
    },
    {
      category: "model-management",
      coverage: "seed-only",
      keepFrom: "2025-02-07",
      note: "No current page found; the 6 rows of 2025-02-07 are kept.",
    },
    {
      category: "service-management",
      coverage: "complete",
      primary: PRODUCTDESC,
      note: "Product description's service table (complete, mirror of 2025-12-17): the 2025-02-07 names plus startOrStopNodesService.",
    },
    {
      category: "ai-gallery",
      coverage: "complete",
      primary: PRODUCTDESC,
      note: "Product description's AI Gallery table (complete, mirror of 2025-12-17): the 2025-02-07 names plus star_content.",
    },
    {
      category: "resource-management",
      coverage: "partial",
      primary: "resource-pool-lite-cluster_resmgmt-modelarts_0091_zh.tsv",
      note: "Dedicated resource pool and Lite Cluster page (Chinese), cut off before the pool federation list; no older rows apply (2025-02-07 has no such table, 2023-11-16's PoolV2 names were renamed).",
    },
    {
      category: "inference",
      coverage: "partial",
      primary: "inference-v2_inference2.0-modelarts-0103_zh.tsv",
      secondary: [{ file: "inference-v2_develop-modelarts-0026_th-th.tsv", take: [] }],
      note: "Inference deployment (new version) page (Chinese), cut off before the managed cluster rows; the th-th copy repeats its first 22 rows.",
    },
    {
      category: "lite-server",
      coverage: "partial",
      primary: "lite-server_usermanual-server-0050.tsv",
      secondary: [
        {
          file: "lite-server_usermanual-server-0050_zh.tsv",
          take: [
            "batch action on servers",
            "scale in supernode",
            "scale out supernode",
            "update server",
          ],
        },
      ],
      note: "Lite Server page (2025-08-18), cut off at the next row; the newer Chinese copy, also cut off, adds 4 names. Kinds are the page's CRUD column.",
    },
    {
      category: "maas",
      coverage: "partial",
      primary: "maas_security_0005.tsv",
      note: "MaaS operation audit page (2026-09-20), cut off before delete endpoint.",
    },
  ],
};

/**
 * The Open Telekom Cloud variant of the key operations page (complete). Its page shows no date;
 * 2022-05-20 is the last change of its text in the opentelekomcloud-docs/modelarts repository
 * (commit 3aaf8b07; a 2024-06-10 change only reworded "AI application").
 */
export const OTC_PLAN: RevisionPlan = {
  revision: "otc-2022-05-20",
  cloud: "open-telekom-cloud",
  updated: "2022-05-20",
  categories: [
    [
      "data-management",
      "14 rows, without the team labeling and labeling console rows of Huawei Cloud.",
    ],
    [
      "development-environment",
      "create_instance, delete_instance, change_instance_status (start and stop).",
    ],
    ["training", "The 14 legacy names, restartModelArtsgTensorboardJob typo included."],
    ["model-management", "The 6 rows of Huawei Cloud's page."],
    ["service-management", "The 11 rows of Huawei Cloud's 2025-02-07 page."],
  ].map(([category, note]) => ({
    category: category as Category,
    coverage: "complete" as const,
    primary: OTC,
    note: `Open Telekom Cloud page (complete): ${note}`,
  })),
};

/** The assembled revisions, in the order they follow the seeds in the generated module. */
export const REVISION_PLANS: readonly RevisionPlan[] = [CURRENT_PLAN, OTC_PLAN];
