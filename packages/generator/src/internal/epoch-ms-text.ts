/** `000`–`999`: the millisecond part of an epoch-ms number. */
const MILLIS = Array.from({ length: 1000 }, (_, ms) => String(ms).padStart(3, "0"));

/**
 * `String(ms)` for an epoch time in milliseconds, about 4× faster for the times the generator
 * writes. A 13-digit epoch-ms number is a heap double whose conversion goes through V8's
 * general double-to-text path (~200 ns); the seconds fit a small integer, which converts
 * quickly, and the last three digits come from a table.
 *
 * @example
 * epochMsText(1_763_683_200_042) === "1763683200042";
 */
export function epochMsText(ms: number): string {
  if (ms < 1000 || !Number.isSafeInteger(ms)) return String(ms);
  const seconds = Math.floor(ms / 1000);
  return seconds + (MILLIS[ms - seconds * 1000] as string);
}
