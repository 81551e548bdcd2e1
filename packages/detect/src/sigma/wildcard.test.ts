import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { escapeWildcards, wildcardMatcher } from "./wildcard.js";

describe("Sigma wildcards and escaping", () => {
  it("follows the specification's escaping rules", () => {
    expect(wildcardMatcher("a\\*b", false)("a*b")).toBe(true);
    expect(wildcardMatcher("a\\*b", false)("axb")).toBe(false);
    expect(wildcardMatcher("C:\\\\*", false)("C:\\anything")).toBe(true);
    expect(wildcardMatcher("C:\\Windows", false)("c:\\windows")).toBe(true);
    expect(wildcardMatcher("a\\?", false)("a?")).toBe(true);
    expect(wildcardMatcher("a\\?", false)("ab")).toBe(false);
    expect(wildcardMatcher("Abc", true)("abc")).toBe(false);
  });

  test.prop([fc.string(), fc.string({ minLength: 1 })])(
    "an escaped literal matches itself (any case) and nothing longer",
    (text, extra) => {
      const matches = wildcardMatcher(escapeWildcards(text), false);
      expect(matches(text)).toBe(true);
      expect(matches(text.toUpperCase())).toBe(
        text.toUpperCase().toLowerCase() === text.toLowerCase(),
      );
      expect(matches(text + extra)).toBe(false);
    },
  );
});
