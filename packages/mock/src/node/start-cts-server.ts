import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CtsCore, createCtsCore } from "../core/cts-core.js";
import type { CtsCoreOptions } from "../core/cts-core-options.js";
import type { CtsResponse } from "../core/cts-request.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { ClientErrorResponder } from "./client-error.js";
import { readBody } from "./read-body.js";
import { headProblem, MAX_HEADERS_BYTES } from "./request-head-limits.js";
import type { SiteHandler, SiteRequest, SiteResponse, SiteVerdict } from "./site-handler.js";

/** Options of {@link startCtsServer}: where to listen, and a core or options to create one. */
export interface CtsServerOptions extends CtsCoreOptions {
  /** Interface to bind. Default: `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default: 0. */
  readonly port?: number;
  /** An existing core to serve (its options win over the core options given here). */
  readonly core?: CtsCore;
  /**
   * Largest accepted body: a larger one gets 413 `APIGW.0201` as soon as its `Content-Length`
   * or its bytes pass the limit, and the connection is closed. Default: 12 MiB (API Gateway's).
   */
  readonly maxBodyBytes?: number;
  /**
   * How long a client may take to send a whole request (head and body) before it gets 408
   * `APIGW.0201` and the connection is closed. Default: 60,000 ms.
   */
  readonly requestTimeoutMs?: number;
  /** How long `close()` waits for in-flight requests before cutting connections. Default: 5000 ms. */
  readonly closeTimeoutMs?: number;
  /**
   * Awaited after each request that changed a project's state (`CtsResponse.changedProject`),
   * before its answer is sent: e.g. to save the change to disk first, so that an acknowledged
   * write is a saved one. When it rejects, the client gets 500 `CTS.0004` instead. Default: none.
   */
  readonly commitState?: (projectId: string) => Promise<void>;
  /**
   * Static JSON documents answered to GET and HEAD by exact path (`/openapi.json` → its text),
   * before the gateway: no credentials needed, as a service's published API description.
   * Default: none.
   */
  readonly documents?: ReadonlyMap<string, string>;
  /**
   * Offered each request (once its head passed the limits) before the CTS core: what it answers
   * is sent as is, outside the gateway's auth (e.g. the explorer page). Default: none.
   */
  readonly site?: SiteHandler;
}

/** A running server. */
export interface CtsServer {
  /** Base URL, e.g. `http://127.0.0.1:9000`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly core: CtsCore;
  /** Stops accepting, lets in-flight requests finish (up to the timeout), then resolves. */
  close(): Promise<void>;
}

interface ResolvedServerOptions {
  readonly host: string;
  readonly port: number;
  readonly core: CtsCore;
  readonly maxBodyBytes: number;
  readonly requestTimeoutMs: number;
  readonly closeTimeoutMs: number;
  readonly commitState: ((projectId: string) => Promise<void>) | undefined;
  readonly site: SiteHandler | undefined;
}

function resolveServerOptions(options: CtsServerOptions): ResolvedServerOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `port ${port} must be an integer from 0 to 65535`,
    );
  }
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs < 1) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `requestTimeoutMs ${requestTimeoutMs} must be a positive integer`,
    );
  }
  return {
    host: options.host ?? "127.0.0.1",
    port,
    core: options.core ?? createCtsCore(options),
    maxBodyBytes: options.maxBodyBytes ?? 12 * 1024 * 1024,
    requestTimeoutMs,
    closeTimeoutMs: options.closeTimeoutMs ?? 5000,
    commitState: options.commitState,
    site: options.site,
  };
}

/**
 * Serves CTS v3 over plain `node:http`, calling the transport-free core directly (no msw in the
 * request path), for clients in any language and for load tests.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` for a bad port; `CTSIM_MOCK_SERVER` when the
 *   port cannot be bound.
 * @example
 * const server = await startCtsServer({ store, port: 9000 });
 * console.log(server.url); // http://127.0.0.1:9000
 * await server.close();
 */
