import type { CatalogOperation } from "./catalog-operation.js";
import { deriveTraits } from "./derive-traits.js";
import type { OperationTraits } from "./operation-traits.js";

/**
 * The traits of a row: those it records (2026-09-20, Open Telekom Cloud), else derived from its
 * trace name as the extraction tool would (2023-11-16, 2025-02-07).
 *
 * @example
 * traitsOf(findByTraceName("getNotebook", "2026-09-20")!).readOnly; // true
 */
export function traitsOf(operation: CatalogOperation): OperationTraits {
  return operation.traits ?? deriveTraits(operation.traceName);
}
