import type { CatalogOperation } from "./catalog-operation.js";
import { operationsOf } from "./operations-of.js";
import { DEFAULT_REVISION, type Revision } from "./revision.js";

/**
 * The operation with this trace name (exact, case-sensitive), or `undefined`. Trace names are
 * unique within 2023-11-16 and 2025-02-07; where a later revision has one trace name serve two
 * operations (`BindApiKeyV2`, `DeleteJobV2`, `createNotebookImage`, `change_instance_status`),
 * the first row in page order is returned. The extraction tool checks that both rows have the
 * same category and resource type.
 *
 * @param revision - Default: {@link DEFAULT_REVISION}.
 * @example
 * findByTraceName("createDataset")?.resourceType; // "dataset"
 * findByTraceName("CreatePoolV2"); // undefined: only in 2023-11-16
 */
export function findByTraceName(
  traceName: string,
  revision: Revision = DEFAULT_REVISION,
): CatalogOperation | undefined {
  return operationsOf(revision).find((row) => row.traceName === traceName);
}
