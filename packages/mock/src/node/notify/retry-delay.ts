import type { Prng } from "../../internal/prng.js";

/** How long to wait between attempts. */
export interface RetryPolicy {
  /** Attempts per message, the first included. */
  readonly maxAttempts: number;
  /** Wait after the first failed attempt, ms; doubled after each further one. */
  readonly baseDelayMs: number;
  /** Longest wait, ms. */
  readonly maxDelayMs: number;
}

/**
 * The wait after failed attempt `attempt` (1-based): exponential backoff, capped, with "equal
 * jitter" (half fixed, half drawn from `prng`), so that receivers coming back up are not hit by
 * every sender at once, while a seed reproduces the waits.
 *
 * @example
 * retryDelay(3, { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000 }, prng); // 2000…4000
 */
export function retryDelay(attempt: number, policy: RetryPolicy, prng: Prng): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + prng.next() * (exponential / 2));
}
