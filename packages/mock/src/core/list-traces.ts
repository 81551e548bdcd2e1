import {
  DEFAULT_QUERY_WINDOW_MS,
  LIST_TRACES_LIMIT,
  SYSTEM_ONLY_FILTERS,
  TRACE_QUERY_TYPES,
  TRACE_RATINGS,
} from "@ctsim/catalog";
import type { BodyPool } from "../internal/body-pool.js";
import { FILTER_FIELDS, type FilterField, type TraceKind } from "../store/trace-fields.js";
import type { TracePage, TraceQuery, TraceWindow } from "../store/trace-store.js";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import { badParameter, queryParam } from "./request-input.js";

const EPOCH_MS = /^\d{1,15}$/;
const LIMIT = /^[+-]?\d{1,9}$/;

/** A parsed ListTraces request: a store query, or a `trace_id` lookup. */
type ParsedQuery =
  | { readonly kind: "page"; readonly query: TraceQuery }
  | { readonly kind: "byId"; readonly traceId: string; readonly window?: TraceWindow };

/**
 * `GET /v3/{project_id}/traces` (reference §1.2, §3): validates the query, asks the store for one
 * page and joins the stored JSON texts into `{traces, meta_data: {count, marker}}`. The marker
 * comes back as the reply's `nextMarker` too, for the core's page numbers.
 */
export function listTraces(context: HandlerContext): Reply {
  const parsed = parseQuery(context);
  if ("status" in parsed) return parsed;
  const store = context.options.store;
  if (parsed.kind === "byId") {
    const record = store.findRecord(context.scopeId, parsed.traceId, parsed.window);
    return pageReply(context.bodies, record === undefined ? [] : [record], null);
  }
  const result = store.query(parsed.query);
  const traces = duplicateFirst(context, parsed.query, result);
  const last = result.lastTraceId;
  const more = result.hasMore || (context.options.behaviour.markerOnLastPage && last !== undefined);
  return pageReply(context.bodies, traces, more && last !== undefined ? last : null);
}

const encoder = new TextEncoder();
const PAGE_HEAD = encoder.encode('{"traces":[');
const COMMA = 44;

/**
 * Joins stored records into `{traces, meta_data}` with one copy of each record, into a pooled
 * body (every byte of it is written) that the transport releases once sent.
 */
function pageReply(bodies: BodyPool, traces: readonly Uint8Array[], marker: string | null): Reply {
  const markerJson = marker === null ? "null" : JSON.stringify(marker);
  const tail = encoder.encode(`],"meta_data":{"count":${traces.length},"marker":${markerJson}}}`);
  let size = PAGE_HEAD.length + tail.length + Math.max(0, traces.length - 1);
  for (const trace of traces) size += trace.length;
  const pooled = bodies.acquire(size);
  const body = pooled.bytes;
  body.set(PAGE_HEAD, 0);
  let at = PAGE_HEAD.length;
  for (let i = 0; i < traces.length; i++) {
    const trace = traces[i]!;
    if (i > 0) body[at++] = COMMA;
    body.set(trace, at);
    at += trace.length;
  }
  body.set(tail, at);
  return {
    status: 200,
    body,
    release: pooled.release,
    ...(marker === null ? {} : { nextMarker: marker }),
  };
}

/** The duplicate fault: a continuation page starts again with the previous page's last trace. */
function duplicateFirst(
  context: HandlerContext,
  query: TraceQuery,
  result: TracePage,
): readonly Uint8Array[] {
  if (query.olderThan === undefined || !context.faults.duplicate()) return result.traces;
  const previous = context.options.store.findRecord(query.projectId, query.olderThan);
  return previous === undefined ? result.traces : [previous, ...result.traces];
}

