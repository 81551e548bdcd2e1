/**
 * A request outside the CTS API (a web page, its assets) that the server offers to a
 * {@link SiteHandler} before the gateway sees it.
 */
export interface SiteRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path without the query, as sent. */
  readonly path: string;
  /** Headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
}

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
