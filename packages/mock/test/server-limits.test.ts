import { type ChildProcess, fork } from "node:child_process";
import { connect, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { validatorFor } from "@ctsim/catalog";
import { type CtsServer, startCtsServer } from "@ctsim/mock/node";
import { afterEach, describe, expect, it } from "vitest";
import { parseResponses, type RawResponse } from "./support/raw-http.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const MiB = 1024 * 1024;
let server: CtsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A connection that keeps what the server sends, and knows when the server closed it. */
function open(port: number): { socket: Socket; received: () => Buffer; closed: Promise<void> } {
  const socket = connect(port, "127.0.0.1");
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  return { socket, received: () => Buffer.concat(chunks), closed };
}

/** Resolves once the server closed the connection, or rejects after `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms),
    ),
  ]);
}

function expectGatewayError(responses: readonly RawResponse[], status: number): void {
  expect(responses.map((response) => response.status)).toEqual([status]);
  const [response] = responses as [RawResponse];
  expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  expect(response.headers.connection).toBe("close");
  const body = JSON.parse(response.body) as { error_code: string };
  expect(validatorFor("ErrorBody").issues(body)).toEqual([]);
  expect(body.error_code).toBe("APIGW.0201");
}

describe("the HTTP server's request limits", () => {
  it("answers a Content-Length over 12 MiB with 413 at once, without reading the body", async () => {
    server = await startCtsServer();
    const { socket, received, closed } = open(server.port);
    // The head only: the answer must not wait for a body that is never sent.
    socket.write(
      `POST /v3/${PID}/tracker HTTP/1.1\r\nHost: cts\r\nContent-Length: ${12 * MiB + 1}\r\n\r\n`,
    );
    await within(closed, 2000, "no answer and close");
    expectGatewayError(parseResponses(received()), 413);
  });

  it("accepts a body at the limit and answers 413 once a chunked body passes it", async () => {
    server = await startCtsServer({ maxBodyBytes: 64 * 1024 });
    const atLimit = await fetch(`${server.url}/v3/${PID}/tracker`, {
      method: "POST",
      body: " ".repeat(64 * 1024),
    });
    expect(atLimit.status).toBe(400); // read whole: the core finds no JSON in it
    const { socket, received, closed } = open(server.port);
    socket.write(
      `POST /v3/${PID}/tracker HTTP/1.1\r\nHost: cts\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    // 16 KiB chunks, one every 20 ms, never finished: the fifth passes the limit.
    const chunk = `4000\r\n${"x".repeat(16 * 1024)}\r\n`;
    const writer = setInterval(() => socket.writable && socket.write(chunk), 20);
    try {
      await within(closed, 2000, "no answer and close");
    } finally {
      clearInterval(writer);
    }
    expectGatewayError(parseResponses(received()), 413);
  });

  it("answers 408 when a request does not arrive whole in time", async () => {
    server = await startCtsServer({ requestTimeoutMs: 300 });
    const { socket, received, closed } = open(server.port);
    socket.write(`POST /v3/${PID}/tracker HTTP/1.1\r\nHost: cts\r\nContent-Length: 100\r\n\r\n{`);
    await within(closed, 2000, "no answer and close");
    expectGatewayError(parseResponses(received()), 408);
  });

  it.each([
    ["a target over 32 KiB", 414, `GET /${"u".repeat(33 * 1024)} HTTP/1.1\r\nHost: cts\r\n\r\n`],
    [
      "a header over 32 KiB",
      431,
      `GET / HTTP/1.1\r\nHost: cts\r\nX-A: ${"a".repeat(33 * 1024)}\r\n\r\n`,
    ],
    [
      "headers over 128 KiB",
      431,
      `GET / HTTP/1.1\r\nHost: cts\r\n${`X-A: ${"a".repeat(1000)}\r\n`.repeat(140)}\r\n`,
    ],
    ["HTTP/1.1 without Host", 400, "GET / HTTP/1.1\r\n\r\n"],
  ])("answers %s with %i", async (_name, status, raw) => {
    server = await startCtsServer();
    const { socket, received, closed } = open(server.port);
    socket.write(raw);
    await within(closed, 2000, "no answer and close");
    expectGatewayError(parseResponses(received()), status);
  });

  it("accepts headers up to API Gateway's limits (one of 30 KiB, 120 KiB in all)", async () => {
    server = await startCtsServer();
    const headers = Object.fromEntries(
      Array.from({ length: 4 }, (_, i) => [`x-big-${i}`, "b".repeat(30 * 1024)]),
    );
    const response = await fetch(`${server.url}/`, { headers });
    expect(response.status).toBe(200);
  });
});

describe("memory held by request bodies", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill("SIGKILL");
    child = undefined;
  });

  it("comes back as soon as clients abandon unfinished uploads", async () => {
    child = fork(fileURLToPath(new URL("./support/memory-server.ts", import.meta.url)), [], {
      execArgv: ["--import", "tsx", "--conditions=@ctsim/source", "--expose-gc"],
    });
    const next = <T>(): Promise<T> =>
      new Promise((resolve) => (child as ChildProcess).once("message", (m) => resolve(m as T)));
    const { port } = await next<{ port: number }>();
    const rss = async (message: "measure" | "gc"): Promise<number> => {
      (child as ChildProcess).send(message);
      return (await next<{ rss: number }>()).rss;
    };
    const baseline = await rss("gc");
    // 30 uploads of 11 MiB each, under the 12 MiB they announce, then left hanging.
    const uploads = Array.from({ length: 30 }, () => open(port));
    await Promise.all(
      uploads.map(
        ({ socket }) =>
          new Promise<void>((resolve) => {
            socket.write(
              `POST /v3/${PID}/tracker HTTP/1.1\r\nHost: cts\r\nContent-Length: ${12 * MiB}\r\n\r\n`,
            );
            socket.write(Buffer.alloc(11 * MiB, 120), () => resolve());
          }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const held = (await rss("measure")) - baseline;
    for (const { socket } of uploads) socket.destroy();
    await Promise.all(uploads.map(({ closed }) => closed));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const left = (await rss("measure")) - baseline;
    const afterGc = (await rss("gc")) - baseline;
    const mb = (bytes: number): number => Math.round(bytes / MiB);
    // The uploads were held (so the test can see them go), and most of it went with them.
    expect(mb(held)).toBeGreaterThan(250);
    expect({ left: mb(left) < mb(held) / 4, afterGc: mb(afterGc) < 64 }).toEqual({
      left: true,
      afterGc: true,
    });
  });
});
