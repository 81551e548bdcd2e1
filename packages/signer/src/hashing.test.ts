import { createHash, createHmac } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { constantTimeEqual, hmacSha256Hex, hmacSha256Keyed, sha256Hex } from "./hashing.js";

// node:crypto is the oracle here; the code under test must not use it (browser-safe entry).
const text = fc.string({ unit: "grapheme", maxLength: 300 });

describe("hashing", () => {
  test.prop([text])("sha256Hex agrees with node:crypto", (value) => {
    expect(sha256Hex(value)).toBe(createHash("sha256").update(value, "utf8").digest("hex"));
  });

  test.prop([text, fc.array(text, { minLength: 1, maxLength: 4 })])(
    "HMAC agrees with node:crypto, and a keyed HMAC stays correct across reuse",
    (key, messages) => {
      const keyed = hmacSha256Keyed(key);
      for (const message of messages) {
        const expected = createHmac("sha256", Buffer.from(key, "utf8"))
          .update(message)
          .digest("hex");
        expect(hmacSha256Hex(key, message)).toBe(expected);
        expect(keyed(message)).toBe(expected);
      }
    },
  );

  it("compares strings for equality only", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "ab")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });
});
