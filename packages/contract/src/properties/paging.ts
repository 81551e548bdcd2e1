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

/**
 * Two walks of the whole reference window with different limits return the same traces, each
 * once, newest first. Limits start at 1/20 of the window's traces so a walk takes at most ~20 pages.
 */
export const pagingSameSetAnyLimit: ContractProperty<ProviderContext> = {
  id: "paging/same-set-any-limit",
  title: "walking the whole window with any limit returns the same traces as with any other limit",
  appliesTo: () => true,
  check: (context, settings) => {
    const smallest = Math.min(200, Math.max(1, Math.ceil(context.traces.length / 20)));
    const limits = fc.integer({ min: smallest, max: 200 });
    const { window } = context;
    const expectation = {
      window,
      filters: {},
      expected: strictlyInside(context.traces, window),
      referenceCovers: true,
    };
    return checkAsyncProperty(
      fc.asyncProperty(limits, limits, async (a, b) => {
        const options = {
          maxTraces: context.options.maxTraces + 10,
          checkCount: context.options.checkMetaCount,
        };
        const first = await walkTraces(context.client, traceQuery(window), {
          ...options,
          limit: a,
        });
        verifyWalk(first, expectation);
        const second = await walkTraces(context.client, traceQuery(window), {
          ...options,
          limit: b,
        });
        verifyWalk(second, expectation);
        const ids = (walk: typeof first): string[] => walk.traces.map((t) => t.trace_id).sort();
        const [x, y] = [ids(first), ids(second)];
        const onlyA = x.filter((id) => !y.includes(id));
        const onlyB = y.filter((id) => !x.includes(id));
        ensure(
          onlyA.length === 0 && onlyB.length === 0,
          () =>
            `limit=${a} gave ${x.length} traces, limit=${b} gave ${y.length}; only with ${a}: [${onlyA.slice(0, 3).join(", ")}], only with ${b}: [${onlyB.slice(0, 3).join(", ")}]`,
        );
      }),
      settings,
    );
  },
};
