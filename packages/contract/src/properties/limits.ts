import { LIST_TRACES_LIMIT, validatorFor } from "@ctsim/catalog";
import fc from "fast-check";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import { type ProviderContext, strictlyInside } from "./provider-context.js";
import { traceQuery } from "./trace-query.js";

/**
 * The first page holds `limit` traces (default 10, at most 200), fewer only when fewer exist,
 * and carries a marker when more remain.
 */
export const limitPageSize: ContractProperty<ProviderContext> = {
  id: "limits/page-size",
  title:
    "a page holds limit traces (1–200, default 10) unless fewer match, with a marker when more remain",
  appliesTo: () => true,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(
        fc.option(fc.integer(LIST_TRACES_LIMIT), { nil: undefined }),
        async (limit) => {
          const params = traceQuery(context.window);
          if (limit !== undefined) params.limit = String(limit);
          const response = await context.client.send({
            method: "GET",
            path: `/v3/${context.client.projectId}/traces`,
            query: params,
          });
          ensure(
            response.status === 200,
            () => `answered ${response.status}: ${response.text.slice(0, 200)}`,
          );
          const page = response.json;
          ensure(
            validatorFor("ListTracesResponse").check(page),
            () => "the answer is not a ListTraces response",
          );
          const size = limit ?? LIST_TRACES_LIMIT.default;
          const inside = strictlyInside(context.traces, context.window).length;
          const upper = context.walk.truncated ? size : Math.min(size, context.traces.length);
          const lower = Math.min(size, inside);
          const got = page.traces.length;
          ensure(
            got >= lower && got <= upper,
            () =>
              `limit=${limit ?? "(none)"} gave ${got} traces; expected ${lower === upper ? lower : `${lower}–${upper}`}`,
          );
          if (inside > size)
            ensure(
              page.meta_data.marker !== null,
              () => `more than ${size} traces match but the marker is null`,
            );
        },
      ),
      settings,
    ),
};
