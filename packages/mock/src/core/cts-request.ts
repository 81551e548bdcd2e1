import type { TransportFault } from "../faults/transport-fault.js";

/** One HTTP request as the core sees it, independent of any transport. */
export interface CtsRequest {
  /** HTTP method, any case. */
  readonly method: string;
  /** Path as sent on the wire (percent-encoded), e.g. `/v3/abc/traces`. */
  readonly path: string;
  /** Query string as sent, without the leading `?` (`""` when none). */
  readonly query: string;
  /** Headers with lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Request body as text (`""` when none). */
  readonly body: string;
  /** Scheme and authority the client used, e.g. `http://127.0.0.1:9000`; used for version links. */
  readonly origin?: string;
}

/**
 * The core's answer: status, headers (lower-cased names) and body. ListTraces pages come as
 * UTF-8 bytes assembled from the stored records; everything else as text (`""` when empty).
 */
export interface CtsResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
  /** Set when a configured fault asks the transport to delay or drop. */
  readonly fault?: TransportFault;
  /**
   * Set when the body's memory can serve a later response: call it once, after the body has
   * been written and nothing reads it any more. Never calling it is safe.
   */
  readonly release?: () => void;
  /**
   * The project whose state the request changed (a successful tracker, notification, tag or
   * configuration write; see `CtsCore.exportState`): a transport that persists the state holds
   * the answer until the change is saved.
   */
  readonly changedProject?: string;
}

/** What a route handler returns: the core adds headers and the request id. */
export interface Reply {
  readonly status: number;
  /** JSON text or UTF-8 bytes, or `""` for an empty body. */
  readonly body: string | Uint8Array;
  /** Hands pooled body bytes back (see {@link CtsResponse.release}). */
  readonly release?: () => void;
  /**
   * The continuation marker the answer hands out (ListTraces' `meta_data.marker`) on a route
   * with pages: the core numbers the page it leads to.
   */
  readonly nextMarker?: string;
}

const decoder = new TextDecoder();

/**
 * The body of a response as text, whichever form the core produced.
 *
 * @example
 * const page = JSON.parse(responseText(core.handle(request)));
 */
export function responseText(response: Pick<CtsResponse, "body">): string {
  return typeof response.body === "string" ? response.body : decoder.decode(response.body);
}
