import { TRACE_FILTERS, type TraceFilterDefinition } from "@ctsim/catalog";
import fc from "fast-check";
import { SAMPLED_FILTERS } from "../arbitraries/filter-value.js";
import { filterValueOf, matchesFilters, type TraceFilters } from "../internal/trace-filters.js";
import { walkTraces } from "../internal/walk-traces.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import { type ProviderContext, strictlyInside } from "./provider-context.js";
import { filterArbitrary } from "./samples.js";
import { traceQuery } from "./trace-query.js";
import { verifyWalk } from "./verify-walk.js";

const walkLimit = fc.integer({ min: 50, max: 200 });

async function checkFiltered(
  context: ProviderContext,
  filters: TraceFilters,
  limit: number,
): Promise<void> {
  const walk = await walkTraces(context.client, traceQuery(context.window, filters), {
    limit,
    maxTraces: context.options.maxTraces,
    checkCount: context.options.checkMetaCount,
  });
  const expected = strictlyInside(context.traces, context.window).filter((t) =>
    matchesFilters(t, filters),
  );
  verifyWalk(walk, { window: context.window, filters, expected, referenceCovers: true });
}

/**
 * Every filter is sound (every result matches it) and complete (the results equal the
 * reference walk filtered by it). Values come from the reference walk or are random.
 */
export const filterSoundAndComplete: ContractProperty<ProviderContext> = {
  id: "filters/sound-and-complete",
  title: "every filter returns exactly the traces of the full walk that match it",
  appliesTo: () => true,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(filterArbitrary(context), walkLimit, async ([filter, value], limit) => {
        await checkFiltered(context, { [filter]: value }, limit);
      }),
      settings,
    ),
};

/** Several filters at once return the traces that match all of them. */
export const filtersCombineWithAnd: ContractProperty<ProviderContext> = {
  id: "filters/combine-with-and",
  title: "filters combine with AND",
  appliesTo: () => true,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(
        fc.oneof(
          fc.array(filterArbitrary(context), { minLength: 2, maxLength: 4 }),
          sameTraceFilters(context),
        ),
        walkLimit,
        async (picks, limit) => {
          await checkFiltered(context, Object.fromEntries(picks) as TraceFilters, limit);
        },
      ),
      settings,
    ),
};

/** Two to four filters with the values one trace of the reference walk has (a non-empty AND). */
function sameTraceFilters(context: ProviderContext): fc.Arbitrary<(readonly [string, string])[]> {
  const { traces } = context;
  return fc
    .record({
      index: fc.nat({ max: Math.max(0, traces.length - 1) }),
      filters: fc.subarray([...SAMPLED_FILTERS], { minLength: 2, maxLength: 4 }),
    })
    .map(({ index, filters }) => {
      const trace = traces[index];
      const picks: (readonly [string, string])[] = [];
      for (const filter of filters) {
        const value = trace && filterValueOf(trace, filter);
        if (value !== undefined) picks.push([filter, value]);
      }
      return picks;
    });
}

/** `trace_id` overrides every other filter: the trace comes back even when they contradict it. */
export const traceIdOverrides: ContractProperty<ProviderContext> = {
  id: "filters/trace-id-overrides",
  title: "trace_id returns that trace whatever the other filters say",
  appliesTo: (context) => strictlyInside(context.traces, context.window).length > 0,
  check: (context, settings) => {
    // Only traces strictly inside the window: whether its bounds are included is unconfirmed.
    const traces = strictlyInside(context.traces, context.window);
    const pick = fc.record({
      index: fc.nat({ max: Math.max(0, traces.length - 1) }),
      other: fc.nat({ max: Math.max(0, traces.length - 1) }),
      filters: fc.subarray([...SAMPLED_FILTERS], { minLength: 1 }),
    });
    return checkAsyncProperty(
      fc.asyncProperty(pick, async ({ index, other, filters }) => {
        const target = traces[index];
        const decoy = traces[other];
        if (!target || !decoy) return;
        // Contradicting values: another of an enum's values, another trace's where it differs,
        // else a value nobody has.
        const conflicting: TraceFilters = {};
        for (const filter of filters) {
          const mine = filterValueOf(target, filter);
          const theirs = filterValueOf(decoy, filter);
          const { values }: TraceFilterDefinition = TRACE_FILTERS[filter];
          const other = values?.find((value) => value !== mine);
          conflicting[filter] =
            other ?? (theirs !== undefined && theirs !== mine ? theirs : `no-such-${filter}`);
        }
        const walk = await walkTraces(
          context.client,
          { ...traceQuery(context.window, conflicting), trace_id: target.trace_id },
          { limit: 10, maxTraces: 20, checkCount: context.options.checkMetaCount },
        );
        ensure(walk.problems.length === 0, () => walk.problems.join("; "));
        const ids = walk.traces.map((t) => t.trace_id);
        ensure(
          ids.length === 1 && ids[0] === target.trace_id,
          () =>
            `trace_id=${target.trace_id} with ${JSON.stringify(conflicting)} returned [${ids.join(", ")}]`,
        );
        ensure(
          JSON.stringify(walk.traces[0]) === JSON.stringify(target),
          () => `trace ${target.trace_id} differs from the one in the full walk`,
        );
      }),
      settings,
    );
  },
};
