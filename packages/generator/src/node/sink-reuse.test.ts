import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { BufferPool } from "./buffer-pool.js";
import { createFileSink } from "./file-sink.js";
import { createHttpSink } from "./http-sink.js";
import { createObsDirSink } from "./obs-dir-sink.js";
import { createStreamSink } from "./stream-sink.js";
import { chunkOfRecords, type TraceChunk, type TraceSink } from "./trace-chunk.js";

/**
 * The sinks' side of chunk reuse: once `write` has resolved, the producer refills the chunk's
 * buffer. Every sink is fed chunks whose bytes are overwritten right after each write, as a
 * reusing producer would; the destination must still hold exactly the records.
 */
const records = Array.from({ length: 600 }, (_, i) =>
  JSON.stringify({ trace_id: `t-${i}`, resource_name: "ü€".repeat(i % 5) }),
);
const routeOf = (i: number) => ({
  region: "cn-north-4",
  trackerName: "system",
  serviceType: "ModelArts",
  time: 1_700_000_000_000 + i,
});

/**
 * Feeds the records in chunks of `size` whose bytes are a `Buffer`, as the producers' buffer
 * pool gives them (a Buffer's `slice()` is a view, not a copy), and refills each chunk's bytes
 * as soon as its write resolves.
 */
async function feedReusing(sink: TraceSink, withRoutes = false, size = 45): Promise<void> {
  for (let i = 0; i < records.length; i += size) {
    const part = records.slice(i, i + size);
    const bytes = Buffer.from(chunkOfRecords(part).bytes);
    const chunk: TraceChunk = withRoutes
      ? { bytes, count: part.length, routes: part.map((_, k) => routeOf(i + k)) }
      : { bytes, count: part.length };
    await sink.write(chunk);
    chunk.bytes.fill(0x78); // the producer refills the buffer
  }
  await sink.close();
}

const expected = `${records.join("\n")}\n`;

describe("sinks are done with a chunk's bytes when write resolves", () => {
  test("stream sink over a slow reader", async () => {
    const received: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(data: Buffer, _encoding, callback) {
        received.push(Buffer.from(data)); // copied on arrival, as a pipe's kernel buffer would
        setTimeout(callback, 1);
      },
    });
    await feedReusing(createStreamSink({ stream: slow, end: true }));
    expect(Buffer.concat(received).toString()).toBe(expected);
  });

  test("file sink with size rotation", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctsim-reuse-"));
    try {
      const path = join(dir, "t.ndjson");
      await feedReusing(await createFileSink({ path, rotateBytes: 5000 }));
      const names = (await readdir(dir)).sort(
        (a, b) => Number(a.split(".")[2] ?? 1e9) - Number(b.split(".")[2] ?? 1e9),
      );
      const text = (await Promise.all(names.map((n) => readFile(join(dir, n), "utf8")))).join("");
      expect(text).toBe(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test.each([
    { framing: "lines", size: 45 },
    { framing: "array", size: 45 },
    { framing: "array", size: 1 },
  ] as const)(
    "HTTP sink whose batches straddle chunks ($framing, chunks of $size)",
    async ({ framing, size }) => {
      const bodies: string[] = [];
      const server = createServer((req, res) => {
        const parts: Buffer[] = [];
        req.on("data", (part: Buffer) => parts.push(part));
        req.on("end", () => {
          bodies.push(Buffer.concat(parts).toString());
          // Answer late, so batches are still in flight when the next chunks are refilled.
          setTimeout(() => res.writeHead(204).end(), 5);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        const sink = createHttpSink({ url, framing, batchRecords: 100, concurrency: 3 });
        await feedReusing(sink, false, size);
        // Every body parses whole; together they hold every record exactly once.
        const received = bodies.flatMap((body) =>
          framing === "array"
            ? (JSON.parse(body) as unknown[]).map((record) => JSON.stringify(record))
            : body.slice(0, -1).split("\n"),
        );
        expect(received.sort()).toEqual([...records].sort());
        expect(sink.recordsWritten).toBe(records.length);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    },
  );

  test("OBS directory sink", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctsim-reuse-obs-"));
    try {
      await feedReusing(await createObsDirSink({ dir }), true);
      const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) =>
        e.name.endsWith(".json.gz"),
      );
      const parsed = await Promise.all(
        files.map(async (e) =>
          JSON.parse(gunzipSync(await readFile(join(e.parentPath, e.name))).toString()),
        ),
      );
      expect(
        parsed
          .flat()
          .map((r: { trace_id: string }) => r.trace_id)
          .sort(),
      ).toEqual(records.map((r) => JSON.parse(r).trace_id).sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("BufferPool", () => {
  test("hands back a spare buffer large enough, else a new one; keeps at most 8", () => {
    const pool = new BufferPool();
    const small = new ArrayBuffer(100);
    const large = new ArrayBuffer(5000);
    pool.give(small);
    pool.give(large);
    expect(pool.take(1000).buffer).toBe(large);
    expect(pool.take(1000).buffer).not.toBe(small); // too small: a new buffer
    expect(pool.take(50).buffer).toBe(small);
    for (let i = 0; i < 12; i += 1) pool.give(new ArrayBuffer(10));
    expect(pool.size).toBe(8);
  });

  test("drops detached buffers (transferred away)", () => {
    const pool = new BufferPool();
    const buffer = new ArrayBuffer(64);
    structuredClone(buffer, { transfer: [buffer] });
    pool.give(buffer);
    expect(pool.size).toBe(0);
  });
});
