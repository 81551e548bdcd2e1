import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseAuthorization } from "./authorization-header.js";

const SIG = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";

describe("parseAuthorization", () => {
  it.each([
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date, Signature=${SIG}`,
    `SDK-HMAC-SHA256 Access=AK,SignedHeaders=content-type;host;x-sdk-date,Signature=${SIG}`,
    `  SDK-HMAC-SHA256   Access = AK ,  SignedHeaders= Content-Type;HOST;x-sdk-date ,Signature =${SIG} `,
    `SDK-HMAC-SHA256\tSignature=${SIG}, Access=AK, SignedHeaders=content-type;host;x-sdk-date`,
  ])("reads spacing and order variants: %j", (header) => {
    expect(parseAuthorization(header)).toEqual({
      ok: true,
      value: {
        accessKey: "AK",
        signedHeaders: ["content-type", "host", "x-sdk-date"],
        signature: SIG,
      },
    });
  });

  it.each([
    ["", "unsupported signing algorithm"],
    [
      `V11-HMAC-SHA256 Credential=AK/20191115/r/s, SignedHeaders=host, Signature=${SIG}`,
      "unsupported",
    ],
    [`sdk-hmac-sha256 Access=AK, SignedHeaders=host, Signature=${SIG}`, "unsupported"],
    [`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host`, "Signature"],
    [`SDK-HMAC-SHA256 SignedHeaders=host, Signature=${SIG}`, "Access"],
    [`SDK-HMAC-SHA256 Access=AK, Signature=${SIG}`, "SignedHeaders"],
    [`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=${SIG.toUpperCase()}`, "hex"],
    [`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=${SIG}0`, "hex"],
    [`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;date, Signature=${SIG}`, "header name"],
    [`SDK-HMAC-SHA256 Access=AK, Access=AK2, SignedHeaders=host, Signature=${SIG}`, "repeated"],
    [`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=${SIG}, Extra=1`, "unknown"],
    [`SDK-HMAC-SHA256 Access=AK SignedHeaders=host Signature=${SIG}`, "Access"],
  ])("rejects %j", (header, reason) => {
    const parsed = parseAuthorization(header);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  const pieces = fc.constantFrom(
    "SDK-HMAC-SHA256",
    " ",
    ",",
    "=",
    ";",
    "Access",
    "SignedHeaders",
    "Signature",
    SIG,
    "host",
  );
  test.prop([
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc
        .array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 20 })
        .map((parts) => parts.join("")),
    ),
  ])("never throws on garbage", (header) => {
    const parsed = parseAuthorization(header);
    expect(typeof parsed.ok).toBe("boolean");
  });
});
