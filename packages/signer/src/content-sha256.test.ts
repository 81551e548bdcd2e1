// `X-Sdk-Content-Sha256` as the official Node SDK (`@huaweicloud/huaweicloud-sdk-core`) sets and
// signs it: its credentials add `UNSIGNED-PAYLOAD` for non-JSON content types
// (BasicCredentials.processAuthRequest), and its AKSKSigner signs every header it was given and
// takes the payload hash from that header when present.

import { fc, test } from "@fast-check/vitest";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";
import { describe, expect, it } from "vitest";
import { canonicalRequest, payloadHash } from "./canonical-request.js";
import { sha256Hex } from "./hashing.js";
import { type SignOptions, signRequest, UNSIGNED_PAYLOAD } from "./sign-request.js";

const ENDPOINT = "http://127.0.0.1:9000";
const PATH = "/v3/0a1b2c3d4e5f60718293a4b5c6d7e8f9/tracker";
const DATE = Date.UTC(2026, 0, 15, 8, 30, 0);
const SDK_DATE = "20260115T083000Z";
const AK = "HPUAL0GLPDTTWQVYYYXL";
const SK = "fqvJKy3AH1Ib4Vjdl5LIrwQsqG5YV6qrNfgWBqUo";

interface Call {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON value: the SDK hashes `JSON.stringify(data)`, so we sign that text. */
  readonly data?: unknown;
}

const bodyOf = (call: Call): string => (call.data === undefined ? "" : JSON.stringify(call.data));

/** Headers the Node SDK sends through its client's credential path, names lower-cased. */
async function sdkHeaders(call: Call): Promise<Record<string, string>> {
  const credentials = new BasicCredentials().withAk(AK).withSk(SK);
  const request = {
    endpoint: ENDPOINT,
    url: PATH,
    method: call.method,
    headers: { ...call.headers, "X-Sdk-Date": SDK_DATE },
    queryParams: {},
    data: call.data,
  };
  // processAuthRequest only uses its client argument for federated (OIDC) credentials.
  const signed = await credentials.processAuthRequest(undefined as never, request);
  return lowerCased(signed.headers as Record<string, string>);
}

