import type { Category } from "./category.js";
import type { Revision } from "./revision.js";

/**
 * One row of a "Key ... operations traced by CTS" table, in one revision of the page. Texts keep
 * that revision's own spelling (e.g. resource type `Dataset` in 2023-11-16, `dataset` in
 * 2025-02-07), including the page's typos.
 */
export interface CatalogOperation {
  /** The page revision this row comes from. */
  readonly revision: Revision;
  /** The category, derived from the table title. */
  readonly category: Category;
  /** 1-based table number in its revision. */
  readonly table: number;
  /** The table title as written, e.g. "Key data management operations traced by CTS". */
  readonly tableTitle: string;
  /** The operation as described on the page, e.g. "Creating a dataset". */
  readonly operation: string;
  /** The CTS resource type, spelled as in this revision. */
  readonly resourceType: string;
  /** The CTS trace name (event name), e.g. `createDataset`. */
  readonly traceName: string;
}
