/**
 * Reads an HTTP `Retry-After` value (delay in seconds, or an HTTP date) as a delay in ms, or
 * `undefined` when absent or unreadable.
 *
 * @example
 * retryAfterMs("2", 0); // 2000
 * retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:59 GMT")); // 1000
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Exponential backoff with a cap: `base * 2^attempt`, at most `max`, for attempt 0, 1, 2, ...
 *
 * @example
 * backoffMs(3, 100, 10_000); // 800
 */
export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** attempt);
}
