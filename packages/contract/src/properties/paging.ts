import fc from "fast-check";
import { walkTraces } from "../internal/walk-traces.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import { type ProviderContext, strictlyInside } from "./provider-context.js";
import { subWindowArbitrary } from "./samples.js";
import { traceQuery } from "./trace-query.js";
import { verifyWalk } from "./verify-walk.js";

const limitArbitrary = fc.integer({ min: 1, max: 200 });

/**
 * Walking every page of a window with any `limit` returns each trace exactly once, newest first,
 * with `meta_data.marker` = the last `trace_id` and `meta_data.count` = the page length, and
 * exactly the traces the reference walk holds for that window.
 */
export const pagingEachTraceOnce: ContractProperty<ProviderContext> = {
  id: "paging/each-trace-once",
  title: "walking all pages with any limit returns each trace exactly once, newest first",
  appliesTo: () => true,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(subWindowArbitrary(context), limitArbitrary, async (window, limit) => {
        const walk = await walkTraces(context.client, traceQuery(window), {
          limit,
          maxTraces: context.options.pagingSpan * 4 + 10,
          checkCount: context.options.checkMetaCount,
        });
        verifyWalk(walk, {
          window,
          filters: {},
          expected: strictlyInside(context.traces, window),
          referenceCovers: true,
        });
      }),
      settings,
    ),
};

/** Two walks of the same window with different limits return the same set of traces. */
export const pagingSameSetAnyLimit: ContractProperty<ProviderContext> = {
  id: "paging/same-set-any-limit",
  title: "walking a window with one limit returns the same traces as with any other limit",
  appliesTo: () => true,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(
        subWindowArbitrary(context),
        limitArbitrary,
        limitArbitrary,
        async (window, a, b) => {
          const cap = context.options.pagingSpan * 4 + 10;
          const options = { maxTraces: cap, checkCount: false };
          const first = await walkTraces(context.client, traceQuery(window), {
            ...options,
            limit: a,
          });
          const second = await walkTraces(context.client, traceQuery(window), {
            ...options,
            limit: b,
          });
          const ids = (walk: typeof first): string[] =>
            [...new Set(walk.traces.map((t) => t.trace_id))].sort();
          const [x, y] = [ids(first), ids(second)];
          const onlyA = x.filter((id) => !y.includes(id));
          const onlyB = y.filter((id) => !x.includes(id));
          ensure(
            onlyA.length === 0 &&
              onlyB.length === 0 &&
              first.traces.length === second.traces.length,
            () =>
              `limit=${a} gave ${first.traces.length} traces, limit=${b} gave ${second.traces.length}; only with ${a}: [${onlyA.slice(0, 3).join(", ")}], only with ${b}: [${onlyB.slice(0, 3).join(", ")}]`,
          );
        },
      ),
      settings,
    ),
};
