import { fc, test } from "@fast-check/vitest";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import { describe, expect, it } from "vitest";
import {
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  stringToSign,
} from "./canonical-request.js";
import { hmacSha256Hex, sha256Hex } from "./hashing.js";

// The official Node signer's helpers are `protected static`; at run time they are plain
// functions, which makes them an independent oracle for our canonical forms.
const sdk = AKSKSigner as unknown as {
  CanonicalURI(path: string): string;
  CanonicalQueryString(request: { queryParams: Record<string, string | string[]> }): string;
};

describe("the published test vector (reference §5.2)", () => {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    host: "service.region.example.com",
    "x-sdk-date": "20191115T033655Z",
  };
  const canonical = canonicalRequest({
    method: "GET",
    rawPath: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
    rawQuery: "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
    signedHeaders: ["content-type", "host", "x-sdk-date"],
    headerValue: (name) => headers[name],
    payloadHash: sha256Hex(""),
  });

  it("hashes the canonical request to the published value", () => {
    expect(sha256Hex(canonical)).toBe(
      "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
    );
  });

  it("signs it to the published signature", () => {
    const signature = hmacSha256Hex(
      "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
      stringToSign("20191115T033655Z", canonical),
    );
    expect(signature).toBe("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
  });

  it("has the documented layout, with a blank line before the signed headers", () => {
    expect(canonical).toBe(
      [
        "GET",
        "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/",
        "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        "content-type:application/json",
        "host:service.region.example.com",
        "x-sdk-date:20191115T033655Z",
        "",
        "content-type;host;x-sdk-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
  });
});

describe("canonicalUri", () => {
  it("appends the trailing slash once", () => {
    expect(canonicalUri("/v3/pid/traces")).toBe("/v3/pid/traces/");
    expect(canonicalUri("/v3/pid/traces/")).toBe("/v3/pid/traces/");
    expect(canonicalUri("/")).toBe("/");
    expect(canonicalUri("")).toBe("/");
  });

  it("decodes first, so encoded and unencoded spellings agree, with upper-case hex", () => {
    expect(canonicalUri("/a b/é")).toBe("/a%20b/%C3%A9/");
    expect(canonicalUri("/a%20b/%c3%a9")).toBe("/a%20b/%C3%A9/");
    expect(canonicalUri("/a+b/x~y_z.-")).toBe("/a%2Bb/x~y_z.-/");
  });

  it("keeps a stray % like Python's unquote does", () => {
    expect(canonicalUri("/100%/%zz")).toBe("/100%25/%25zz/");
  });
});

describe("canonicalQuery", () => {
  it("sorts by name, then the values of a repeated name", () => {
    expect(canonicalQuery("b=2&a=z&a=y&c=")).toBe("a=y&a=z&b=2&c=");
  });

  it("treats + as a space and a bare name as an empty value", () => {
    expect(canonicalQuery("user=jane+doe&flag&&x=%2B")).toBe("flag=&user=jane%20doe&x=%2B");
  });

  it("is empty for an empty query", () => {
    expect(canonicalQuery("")).toBe("");
  });
});

describe("canonicalHeaders", () => {
  it("trims values, keeps the given order and counts a missing header as empty", () => {
    const values: Record<string, string> = { b: "  two ", a: "one" };
    expect(canonicalHeaders(["b", "a", "c"], (n) => values[n])).toBe("b:two\na:one\nc:\n");
  });
});

// Characters that stress encoding: reserved, unsafe, percent, plus, multi-byte and astral.
const awkward = fc.oneof(
  fc.constantFrom(" ", "%", "+", "?", "#", "&", "=", ";", ":", "@", "~", "*", "'", "(", ")", "!"),
  fc.constantFrom("é", "中", "😀", "\u00a0", "ß", "-", "_", "."),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);
const segment = fc.string({ unit: awkward, maxLength: 8 });

describe("agreement with the official Node signer", () => {
  test.prop([fc.array(segment, { minLength: 1, maxLength: 5 })])(
    "canonical URI of the encoded wire path equals the SDK's of the raw path",
    (segments) => {
      const raw = `/${segments.join("/")}`;
      const wire = `/${segments.map(encodeURIComponent).join("/")}`;
      expect(canonicalUri(wire)).toBe(sdk.CanonicalURI(raw));
    },
  );

  test.prop([
    fc.dictionary(
      fc.string({ unit: awkward, minLength: 1, maxLength: 6 }),
      fc.oneof(segment, fc.array(segment, { minLength: 1, maxLength: 3 })),
      { maxKeys: 5 },
    ),
    fc.boolean(),
  ])("canonical query of the wire query equals the SDK's of the parameters", (params, plus) => {
    const encode = (text: string): string =>
      plus ? encodeURIComponent(text).replaceAll("%20", "+") : encodeURIComponent(text);
    const wire = Object.entries(params)
      .flatMap(([name, value]) => [value].flat().map((v) => `${encode(name)}=${encode(v)}`))
      .join("&");
    const copy = structuredClone(params);
    expect(canonicalQuery(wire)).toBe(sdk.CanonicalQueryString({ queryParams: copy }));
  });
});
