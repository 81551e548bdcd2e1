import type { CatalogOperation } from "./catalog-operation.js";
import { operationsOf } from "./operations-of.js";
import type { Revision } from "./revision.js";

/** The text fields compared by {@link diffRevisions}. */
export const RESPELLABLE_FIELDS = ["resourceType", "operation", "tableTitle"] as const;

/** One of {@link RESPELLABLE_FIELDS}. */
export type RespellableField = (typeof RESPELLABLE_FIELDS)[number];

/** One field whose text differs between two revisions of the same operation. */
export interface FieldChange {
  readonly field: RespellableField;
  readonly before: string;
  readonly after: string;
}

/** An operation present in both revisions whose texts differ. */
export interface RespelledOperation {
  readonly traceName: string;
  /** The row in the `from` revision. */
  readonly before: CatalogOperation;
  /** The row in the `to` revision. */
  readonly after: CatalogOperation;
  /** The differing fields, in {@link RESPELLABLE_FIELDS} order; never empty. */
  readonly changes: readonly FieldChange[];
}

/** What changed between two revisions, with rows matched by trace name. */
export interface RevisionDiff {
  readonly from: Revision;
  readonly to: Revision;
  /** In `to` only, in `to`'s page order. */
  readonly added: readonly CatalogOperation[];
  /** In `from` only, in `from`'s page order. */
  readonly removed: readonly CatalogOperation[];
  /** In both, with different texts, in `to`'s page order. */
  readonly respelled: readonly RespelledOperation[];
}

/**
 * Compares two revisions, matching rows by trace name.
 *
 * @example
 * const diff = diffRevisions("2023-11-16", "2025-02-07");
 * diff.removed.map((row) => row.traceName); // ["CreatePoolV2", ..., "UpdateNetworksV1"]
 */
export function diffRevisions(from: Revision, to: Revision): RevisionDiff {
  const before = new Map(operationsOf(from).map((row) => [row.traceName, row]));
  const afterNames = new Set(operationsOf(to).map((row) => row.traceName));
  const added: CatalogOperation[] = [];
  const respelled: RespelledOperation[] = [];
  for (const after of operationsOf(to)) {
    const old = before.get(after.traceName);
    if (old === undefined) {
      added.push(after);
      continue;
    }
    const changes = RESPELLABLE_FIELDS.filter((field) => old[field] !== after[field]).map(
      (field): FieldChange => ({ field, before: old[field], after: after[field] }),
    );
    if (changes.length > 0) {
      respelled.push({ traceName: after.traceName, before: old, after, changes });
    }
  }
  const removed = operationsOf(from).filter((row) => !afterNames.has(row.traceName));
  return { from, to, added, removed, respelled };
}
