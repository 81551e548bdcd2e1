/** What {@link defaultLoadWorkers} looks at: the size of a generated load. */
export interface LoadSize {
  /** Tenants generated. Default: 1. */
  readonly tenants?: number;
  /** The load's trace count, if it has one. */
  readonly count?: number;
}

/**
 * Worker threads for a generated load when none are asked for (`startMockService`, `ctsim
 * serve`). Shard loads (`tenants`, no `count`) split the generator's work, so from 25 tenants
 * they use one worker per core but one, at least 2 and at most 8 (the main thread mostly
 * merges: ~4 µs a trace). `count` loads make every worker walk the whole timeline, which pays
 * from 3 cores (one worker per core but one, at most 8); on 2 cores one worker generating while
 * this thread merges is quickest (1M traces: 11.3 s, against 12.0 s with 2 and 13.1 s with
 * none); below 100,000 traces, 0. Small loads stay on this thread.
 *
 * @example
 * defaultLoadWorkers({ tenants: 270 }, availableParallelism()); // 2 on a 2-core machine
 */
export function defaultLoadWorkers(load: LoadSize, cores: number): number {
  if (load.count === undefined) {
    return (load.tenants ?? 1) >= 25 && cores >= 2 ? Math.min(8, Math.max(2, cores - 1)) : 0;
  }
  if (load.count < 100_000 || cores < 2) return 0;
  return cores === 2 ? 1 : Math.min(8, cores - 1);
}
