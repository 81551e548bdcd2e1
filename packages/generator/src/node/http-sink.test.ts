import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { createHttpSink } from "./http-sink.js";
import { StreamErrorCode } from "./stream-error.js";
import { chunkOfRecords } from "./trace-chunk.js";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>;

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A real local receiver; resolves to its URL. */
async function receiver(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => void handler(req, Buffer.concat(parts).toString("utf8"), res));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`;
}

const records = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ trace_id: `t-${i}` }));
const noWait = async (): Promise<void> => undefined;

describe("createHttpSink", () => {
  test("POSTs NDJSON batches of batchRecords with the headers; every record arrives once, in batch order", async () => {
    const bodies: string[] = [];
    const url = await receiver((req, body, res) => {
      expect(req.headers["content-type"]).toBe("application/x-ndjson");
      expect(req.headers["x-token"]).toBe("secret");
      bodies.push(body);
      res.writeHead(204).end();
    });
    const sink = createHttpSink({
      url,
      batchRecords: 300,
      concurrency: 1,
      headers: { "X-Token": "secret" },
    });
    for (let i = 0; i < records.length; i += 70)
      await sink.write(chunkOfRecords(records.slice(i, i + 70)));
    await sink.close();
    expect(bodies.map((b) => b.split("\n").length - 1)).toEqual([300, 300, 300, 100]);
    expect(bodies.join("")).toBe(`${records.join("\n")}\n`);
  });

  test("JSON array bodies parse to the batch", async () => {
    const batches: unknown[][] = [];
    const url = await receiver((req, body, res) => {
      expect(req.headers["content-type"]).toBe("application/json");
      batches.push(JSON.parse(body));
      res.writeHead(200).end("ok");
    });
    const sink = createHttpSink({ url, framing: "array", batchRecords: 400 });
    await sink.write(chunkOfRecords(records));
    await sink.close();
    expect(batches.map((b) => b.length).sort()).toEqual([200, 400, 400]);
    expect(batches.flat().length).toBe(1000);
  });

  test("retries 429 and 503 (honouring Retry-After) and loses nothing", async () => {
    let calls = 0;
    const received = new Set<string>();
    const waits: number[] = [];
    const url = await receiver((_req, body, res) => {
      calls += 1;
      if (calls === 1) return void res.writeHead(429, { "retry-after": "3" }).end();
      if (calls === 2 || calls === 4) return void res.writeHead(503).end("busy");
      for (const line of body.trim().split("\n")) received.add(line);
      res.writeHead(200).end();
    });
    const sink = createHttpSink({
      url,
      batchRecords: 250,
      concurrency: 1,
      backoffMs: 100,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await sink.write(chunkOfRecords(records));
    await sink.close();
    expect(received.size).toBe(1000);
    expect(sink.errors).toBe(3);
    expect(waits).toEqual([3000, 200, 100]); // Retry-After 3 s; then backoff 100·2^1; a new batch starts at 100
  });

  test("keeps at most `concurrency` requests in flight against a slow receiver", async () => {
    let inFlight = 0;
    let peak = 0;
    const url = await receiver(async (_req, _body, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight -= 1;
      res.writeHead(200).end();
    });
    const sink = createHttpSink({ url, batchRecords: 50, concurrency: 3 });
    let maxWriteMs = 0;
    for (let i = 0; i < records.length; i += 50) {
      const started = performance.now();
      await sink.write(chunkOfRecords(records.slice(i, i + 50)));
      maxWriteMs = Math.max(maxWriteMs, performance.now() - started);
    }
    await sink.close();
    expect(peak).toBe(3);
    expect(maxWriteMs).toBeGreaterThan(10); // the producer was made to wait
  });

  test("a 4xx other than 429 fails at once with the status and body", async () => {
    let calls = 0;
    const url = await receiver((_req, _body, res) => {
      calls += 1;
      res.writeHead(413).end("payload too large");
    });
    const sink = createHttpSink({ url, batchRecords: 10, sleep: noWait });
    await sink.write(chunkOfRecords(records.slice(0, 10)));
    const error = await sink.close().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: StreamErrorCode.httpStatus });
    expect((error as Error).message).toMatch(/413.*payload too large/);
    expect(calls).toBe(1);
  });

  test("an unreachable receiver is CTSIM_SINK_UNREACHABLE after the retries", async () => {
    const url = await receiver((_req, _body, res) => void res.end());
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const sink = createHttpSink({ url, batchRecords: 10, maxRetries: 2, sleep: noWait });
    await sink.write(chunkOfRecords(records.slice(0, 10)));
    const error = await sink.close().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: StreamErrorCode.unreachable });
    expect((error as Error).message).toMatch(/cannot reach .*ECONNREFUSED.*3 attempts/);
  });
});
