const ID_KEY = '"trace_id":"';

/**
 * Where the `trace_id` value starts in a compact trace JSON text, or -1. Escaped quotes inside
 * `request`/`response` strings read `\"trace_id\"`, so they never match the unescaped key.
 */
export function traceIdOffset(json: string): number {
  const at = json.indexOf(ID_KEY);
  return at < 0 ? -1 : at + ID_KEY.length;
}

/** The `trace_id` of a compact trace JSON text (`""` when it has none). */
export function traceIdOfJson(json: string): string {
  const start = traceIdOffset(json);
  if (start < 0) return "";
  const end = json.indexOf('"', start);
  return json.slice(start, end);
}

/** Whether the compact trace JSON text has `traceId` as its `trace_id`, without allocating. */
export function jsonHasTraceId(json: string, traceId: string): boolean {
  const start = traceIdOffset(json);
  return (
    start >= 0 && json.startsWith(traceId, start) && json.charCodeAt(start + traceId.length) === 34
  );
}
