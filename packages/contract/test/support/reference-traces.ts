import {
  type ApiTrace,
  DEFAULT_QUERY_WINDOW_MS,
  TRACE_RATINGS,
  TRACE_RETENTION_MS,
} from "@ctsim/catalog";
import {
  matchesFilters,
  TRACE_QUERY_FILTERS,
  type TraceFilters,
} from "../../src/internal/trace-filters.js";
import type { Defect } from "./defects.js";

/** A reply of the reference provider. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

/** CTS's error body with a documented code (or a 500 for the "500 on invalid" defect). */
export function errorReply(status: number, code: string, message: string): Reply {
  return { status, body: { error_code: code, error_msg: message } };
}

function bad(message: string, defects: ReadonlySet<Defect>): Reply {
  return defects.has("500-on-invalid-query")
    ? errorReply(500, "CTS.0005", "Failed to read data.")
    : errorReply(400, "CTS.0300", `Query failed. ${message}`);
}

/**
 * ListTraces over a fixed set of traces, per the reference: newest first (ties by trace_id),
 * window `(from, to)` exclusive, default the last hour, nothing older than 7 days, `limit` 1–200
 * (default 10), filters ANDed, `trace_id` overriding them, marker = last trace_id, null at the end.
 */
export function listTraces(
  all: readonly ApiTrace[],
  params: URLSearchParams,
  now: number,
  defects: ReadonlySet<Defect>,
): Reply {
  const traceType = params.get("trace_type") ?? "system";
  if (traceType !== "system" && traceType !== "data")
    return bad("trace_type must be system or data", defects);
  const limitText = params.get("limit") ?? "10";
  if (!/^\d+$/.test(limitText)) return bad("limit must be an integer", defects);
  const limit = Number(limitText);
  if (limit < 1 || limit > 200) return bad("limit must be 1 to 200", defects);
  const fromText = params.get("from");
  const toText = params.get("to");
  if ((fromText !== null && !/^\d+$/.test(fromText)) || (toText !== null && !/^\d+$/.test(toText)))
    return bad("from and to are epoch milliseconds", defects);
  const to = toText === null ? now : Number(toText);
  const from = fromText === null ? to - DEFAULT_QUERY_WINDOW_MS : Number(fromText);
  if (from >= to) return bad("from must be before to", defects);
  const rating = params.get("trace_rating");
  if (rating !== null && !(TRACE_RATINGS as readonly string[]).includes(rating))
    return bad("unknown trace_rating", defects);
  const oldest = defects.has("no-retention") ? Number.NEGATIVE_INFINITY : now - TRACE_RETENTION_MS;
  if (traceType === "data") return page([], null);

  const filters: TraceFilters = {};
  for (const name of TRACE_QUERY_FILTERS) {
    const value = params.get(name);
    if (value !== null && !(defects.has("ignore-trace-name-filter") && name === "trace_name"))
      filters[name] = value;
  }
  const traceId = params.get("trace_id");
  const matching = all
    .filter((t) => t.time > from && t.time < to && t.time >= oldest)
    .filter((t) => (traceId !== null ? t.trace_id === traceId : matchesFilters(t, filters)))
    .sort((a, b) => b.time - a.time || (a.trace_id < b.trace_id ? 1 : -1));
  if (defects.has("ascending-order")) matching.reverse();

  let start = 0;
  const next = params.get("next");
  if (next !== null) {
    const at = matching.findIndex((t) => t.trace_id === next);
    if (at < 0) return bad("unknown next marker", defects);
    start = at + (defects.has("marker-off-by-one") ? 2 : 1);
  }
  const traces = matching.slice(start, start + limit);
  const more = start + limit < matching.length;
  const marker = more ? (traces.at(-1)?.trace_id ?? null) : null;
  return page(defects.has("drop-last-of-page") && more ? traces.slice(0, -1) : traces, marker);
}

function page(traces: readonly ApiTrace[], marker: string | null): Reply {
  return { status: 200, body: { traces, meta_data: { count: traces.length, marker } } };
}
