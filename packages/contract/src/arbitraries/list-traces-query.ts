import {
  DEFAULT_REVISION,
  LIST_TRACES_LIMIT,
  type ListTracesQuery,
  operationsOf,
  type Revision,
  TRACE_RATINGS,
  TRACE_RETENTION_MS,
} from "@ctsim/catalog";
import fc from "fast-check";
import { filterValueArbitraries } from "./filter-value.js";

/** Options of the ListTraces query arbitraries. */
export interface ListTracesQueryArbitraryOptions {
  /** The provider's "now", epoch ms: windows stay inside the 7 days before it. */
  readonly now: number;
  /** Catalog revision trace names and resource types come from. Default: `DEFAULT_REVISION`. */
  readonly revision?: Revision;
}

/**
 * A valid ListTraces query: `trace_type=system`, maybe a `limit` (1–200), maybe a window inside
 * the last 7 days with `from < to`, and any of the filters, with values from the catalog
 * (trace names, resource types, ratings) or of the right shape (UUIDs, user names, AKs).
 *
 * @example
 * fc.sample(listTracesQueryArbitrary({ now: Date.UTC(2026, 0, 1) }), 1);
 */
export function listTracesQueryArbitrary(
  options: ListTracesQueryArbitraryOptions,
): fc.Arbitrary<ListTracesQuery> {
  const operations = operationsOf(options.revision ?? DEFAULT_REVISION);
  const earliest = options.now - TRACE_RETENTION_MS + 60_000;
  const window = fc
    .tuple(
      fc.integer({ min: earliest, max: options.now - 1 }),
      fc.integer({ min: 1, max: TRACE_RETENTION_MS }),
    )
    .map(([from, span]) => ({ from, to: Math.min(options.now, from + span) }));
  return fc
    .record(
      {
        limit: fc.integer(LIST_TRACES_LIMIT),
        window,
        // Every filter the kit checks (in their drawing order), some with narrower values here:
        // the revision's operations, longer names, ModelArts only, the default enterprise project.
        ...filterValueArbitraries(),
        trace_name: fc.constantFrom(...operations.map((row) => row.traceName)),
        resource_type: fc.constantFrom(...operations.map((row) => row.resourceType)),
        resource_name: fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/),
        service_type: fc.constant("ModelArts"),
        enterprise_project_id: fc.constant("0"),
        trace_id: fc.uuid({ version: 1 }),
      },
      { requiredKeys: [] },
    )
    .map(({ window: w, ...rest }): ListTracesQuery => ({ trace_type: "system", ...w, ...rest }));
}

/**
 * The URL query of a ListTraces query: every value as text, absent fields left out.
 *
 * @example
 * toQueryParams({ trace_type: "system", limit: 5 }); // { trace_type: "system", limit: "5" }
 */
export function toQueryParams(query: ListTracesQuery): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params[name] = String(value);
  }
  return params;
}

/** The ways a ListTraces query can be wrong that CTS answers with 400 (reference §1.2, §3). */
export const INVALID_QUERY_KINDS = [
  "limit-below-min",
  "limit-above-max",
  "limit-not-an-integer",
  "from-not-a-number",
  "to-not-a-number",
  "from-after-to",
  "trace-type-unknown",
  "trace-rating-unknown",
] as const satisfies readonly string[];

/** One of {@link INVALID_QUERY_KINDS}. */
export type InvalidQueryKind = (typeof INVALID_QUERY_KINDS)[number];

/** A query with exactly one thing wrong: what is wrong, and the raw URL parameters. */
export interface InvalidListTracesQuery {
  readonly kind: InvalidQueryKind;
  readonly params: Readonly<Record<string, string>>;
}

/** Options of {@link invalidListTracesQueryArbitrary}. */
export interface InvalidListTracesQueryArbitraryOptions extends ListTracesQueryArbitraryOptions {
  /** Which kinds to produce. Default: all of {@link INVALID_QUERY_KINDS}. */
  readonly kinds?: readonly InvalidQueryKind[];
}

/**
 * A ListTraces query that breaks exactly one rule (see {@link INVALID_QUERY_KINDS}); the rest of
 * it is valid, so a 400 can only come from that rule. `limit` outside 1–200 is unconfirmed as a
 * 400 in the reference (Uncertain 4); pass `kinds` to leave it out.
 *
 * @example
 * fc.sample(invalidListTracesQueryArbitrary({ now }), 1)[0]; // { kind: "limit-above-max", params: {…} }
 */
export function invalidListTracesQueryArbitrary(
  options: InvalidListTracesQueryArbitraryOptions,
): fc.Arbitrary<InvalidListTracesQuery> {
  const kinds = options.kinds ?? INVALID_QUERY_KINDS;
  const base = listTracesQueryArbitrary(options).map(toQueryParams);
  const notInteger = fc.oneof(
    fc.constantFrom("ten", "1.5", "-", "12abc"),
    fc.stringMatching(/^[a-z]{1,6}$/),
  );
  const breakers: Record<InvalidQueryKind, fc.Arbitrary<Record<string, string>>> = {
    "limit-below-min": fc
      .integer({ min: -1000, max: LIST_TRACES_LIMIT.min - 1 })
      .map((n) => ({ limit: String(n) })),
    "limit-above-max": fc
      .integer({ min: LIST_TRACES_LIMIT.max + 1, max: 100_000 })
      .map((n) => ({ limit: String(n) })),
    "limit-not-an-integer": notInteger.map((limit) => ({ limit })),
    "from-not-a-number": notInteger.map((from) => ({ from, to: String(options.now) })),
    "to-not-a-number": notInteger.map((to) => ({ from: String(options.now - 60_000), to })),
    "from-after-to": fc.integer({ min: 1, max: 3_600_000 }).map((gap) => ({
      from: String(options.now - 60_000 + gap),
      to: String(options.now - 60_000),
    })),
    "trace-type-unknown": fc
      .stringMatching(/^[a-z]{1,8}$/)
      .filter((t) => t !== "system" && t !== "data")
      .map((trace_type) => ({ trace_type })),
    "trace-rating-unknown": fc
      .stringMatching(/^[a-z]{1,8}$/)
      .filter((r) => !(TRACE_RATINGS as readonly string[]).includes(r))
      .map((trace_rating) => ({ trace_rating })),
  };
  return fc.constantFrom(...kinds).chain((kind) =>
    fc.tuple(base, breakers[kind]).map(([params, broken]) => {
      const merged: Record<string, string> = { ...params, ...broken };
      // trace_id overrides other filters, so a provider might rightly ignore a bad filter next to it.
      delete merged.trace_id;
      return { kind, params: merged };
    }),
  );
}
