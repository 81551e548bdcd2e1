// The gateway's payload hash, end to end through the core: a signed request's body cannot be
// swapped by adding an unsigned X-Sdk-Content-Sha256 that vouches for the original body.

import { createCtsCore } from "@ctsim/mock";
import {
  canonicalRequest,
  formatSdkDate,
  hmacSha256Hex,
  sha256Hex,
  signRequest,
  stringToSign,
} from "@ctsim/signer";
import { describe, expect, it } from "vitest";
import { call } from "./support/call.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = Date.UTC(2026, 5, 15, 12);
const credential = { ak: "HPUABODYHASHTEST0001", sk: "body-hash-secret" };

describe("a signed CreateTracker whose body is swapped in transit", () => {
  it("is refused with 401 APIGW.0301 and creates no tracker", () => {
    const core = createCtsCore({
      now: () => NOW,
      auth: { mode: "aksk", credentials: [credential] },
    });
    const path = `/v3/${PID}/tracker`;
    const original = JSON.stringify({
      tracker_type: "data",
      tracker_name: "legit",
      data_bucket: { data_bucket_name: "audited", data_event: ["WRITE"] },
    });
    const host = "cts.cn-north-4.myhuaweicloud.com";
    const headers = signRequest(
      {
        method: "POST",
        rawPath: path,
        headers: { "content-type": "application/json" },
        body: original,
        host,
      },
      { ...credential, date: NOW },
    );
    const attacker = original.replace("legit", "attacker");
    const swapped = call(core, "POST", path, {
      headers: { ...headers, host, "x-sdk-content-sha256": sha256Hex(original) },
      body: attacker,
    });
    expect(swapped.status).toBe(401);
    expect(swapped.json).toMatchObject({ error_code: "APIGW.0301" });

    const list = signRequest(
      { method: "GET", rawPath: `/v3/${PID}/trackers`, host },
      { ...credential, date: NOW },
    );
    const trackers = call(core, "GET", `/v3/${PID}/trackers`, { headers: { ...list, host } });
    const names = (trackers.json as { trackers: { tracker_name: string }[] }).trackers.map(
      (tracker) => tracker.tracker_name,
    );
    expect(names).toEqual(["system"]);

    // The untouched request still goes through.
    const honest = call(core, "POST", path, { headers: { ...headers, host }, body: original });
    expect(honest.status).toBe(201);
  });
});

/**
 * Signs the way the newest Python signer does for a non-JSON request: it sends and signs
 * `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`, but for an empty body puts the empty body's hash in
 * the canonical request (packages/signer README).
 */
function signLikePython(method: string, path: string, host: string): Record<string, string> {
  const sdkDate = formatSdkDate(NOW);
  const headers: Record<string, string> = {
    "content-type": "text/plain",
    host,
    "x-sdk-content-sha256": "UNSIGNED-PAYLOAD",
    "x-sdk-date": sdkDate,
  };
  const signedHeaders = Object.keys(headers).sort();
  const canonical = canonicalRequest({
    method,
    rawPath: path,
    rawQuery: "",
    signedHeaders,
    headerValue: (name) => headers[name],
    payloadHash: sha256Hex(""),
  });
  const signature = hmacSha256Hex(credential.sk, stringToSign(sdkDate, canonical));
  return {
    ...headers,
    authorization: `SDK-HMAC-SHA256 Access=${credential.ak}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`,
  };
}

describe("the newest Python signer's empty non-JSON body", () => {
  it("is accepted with no body, and refused once a body is slipped in", () => {
    const core = createCtsCore({
      now: () => NOW,
      auth: { mode: "aksk", credentials: [credential] },
    });
    const path = `/v3/${PID}/trackers`;
    const headers = signLikePython("GET", path, "cts.cn-north-4.myhuaweicloud.com");
    expect(call(core, "GET", path, { headers }).status).toBe(200);
    expect(call(core, "GET", path, { headers, body: "{}" }).status).toBe(401);
  });
});
