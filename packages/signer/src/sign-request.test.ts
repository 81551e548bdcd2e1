import { describe, expect, it } from "vitest";
import { canonicalRequest, stringToSign } from "./canonical-request.js";
import { sha256Hex } from "./hashing.js";
import { signRequest } from "./sign-request.js";

/** The published test vector of Huawei's signing guide (reference §5.2). */
const vector = {
  request: {
    method: "GET",
    rawPath: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
    rawQuery: "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
    headers: { "Content-Type": "application/json" },
    host: "service.region.example.com",
  },
  ak: "QTWAOYTTINDUT2QVKYUC",
  sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
  date: Date.UTC(2019, 10, 15, 3, 36, 55),
  canonicalHash: "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
  signature: "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
};

describe("signRequest", () => {
  it("reproduces the published test vector", () => {
    const headers = signRequest(vector.request, {
      ak: vector.ak,
      sk: vector.sk,
      date: vector.date,
      signedHeaders: ["content-type", "host", "x-sdk-date"],
    });
    expect(headers["x-sdk-date"]).toBe("20191115T033655Z");
    expect(headers.authorization).toBe(
      `SDK-HMAC-SHA256 Access=${vector.ak}, SignedHeaders=content-type;host;x-sdk-date, Signature=${vector.signature}`,
    );
    const canonical = canonicalRequest({
      method: "GET",
      rawPath: vector.request.rawPath,
      rawQuery: vector.request.rawQuery,
      signedHeaders: ["content-type", "host", "x-sdk-date"],
      headerValue: (name) =>
        ({
          "content-type": "application/json",
          host: vector.request.host,
          "x-sdk-date": "20191115T033655Z",
        })[name],
      payloadHash: sha256Hex(""),
    });
    expect(sha256Hex(canonical)).toBe(vector.canonicalHash);
    expect(stringToSign("20191115T033655Z", canonical)).toBe(
      `SDK-HMAC-SHA256\n20191115T033655Z\n${vector.canonicalHash}`,
    );
  });

  it("by default signs every header except names with '_', plus host, sorted", () => {
    const headers = signRequest(
      { ...vector.request, headers: { "X-Project-Id": "p", X_Custom: "x", "User-Agent": "u" } },
      { ak: "AK", sk: "SK", date: vector.date },
    );
    expect(headers.authorization).toContain(
      "SignedHeaders=host;user-agent;x-project-id;x-sdk-date,",
    );
    expect(headers).not.toHaveProperty("host");
  });

  it("adds and signs X-Security-Token for temporary credentials", () => {
    const headers = signRequest(vector.request, {
      ak: "AK",
      sk: "SK",
      securityToken: "sts-token",
      date: vector.date,
    });
    expect(headers["x-security-token"]).toBe("sts-token");
    expect(headers.authorization).toContain("x-security-token");
  });
});
