/**
 * ISO 8601 (UTC, milliseconds) of an epoch ms, as the gateway's expiry messages show it; the
 * number itself when it is no date.
 *
 * @example isoTime(0) // "1970-01-01T00:00:00.000Z"
 */
export function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}
