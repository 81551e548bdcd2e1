/** The transport-free view of an HTTP request that authentication needs. */

/**
 * A request as the mock core sees it, before any routing.
 *
 * @example
 * { method: "GET", rawPath: "/v3/pid/traces", rawQuery: "limit=10", headers: { host: "localhost:9000" }, body: "", host: "localhost:9000" }
 */
export interface AuthRequest {
  /** Upper-case HTTP method, as sent. */
  method: string;
  /** Path as sent on the wire, percent-encoding intact. */
  rawPath: string;
  /** Query string as sent on the wire, without the `?`; `""` when there is none. */
  rawQuery: string;
  /** Request headers with lower-cased names. */
  headers: Readonly<Record<string, string>>;
  /** The body as text (`""` when there is none). */
  body: string;
  /** Host (and port) the request was sent to; used for `host` when no Host header is present. */
  host: string;
}

/** Looks up a lower-cased header name, with `host` falling back to {@link AuthRequest.host}. */
export function headerLookup(request: AuthRequest): (name: string) => string | undefined {
  return (name) => {
    const value = Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
    return value === undefined && name === "host" ? request.host : value;
  };
}
