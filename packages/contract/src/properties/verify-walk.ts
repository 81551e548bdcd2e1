import type { ApiTrace } from "@ctsim/catalog";
import { matchesFilters, type TraceFilters } from "../internal/trace-filters.js";
import type { TraceWalk } from "../internal/walk-traces.js";
import { ensure } from "./contract-violation.js";
import type { TimeWindow } from "./provider-context.js";

/** What a walk of one query must give. */
export interface WalkExpectation {
  /** The query's window. */
  readonly window: TimeWindow;
  /** The query's filters. */
  readonly filters: TraceFilters;
  /** Traces the reference walk says match, strictly inside the window. */
  readonly expected: readonly ApiTrace[];
  /** Whether the reference walk saw every trace strictly inside `window` (then nothing else may appear). */
  readonly referenceCovers: boolean;
}

/**
 * Checks a walk against the paging and filter contract: no paging problems, each trace once,
 * newest first, every trace inside the window and matching every filter (sound), every expected
 * trace present (complete) and nothing strictly inside the window that the reference lacks.
 *
 * @throws {ContractViolation} naming the first breach.
 */
export function verifyWalk(walk: TraceWalk, expectation: WalkExpectation): void {
  ensure(walk.problems.length === 0, () => walk.problems.join("; "));
  const seen = new Set<string>();
  let previous: ApiTrace | undefined;
  for (const trace of walk.traces) {
    ensure(!seen.has(trace.trace_id), () => `trace ${trace.trace_id} returned twice`);
    seen.add(trace.trace_id);
    ensure(
      previous === undefined || previous.time >= trace.time,
      () =>
        `not newest first: ${previous?.trace_id} (time ${previous?.time}) before ${trace.trace_id} (time ${trace.time})`,
    );
    previous = trace;
    const { from, to } = expectation.window;
    ensure(
      trace.time >= from && trace.time <= to,
      () => `trace ${trace.trace_id} at ${trace.time} is outside (${from}, ${to})`,
    );
    ensure(
      matchesFilters(trace, expectation.filters),
      () => `trace ${trace.trace_id} does not match ${JSON.stringify(expectation.filters)}`,
    );
  }
  // A truncated walk only vouches for the part of the window it reached.
  const reached = walk.truncated
    ? (walk.traces.at(-1)?.time ?? Number.POSITIVE_INFINITY)
    : Number.NEGATIVE_INFINITY;
  const missing = expectation.expected.filter(
    (trace) => trace.time > reached && !seen.has(trace.trace_id),
  );
  ensure(
    missing.length === 0,
    () =>
      `${missing.length} matching trace(s) missing, e.g. ${missing[0]?.trace_id} (time ${missing[0]?.time}) of ${expectation.expected.length} expected`,
  );
  if (expectation.referenceCovers) {
    const known = new Set(expectation.expected.map((trace) => trace.trace_id));
    const { from, to } = expectation.window;
    const extra = walk.traces.find((t) => t.time > from && t.time < to && !known.has(t.trace_id));
    ensure(
      extra === undefined,
      () =>
        `trace ${extra?.trace_id} (time ${extra?.time}) is not in the reference walk of this window`,
    );
  }
}
