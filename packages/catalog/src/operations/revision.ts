/**
 * Revisions of the ModelArts "Key Operations Recorded by CTS" page that ctsim knows, keyed by a
 * name that is a valid identifier. The value is the page's "Updated on" date.
 *
 * @example
 * operationsOf(Revision.v20231116).length; // 97
 */
export const Revision = {
  v20231116: "2023-11-16",
  v20250207: "2025-02-07",
} as const satisfies Record<string, string>;

/** One revision of the key operations page, as its "Updated on" date (`YYYY-MM-DD`). */
export type Revision = (typeof Revision)[keyof typeof Revision];

/** Every known revision, oldest first. */
export const REVISIONS = [
  Revision.v20231116,
  Revision.v20250207,
] as const satisfies readonly Revision[];

/** The revision lookups use when none is given: the newest page. */
export const DEFAULT_REVISION = Revision.v20250207;

/**
 * Tells whether a string names a known revision.
 *
 * @example
 * isRevision("2023-11-16"); // true
 * isRevision("2024-01-01"); // false
 */
export function isRevision(value: string): value is Revision {
  return (REVISIONS as readonly string[]).includes(value);
}
