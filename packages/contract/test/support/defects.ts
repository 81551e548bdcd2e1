/**
 * Deliberate bugs the reference provider can carry, each of which the provider suite must catch.
 */
export const DEFECTS = [
  /** A page that has a next page drops its last trace (the marker still points at it). */
  "drop-last-of-page",
  /** The `trace_name` filter is ignored. */
  "ignore-trace-name-filter",
  /** `next` resumes one trace too late, skipping one trace per page. */
  "marker-off-by-one",
  /** One trace is stored twice (at-least-once delivery leaking into the API). */
  "duplicate-trace",
  /** Pages are oldest first. */
  "ascending-order",
  /** Invalid queries get 500 instead of 400. */
  "500-on-invalid-query",
  /** Traces older than 7 days are returned. */
  "no-retention",
  /** A second data tracker with an existing name is accepted (no CTS.0208). */
  "duplicate-tracker-accepted",
  /** Deleting a notification leaves it counted in the quota. */
  "notification-quota-leak",
  /** Deleting a tag by key and value deletes it whatever its value. */
  "tag-delete-ignores-value",
  /** The payload hash is taken from `X-Sdk-Content-Sha256` even when that header is not signed. */
  "unsigned-content-hash-trusted",
  /** A well-formed project id of another account (or of none) is served to any credential. */
  "foreign-project-served",
  /** A project id that is not 32 lower-case hex digits is served (created on first use). */
  "malformed-project-served",
  /** A create for another account's project is carried out there, then answered 403. */
  "refused-create-keeps-state",
  /** Temporary credentials are accepted after they expire. */
  "expired-temporary-accepted",
  /** A security token is accepted with any AK as long as some account issued it and it is unexpired. */
  "security-token-not-bound",
] as const;

/** One of {@link DEFECTS}. */
export type Defect = (typeof DEFECTS)[number];
