import { mix32 } from "../internal/prng.js";

/** One hour, the span of a digest file (reference §7.2). */
export const DIGEST_PERIOD_MS = 3_600_000;

/**
 * The hourly grid digests are cut on: `offset + k × 1 h`, where the offset (whole seconds within
 * the hour) comes from the seed, as CTS's example digest covers `01-09-17Z` to `02-09-17Z` rather
 * than whole hours.
 *
 * @example digestGridOffset(1); // e.g. 1_517_000 (25 min 17 s)
 */
export function digestGridOffset(seed: number): number {
  return (mix32((seed >>> 0) ^ 0xd16e57) % 3600) * 1000;
}

/** The end of the digest window holding `time` (the first grid point after it). */
export function digestWindowEnd(time: number, offset: number): number {
  return (
    Math.floor((time - offset) / DIGEST_PERIOD_MS) * DIGEST_PERIOD_MS + offset + DIGEST_PERIOD_MS
  );
}
