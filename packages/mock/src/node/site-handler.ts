/**
 * A request outside the CTS API (a web page, its assets) that the server offers to a
 * {@link SiteHandler} before the gateway sees it.
 */
export interface SiteRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path without the query, as sent. */
  readonly path: string;
  /** Query string as sent, without the `?` (`""` when none). */
  readonly query: string;
  /** Headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The gateway's verdict on this request for `projectId`'s data, for a handler that serves
   * data of the tenants (not only files): the caller authenticated as for the API (under the
   * server's auth mode) and allowed that project, and its account; or the gateway's refusal to
   * send as is. The request's body is taken as empty (an AK/SK signature covers it).
   */
  authorize(projectId: string): SiteVerdict;
}

/** What {@link SiteRequest.authorize} decides: the project's account, or the refusal to send. */
export type SiteVerdict =
  | { readonly ok: true; readonly domainId: string }
  | { readonly ok: false; readonly response: SiteResponse };

/** A site handler's answer, sent as is (no CTS error shape, no auth). */
export interface SiteResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

/**
 * Answers what it serves (e.g. the explorer page at `/` for a browser) and returns `undefined`
 * for everything else, which then goes to the CTS core (gateway, routes, errors) as usual.
 * Called for each request whose head passed the gateway's limits; it must not throw.
 */
export type SiteHandler = (request: SiteRequest) => SiteResponse | undefined;
