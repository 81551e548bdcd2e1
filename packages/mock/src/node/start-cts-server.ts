import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CtsCore, createCtsCore } from "../core/cts-core.js";
import type { CtsCoreOptions } from "../core/cts-core-options.js";
import type { CtsResponse } from "../core/cts-request.js";
import { MockError, MockErrorCode } from "../mock-error.js";

/** Options of {@link startCtsServer}: where to listen, and a core or options to create one. */
export interface CtsServerOptions extends CtsCoreOptions {
  /** Interface to bind. Default: `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default: 0. */
  readonly port?: number;
  /** An existing core to serve (its options win over the core options given here). */
  readonly core?: CtsCore;
  /** Largest accepted body; larger ones get 400 CTS.0003. Default: 12 MiB (the AK/SK limit). */
  readonly maxBodyBytes?: number;
  /** How long `close()` waits for in-flight requests before cutting connections. Default: 5000 ms. */
  readonly closeTimeoutMs?: number;
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
  readonly closeTimeoutMs: number;
}

function resolveServerOptions(options: CtsServerOptions): ResolvedServerOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `port ${port} must be an integer from 0 to 65535`,
    );
  }
  return {
    host: options.host ?? "127.0.0.1",
    port,
    core: options.core ?? createCtsCore(options),
    maxBodyBytes: options.maxBodyBytes ?? 12 * 1024 * 1024,
    closeTimeoutMs: options.closeTimeoutMs ?? 5000,
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
  const { core, maxBodyBytes } = resolved;
  let closing = false;
  const server = createServer((req, res) => {
    readBody(req, maxBodyBytes, (body) => {
      const response =
        body === undefined
          ? core.errorResponse("CTS.0003", "(the body is larger than the 12 MiB limit)")
          : core.handle({
              method: req.method ?? "GET",
              path: pathOf(req.url),
              query: queryOf(req.url),
              headers: headersOf(req),
              body,
              origin: `http://${req.headers.host ?? `${resolved.host}:${resolved.port}`}`,
            });
      const delayMs = response.fault?.delayMs ?? 0;
      if (delayMs > 0) setTimeout(() => send(req, res, response, closing), delayMs);
      else send(req, res, response, closing);
    });
  });
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

function send(
  req: IncomingMessage,
  res: ServerResponse,
  response: CtsResponse,
  closing: boolean,
): void {
  if (response.fault?.drop === true) {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string | number> = { ...response.headers };
  const body = response.body;
  headers["content-length"] = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  // While closing, keep-alive connections end after their last answer instead of idling.
  if (closing) headers.connection = "close";
  res.writeHead(response.status, headers);
  // "finish" comes once the socket has taken every byte: only then may the body be reused.
  res.end(body, response.release);
}

function readBody(
  req: IncomingMessage,
  max: number,
  done: (body: string | undefined) => void,
): void {
  // Most requests (every GET) carry no body: answer at once instead of waiting for "end".
  if (
    req.headers["content-length"] === undefined &&
    req.headers["transfer-encoding"] === undefined
  ) {
    req.resume();
    done("");
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > max) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on("end", () =>
    done(tooLarge ? undefined : chunks.length === 0 ? "" : Buffer.concat(chunks).toString("utf8")),
  );
  req.on("error", () => req.socket.destroy());
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

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}
