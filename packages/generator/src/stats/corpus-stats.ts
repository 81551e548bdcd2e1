import { JsonUnitScanner } from "../check/json-unit-scanner.js";
import { GeneratorError, GeneratorErrorCode } from "../generator-error.js";
import type { SectionContext, SectionCounter } from "./stats-section.js";
import {
  STATS_SECTIONS,
  type StatsSectionName,
  type StatsSectionResults,
} from "./stats-sections.js";
import { statsTraceOf } from "./stats-trace.js";

/** Options of {@link createCorpusStats}. */
export interface CorpusStatsOptions {
  /**
   * Distinct keys each section tracks at most (users, IPs, operation names, ids, paths); beyond
   * it values are only counted, so memory stays bounded. Default 10,000.
   */
  readonly maxTracked?: number;
  /** Offset from UTC for hours and weekdays, minutes (e.g. 480 for cn-north-4). Default 0. */
  readonly utcOffsetMinutes?: number;
}

/** The realism report of a corpus: input counts and every section's result. */
export interface CorpusStats {
  /** Trace records read (elements of ListTraces pages count one each). */
  readonly records: number;
  /** Values that were not trace objects, or text that was not JSON (skipped). */
  readonly unreadable: number;
  readonly maxTracked: number;
  readonly sections: StatsSectionResults;
}

/** A streaming reader of a corpus: feed it lines (or records), then ask for the report. */
export interface CorpusStatsReader {
  /** Reads one line of NDJSON, a JSON array or ListTraces pages (1-based line number). */
  push(line: string, lineNumber: number): void;
  /** Counts one parsed record (a trace object in either shape). */
  add(record: unknown): void;
  /** Ends the input and returns the report. */
  finish(): CorpusStats;
}

/**
 * Creates a streaming reader that computes the realism report of a corpus of CTS traces, in
 * the framings `ctsim validate` reads (its scanner) and either wire shape. Memory is bounded by
 * `maxTracked` per section, not by the number of traces.
 *
 * @throws GeneratorError (`CTSIM_GENERATOR_INVALID_OPTION`) for a `maxTracked` below 1 or an
 *   offset outside ±14 h
 * @example
 * const stats = createCorpusStats({ utcOffsetMinutes: 480 });
 * lines.forEach((line, i) => stats.push(line, i + 1));
 * console.log(formatCorpusStats(stats.finish()));
 */
export function createCorpusStats(options: CorpusStatsOptions = {}): CorpusStatsReader {
  const context = resolve(options);
  const names = Object.keys(STATS_SECTIONS) as StatsSectionName[];
  const counters = names.map(
    (name) => STATS_SECTIONS[name].create(context) as SectionCounter<unknown>,
  );
  let records = 0;
  let unreadable = 0;
  const add = (record: unknown): void => {
    const trace = statsTraceOf(record);
    if (trace === undefined) {
      unreadable++;
      return;
    }
    records++;
    for (const counter of counters) counter.add(trace);
  };
  const scanner = new JsonUnitScanner(
    (value) => {
      if (isPage(value)) for (const trace of value.traces) add(trace);
      else add(value);
    },
    () => unreadable++,
  );
  return {
    push: (line, lineNumber) => scanner.push(line, lineNumber),
    add,
    finish() {
      scanner.end();
      const sections = Object.fromEntries(
        names.map((name, i) => [name, (counters[i] as SectionCounter<unknown>).result()]),
      ) as unknown as StatsSectionResults;
      return { records, unreadable, maxTracked: context.maxTracked, sections };
    },
  };
}

function resolve(options: CorpusStatsOptions): SectionContext {
  const { maxTracked = 10_000, utcOffsetMinutes = 0 } = options;
  if (!(Number.isInteger(maxTracked) && maxTracked >= 1))
    throw invalid(`maxTracked must be an integer >= 1, got ${maxTracked}`);
  if (!(Number.isInteger(utcOffsetMinutes) && Math.abs(utcOffsetMinutes) <= 14 * 60))
    throw invalid(`utcOffsetMinutes must be an integer within ±840, got ${utcOffsetMinutes}`);
  return { maxTracked, utcOffsetMinutes };
}

function invalid(message: string): GeneratorError {
  return new GeneratorError(GeneratorErrorCode.invalidOption, `createCorpusStats: ${message}`);
}

function isPage(value: unknown): value is { traces: unknown[] } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return Array.isArray(record.traces) && !("trace_id" in record);
}
