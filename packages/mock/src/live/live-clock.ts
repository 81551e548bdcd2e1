/** Options of {@link liveClock}. */
export interface LiveClockOptions {
  /** The clock's reading at creation (epoch ms). */
  readonly start: number;
  /** How many times faster than real time it runs. Default: 1. */
  readonly speed?: number;
  /** Monotonic real time in ms. Default: `performance.now`. */
  readonly elapsed?: () => number;
}

/**
 * A simulated wall clock for live mode: `start` plus the real time elapsed since creation times
 * `speed`, in whole milliseconds (trace times are whole ms). Measured on a monotonic clock, so a
 * system clock adjustment does not move it backwards.
 *
 * @example
 * const now = liveClock({ start: Date.now(), speed: 60 }); // an hour a minute
 */
export function liveClock(options: LiveClockOptions): () => number {
  const speed = options.speed ?? 1;
  const elapsed = options.elapsed ?? (() => performance.now());
  const origin = elapsed();
  const { start } = options;
  return () => Math.floor(start + (elapsed() - origin) * speed);
}
