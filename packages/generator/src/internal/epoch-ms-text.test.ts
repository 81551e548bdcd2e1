import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { epochMsText } from "./epoch-ms-text.js";

describe("epochMsText", () => {
  test.prop([fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.maxSafeInteger(), fc.double())])(
    "is String(ms) for every number",
    (ms) => {
      expect(epochMsText(ms)).toBe(String(ms));
    },
  );

  test.prop([fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 3 })])(
    "keeps the leading zeros of the milliseconds and the numbers below a second",
    (ms, thousands) => {
      const value = thousands * 1_000_000 + ms;
      expect(epochMsText(value)).toBe(String(value));
    },
  );
});
