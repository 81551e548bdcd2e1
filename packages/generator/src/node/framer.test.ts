import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Framer } from "./framer.js";
import { chunkOfRecords, type TraceChunk } from "./trace-chunk.js";

const records = fc.array(
  // Full Unicode: multi-byte UTF-8 must never be mistaken for a record boundary.
  fc.jsonValue({ stringUnit: "binary" }).map((value) => JSON.stringify(value)),
  { maxLength: 30 },
);
/** Cuts a list of records into consecutive chunks at arbitrary points. */
const chunked = records.chain((all) =>
  fc.uniqueArray(fc.nat({ max: all.length }), { maxLength: 5 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), all.length];
    return {
      all,
      chunks: points.slice(1).map((end, i) => chunkOfRecords(all.slice(points[i], end))),
    };
  }),
);

/** The framed document's text: every chunk's body, then the tail. */
function documentOf(framer: Framer, chunks: readonly TraceChunk[]): string {
  const parts = chunks.map((chunk) => framer.body(chunk));
  parts.push(framer.tail());
  return Buffer.concat(parts).toString("utf8");
}

describe("Framer", () => {
  test.prop([chunked])(
    "an array document parses to exactly the records, however chunked",
    ({ all, chunks }) => {
      const framer = new Framer("array");
      const text = documentOf(framer, chunks);
      expect(JSON.parse(text)).toEqual(all.map((record) => JSON.parse(record)));
      expect(framer.records).toBe(all.length);
    },
  );

  test.prop([chunked])("a lines document is one record per line", ({ all, chunks }) => {
    const framer = new Framer("lines");
    const text = documentOf(framer, chunks);
    expect(text).toBe(all.map((record) => `${record}\n`).join(""));
  });
});