function parseQuery(context: HandlerContext): ParsedQuery | Reply {
  const { query } = context;
  const behaviour = context.options.behaviour;
  const get = (name: string): string | undefined => queryParam(query, name);

  const traceType = get("trace_type");
  if (traceType === undefined && behaviour.requireTraceType) {
    return badParameter(context, "trace_type is required: system or data");
  }
  if (traceType !== undefined && !(TRACE_QUERY_TYPES as readonly string[]).includes(traceType)) {
    return badParameter(
      context,
      `trace_type must be system or data, got ${JSON.stringify(traceType)}`,
    );
  }
  const kind = (traceType ?? "system") as TraceKind;

  const limit = parseLimit(context, get("limit"));
  if (typeof limit !== "number") return limit;

  const window = parseWindow(context, get("from"), get("to"));
  if ("status" in window) return window;

  const rating = get("trace_rating");
  if (rating !== undefined && !(TRACE_RATINGS as readonly string[]).includes(rating)) {
    return badParameter(
      context,
      `trace_rating must be normal, warning or incident, got ${JSON.stringify(rating)}`,
    );
  }

  const systemOnly = SYSTEM_ONLY_FILTERS.filter((name) => get(name) !== undefined);
  if (
    kind === "data" &&
    systemOnly.length > 0 &&
    behaviour.systemOnlyFiltersWithData === "reject"
  ) {
    return badParameter(context, `${systemOnly.join(", ")} apply only to trace_type=system`);
  }

  const filters: Partial<Record<FilterField, string>> = {};
  for (const field of FILTER_FIELDS) {
    const value = get(field);
    const ignored = kind === "data" && (SYSTEM_ONLY_FILTERS as readonly string[]).includes(field);
    if (value !== undefined && !ignored) filters[field] = value;
  }
  if (kind === "system" && filters.tracker_name === undefined) filters.tracker_name = "system";

  const next = context.marker;
  const pageQuery: TraceQuery = {
    projectId: context.scopeId,
    kind,
    filters,
    after: window.after,
    before: window.before,
    limit,
    ...(next === undefined ? {} : { olderThan: next }),
  };
  const traceId = get("trace_id");
  if (kind === "system" && traceId !== undefined) {
    return behaviour.traceIdIgnoresWindow
      ? { kind: "byId", traceId }
      : { kind: "byId", traceId, window: pageQuery };
  }
  return { kind: "page", query: pageQuery };
}

function parseLimit(context: HandlerContext, raw: string | undefined): number | Reply {
  if (raw === undefined) return LIST_TRACES_LIMIT.default;
  const range = `${LIST_TRACES_LIMIT.min} to ${LIST_TRACES_LIMIT.max}`;
  if (!LIMIT.test(raw))
    return badParameter(
      context,
      `limit must be an integer from ${range}, got ${JSON.stringify(raw)}`,
    );
  const limit = Number(raw);
  if (limit >= LIST_TRACES_LIMIT.min && limit <= LIST_TRACES_LIMIT.max) return limit;
  if (context.options.behaviour.limitOutOfRange === "clamp") {
    return Math.min(LIST_TRACES_LIMIT.max, Math.max(LIST_TRACES_LIMIT.min, limit));
  }
  return badParameter(context, `limit must be an integer from ${range}, got ${limit}`);
}

function parseWindow(
  context: HandlerContext,
  rawFrom: string | undefined,
  rawTo: string | undefined,
): { readonly after: number; readonly before: number } | Reply {
  for (const [name, raw] of [
    ["from", rawFrom],
    ["to", rawTo],
  ] as const) {
    if (raw !== undefined && !EPOCH_MS.test(raw)) {
      return badParameter(
        context,
        `${name} must be UTC milliseconds since the epoch (13 digits), got ${JSON.stringify(raw)}`,
      );
    }
  }
  const now = context.now;
  const from = rawFrom === undefined ? now - DEFAULT_QUERY_WINDOW_MS : Number(rawFrom);
  const to = rawTo === undefined ? now : Number(rawTo);
  if (from > to) return badParameter(context, `from (${from}) must not be later than to (${to})`);
  const behaviour = context.options.behaviour;
  const cutoff = context.options.store.retentionCutoff();
  if (rawFrom !== undefined && from < cutoff && behaviour.outsideRetention === "reject") {
    return badParameter(context, `from (${from}) is older than the 7-day retention (${cutoff})`);
  }
  const inclusive = behaviour.windowBounds === "inclusive";
  return { after: inclusive ? from - 1 : from, before: inclusive ? to + 1 : to };
}
