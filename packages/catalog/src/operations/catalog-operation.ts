import type { Category } from "./category.js";
import type { OperationTraits } from "./operation-traits.js";
import type { Revision } from "./revision.js";

/**
 * One operation row of a revision: a row of a "Key ... operations traced by CTS" table (2023-11-16,
 * 2025-02-07, Open Telekom Cloud) or of one of today's guide pages (2026-09-20). Texts keep that
 * revision's own spelling (e.g. resource type `Dataset` in 2023-11-16, `dataset` in 2025-02-07),
 * including the page's typos. A trace name is unique within the older revisions; in 2026-09-20 and
 * the Open Telekom Cloud variant a few trace names serve two operations (e.g. `BindApiKeyV2`
 * for single and batch binding, `change_instance_status` for start and stop).
 */
export interface CatalogOperation {
  /** The revision this row comes from. */
  readonly revision: Revision;
  /** The category, derived from the table title or the guide page. */
  readonly category: Category;
  /** 1-based table number in its revision. */
  readonly table: number;
  /** The table title (or page title) as written, e.g. "Key data management operations traced by CTS". */
  readonly tableTitle: string;
  /** The operation as described on the page, e.g. "Creating a dataset". */
  readonly operation: string;
  /** The CTS resource type, spelled as in this revision. */
  readonly resourceType: string;
  /** The CTS trace name (event name), e.g. `createDataset`. */
  readonly traceName: string;
  /**
   * Kind, read-only and asynchronous, recorded for the revisions extracted since 2026-09-20
   * (absent from the older rows, which stay as extracted); {@link traitsOf} gives them for any row.
   */
  readonly traits?: OperationTraits;
}
