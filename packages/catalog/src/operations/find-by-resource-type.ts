import type { CatalogOperation } from "./catalog-operation.js";
import { operationsOf } from "./operations-of.js";
import { DEFAULT_REVISION, type Revision } from "./revision.js";

/**
 * The operations on one resource type, spelled exactly as the revision spells it (`"Dataset"` in
 * 2023-11-16, `"dataset"` in 2025-02-07); an empty array when none match.
 *
 * @param revision - Default: {@link DEFAULT_REVISION}.
 * @example
 * findByResourceType("Notebook").length; // 6
 */
export function findByResourceType(
  resourceType: string,
  revision: Revision = DEFAULT_REVISION,
): readonly CatalogOperation[] {
  return operationsOf(revision).filter((row) => row.resourceType === resourceType);
}
