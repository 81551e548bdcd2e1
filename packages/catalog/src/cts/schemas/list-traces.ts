import { type Static, Type } from "@sinclair/typebox";
import { TRACE_QUERY_TYPES, TRACE_RATINGS } from "../enums.js";
import { EpochMillis, Nullable, StringEnum } from "./schema-helpers.js";
import { ApiTraceSchema } from "./trace.js";

/** Page size limits of ListTraces: default 10, at most 200. */
export const LIST_TRACES_LIMIT = { default: 10, min: 1, max: 200 } as const;

/** How far back ListTraces can see, and its default window (reference §0, §3). */
export const TRACE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_QUERY_WINDOW_MS = 60 * 60 * 1000;

/**
 * The parsed query of `GET /v3/{project_id}/traces` (on the wire every value is a string).
 * `trace_id` overrides every other filter; the filters after `tracker_name` apply to system traces.
 */
export const ListTracesQuerySchema = Type.Object(
  {
    trace_type: StringEnum(TRACE_QUERY_TYPES),
    limit: Type.Optional(
      Type.Integer({ minimum: LIST_TRACES_LIMIT.min, maximum: LIST_TRACES_LIMIT.max }),
    ),
    from: Type.Optional(EpochMillis),
    to: Type.Optional(EpochMillis),
    next: Type.Optional(Type.String({ description: "marker of the previous page (a trace_id)" })),
    tracker_name: Type.Optional(Type.String()),
    service_type: Type.Optional(Type.String()),
    user: Type.Optional(Type.String()),
    resource_id: Type.Optional(Type.String()),
    resource_name: Type.Optional(Type.String()),
    resource_type: Type.Optional(Type.String()),
    trace_id: Type.Optional(Type.String()),
    trace_name: Type.Optional(Type.String()),
    trace_rating: Type.Optional(StringEnum(TRACE_RATINGS)),
    access_key_id: Type.Optional(Type.String()),
    enterprise_project_id: Type.Optional(Type.String()),
  },
  { $id: "ListTracesQuery" },
);
export type ListTracesQuery = Static<typeof ListTracesQuerySchema>;

/** The filters of ListTraces that match a trace field exactly (query name = field name). */
export const TRACE_FIELD_FILTERS = [
  "service_type",
  "resource_id",
  "resource_name",
  "resource_type",
  "trace_id",
  "trace_name",
  "trace_rating",
  "enterprise_project_id",
] as const;

/** Filters documented as effective only for `trace_type=system`. */
export const SYSTEM_ONLY_FILTERS = [
  "service_type",
  "user",
  "resource_id",
  "resource_name",
  "resource_type",
  "trace_id",
  "trace_name",
  "trace_rating",
] as const;

/** `meta_data` of a ListTraces page. */
export const MetaDataSchema = Type.Object({
  count: Type.Integer({ minimum: 0, description: "number of traces in this page" }),
  marker: Nullable(
    Type.String({ description: "trace_id of the last trace; null on the last page" }),
  ),
});

/** Response of `GET /v3/{project_id}/traces`. */
export const ListTracesResponseSchema = Type.Object(
  { traces: Type.Array(ApiTraceSchema), meta_data: MetaDataSchema },
  { $id: "ListTracesResponse" },
);
export type ListTracesResponse = Static<typeof ListTracesResponseSchema>;
