import { TRACE_RATINGS } from "./filters.js";
import type { Trace } from "./trace.js";

export const HOUR_MS = 3600_000;

/** The traces of one hour, by rating (a rating outside CTS's three counts as `normal`). */
export interface HourBin {
  /** Start of the hour, epoch ms (UTC hours). */
  readonly start: number;
  readonly counts: Record<(typeof TRACE_RATINGS)[number], number>;
}

/** The hours (UTC) that cut the window [from, to], oldest first, every one empty. */
export function emptyBins(from: number, to: number): HourBin[] {
  const bins: HourBin[] = [];
  for (let start = Math.floor(from / HOUR_MS) * HOUR_MS; start <= to; start += HOUR_MS) {
    bins.push({ start, counts: { normal: 0, warning: 0, incident: 0 } });
  }
  return bins;
}

/** Counts each trace into its hour's bin; traces outside the bins are ignored. */
export function addToBins(bins: HourBin[], traces: readonly Trace[]): void {
  const first = bins[0]?.start;
  if (first === undefined) return;
  for (const trace of traces) {
    const bin = bins[Math.floor((trace.time - first) / HOUR_MS)];
    if (bin === undefined) continue;
    const rating = TRACE_RATINGS.find((r) => r === trace.trace_rating) ?? "normal";
    bin.counts[rating]++;
  }
}

/** All traces of a bin. */
export function binTotal(bin: HourBin): number {
  return bin.counts.normal + bin.counts.warning + bin.counts.incident;
}
