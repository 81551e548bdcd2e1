/** At most this many worker lanes (far beyond what helps: the main thread merges and writes). */
export const MAX_GENERATE_WORKERS = 64;

/**
 * Lanes `ctsim generate` runs by default on a host with `cores` cores: one per core but the
 * main thread's, which merges the lanes back into the timeline's order and writes. On one or
 * two cores that is a single lane, run in the main thread without the merge: two lanes and the
 * merging thread on two cores took ~45% more CPU than one thread and more wall time in the
 * whole-process bench (apps/cli/bench), while the bytes are the same whatever the number.
 *
 * @example
 * defaultGenerateWorkers(2); // 1
 * defaultGenerateWorkers(8); // 7
 */
export function defaultGenerateWorkers(cores: number): number {
  return Math.min(MAX_GENERATE_WORKERS, Math.max(1, Math.floor(cores) - 1));
}
