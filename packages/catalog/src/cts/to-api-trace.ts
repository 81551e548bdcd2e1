import { OBS_ONLY_FIELDS } from "./obs-only-fields.js";

/**
 * Converts a trace record in any wire shape CTS writes to the ListTraces (SDK) shape: drops the
 * {@link OBS_ONLY_FIELDS}, turns a numeric `code` into text, parses `user` given as JSON text
 * (`null` when it is not JSON) and serializes `request`/`response` given as objects (the API
 * reference example's shape, reference §2.4). Other fields stay as they are, in their order. The
 * input is not checked: validate the result with `validatorFor("ApiTrace")`. The inverse of
 * {@link toObsTrace} for API-shape traces.
 *
 * @example
 * toApiTrace({ code: 201, user: '{"name":"alice"}', project_id: "p1" }); // { code: "201", user: { name: "alice" } }
 */
export function toApiTrace(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const trace: Record<string, unknown> = { ...record };
  for (const field of OBS_ONLY_FIELDS) delete trace[field];
  if (typeof trace.code === "number") trace.code = String(trace.code);
  if (typeof trace.user === "string") {
    try {
      trace.user = JSON.parse(trace.user) as unknown;
    } catch {
      trace.user = null;
    }
  }
  for (const field of ["request", "response"] as const) {
    const body = trace[field];
    if (typeof body === "object" && body !== null) trace[field] = JSON.stringify(body);
  }
  return trace;
}
