import type { Category } from "./category.js";
import type { Revision } from "./revision.js";

/** One table of a revision of the key operations page. */
export interface CatalogTable {
  /** 1-based table number. */
  readonly table: number;
  /** The title as written on the page. */
  readonly title: string;
  /** The category derived from the title. */
  readonly category: Category;
  /** How many operations the table lists. */
  readonly rows: number;
}

/** Where a revision's rows were extracted from, and what its tables are. */
export interface RevisionMetadata {
  readonly revision: Revision;
  /** The page's "Updated on" date (`YYYY-MM-DD`). */
  readonly updated: string;
  /** The source copy of the page, relative to the repository root. */
  readonly sourceFile: string;
  /** SHA-256 (hex) of the source file the rows were extracted from. */
  readonly sha256: string;
  /** The tables in page order. */
  readonly tables: readonly CatalogTable[];
}
