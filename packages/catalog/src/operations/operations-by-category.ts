import type { CatalogOperation } from "./catalog-operation.js";
import type { Category } from "./category.js";
import { operationsOf } from "./operations-of.js";
import { DEFAULT_REVISION, type Revision } from "./revision.js";

/**
 * The operations of one category, in page order; empty when the revision has no such table
 * (e.g. `"resource-management"` in 2025-02-07).
 *
 * @param revision - Default: {@link DEFAULT_REVISION}.
 * @example
 * operationsByCategory("training").length; // 14
 */
export function operationsByCategory(
  category: Category,
  revision: Revision = DEFAULT_REVISION,
): readonly CatalogOperation[] {
  return operationsOf(revision).filter((row) => row.category === category);
}
