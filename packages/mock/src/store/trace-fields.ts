import {
  type ApiTrace,
  isTraceFieldFilter,
  type NarrowingTraceFilter,
  traceFilterValue,
} from "@ctsim/catalog";

/** Which ListTraces `trace_type` a trace answers to: management or data (OBS object) traces. */
export type TraceKind = "system" | "data";

/**
 * The fields of a trace the store indexes. The generator's `TraceEvent` has this shape, so its
 * events are stored without parsing their JSON.
 */
export interface IndexableTrace {
  readonly traceId: string;
  readonly traceName: string;
  readonly traceRating: string;
  /** Record `trace_type` (`ApiCall`, `ConsoleAction`, `SystemAction`, `ObsSDK`, ...). */
  readonly traceType: string;
  readonly serviceType: string;
  readonly resourceType: string;
  readonly resourceId?: string | null | undefined;
  readonly resourceName?: string | null | undefined;
  readonly userName: string | null;
  readonly accessKeyId: string | null;
  readonly enterpriseProjectId?: string | null | undefined;
  readonly time: number;
  readonly projectId: string;
  /** `system` for management traces, the data tracker's name for data traces. */
  readonly trackerName: string;
}

/** The fields of {@link IndexableTrace} that hold text: what a filter index can hold. */
type TextField = {
  [K in keyof IndexableTrace]-?: IndexableTrace[K] extends string | null | undefined ? K : never;
}[keyof IndexableTrace];

/**
 * The field of {@link IndexableTrace} each ListTraces filter is indexed by: every filter of the
 * catalog's `TRACE_FILTERS` but `trace_id`, which the trace-id table answers. A filter added to
 * the catalog does not compile until it is mapped here. The key order is the store's index
 * order, and so a snapshot's column order: append, do not reorder.
 */
export const FILTER_INDEX_FIELDS = {
  trace_name: "traceName",
  resource_type: "resourceType",
  resource_id: "resourceId",
  resource_name: "resourceName",
  user: "userName",
  trace_rating: "traceRating",
  service_type: "serviceType",
  tracker_name: "trackerName",
  access_key_id: "accessKeyId",
  enterprise_project_id: "enterpriseProjectId",
} as const satisfies Record<NarrowingTraceFilter, TextField>;

/** One indexed ListTraces filter. */
export type FilterField = keyof typeof FILTER_INDEX_FIELDS;

/** The ListTraces filters the store indexes, in index order (reference §1.2). */
export const FILTER_FIELDS = Object.keys(FILTER_INDEX_FIELDS) as readonly FilterField[];

const DATA_SOURCES = new Set(["ObsSDK", "ObsAPI"]);

/** Data traces come from OBS (`ObsSDK`/`ObsAPI`); everything else is a management trace. */
export function kindOf(trace: Pick<IndexableTrace, "traceType">): TraceKind {
  return DATA_SOURCES.has(trace.traceType) ? "data" : "system";
}

/** The value of `field` in `trace`, as the filter of the same name matches it. */
export function filterValueOf(
  trace: IndexableTrace,
  field: FilterField,
): string | null | undefined {
  return trace[FILTER_INDEX_FIELDS[field]];
}

/** Where an API-shape trace belongs: its project and tracker (the API shape carries neither). */
export interface TracePlacement {
  readonly projectId: string;
  /** Default: `system`. */
  readonly trackerName?: string;
}

/**
 * The indexable fields of an API-shape trace: each filter's value as the catalog's
 * `traceFilterValue` reads it (`user` matches `user.name`, `access_key_id` matches
 * `user.access_key_id`); `tracker_name`, which is no field of the API shape, from the placement.
 */
export function indexableOf(trace: ApiTrace, placement: TracePlacement): IndexableTrace {
  const indexable: Record<string, unknown> = {
    traceId: trace.trace_id,
    traceType: trace.trace_type,
    time: trace.time,
    projectId: placement.projectId,
    trackerName: placement.trackerName ?? "system",
  };
  for (const field of FILTER_FIELDS) {
    if (isTraceFieldFilter(field))
      indexable[FILTER_INDEX_FIELDS[field]] = traceFilterValue(trace, field);
  }
  return indexable as unknown as IndexableTrace;
}
