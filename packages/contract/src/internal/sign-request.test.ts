import { describe, expect, it } from "vitest";
import { canonicalRequest, sha256Hex, signatureOf, signRequest } from "./sign-request.js";

// Published test vector of Huawei's signing guide (reference §5.2).
const vector = {
  url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
  headers: {
    "Content-Type": "application/json",
    Host: "service.region.example.com",
    "X-Sdk-Date": "20191115T033655Z",
  },
  ak: "QTWAOYTTINDUT2QVKYUC",
  sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
  canonicalHash: "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
  signature: "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
};

describe("signRequest (SDK-HMAC-SHA256)", () => {
  it("reproduces the published canonical request hash and signature", () => {
    const canonical = canonicalRequest(
      { method: "GET", url: vector.url, headers: vector.headers },
      ["content-type", "host", "x-sdk-date"],
    );
    expect(sha256Hex(canonical)).toBe(vector.canonicalHash);
    expect(signatureOf(canonical, "20191115T033655Z", vector.sk)).toBe(vector.signature);
  });

  it("builds the Authorization header of the vector", () => {
    const added = signRequest(
      { method: "GET", url: vector.url, headers: vector.headers },
      { ak: vector.ak, sk: vector.sk, time: 0 },
    );
    expect(added["X-Sdk-Date"]).toBeUndefined();
    expect(added.Authorization).toBe(
      `SDK-HMAC-SHA256 Access=${vector.ak}, SignedHeaders=content-type;host;x-sdk-date, Signature=${vector.signature}`,
    );
  });

  it("adds X-Sdk-Date from the signing time and signs the URL host", () => {
    const added = signRequest(
      { method: "GET", url: "http://127.0.0.1:9000/v3/p/traces?trace_type=system", headers: {} },
      { ak: "AK", sk: "SK", time: Date.UTC(2019, 10, 15, 3, 36, 55) },
    );
    expect(added["X-Sdk-Date"]).toBe("20191115T033655Z");
    expect(added.Authorization).toContain("SignedHeaders=host;x-sdk-date,");
  });

  it("encodes the path, sorts the query and appends the trailing slash", () => {
    const canonical = canonicalRequest(
      { method: "get", url: "http://h/v3/a%20b/traces?b=2&a=y&a=x&c=%2A", headers: {} },
      ["host"],
    );
    expect(canonical.split("\n").slice(0, 3)).toEqual([
      "GET",
      "/v3/a%20b/traces/",
      "a=x&a=y&b=2&c=%2A",
    ]);
  });
});
