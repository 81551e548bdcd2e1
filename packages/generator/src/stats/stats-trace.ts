/** The fields of one trace the stats sections read, from the ListTraces or the OBS-file shape. */
export interface StatsTrace {
  readonly traceName: string;
  readonly serviceType: string;
  readonly traceType: string;
  readonly rating: string;
  /** `code` as text (`""` when absent or null). */
  readonly code: string;
  /** `time`, epoch ms (NaN when absent). */
  readonly time: number;
  /** The user's id, else name (`""` without a user). */
  readonly user: string;
  readonly userName: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly resourceType: string;
  /** `request`/`response` as JSON text (`""` when absent). */
  readonly request: string;
  readonly response: string;
}

/**
 * Reads a parsed trace record into a {@link StatsTrace}, or `undefined` when it is not an
 * object. OBS files carry `user` as JSON text and `code` as a number; both shapes are accepted.
 *
 * @example
 * statsTraceOf({ trace_name: "addModel", user: '{"name":"alice"}', code: 200 }).userName; // "alice"
 */
export function statsTraceOf(value: unknown): StatsTrace | undefined {
  if (!isObject(value)) return undefined;
  const user = userOf(value.user);
  return {
    traceName: text(value.trace_name),
    serviceType: text(value.service_type),
    traceType: text(value.trace_type),
    rating: text(value.trace_rating),
    code: typeof value.code === "number" ? String(value.code) : text(value.code),
    time: typeof value.time === "number" ? value.time : Number.NaN,
    user: user === undefined ? "" : text(user.id) || text(user.name),
    userName: user === undefined ? "" : text(user.name),
    sourceIp: text(value.source_ip),
    userAgent: text(value.user_agent),
    resourceId: text(value.resource_id),
    resourceName: text(value.resource_name),
    resourceType: text(value.resource_type),
    request: text(value.request),
    response: text(value.response),
  };
}

function userOf(user: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof user === "string" && user !== "") {
    try {
      const parsed: unknown = JSON.parse(user);
      return isObject(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isObject(user) ? user : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
