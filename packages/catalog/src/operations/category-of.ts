import type { Category } from "./category.js";
import { findByTraceName } from "./find-by-trace-name.js";
import { DEFAULT_REVISION, type Revision } from "./revision.js";

/**
 * The category of the operation with this trace name, or `undefined` when the revision does not
 * list it.
 *
 * @param revision - Default: {@link DEFAULT_REVISION}.
 * @example
 * categoryOf("createNotebook"); // "development-environment"
 */
export function categoryOf(
  traceName: string,
  revision: Revision = DEFAULT_REVISION,
): Category | undefined {
  return findByTraceName(traceName, revision)?.category;
}
