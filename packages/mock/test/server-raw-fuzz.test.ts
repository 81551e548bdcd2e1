import { validatorFor } from "@ctsim/catalog";
import { TraceStore } from "@ctsim/mock";
import { type CtsServer, startCtsServer } from "@ctsim/mock/node";
import { fc } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchange, parseResponses, type RawResponse } from "./support/raw-http.js";
import { apiTrace, traceUuid } from "./support/traces.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = Date.UTC(2026, 5, 15, 12);
let server: CtsServer;

beforeAll(async () => {
  const store = new TraceStore({ now: () => NOW });
  for (let i = 0; i < 5; i++) {
    store.appendApiTrace(apiTrace({ id: traceUuid(i), time: NOW - 1000 * (5 - i) }), {
      projectId: PID,
    });
  }
  server = await startCtsServer({ store, now: () => NOW });
});
afterAll(() => server.close());

/** Every answer in CTS's shape: a request id, and errors as `{error_code, error_msg}` JSON. */
function expectCtsShaped(responses: readonly RawResponse[], sent: string): void {
  // Empty lines before a request are ignored (RFC 9112 §2.2): with nothing else, no answer is due.
  if (sent.trim() !== "") {
    expect(responses.length, `no answer to ${JSON.stringify(sent.slice(0, 200))}`).toBeGreaterThan(
      0,
    );
  }
  for (const response of responses) {
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    expect(response.status).toBeLessThan(500);
    if (response.status < 400) continue;
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(validatorFor("ErrorBody").issues(JSON.parse(response.body))).toEqual([]);
  }
}

async function answersTo(raw: string): Promise<RawResponse[]> {
  const { received, timedOut } = await exchange(server.port, raw);
  expect(
    timedOut,
    `the server neither answered nor closed: ${JSON.stringify(raw.slice(0, 200))}`,
  ).toBe(false);
  return parseResponses(received);
}

const GOOD = `GET /v3/${PID}/traces?trace_type=system&limit=1 HTTP/1.1\r\nHost: cts\r\n\r\n`;

describe("the HTTP server on malformed requests", () => {
  it.each([
    ["a bad method", 400, "G@T / HTTP/1.1\r\nHost: a\r\n\r\n"],
    ["an unknown version", 400, "GET / HTTP/9.9\r\nHost: a\r\n\r\n"],
    ["a space in the target", 400, "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n"],
    ["binary garbage", 400, "\u0000\u0001\u0002\u00ff\r\n\r\n"],
    ["a space in a header name", 400, "GET / HTTP/1.1\r\nBad Header: x\r\n\r\n"],
    ["a header without a colon", 400, "GET / HTTP/1.1\r\nNoColon\r\n\r\n"],
    ["a NUL in a header value", 400, "GET / HTTP/1.1\r\nX-A: a\u0000b\r\n\r\n"],
    ["a bad Content-Length", 400, "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"],
    [
      "two Content-Lengths",
      400,
      "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}",
    ],
    [
      "Content-Length with chunked",
      400,
      "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    ],
    [
      "a bad chunk size",
      400,
      `POST /v3/${PID}/tracker HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    ],
    ["a body cut short", 400, `POST /v3/${PID}/tracker HTTP/1.1\r\nContent-Length: 10\r\n\r\n{}`],
    [
      "an unfinished chunked body",
      400,
      `POST /v3/${PID}/tracker HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}`,
    ],
    ["oversized headers", 431, `GET / HTTP/1.1\r\nX-Big: ${"b".repeat(200_000)}\r\n\r\n`],
    ["a head cut short", 400, "GET / HTTP/1.1\r\nHost: a"],
  ])("answers %s with a CTS-shaped %i", async (_name, status, raw) => {
    const responses = await answersTo(raw);
    expectCtsShaped(responses, raw);
    expect(responses.map((response) => response.status)).toEqual([status]);
    expect(responses[0]?.headers.connection).toBe("close");
  });

  it("answers a good request, then the garbage pipelined after it", async () => {
    const responses = await answersTo(`${GOOD}G@T / HTTP/1.1\r\n\r\n`);
    expectCtsShaped(responses, GOOD);
    expect(responses.map((response) => response.status)).toEqual([200, 400]);
  });

  it("answers every fuzzed request in CTS's shape", async () => {
    const requestLine = fc.oneof(
      fc.constantFrom(
        `GET /v3/${PID}/traces?trace_type=system HTTP/1.1`,
        `POST /v3/${PID}/tracker HTTP/1.1`,
        `PUT /v3/${PID}/notifications HTTP/1.0`,
        "G@T / HTTP/1.1",
        "GET / HTTP/9.9",
        "GET /a b HTTP/1.1",
        "GET / HTTP/1.1 extra",
        "GET",
        "",
        " / HTTP/1.1",
        "PRI * HTTP/2.0",
        "GET /\u0000 HTTP/1.1",
        `GET /${"u".repeat(40_000)} HTTP/1.1`,
      ),
      fc.string({ maxLength: 40, unit: "binary" }),
    );
    const header = fc.oneof(
      fc.constantFrom(
        "Host: cts",
        "Bad Header: y",
        "NoColon",
        ": empty-name",
        "X-A: a\u0000b",
        "X-Fold: a\r\n  folded",
        "Content-Length: abc",
        "Content-Length: -1",
        "Content-Length: 99999999999999999999",
        "Transfer-Encoding: gzip",
        "Transfer-Encoding: chunked, chunked",
        "Expect: 100-continue",
        "Expect: x-unknown",
        "Connection: close",
        `X-Big: ${"b".repeat(20_000)}`,
        `X-Huge: ${"h".repeat(140_000)}`,
      ),
      fc.string({ maxLength: 30, unit: "binary" }),
    );
    const framing = fc.constantFrom(
      ["", ""],
      ["Content-Length: 2", "{}"],
      ["Content-Length: 10", "{}"],
      ["Content-Length: 1", "{}"],
      ["Transfer-Encoding: chunked", "2\r\n{}\r\n0\r\n\r\n"],
      ["Transfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n"],
      ["Transfer-Encoding: chunked", "2\r\n{}"],
      ["Transfer-Encoding: chunked", "2;x=\u0000\r\n{}\r\n0\r\n\r\n"],
      ["Transfer-Encoding: chunked\r\nContent-Length: 3", "0\r\n\r\n"],
    );
    const raw = fc
      .tuple(
        requestLine,
        fc.array(header, { maxLength: 4 }),
        framing,
        fc.constantFrom("\r\n", "\n"),
        fc.boolean(),
      )
      .map(([line, headers, [framingHeader, body], eol, pipelined]) => {
        const head = [line, ...headers, ...(framingHeader === "" ? [] : [framingHeader])];
        return `${head.join(eol)}${eol}${eol}${body}${pipelined ? GOOD : ""}`;
      });
    await fc.assert(
      fc.asyncProperty(raw, async (request) => {
        expectCtsShaped(await answersTo(request), request);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

/** Fuzzed connections (each one a fresh TCP connection, ~1 ms). */
const FUZZ_RUNS = 2000;
