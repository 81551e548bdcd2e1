import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { lineBatches } from "./line-batches.js";

/** The bytes of `text` as a stream of chunks cut at `cuts` (byte offsets, any order). */
function chunked(text: string, cuts: readonly number[]): Readable {
  const bytes = Buffer.from(text, "utf8");
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) chunks.push(bytes.subarray(from, point));
    from = Math.max(from, point);
  }
  return Readable.from(chunks, { objectMode: false });
}

async function viaReadline(stream: Readable): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }))
    lines.push(line);
  return lines;
}

async function viaBatches(stream: Readable): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of lineBatches(stream)) lines.push(...batch);
  return lines;
}

/** Text made of the characters line splitting cares about, multi-byte ones included. */
const text = fc
  .array(fc.constantFrom("a", "{", "}", "\r", "\n", "\r\n", "é", "😀", " ", '"'), {
    maxLength: 60,
  })
  .map((parts) => parts.join(""));

describe("lineBatches", () => {
  test.prop([text, fc.array(fc.nat(), { maxLength: 12 })], { numRuns: 500 })(
    "gives exactly readline's lines (crlfDelay: Infinity), however the bytes are chunked",
    async (input, cuts) => {
      expect(await viaBatches(chunked(input, cuts))).toEqual(
        await viaReadline(chunked(input, cuts)),
      );
    },
  );

  test.prop([text], { numRuns: 100 })("does not depend on the chunking", async (input) => {
    const bytes = Buffer.byteLength(input);
    const everyByte = Array.from({ length: bytes }, (_, i) => i);
    expect(await viaBatches(chunked(input, everyByte))).toEqual(
      await viaBatches(chunked(input, [])),
    );
  });
});
