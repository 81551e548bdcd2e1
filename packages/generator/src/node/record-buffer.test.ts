import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
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
});
