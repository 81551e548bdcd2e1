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

/** A fault the transport carries out on top of the response. */
export interface TransportFault {
  /** Wait this long before answering (ms). */
  readonly delayMs: number;
  /** Close the connection without answering (the body is not sent). */
  readonly drop: boolean;
}

/** The core's answer: status, headers (lower-cased names) and body text. */
export interface CtsResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Set when a configured fault asks the transport to delay or drop. */
  readonly fault?: TransportFault;
}

/** What a route handler returns: the core adds headers and the request id. */
export interface Reply {
  readonly status: number;
  /** JSON text, or `""` for an empty body. */
  readonly body: string;
}
