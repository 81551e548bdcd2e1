import { validatorFor } from "@ctsim/catalog";
import { createCtsCore, signRequest, TraceStore } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { call } from "./support/call.js";
import { apiTrace } from "./support/traces.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = Date.UTC(2026, 5, 15, 12);

function storeWithTraces(): TraceStore {
  const store = new TraceStore({ now: () => NOW });
  const rows = [
    { id: "t1", traceName: "createNotebook", resourceType: "Notebook", user: "alice" },
    { id: "t2", traceName: "deleteNotebook", resourceType: "Notebook", user: "bob" },
    { id: "t3", traceName: "CreateJobV2", resourceType: "JobV2", user: null },
  ];
  for (const [i, row] of rows.entries()) {
    store.appendApiTrace(apiTrace({ ...row, time: NOW - 1000 + i }), { projectId: PID });
  }
  return store;
}

describe("lookups and versions", () => {
  it("lists operations per service and resource type, filtered, and validates", () => {
    const core = createCtsCore({ store: storeWithTraces(), now: () => NOW });
    const all = call(core, "GET", `/v3/${PID}/operations`);
    expect(validatorFor("ListOperationsResponse").issues(all.json)).toEqual([]);
    const one = call(core, "GET", `/v3/${PID}/operations`, {
      query: { service_type: "ModelArts", resource_type: "Notebook" },
    });
    expect(one.json).toEqual({
      operations: [
        {
          service_type: "ModelArts",
          resource_type: "Notebook",
          operation_list: ["createNotebook", "deleteNotebook"],
        },
      ],
    });
    expect(
      call(core, "GET", `/v3/${PID}/operations`, { query: { resource_type: "Notebook" } }).status,
    ).toBe(400);
  });

  it("lists the users seen in the project and resource types per service", () => {
    const core = createCtsCore({ store: storeWithTraces(), now: () => NOW });
    expect(call(core, "GET", `/v3/${PID}/user-resources`).json).toEqual({
      users: [{ name: "alice" }, { name: "bob" }],
    });
    expect(call(core, "GET", "/v3/other/user-resources").json).toEqual({ users: [] });
    const resources = call(core, "GET", "/v3/some-domain/resources");
    expect(validatorFor("ListTraceResourcesResponse").issues(resources.json)).toEqual([]);
    expect(resources.json).toEqual({
      resources: [
        { service_type: "cts", resource: ["tracker"] },
        { service_type: "ModelArts", resource: ["JobV2", "Notebook"] },
      ],
    });
  });

  it("checks buckets against the configured ones", () => {
    const core = createCtsCore({ buckets: ["logs"] });
    const body = {
      buckets: [
        { bucket_name: "logs", bucket_location: "cn-north-4" },
        { bucket_name: "ghost", bucket_location: "cn-north-4" },
        {
          bucket_name: "logs",
          bucket_location: "cn-north-4",
          is_support_trace_files_encryption: true,
        },
      ],
    };
    const answer = call(core, "POST", "/v3/dom/checkbucket", { body });
    expect(validatorFor("CheckObsBucketsResponse").issues(answer.json)).toEqual([]);
    const results = (
      answer.json as {
        buckets: { check_bucket_response: { success: boolean; error_code?: string } }[];
      }
    ).buckets;
    expect(results.map((b) => b.check_bucket_response.error_code ?? "ok")).toEqual([
      "ok",
      "CTS.0211",
      "CTS.0221",
    ]);
    expect(call(core, "POST", "/v3/dom/checkbucket", { body: { buckets: [] } }).status).toBe(400);
  });

  it("lists versions and shows one; unknown versions get 404 CTS.0100", () => {
    const core = createCtsCore();
    const list = call(core, "GET", "/");
    expect(validatorFor("ListVersionsResponse").issues(list.json)).toEqual([]);
    expect((list.json as { versions: { id: string }[] }).versions.map((v) => v.id)).toEqual([
      "v1.0",
      "v2.0",
    ]);
    expect(validatorFor("ShowVersionResponse").issues(call(core, "GET", "/v2.0").json)).toEqual([]);
    const unknown = call(core, "GET", "/v9");
    expect([unknown.status, (unknown.json as { error_code: string }).error_code]).toEqual([
      404,
      "CTS.0100",
    ]);
  });

  it.each([
    ["GET", `/v3/${PID}/traces/extra`],
    ["GET", `/v3/${PID}/nothing`],
    ["POST", `/v3/${PID}/traces`],
    ["PATCH", `/v3/${PID}/tracker`],
    ["GET", "/v3//traces"],
    ["GET", "/v3/%E0%A4%A/traces"],
  ])("answers %s %s with a gateway 404 carrying request_id", (method, path) => {
    const answer = call(createCtsCore(), method, path);
    expect(answer.status).toBe(404);
    expect(validatorFor("ErrorBody").issues(answer.json)).toEqual([]);
    expect(answer.json).toMatchObject({
      error_code: "APIGW.0101",
      request_id: answer.headers["x-request-id"],
    });
  });

  it("gives every response a distinct X-Request-Id", () => {
    const core = createCtsCore();
    const ids = new Set(
      Array.from(
        { length: 50 },
        () => call(core, "GET", `/v3/${PID}/quotas`).headers["x-request-id"],
      ),
    );
    expect(ids.size).toBe(50);
  });
});

describe("authentication", () => {
  const path = `/v3/${PID}/quotas`;

  it("accepts a known X-Auth-Token and answers 401 APIGW.0301 otherwise", () => {
    const core = createCtsCore({ auth: { mode: "token", tokens: ["secret-token"] } });
    expect(call(core, "GET", path, { headers: { "x-auth-token": "secret-token" } }).status).toBe(
      200,
    );
    const denied = call(core, "GET", path, { headers: { "x-auth-token": "wrong" } });
    expect(denied.status).toBe(401);
    expect(denied.json).toMatchObject({
      error_code: "APIGW.0301",
      request_id: denied.headers["x-request-id"],
    });
    expect(call(core, "GET", "/").status).toBe(200);
  });

  it("verifies AK/SK signatures against the core's clock", () => {
    const ak = "QTWAOYTTINDUT2QVKYUC";
    const sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    const core = createCtsCore({
      now: () => NOW,
      auth: { mode: "aksk", credentials: [{ ak, sk }] },
    });
    const host = "cts.cn-north-4.myhuaweicloud.com";
    const request = {
      method: "GET",
      rawPath: path,
      rawQuery: "",
      host,
      headers: { "content-type": "application/json" },
    };
    const signed = signRequest(request, { ak, sk, date: NOW });
    expect(call(core, "GET", path, { headers: { ...signed, host } }).status).toBe(200);
    const forged = signRequest(request, { ak, sk: "not-the-secret", date: NOW });
    expect(call(core, "GET", path, { headers: { ...forged, host } }).status).toBe(401);
    const stale = signRequest(request, { ak, sk, date: NOW - 16 * 60_000 });
    expect(call(core, "GET", path, { headers: { ...stale, host } }).status).toBe(401);
  });
});
