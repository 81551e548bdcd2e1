import type { StatsTrace } from "./stats-trace.js";

/** What every section is given when a corpus is read. */
export interface SectionContext {
  /** Distinct keys (users, IPs, names, ids) a section tracks at most; the rest are counted only. */
  readonly maxTracked: number;
  /** Offset added to `time` before hours and weekdays are taken, minutes. */
  readonly utcOffsetMinutes: number;
}

/** One section's running counts over a corpus. */
export interface SectionCounter<R> {
  add(trace: StatsTrace): void;
  /** The section's result (plain JSON data). */
  result(): R;
}

/**
 * One section of the realism report: how to count it over a stream of traces and how to print
 * its result. Sections are registered in `STATS_SECTIONS`; adding one is one file and one line.
 */
export interface StatsSection<R> {
  /** Heading of the section in the text report. */
  readonly title: string;
  create(context: SectionContext): SectionCounter<R>;
  /** Lines of the text report (without the heading). */
  format(result: R): string[];
}

/** `part` of `whole` as a percentage with one decimal (`"0.0%"` for an empty whole). */
export function percent(part: number, whole: number): string {
  return `${whole === 0 ? "0.0" : ((100 * part) / whole).toFixed(1)}%`;
}

/** `part / whole` rounded to 4 decimals (0 for an empty whole), for JSON output. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
