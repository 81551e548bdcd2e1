/** What {@link defaultLoadWorkers} looks at: the size of a generated load. */
export interface LoadSize {
  /** Tenants generated. Default: 1. */
  readonly tenants?: number;
  /** The load's expected trace count, if it has one. */
  readonly expectedCount?: number;
  /** Days generated. Default: 7. */
  readonly days?: number;
}

/** Traces a default tenant produces in a week (the generator's own rate, measured). */
const TRACES_PER_TENANT_WEEK = 3_700;
/** Loads smaller than this stay on the calling thread: starting workers would cost more. */
const WORKER_THRESHOLD = 90_000;

/**
 * Worker threads for a generated load when none are asked for (`startMockService`, `ctsim
 * serve`). Every load is split by the generator's session shards, so a load of 90,000 traces
 * or more (an `expectedCount`, or ~3,700 a week per tenant) uses one worker per core but one, at least
 * 2 and at most 8: on 2 cores two workers and the merging main thread share them well (1M
 * traces over 7 days: 8.2–8.6 s against 9.3–10.2 s with one worker, measured in alternation).
 * Smaller loads, and any load on one core, stay on this thread.
 *
 * @example
 * defaultLoadWorkers({ tenants: 270 }, availableParallelism()); // 2 on a 2-core machine
 */
export function defaultLoadWorkers(load: LoadSize, cores: number): number {
  const traces =
    load.expectedCount ?? ((load.tenants ?? 1) * TRACES_PER_TENANT_WEEK * (load.days ?? 7)) / 7;
  if (traces < WORKER_THRESHOLD || cores < 2) return 0;
  return Math.min(8, Math.max(2, cores - 1));
}
