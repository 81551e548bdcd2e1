import type { Category } from "./category.js";
import type { Revision } from "./revision.js";

/** One table of a revision. */
export interface CatalogTable {
  /** 1-based table number. */
  readonly table: number;
  /** The title as written on the page (or the page's title, for today's one-table guide pages). */
  readonly title: string;
  /** The category derived from the title or page. */
  readonly category: Category;
  /** How many operations the table lists. */
  readonly rows: number;
  /** The file the table comes from, when the revision has several (2026-09-20). */
  readonly sourceFile?: string;
  /** Set when the rows are kept from an older revision because no current page contradicts them. */
  readonly keptFrom?: Revision;
}

/**
 * How much of a category's current source was recovered:
 * - `complete`: the whole table of a current page;
 * - `partial`: a current page cut off by the research tool's excerpt limit; the rows past the cut
 *   are unknown, so older rows no current page contradicts are kept;
 * - `seed-only`: no current page was found; the older revision's rows are kept as they were.
 */
export type Coverage = "complete" | "partial" | "seed-only";

/** What a revision knows about one of its categories. */
export interface CategoryCoverage {
  readonly category: Category;
  readonly coverage: Coverage;
  /** Operations of the category in this revision. */
  readonly rows: number;
  /** Of {@link CategoryCoverage.rows}, those kept from an older revision. */
  readonly keptRows: number;
  /** Where the rows come from and what is known to be missing. */
  readonly note: string;
}

/** The cloud a revision documents. */
export type Cloud = "huawei-cloud" | "open-telekom-cloud";

/** Where a revision's rows were extracted from, what its tables are and how complete. */
export interface RevisionMetadata {
  readonly revision: Revision;
  /** The page's "Updated on" date (`YYYY-MM-DD`); for 2026-09-20 the newest of its pages. */
  readonly updated: string;
  /**
   * The source copy of the page, relative to the repository root; for a revision assembled from
   * several pages, their folder.
   */
  readonly sourceFile: string;
  /**
   * SHA-256 (hex) of the source file; for a folder, of its manifest: one line
   * `<sha256 of file>  <file name>\n` per file used, sorted by name (as `sha256sum` prints it).
   */
  readonly sha256: string;
  /** The tables in page order. */
  readonly tables: readonly CatalogTable[];
  readonly cloud: Cloud;
  /** One entry per category the revision has, in {@link CATEGORIES} order. */
  readonly coverage: readonly CategoryCoverage[];
}
