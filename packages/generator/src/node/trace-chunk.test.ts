import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  chunkOfRecords,
  countRecords,
  offsetAfterRecords,
  recordsOf,
  recordViews,
  splitChunk,
} from "./trace-chunk.js";

/** Record texts as producers make them: JSON without raw newlines, any Unicode. */
const records = fc.array(
  fc.jsonValue({ stringUnit: "binary" }).map((value) => JSON.stringify(value)),
  { minLength: 1, maxLength: 25 },
);

describe("trace chunks", () => {
  test.prop([records])("records survive the round trip through UTF-8 bytes", (texts) => {
    const chunk = chunkOfRecords(texts);
    expect(chunk.count).toBe(texts.length);
    expect(countRecords(chunk.bytes)).toBe(texts.length);
    expect(recordsOf(chunk)).toEqual(texts);
    expect(recordViews(chunk.bytes).map((view) => Buffer.from(view).toString())).toEqual(texts);
  });

  test.prop([records.chain((texts) => fc.tuple(fc.constant(texts), fc.nat(texts.length)))])(
    "splitting after n records gives those n records and the rest, with their routes",
    ([texts, n]) => {
      fc.pre(n > 0 && n < texts.length);
      const routes = texts.map((_, i) => ({
        region: "r",
        trackerName: "system",
        serviceType: "ModelArts",
        time: i,
      }));
      const [head, rest] = splitChunk({ ...chunkOfRecords(texts), routes }, n);
      expect(recordsOf(head)).toEqual(texts.slice(0, n));
      expect(recordsOf(rest)).toEqual(texts.slice(n));
      expect([head.count, rest.count]).toEqual([n, texts.length - n]);
      expect(head.routes?.map((route) => route.time)).toEqual(
        routes.slice(0, n).map((r) => r.time),
      );
      expect(rest.routes?.map((route) => route.time)).toEqual(routes.slice(n).map((r) => r.time));
    },
  );

  test("the offset after n records counts UTF-8 bytes, not characters", () => {
    const bytes = chunkOfRecords(['"é"', '"€"', "1"]).bytes;
    expect(offsetAfterRecords(bytes, 0)).toBe(0);
    expect(offsetAfterRecords(bytes, 1)).toBe(5); // " é(2 bytes) " \n
    expect(offsetAfterRecords(bytes, 2)).toBe(11); // + " €(3 bytes) " \n
    expect(offsetAfterRecords(bytes, 3)).toBe(13);
  });

  test("an empty chunk has no bytes and no records", () => {
    const chunk = chunkOfRecords([]);
    expect(chunk.bytes.length).toBe(0);
    expect(recordsOf(chunk)).toEqual([]);
  });
});
