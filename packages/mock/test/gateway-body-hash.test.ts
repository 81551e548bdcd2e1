// The gateway's payload hash, end to end through the core: a signed request's body cannot be
// swapped by adding an unsigned X-Sdk-Content-Sha256 that vouches for the original body.

import { createCtsCore } from "@ctsim/mock";
import { sha256Hex, signRequest } from "@ctsim/signer";
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
