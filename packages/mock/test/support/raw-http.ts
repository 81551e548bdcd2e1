import { connect } from "node:net";

/** One HTTP/1.x response as read off the wire. */
export interface RawResponse {
  readonly status: number;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends `bytes` on a fresh connection to `port`, half-closes it, and resolves to everything
 * the server wrote until it closed (or `timeoutMs` passed, then the connection is cut).
 */
export function exchange(
  port: number,
  bytes: string | Buffer,
  timeoutMs = 5000,
): Promise<{ readonly received: Buffer; readonly timedOut: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // The server may close while the request is still being written: that is an answer too.
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ received: Buffer.concat(chunks), timedOut });
    });
    socket.end(bytes);
  });
}

/**
 * Splits what a server wrote into responses (each framed by its `Content-Length`; interim 1xx
 * answers left out). Throws when the bytes are not a sequence of whole HTTP/1.x responses.
 */
export function parseResponses(received: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let at = 0;
  while (at < received.length) {
    const end = received.indexOf("\r\n\r\n", at);
    if (end < 0)
      throw new Error(
        `a cut-off head: ${JSON.stringify(received.subarray(at).toString("latin1"))}`,
      );
    const [statusLine = "", ...lines] = received.subarray(at, end).toString("latin1").split("\r\n");
    const status = /^HTTP\/1\.[01] (\d{3}) /.exec(statusLine)?.[1];
    if (status === undefined) throw new Error(`not a status line: ${JSON.stringify(statusLine)}`);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    if (status.startsWith("1")) {
      at = end + 4; // an interim answer (100 Continue): no body, the answer follows
      continue;
    }
    const length = Number(headers["content-length"]);
    if (!Number.isInteger(length)) throw new Error(`no Content-Length: ${JSON.stringify(lines)}`);
    const body = received.subarray(end + 4, end + 4 + length);
    if (body.length !== length)
      throw new Error(`a cut-off body (${body.length} of ${length} bytes)`);
    responses.push({ status: Number(status), headers, body: body.toString("utf8") });
    at = end + 4 + length;
  }
  return responses;
}
