import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { lenientDecode, signingEncode } from "./percent-encoding.js";

// An independent encoder: encodeURIComponent leaves !'()* unescaped, the signing alphabet does not.
function reference(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const wellFormed = fc.string({ unit: "grapheme", maxLength: 20 });

describe("signingEncode", () => {
  it("keeps only A-Z a-z 0-9 - _ . ~ and uses upper-case hex", () => {
    expect(signingEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
    expect(signingEncode(" /?#[]@!$&'()*+,;=%")).toBe(
      "%20%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25",
    );
    expect(signingEncode("é😀")).toBe("%C3%A9%F0%9F%98%80");
  });

  it("does not throw on a lone surrogate (it becomes U+FFFD)", () => {
    expect(signingEncode("\ud800")).toBe("%EF%BF%BD");
  });

  test.prop([wellFormed])("matches the reference encoder", (text) => {
    expect(signingEncode(text)).toBe(reference(text));
  });
});

describe("lenientDecode", () => {
  test.prop([wellFormed, fc.boolean()])("inverts signingEncode", (text, plus) => {
    expect(lenientDecode(signingEncode(text), plus)).toBe(text);
  });

  it("decodes + only in form mode", () => {
    expect(lenientDecode("a+b%2B", true)).toBe("a b+");
    expect(lenientDecode("a+b%2B", false)).toBe("a+b+");
  });

  it("leaves malformed escapes and replaces invalid UTF-8, like Python's unquote", () => {
    expect(lenientDecode("%zz%4", false)).toBe("%zz%4");
    expect(lenientDecode("%C3", false)).toBe("\ufffd");
    expect(lenientDecode("é%41", false)).toBe("éA");
  });

  test.prop([fc.string({ unit: "binary", maxLength: 30 }), fc.boolean()])(
    "never throws",
    (text, plus) => {
      expect(typeof lenientDecode(text, plus)).toBe("string");
    },
  );
});
