import type { CatalogOperation } from "./catalog-operation.js";
import { OPERATION_ROWS } from "./generated-operations.js";
import { DEFAULT_REVISION, type Revision } from "./revision.js";

const byRevision = new Map<Revision, readonly CatalogOperation[]>();

/**
 * Every operation of one revision of the key operations page, in page order (table by table).
 *
 * @param revision - Default: {@link DEFAULT_REVISION} (`"2026-09-20"`).
 * @example
 * operationsOf().length; // 91
 * operationsOf("2023-11-16").length; // 97
 */
export function operationsOf(revision: Revision = DEFAULT_REVISION): readonly CatalogOperation[] {
  let rows = byRevision.get(revision);
  if (rows === undefined) {
    rows = Object.freeze(OPERATION_ROWS.filter((row) => row.revision === revision));
    byRevision.set(revision, rows);
  }
  return rows;
}
