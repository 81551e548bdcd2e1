import type { ApiTrace } from "@ctsim/catalog";

/** The ListTraces filters the store indexes, by query parameter name (reference §1.2). */
export const FILTER_FIELDS = [
  "trace_name",
  "resource_type",
  "resource_id",
  "resource_name",
  "user",
  "trace_rating",
  "service_type",
  "tracker_name",
  "access_key_id",
  "enterprise_project_id",
] as const;
/** One indexed ListTraces filter. */
export type FilterField = (typeof FILTER_FIELDS)[number];

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
  switch (field) {
    case "trace_name":
      return trace.traceName;
    case "resource_type":
      return trace.resourceType;
    case "resource_id":
      return trace.resourceId;
    case "resource_name":
      return trace.resourceName;
    case "user":
      return trace.userName;
    case "trace_rating":
      return trace.traceRating;
    case "service_type":
      return trace.serviceType;
    case "tracker_name":
      return trace.trackerName;
    case "access_key_id":
      return trace.accessKeyId;
    case "enterprise_project_id":
      return trace.enterpriseProjectId;
  }
}

/** Where an API-shape trace belongs: its project and tracker (the API shape carries neither). */
export interface TracePlacement {
  readonly projectId: string;
  /** Default: `system`. */
  readonly trackerName?: string;
}

/**
 * The indexable fields of an API-shape trace. `user` matches `user.name`, `access_key_id`
 * matches `user.access_key_id`.
 */
export function indexableOf(trace: ApiTrace, placement: TracePlacement): IndexableTrace {
  return {
    traceId: trace.trace_id,
    traceName: trace.trace_name,
    traceRating: trace.trace_rating,
    traceType: trace.trace_type,
    serviceType: trace.service_type,
    resourceType: trace.resource_type,
    resourceId: trace.resource_id,
    resourceName: trace.resource_name,
    userName: trace.user?.name ?? null,
    accessKeyId: trace.user?.access_key_id ?? null,
    enterpriseProjectId: trace.enterprise_project_id,
    time: trace.time,
    projectId: placement.projectId,
    trackerName: placement.trackerName ?? "system",
  };
}
