import { validatorFor } from "@ctsim/catalog";
import fc from "fast-check";
import { invalidListTracesQueryArbitrary } from "../arbitraries/list-traces-query.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import type { ProviderContext } from "./provider-context.js";

/** An invalid ListTraces query gets 400 with `{error_code, error_msg}`, never a 5xx or a page. */
export const invalidQueryGets400: ContractProperty<ProviderContext> = {
  id: "errors/invalid-query-400",
  title: "an invalid query gets 400 in CTS's error shape",
  appliesTo: (context) => context.options.invalidQueryKinds.length > 0,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(
        invalidListTracesQueryArbitrary({
          now: context.now,
          kinds: context.options.invalidQueryKinds,
        }),
        async ({ kind, params }) => {
          const response = await context.client.send({
            method: "GET",
            path: `/v3/${context.client.projectId}/traces`,
            query: params,
          });
          ensure(
            response.status === 400,
            () => `${kind}: answered ${response.status}, not 400: ${response.text.slice(0, 200)}`,
          );
          const issues = validatorFor("ErrorBody").issues(response.json);
          ensure(
            issues.length === 0 && response.json !== undefined,
            () =>
              `${kind}: the 400 body is not {error_code, error_msg}: ${response.text.slice(0, 200)}`,
          );
        },
      ),
      settings,
    ),
};
