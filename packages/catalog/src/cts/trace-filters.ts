import { TRACE_RATINGS } from "./enums.js";
import type { ApiTrace, UserInfo } from "./schemas/trace.js";

/** The keys of `T` whose values are text (or absent): the only fields a filter can match. */
type TextKeys<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends string ? K : never;
}[keyof T] &
  string;

/**
 * Where a filter's value sits in an API-shape trace: a top-level text field, or a text field of
 * its `user`. The type refuses paths to non-text fields, so a mistyped path does not compile.
 */
export type TraceFieldPath = readonly [TextKeys<ApiTrace>] | readonly ["user", TextKeys<UserInfo>];

/** How one ListTraces filter behaves (reference §1.2, §3). */
export interface TraceFilterDefinition {
  /**
   * The field of the API shape the filter matches exactly, or `null` when the filter names where
   * a trace is kept rather than a field of it (`tracker_name`: the API shape has no tracker).
   */
  readonly field: TraceFieldPath | null;
  /** Documented as effective only for `trace_type=system`. */
  readonly systemOnly: boolean;
  /** The values the filter accepts when it is an enum; absent for free text. */
  readonly values?: readonly string[];
  /** Looks one trace up by id and overrides every other filter (only `trace_id`). */
  readonly overridesOthers?: true;
}

/**
 * The filters of `GET /v3/{project_id}/traces`, in the reference's order (§1.2), which is also
 * the order of their properties in `ListTracesQuerySchema`. The query schema, the mock's indexes
 * and the contract kit's filters all derive from this table: adding a filter here is the one
 * change of fact, and the compiler then points at each place that must say how to handle it.
 *
 * @example
 * TRACE_FILTERS.user.field; // ["user", "name"]
 * TRACE_FILTERS.trace_id.overridesOthers; // true
 */
export const TRACE_FILTERS = {
  tracker_name: { field: null, systemOnly: false },
  service_type: { field: ["service_type"], systemOnly: true },
  user: { field: ["user", "name"], systemOnly: true },
  resource_id: { field: ["resource_id"], systemOnly: true },
  resource_name: { field: ["resource_name"], systemOnly: true },
  resource_type: { field: ["resource_type"], systemOnly: true },
  trace_id: { field: ["trace_id"], systemOnly: true, overridesOthers: true },
  trace_name: { field: ["trace_name"], systemOnly: true },
  trace_rating: { field: ["trace_rating"], systemOnly: true, values: TRACE_RATINGS },
  access_key_id: { field: ["user", "access_key_id"], systemOnly: false },
  enterprise_project_id: { field: ["enterprise_project_id"], systemOnly: false },
} as const satisfies Record<string, TraceFilterDefinition>;

type Filters = typeof TRACE_FILTERS;

/** One ListTraces filter: a query parameter of {@link TRACE_FILTERS}. */
export type TraceFilter = keyof Filters;

/** A filter that matches a field of the API shape: every filter but `tracker_name`. */
export type TraceFieldFilter = {
  [K in TraceFilter]: Filters[K]["field"] extends null ? never : K;
}[TraceFilter];

/** A filter that narrows a page together with the others (AND): every filter but `trace_id`. */
export type NarrowingTraceFilter = {
  [K in TraceFilter]: Filters[K] extends { readonly overridesOthers: true } ? never : K;
}[TraceFilter];

/** A filter documented as effective only for `trace_type=system`. */
export type SystemOnlyTraceFilter = {
  [K in TraceFilter]: Filters[K]["systemOnly"] extends true ? K : never;
}[TraceFilter];

/** Every filter of {@link TRACE_FILTERS}, in its order. */
export const TRACE_FILTER_NAMES = Object.keys(TRACE_FILTERS) as readonly TraceFilter[];

/** The filters documented as effective only for `trace_type=system`, in table order. */
export const SYSTEM_ONLY_FILTERS: readonly SystemOnlyTraceFilter[] = TRACE_FILTER_NAMES.filter(
  (name): name is SystemOnlyTraceFilter => TRACE_FILTERS[name].systemOnly,
);

/**
 * Whether a filter matches a field of the API shape (not a placement such as `tracker_name`).
 *
 * @example
 * TRACE_FILTER_NAMES.filter(isTraceFieldFilter); // every filter but "tracker_name"
 */
export function isTraceFieldFilter(name: TraceFilter): name is TraceFieldFilter {
  return TRACE_FILTERS[name].field !== null;
}

/**
 * Whether a filter narrows a page together with the others (every filter but `trace_id`).
 *
 * @example
 * isNarrowingTraceFilter("trace_id"); // false
 */
export function isNarrowingTraceFilter(name: TraceFilter): name is NarrowingTraceFilter {
  return !("overridesOthers" in TRACE_FILTERS[name]);
}
