import type { StreamStats } from "@ctsim/generator/node";

/**
 * The human summary `ctsim stream` prints on stderr at the end.
 *
 * @example
 * formatSummary(stats); // "ctsim stream: 60000 traces, 72.1 MB in 60.0 s; rate mean 1000.0/s, p99 1001/s (target 1000/s, kept up); 0 errors; stopped by duration\n"
 */
export function formatSummary(stats: StreamStats): string {
  const target =
    stats.targetRate === null
      ? "full speed"
      : `target ${stats.targetRate}/s, ${stats.keptUp ? "kept up" : "DID NOT keep up (±2% over 10 s)"}`;
  const perSecond =
    stats.p99Rate === null
      ? "p99 and min n/a (under a second)"
      : `p99 ${stats.p99Rate}/s, min ${stats.minRate}/s`;
  const unconfirmed =
    stats.unconfirmed === 0 ? "" : ` (${stats.unconfirmed} more taken but not confirmed written)`;
  return (
    `ctsim stream: ${stats.traces} traces${unconfirmed}, ${(stats.bytes / 1e6).toFixed(1)} MB in ${(stats.durationMs / 1000).toFixed(1)} s; ` +
    `rate mean ${stats.meanRate.toFixed(1)}/s, ${perSecond} (${target}); ` +
    `${stats.errors} error${stats.errors === 1 ? "" : "s"}; stopped by ${stats.stoppedBy}\n`
  );
}
