import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { CtsCore } from "../core/cts-core.js";
import type { CtsResponse } from "../core/cts-request.js";
import type { RequestErrorKind } from "../core/request-errors.js";

/**
 * How long a refused connection may go on sending after its answer before it is cut: closing
 * a socket with unread input resets it, and a reset can make the client lose the answer.
 */
const LINGER_MS = 1000;

/** What `node:http` reports for a request it could not parse (see its `clientError` event). */
export interface ClientError extends Error {
  readonly code?: string;
  /** llhttp's reason, e.g. "Invalid method encountered". */
  readonly reason?: string;
}

/**
 * Answers what `node:http`'s parser refuses (its `clientError` event) in CTS's shape instead
 * of Node's bare 400/431/408: an `APIGW.0201` JSON body with `X-Request-Id`, then
 * `Connection: close`. The answer waits for the answers of requests already read from the
 * same connection (pipelined before the bad one), so it never cuts into one.
 *
 * @example
 * const responder = new ClientErrorResponder(core);
 * const server = createServer((req, res) => { responder.track(req, res); ... });
 * server.on("clientError", (error, socket) => responder.answer(error, socket));
 */
export class ClientErrorResponder {
  private readonly inFlight = new WeakMap<Duplex, Set<ServerResponse>>();
  /** Per connection, the answers its refusal waits for, and the refusal. */
  private readonly queued = new WeakMap<Duplex, { waits: Set<ServerResponse>; send(): void }>();
  private readonly refused = new WeakSet<Duplex>();

  constructor(private readonly core: CtsCore) {}

  /** Notes an answer in progress on `req`'s connection, until it is written or abandoned. */
  track(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket;
    let answers = this.inFlight.get(socket);
    if (answers === undefined) {
      answers = new Set();
      this.inFlight.set(socket, answers);
    }
    answers.add(res);
    const done = (): void => {
      answers.delete(res);
      const queued = this.queued.get(socket);
      if (queued === undefined || !queued.waits.delete(res) || queued.waits.size > 0) return;
      this.queued.delete(socket);
      queued.send();
    };
    // "close" comes once the answer is written (after "finish") or the connection is gone.
    res.once("close", done);
  }

  /** Answers a parse error (or a timeout) on `socket`, then closes it. */
  answer(error: ClientError, socket: Duplex): void {
    // The parser reports again for every later chunk; the first report is answered.
    if (this.refused.has(socket)) return;
    this.refused.add(socket);
    const kind = kindOf(error);
    if (kind === undefined || !socket.writable) {
      socket.destroy();
      return;
    }
    const send = (): void => {
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const detail = error.reason === undefined ? undefined : `(${error.reason})`;
      socket.end(rawResponse(this.core.requestErrorResponse(kind, detail)));
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    };
    // Answers to requests read whole (pipelined before the bad bytes) or already being written
    // go first. A request cut by the error itself will never be answered: no need to wait.
    const waits = new Set(
      [...(this.inFlight.get(socket) ?? [])].filter((res) => res.req.complete || res.headersSent),
    );
    if (waits.size === 0) send();
    else this.queued.set(socket, { waits, send });
  }
}

/** The answer to a `clientError`: none for a connection the client reset. */
function kindOf(error: ClientError): RequestErrorKind | undefined {
  switch (error.code) {
    case "ECONNRESET":
      return undefined;
    case "HPE_HEADER_OVERFLOW":
      return "headersTooLarge";
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return "bodyTooLarge";
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return "timeout";
    default:
      return "malformed";
  }
}

/** A whole HTTP/1.1 response as bytes, for a socket no `ServerResponse` can write to. */
function rawResponse(response: CtsResponse): Buffer {
  const body = Buffer.from(response.body);
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}`];
  for (const [name, value] of Object.entries(response.headers)) head.push(`${name}: ${value}`);
  head.push(`content-length: ${body.length}`, "connection: close", "", "");
  return Buffer.concat([Buffer.from(head.join("\r\n"), "latin1"), body]);
}
