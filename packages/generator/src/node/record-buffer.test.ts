import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { BufferPool } from "./buffer-pool.js";
import { RecordBuffer } from "./record-buffer.js";

describe("RecordBuffer", () => {
  test.prop([
    fc.array(
      fc.string({ unit: "binary", maxLength: 3000 }).map((s) => JSON.stringify(s)),
      {
        maxLength: 40,
      },
    ),
    fc.integer({ min: 1, max: 8 }),
  ])(
    "holds every record as UTF-8 plus a newline, growing past its first size",
    (texts, expected) => {
      const records = new RecordBuffer(expected);
      for (const text of texts) records.push(text);
      const bytes = records.take();
      expect(Buffer.from(bytes).toString("utf8")).toBe(texts.map((text) => `${text}\n`).join(""));
      expect(records.length).toBe(0);
    },
  );

  test("each chunk owns its ArrayBuffer (it can be transferred), and take starts a new one", () => {
    const records = new RecordBuffer(2);
    records.push('"a"');
    const first = records.take();
    records.push('"b"');
    const second = records.take();
    expect(first.byteOffset).toBe(0);
    expect(first.buffer).not.toBe(second.buffer);
    expect(Buffer.from(first).toString()).toBe('"a"\n');
    expect(Buffer.from(second).toString()).toBe('"b"\n');
  });

  test("a chunk far larger than expected grows its buffer a few times, not once per record", () => {
    const takes: number[] = [];
    const pool = new (class extends BufferPool {
      override take(bytes: number): Buffer {
        takes.push(bytes);
        return super.take(bytes);
      }
    })();
    // 1,024 records of ~3 KB where ~1.4 KB each is expected: ~3 MB in a buffer sized 1.4 MB.
    const records = new RecordBuffer(1024, pool);
    const text = JSON.stringify("x".repeat(3000));
    for (let i = 0; i < 1024; i++) records.push(text);
    expect(records.take().length).toBe(1024 * (text.length + 1));
    // One first buffer, then growth by half each time: 1.4 → 2.1 → 3.2 MB.
    expect(takes.length).toBeLessThanOrEqual(4);
  });
});
