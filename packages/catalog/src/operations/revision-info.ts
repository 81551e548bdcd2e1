import { REVISION_METADATA } from "./generated-operations.js";
import { DEFAULT_REVISION, type Revision } from "./revision.js";
import type { RevisionMetadata } from "./revision-metadata.js";

/**
 * Where a revision was extracted from (source file, its SHA-256) and its tables.
 *
 * @param revision - Default: {@link DEFAULT_REVISION}.
 * @example
 * revisionInfo("2023-11-16").tables.length; // 7
 */
export function revisionInfo(revision: Revision = DEFAULT_REVISION): RevisionMetadata {
  const info = REVISION_METADATA.find((entry) => entry.revision === revision);
  if (info === undefined) {
    // Unreachable while the generated module covers every REVISIONS entry.
    throw new Error(`No metadata for revision ${revision}; run pnpm catalog:extract.`);
  }
  return info;
}
