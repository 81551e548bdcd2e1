import {
  DEFAULT_REVISION,
  type ListTracesQuery,
  operationsOf,
  TRACE_RATINGS,
} from "@ctsim/catalog";
import fc from "fast-check";
import type { TraceQueryFilter } from "../internal/trace-filters.js";
import { accessKeyIdArbitrary, userNameArbitrary } from "./user-info.js";

/** An arbitrary of plausible values for each filter the kit checks. */
export type FilterValueArbitraries = {
  readonly [F in TraceQueryFilter]: fc.Arbitrary<NonNullable<ListTracesQuery[F]>>;
};

/**
 * Plausible values for each filter the kit checks, whether or not a provider has them: catalog
 * trace names and resource types, ratings, UUIDs, user names, AKs. Typed over the catalog's
 * filters, so a filter added there does not compile until it has values here. The key order is
 * the order the properties draw filters in ({@link SAMPLED_FILTERS}).
 *
 * @example
 * fc.sample(filterValueArbitraries().trace_rating, 2); // e.g. ["warning", "normal"]
 */
export function filterValueArbitraries(): FilterValueArbitraries {
  const operations = operationsOf(DEFAULT_REVISION);
  return {
    trace_name: fc.constantFrom(...operations.map((row) => row.traceName)),
    resource_type: fc.constantFrom(...operations.map((row) => row.resourceType)),
    resource_id: fc.uuid(),
    resource_name: fc.stringMatching(/^[a-z][a-z0-9-]{2,12}$/),
    user: userNameArbitrary(),
    trace_rating: fc.constantFrom(...TRACE_RATINGS),
    service_type: fc.constantFrom("ModelArts", "ECS", "CTS"),
    access_key_id: accessKeyIdArbitrary(),
    enterprise_project_id: fc.oneof(fc.constant("0"), fc.uuid()),
  };
}

/**
 * The filters the properties draw from, in {@link filterValueArbitraries}' key order: the same
 * set as `TRACE_QUERY_FILTERS`, in the order seeded runs have always drawn them, so a seed
 * replays the same queries.
 */
export const SAMPLED_FILTERS = Object.keys(filterValueArbitraries()) as readonly TraceQueryFilter[];
