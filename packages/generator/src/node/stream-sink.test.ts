import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { StreamErrorCode } from "./stream-error.js";
import { createStreamSink } from "./stream-sink.js";
import { chunkOfRecords } from "./trace-chunk.js";

const chunk = chunkOfRecords(Array.from({ length: 100 }, (_, i) => JSON.stringify({ i })));

describe("createStreamSink", () => {
  test("waits for a slow reader: the buffered bytes never grow past one chunk over the high-water mark", async () => {
    let peak = 0;
    const received: string[] = [];
    const slow = new Writable({
      highWaterMark: 4096,
      write(data: Buffer, _encoding, callback) {
        received.push(data.toString());
        setTimeout(callback, 2);
      },
    });
    const sink = createStreamSink({ stream: slow, end: true });
    for (let i = 0; i < 50; i += 1) {
      await sink.write(chunk);
      peak = Math.max(peak, slow.writableLength);
    }
    await sink.close();
    expect(peak).toBeLessThanOrEqual(4096 + chunk.bytes.length);
    expect(received.join("")).toBe(Buffer.from(chunk.bytes).toString().repeat(50));
  });

  test("a reader that goes away (EPIPE) is CTSIM_SINK_READER_CLOSED, not a failure", async () => {
    const gone = new Writable({
      highWaterMark: 16,
      write(_data, _encoding, callback) {
        callback(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const sink = createStreamSink({ stream: gone });
    const error = await (async () => {
      for (let i = 0; i < 5; i += 1) await sink.write(chunk);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: StreamErrorCode.readerClosed });
  });
});