export async function startCtsServer(options: CtsServerOptions = {}): Promise<CtsServer> {
  const resolved = resolveServerOptions(options);
  const { core, maxBodyBytes, commitState, requestTimeoutMs, site } = resolved;
  const documents = options.documents ?? new Map<string, string>();
  let closing = false;
  const responder = new ClientErrorResponder(core);
  const answer = (req: IncomingMessage, res: ServerResponse, response: CtsResponse): void => {
    const delayMs = response.fault?.delayMs ?? 0;
    if (delayMs > 0) setTimeout(() => send(req, res, response, closing), delayMs);
    else send(req, res, response, closing);
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    responder.track(req, res);
    const problem = headProblem(req);
    if (problem !== undefined) {
      send(req, res, core.requestErrorResponse(problem.kind, problem.detail), true);
      return;
    }
    const document = documents.get(pathOf(req.url));
    if (document !== undefined && (req.method === "GET" || req.method === "HEAD")) {
      sendDocument(req, res, document, closing);
      return;
    }
    const page = site?.(siteRequest(req, core));
    if (page !== undefined) {
      req.resume();
      sendPage(res, page, closing);
      return;
    }
    readBody(req, maxBodyBytes, (body) => {
      if (body.kind === "tooLarge") {
        send(req, res, core.requestErrorResponse("bodyTooLarge", body.detail), true);
        return;
      }
      const response = core.handle({
        method: req.method ?? "GET",
        path: pathOf(req.url),
        query: queryOf(req.url),
        headers: headersOf(req),
        body: body.text,
        origin: `http://${req.headers.host ?? `${resolved.host}:${resolved.port}`}`,
      });
      if (response.changedProject === undefined || commitState === undefined) {
        answer(req, res, response);
        return;
      }
      commitState(response.changedProject).then(
        () => answer(req, res, response),
        (error: Error) => {
          response.release?.();
          const detail = `(the change could not be saved: ${error.message})`;
          send(req, res, core.errorResponse("CTS.0004", detail), closing);
        },
      );
    });
  };
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADERS_BYTES,
      // A missing Host gets the gateway's answer (request-head-limits.ts), not Node's bare 400.
      requireHostHeader: false,
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(60_000, requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(requestTimeoutMs / 4)),
    },
    onRequest,
  );
  // An Expect other than 100-continue is served like any request, not refused with a bare 417.
  server.on("checkExpectation", onRequest);
  server.on("clientError", (error: Error, socket) => responder.answer(error, socket));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) =>
      reject(
        new MockError(
          MockErrorCode.server,
          `cannot listen on ${resolved.host}:${resolved.port}: ${error.message}`,
          { cause: error },
        ),
      ),
    );
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${hostInUrl}:${port}`,
    host: resolved.host,
    port,
    core,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), resolved.closeTimeoutMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** Writes the core's answer; `close` ends the connection after it (while closing, or a refusal). */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  response: CtsResponse,
  close: boolean,
): void {
  if (response.fault?.drop === true) {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string | number> = { ...response.headers };
  const body = response.body;
  headers["content-length"] = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  // While closing, keep-alive connections end after their last answer instead of idling.
  if (close) headers.connection = "close";
  res.writeHead(response.status, headers);
  // "finish" comes once the socket has taken every byte: only then may the body be reused.
  res.end(body, response.release);
}

/** A static JSON document (see `documents`), its body left out for HEAD. */
function sendDocument(
  req: IncomingMessage,
  res: ServerResponse,
  text: string,
  close: boolean,
): void {
  const headers: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  };
  if (close) headers.connection = "close";
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : text);
}

/** The request as a site handler sees it, its `authorize` asking the core's gateway. */
function siteRequest(req: IncomingMessage, core: CtsCore): SiteRequest {
  const method = req.method ?? "GET";
  const path = pathOf(req.url);
  const query = queryOf(req.url);
  const headers = headersOf(req);
  return {
    method,
    path,
    query,
    headers,
    authorize(projectId: string): SiteVerdict {
      const request = { method, path, query, headers, body: "" };
      const verdict = core.authorizeProject(request, projectId);
      if (verdict.ok) return verdict;
      const { status, headers: responseHeaders, body } = verdict.response;
      return { ok: false, response: { status, headers: responseHeaders, body } };
    },
  };
}

/** Writes a site handler's answer. */
function sendPage(res: ServerResponse, page: SiteResponse, close: boolean): void {
  const headers: Record<string, string | number> = { ...page.headers };
  headers["content-length"] =
    typeof page.body === "string" ? Buffer.byteLength(page.body) : page.body.length;
  if (close) headers.connection = "close";
  res.writeHead(page.status, headers);
  res.end(page.body);
}

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  return q < 0 ? raw : raw.slice(0, q);
}

function queryOf(url: string | undefined): string {
  const raw = url ?? "";
  const q = raw.indexOf("?");
  return q < 0 ? "" : raw.slice(q + 1);
}

/**
 * A header value as text: Node hands over each byte as one latin1 character, but clients send
 * and sign UTF-8 (the Python SDK signs the text of `X-Note: é`, sending its UTF-8 bytes).
 */
function utf8Text(latin1: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is for bytes above ASCII
  return /[^\u0000-\u007f]/.test(latin1) ? Buffer.from(latin1, "latin1").toString("utf8") : latin1;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = utf8Text(raw[i + 1]!);
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}
