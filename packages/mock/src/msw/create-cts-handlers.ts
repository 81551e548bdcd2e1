import { delay, HttpResponse, http, type RequestHandler } from "msw";
import { type CtsCore, createCtsCore } from "../core/cts-core.js";
import type { CtsCoreOptions } from "../core/cts-core-options.js";

/** Options of {@link createCtsHandlers}: a core to serve, or options to create one. */
export interface CtsHandlersOptions extends CtsCoreOptions {
  /**
   * Origin the handlers intercept. Default: `https://cts.cn-north-4.myhuaweicloud.com` (the
   * region of `region`).
   */
  readonly baseUrl?: string;
  /** An existing core to share (its options win over the core options given here). */
  readonly core?: CtsCore;
}

/**
 * msw 2.x request handlers serving CTS v3 for `setupServer` (Node) and `setupWorker` (browser):
 * a thin layer that hands each intercepted request to the transport-free core. Dropped
 * connections become network errors; latency faults use msw's `delay`.
 *
 * @example
 * const server = setupServer(...createCtsHandlers({ store }));
 * server.listen();
 */
export function createCtsHandlers(options: CtsHandlersOptions = {}): RequestHandler[] {
  const core = options.core ?? createCtsCore(options);
  const baseUrl = (
    options.baseUrl ?? `https://cts.${core.options.region}.myhuaweicloud.com`
  ).replace(/\/$/, "");
  const answer = async ({ request }: { request: Request }): Promise<Response> => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    headers.host ??= url.host;
    const response = core.handle({
      method: request.method,
      path: url.pathname,
      query: url.search.startsWith("?") ? url.search.slice(1) : url.search,
      headers,
      body: request.method === "GET" || request.method === "HEAD" ? "" : await request.text(),
      origin: url.origin,
    });
    if (response.fault !== undefined && response.fault.delayMs > 0)
      await delay(response.fault.delayMs);
    if (response.fault?.drop === true) return HttpResponse.error();
    const body = response.body;
    const answer = new HttpResponse(body === "" ? null : (body as BodyInit), {
      status: response.status,
      headers: response.headers,
    });
    // A Response copies the bytes of a typed-array body (Fetch: "extract a body"), so the core
    // may reuse them at once.
    response.release?.();
    return answer;
  };
  return [http.all(`${baseUrl}/*`, answer), http.all(`${baseUrl}/`, answer)];
}
