import fc from "fast-check";
import { filterValueArbitraries, SAMPLED_FILTERS } from "../arbitraries/filter-value.js";
import { filterValueOf, type TraceQueryFilter } from "../internal/trace-filters.js";
import type { ProviderContext, TimeWindow } from "./provider-context.js";

/** One filter and its value. */
export type FilterPick = readonly [TraceQueryFilter, string];

/**
 * A sub-window of the reference walk holding at most `pagingSpan + 1` of its traces: from the
 * `start`-th newest trace back `span` traces, with bounds 1 ms outside them.
 */
export function subWindowArbitrary(context: ProviderContext): fc.Arbitrary<TimeWindow> {
  const { traces } = context;
  if (traces.length === 0) return fc.constant(context.window);
  return fc
    .record({
      // Unbiased, so windows cover the whole walk instead of clustering at its newest end.
      start: fc.noBias(fc.nat({ max: traces.length - 1 })),
      span: fc.noBias(fc.nat({ max: context.options.pagingSpan })),
    })
    .map(({ start, span }) => {
      const newest = traces[start]?.time ?? context.window.to;
      const oldest = traces[Math.min(traces.length - 1, start + span)]?.time ?? context.window.from;
      return {
        from: Math.max(context.window.from, oldest - 1),
        to: Math.min(context.window.to, newest + 1),
      };
    });
}

/** A filter value some trace of the reference walk has (falls back to a random one if none has it). */
function sampledFilterArbitrary(context: ProviderContext): fc.Arbitrary<FilterPick> {
  const { traces } = context;
  if (traces.length === 0) return randomFilterArbitrary();
  return fc
    .tuple(fc.constantFrom(...SAMPLED_FILTERS), fc.nat({ max: traces.length - 1 }))
    .chain(([filter, index]) => {
      for (let k = 0; k < traces.length; k++) {
        const trace = traces[(index + k) % traces.length];
        const value = trace && filterValueOf(trace, filter);
        if (value !== undefined) return fc.constant([filter, value] as const);
      }
      return randomValueArbitrary(filter).map((value) => [filter, value] as const);
    });
}

/** A filter with a plausible value nobody may have: catalog names, ratings, UUIDs, user names. */
function randomFilterArbitrary(): fc.Arbitrary<FilterPick> {
  return fc
    .constantFrom(...SAMPLED_FILTERS)
    .chain((filter) => randomValueArbitrary(filter).map((value) => [filter, value] as const));
}

/** Either a sampled filter (three times in four) or a random one. */
export function filterArbitrary(context: ProviderContext): fc.Arbitrary<FilterPick> {
  return fc.oneof(
    { weight: 3, arbitrary: sampledFilterArbitrary(context) },
    { weight: 1, arbitrary: randomFilterArbitrary() },
  );
}

const randomValues = filterValueArbitraries();

function randomValueArbitrary(filter: TraceQueryFilter): fc.Arbitrary<string> {
  return randomValues[filter];
}
