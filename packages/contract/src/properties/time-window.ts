import { DEFAULT_QUERY_WINDOW_MS, TRACE_RETENTION_MS, validatorFor } from "@ctsim/catalog";
import fc from "fast-check";
import { matchesFilters, type TraceFilters } from "../internal/trace-filters.js";
import { walkTraces } from "../internal/walk-traces.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import type { ProviderContext } from "./provider-context.js";
import { filterArbitrary } from "./samples.js";
import { traceQuery } from "./trace-query.js";

/**
 * Without `from`/`to` the window is the last hour: nothing older (give or take the clock skew),
 * and every trace of the reference walk from that hour.
 */
export const defaultWindowLastHour: ContractProperty<ProviderContext> = {
  id: "time-window/default-last-hour",
  title: "without from/to a query covers the last hour",
  appliesTo: () => true,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(
        fc.option(filterArbitrary(context), { nil: undefined }),
        fc.integer({ min: 50, max: 200 }),
        async (pick, limit) => {
          const filters: TraceFilters = pick ? { [pick[0]]: pick[1] } : {};
          const { clockSkewMs: skew } = context.options;
          const before = context.options.clock();
          const walk = await walkTraces(context.client, traceQuery(undefined, filters), {
            limit,
            maxTraces: context.options.maxTraces,
            checkCount: context.options.checkMetaCount,
          });
          const after = context.options.clock();
          ensure(walk.problems.length === 0, () => walk.problems.join("; "));
          const early = walk.traces.find(
            (t) => t.time < before - DEFAULT_QUERY_WINDOW_MS - skew || t.time > after + skew,
          );
          ensure(
            early === undefined,
            () =>
              `trace ${early?.trace_id} at ${early?.time} is outside the last hour (now ≈ ${after})`,
          );
          const reached = walk.truncated
            ? (walk.traces.at(-1)?.time ?? Number.POSITIVE_INFINITY)
            : Number.NEGATIVE_INFINITY;
          const seen = new Set(walk.traces.map((t) => t.trace_id));
          const missing = context.traces.find(
            (t) =>
              t.time > after - DEFAULT_QUERY_WINDOW_MS + skew &&
              t.time > reached &&
              matchesFilters(t, filters) &&
              !seen.has(t.trace_id),
          );
          ensure(
            missing === undefined,
            () =>
              `trace ${missing?.trace_id} at ${missing?.time} is within the last hour but missing`,
          );
        },
      ),
      settings,
    ),
};

/**
 * Only the last 7 days are queryable: a window reaching further back is either refused with a
 * 400 in CTS's error shape or answered without any trace older than 7 days (which of the two CTS
 * does is unconfirmed).
 */
export const retentionSevenDays: ContractProperty<ProviderContext> = {
  id: "time-window/retention-7-days",
  title: "no trace older than 7 days is ever returned",
  appliesTo: () => true,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30 * 24 * 3_600_000 }),
        fc.integer({ min: 1, max: TRACE_RETENTION_MS }),
        async (gap, span) => {
          const { clockSkewMs: skew } = context.options;
          const from = context.options.clock() - TRACE_RETENTION_MS - skew - 60_000 - gap;
          const query = { ...traceQuery({ from, to: from + span }), limit: "200" };
          const response = await context.client.send({
            method: "GET",
            path: `/v3/${context.client.projectId}/traces`,
            query,
          });
          if (response.status === 400) {
            ensure(
              validatorFor("ErrorBody").check(response.json),
              () => `400 without CTS's error shape: ${response.text.slice(0, 200)}`,
            );
            return;
          }
          ensure(
            response.status === 200,
            () => `answered ${response.status}: ${response.text.slice(0, 200)}`,
          );
          const page = response.json;
          ensure(
            validatorFor("ListTracesResponse").check(page),
            () => "the answer is not a ListTraces response",
          );
          const limit = context.options.clock() - TRACE_RETENTION_MS - skew;
          const old = page.traces.find((t) => t.time < limit);
          ensure(
            old === undefined,
            () => `trace ${old?.trace_id} at ${old?.time} is older than 7 days`,
          );
        },
      ),
      settings,
    ),
};