/** Headers the Node SDK's AKSKSigner computes for exactly these headers (no credential step). */
function sdkSignerHeaders(call: Call): Record<string, string> {
  const credential = new BasicCredentials().withAk(AK).withSk(SK);
  const request = {
    endpoint: `${ENDPOINT}${PATH}`,
    method: call.method,
    headers: { ...call.headers, "X-Sdk-Date": SDK_DATE },
    queryParams: {},
    data: call.data,
  };
  return lowerCased(AKSKSigner.sign(request as never, credential) as Record<string, string>);
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function ours(call: Call, extra: Partial<SignOptions> = {}): Record<string, string> {
  return signRequest(
    {
      method: call.method,
      rawPath: PATH,
      headers: call.headers,
      body: bodyOf(call),
      host: "127.0.0.1:9000",
    },
    { ak: AK, sk: SK, date: DATE, ...extra },
  );
}

/** Our headers plus `host`, which the SDK returns and fetch or curl send themselves. */
const withHost = (headers: Record<string, string>) => ({ host: "127.0.0.1:9000", ...headers });

const tracker = { tracker_type: "system", tracker_name: "system", obs_info: { bucket_name: "é" } };

describe("X-Sdk-Content-Sha256 by default, as the SDKs decide", () => {
  it("is UNSIGNED-PAYLOAD, signed, for a non-JSON content type (Node SDK as oracle)", async () => {
    const call = { method: "POST", headers: { "Content-Type": "text/plain" }, data: tracker };
    const headers = ours(call);
    expect(headers["x-sdk-content-sha256"]).toBe(UNSIGNED_PAYLOAD);
    expect(headers.authorization).toContain(
      "SignedHeaders=content-type;host;x-sdk-content-sha256;x-sdk-date,",
    );
    expect(withHost(headers)).toEqual(await sdkHeaders(call));
  });

  it("is absent for JSON and for no content type: the body is hashed", async () => {
    for (const headers of [{ "Content-Type": "application/json" }, {}]) {
      const call = { method: "POST", headers, data: tracker };
      expect(ours(call)).not.toHaveProperty("x-sdk-content-sha256");
      expect(withHost(ours(call))).toEqual(await sdkHeaders(call));
    }
  });

  it("treats JSON with parameters as JSON, like Python, Java and Go (Node's client shortens it first)", () => {
    const call = { method: "POST", headers: { "content-type": "Application/JSON;charset=UTF-8" } };
    expect(ours(call)).not.toHaveProperty("x-sdk-content-sha256");
  });

  // Content types on which every SDK rule agrees (Node compares the raw value with
  // `application/json`; its client turns `application/json;charset=UTF-8` into that first).
  const contentType = fc.constantFrom(
    undefined,
    "application/json",
    "text/plain",
    "application/octet-stream",
    "application/xml",
    "TEXT/CSV",
  );
  // The SDK hashes a falsy `data` (false, 0, "") as an empty body; real bodies are objects.
  const jsonValue = fc.jsonValue({ maxDepth: 2 }).filter((value) => Boolean(value));
  test.prop([contentType, jsonValue, fc.constantFrom("POST", "PUT", "DELETE")], { numRuns: 40 })(
    "every header and the signature equal the Node SDK's",
    async (type, data, method) => {
      const call = { method, headers: type === undefined ? {} : { "content-type": type }, data };
      expect(withHost(ours(call))).toEqual(await sdkHeaders(call));
    },
  );
});

describe("SignOptions.contentSha256", () => {
  it("sends and signs UNSIGNED-PAYLOAD for a JSON body when asked (SDK given the header)", () => {
    const call = { method: "POST", headers: { "Content-Type": "application/json" }, data: tracker };
    const headers = ours(call, { contentSha256: UNSIGNED_PAYLOAD });
    const sdk = sdkSignerHeaders({
      ...call,
      headers: { ...call.headers, "X-Sdk-Content-Sha256": UNSIGNED_PAYLOAD },
    });
    expect(withHost(headers)).toEqual(sdk);
  });

  it("sends a precomputed content hash, which then stands for the body", () => {
    const call = { method: "PUT", headers: { "Content-Type": "application/json" }, data: tracker };
    const hash = sha256Hex(JSON.stringify(tracker));
    const headers = ours({ ...call, data: undefined }, { contentSha256: hash });
    const sdk = sdkSignerHeaders({
      ...call,
      headers: { ...call.headers, "X-Sdk-Content-Sha256": hash },
    });
    // Signed without the body at hand: the SDK, which had the body, agrees.
    expect(withHost(headers)).toEqual(sdk);
  });

  it("false hashes the body even for a non-JSON content type", () => {
    const call = { method: "POST", headers: { "Content-Type": "text/plain" }, data: tracker };
    const headers = ours(call, { contentSha256: false });
    expect(headers).not.toHaveProperty("x-sdk-content-sha256");
    expect(withHost(headers)).toEqual(sdkSignerHeaders(call));
  });

  it("yields to an x-sdk-content-sha256 given in the request headers", () => {
    const call = {
      method: "POST",
      headers: { "content-type": "text/plain", "X-Sdk-Content-Sha256": "a".repeat(64) },
      data: tracker,
    };
    expect(ours(call, { contentSha256: UNSIGNED_PAYLOAD })["x-sdk-content-sha256"]).toBe(
      "a".repeat(64),
    );
    expect(withHost(ours(call))).toEqual(sdkSignerHeaders(call));
  });

  it("hashes the body when a signedHeaders list leaves the header out", () => {
    const call = { method: "POST", headers: { "Content-Type": "text/plain" }, data: tracker };
    const signedHeaders = ["content-type", "host", "x-sdk-date"];
    const headers = ours(call, { signedHeaders });
    expect(headers["x-sdk-content-sha256"]).toBe(UNSIGNED_PAYLOAD);
    const values: Record<string, string> = { ...headers, host: "127.0.0.1:9000" };
    const canonical = canonicalRequest({
      method: "POST",
      rawPath: PATH,
      rawQuery: "",
      signedHeaders,
      headerValue: (name) => values[name],
      payloadHash: sha256Hex(JSON.stringify(tracker)),
    });
    expect(canonical.endsWith(`\n${sha256Hex(JSON.stringify(tracker))}`)).toBe(true);
    expect(headers.authorization).toBe(
      signRequest(
        {
          method: "POST",
          rawPath: PATH,
          headers: { "Content-Type": "text/plain" },
          body: JSON.stringify(tracker),
          host: "127.0.0.1:9000",
        },
        { ak: AK, sk: SK, date: DATE, signedHeaders, contentSha256: false },
      ).authorization,
    );
  });
});

describe("payloadHash", () => {
  const values: Record<string, string> = { "x-sdk-content-sha256": ` ${UNSIGNED_PAYLOAD} ` };
  const header = (name: string): string | undefined => values[name];

  it("takes the signed header's value", () => {
    expect(payloadHash(["host", "x-sdk-content-sha256"], header, "{}")).toBe(UNSIGNED_PAYLOAD);
  });

  it("hashes the body when the header is not signed, or empty", () => {
    expect(payloadHash(["host", "x-sdk-date"], header, "{}")).toBe(sha256Hex("{}"));
    expect(payloadHash(["x-sdk-content-sha256"], () => "", "{}")).toBe(sha256Hex("{}"));
    expect(payloadHash(["x-sdk-content-sha256"], () => undefined, "")).toBe(sha256Hex(""));
  });
});
