/**
 * Revisions of the ModelArts operations CTS records that ctsim knows, keyed by a name that is a
 * valid identifier. A revision id is a string, either:
 *
 * - `YYYY-MM-DD`: Huawei Cloud. For 2023-11-16 and 2025-02-07, the "Updated on" date of the one
 *   "Key Operations Recorded by CTS" page; for 2026-09-20, the newest date among today's guide
 *   pages it is assembled from (`packages/catalog/sources/modelarts-cts-current/`).
 * - `otc-YYYY-MM-DD`: the Open Telekom Cloud variant of the page, dated by the last change of
 *   its documentation source (the page itself shows no date).
 *
 * @example
 * operationsOf(Revision.v20231116).length; // 97
 */
export const Revision = {
  v20231116: "2023-11-16",
  v20250207: "2025-02-07",
  v20260920: "2026-09-20",
  otc20220520: "otc-2022-05-20",
} as const satisfies Record<string, string>;

/** One revision id (see {@link Revision} for the two forms). */
export type Revision = (typeof Revision)[keyof typeof Revision];

/** Every known revision: Huawei Cloud's oldest first, then the Open Telekom Cloud variant. */
export const REVISIONS = [
  Revision.v20231116,
  Revision.v20250207,
  Revision.v20260920,
  Revision.otc20220520,
] as const satisfies readonly Revision[];

/**
 * The revision lookups use when none is given: today's ModelArts (2026-09-20), what a user of
 * the current console and APIs sees. The seed revisions stay selectable and byte-stable.
 */
export const DEFAULT_REVISION = Revision.v20260920;

/**
 * Tells whether a string names a known revision.
 *
 * @example
 * isRevision("otc-2022-05-20"); // true
 * isRevision("2024-01-01"); // false
 */
export function isRevision(value: string): value is Revision {
  return (REVISIONS as readonly string[]).includes(value);
}
