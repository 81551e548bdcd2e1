import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { contentLengthOf } from "./content-length.js";

describe("contentLengthOf", () => {
  test.prop([fc.string({ unit: "binary" })], { numRuns: 2000 })(
    "is the UTF-8 length of the text a JSON string literal holds",
    (text) => {
      expect(contentLengthOf(JSON.stringify(text))).toBe(Buffer.byteLength(text, "utf8"));
    },
  );

  test.prop([fc.json()])("counts a JSON body given as a string literal", (body) => {
    expect(contentLengthOf(JSON.stringify(body))).toBe(Buffer.byteLength(body, "utf8"));
  });

  test("is 0 without a body", () => {
    expect(contentLengthOf("null")).toBe(0);
    expect(contentLengthOf('""')).toBe(0);
  });
});
