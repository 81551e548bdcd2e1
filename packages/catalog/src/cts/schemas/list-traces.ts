import {
  type Static,
  type TLiteral,
  type TOptional,
  type TSchema,
  type TString,
  type TUnion,
  Type,
} from "@sinclair/typebox";
import { TRACE_QUERY_TYPES } from "../enums.js";
import {
  TRACE_FILTER_NAMES,
  TRACE_FILTERS,
  type TraceFilter,
  type TraceFilterDefinition,
} from "../trace-filters.js";
import { EpochMillis, Nullable, StringEnum } from "./schema-helpers.js";
import { ApiTraceSchema } from "./trace.js";

/** Page size limits of ListTraces: default 10, at most 200. */
export const LIST_TRACES_LIMIT = { default: 10, min: 1, max: 200 } as const;

/** How far back ListTraces can see, and its default window (reference §0, §3). */
export const TRACE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_QUERY_WINDOW_MS = 60 * 60 * 1000;

/** The query-string schema of each filter: free text, or one of its values for an enum. */
type FilterProperties = {
  [K in TraceFilter]: TOptional<
    (typeof TRACE_FILTERS)[K] extends { readonly values: infer V extends readonly string[] }
      ? TUnion<TLiteral<V[number]>[]>
      : TString
  >;
};

/** The schema properties of the filters, in {@link TRACE_FILTERS} order. */
function filterProperties(): FilterProperties {
  const properties: Record<string, TSchema> = {};
  for (const name of TRACE_FILTER_NAMES) {
    const { values }: TraceFilterDefinition = TRACE_FILTERS[name];
    properties[name] = Type.Optional(values === undefined ? Type.String() : StringEnum(values));
  }
  return properties as FilterProperties;
}

/**
 * The parsed query of `GET /v3/{project_id}/traces` (on the wire every value is a string): type,
 * page, window, then the filters of {@link TRACE_FILTERS} (which says which are system-only and
 * that `trace_id` overrides the others).
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
    ...filterProperties(),
  },
  { $id: "ListTracesQuery" },
);
/** A parsed ListTraces query. */
export type ListTracesQuery = Static<typeof ListTracesQuerySchema>;

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
