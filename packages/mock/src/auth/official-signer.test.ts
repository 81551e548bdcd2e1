// Requests signed by the official Node SDK (`@huaweicloud/huaweicloud-sdk-core`), through the
// same credential code path its clients use (BasicCredentials.processAuthRequest → AKSKSigner).
import { stringify } from "node:querystring";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";
import { describe, expect, it } from "vitest";
import type { AuthOptions } from "./auth-options.js";
import type { AuthRequest } from "./auth-request.js";
import { authenticate } from "./authenticate.js";

const ENDPOINT = "http://127.0.0.1:9000";
const NOW = Date.UTC(2026, 0, 15, 8, 30, 0);
const SDK_DATE = "20260115T083000Z";
interface Credential {
  readonly ak: string;
  readonly sk: string;
  readonly securityToken?: string;
}

const permanent: Credential = {
  ak: "HPUAL0GLPDTTWQVYYYXL",
  sk: "fqvJKy3AH1Ib4Vjdl5LIrwQsqG5YV6qrNfgWBqUo",
};
const temporary: Credential = {
  ak: "STS0TEMPORARYACCESS1",
  sk: "tempSecret",
  securityToken: "gQpjbi1ub3J0aC00",
};
const options: AuthOptions = { mode: "aksk", credentials: [permanent, temporary] };

interface SdkCall {
  readonly method: string;
  readonly url: string;
  readonly queryParams?: Record<string, string | number | string[]>;
  readonly data?: unknown;
  readonly contentType?: string;
  readonly credential?: Credential;
}

/** Signs like the SDK, then shapes the request as our HTTP server would receive it. */
async function signWithSdk(call: SdkCall): Promise<AuthRequest> {
  const credential = call.credential ?? permanent;
  const credentials = new BasicCredentials()
    .withAk(credential.ak)
    .withSk(credential.sk)
    .withProjectId("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
  if (credential.securityToken !== undefined)
    credentials.withSecurityToken(credential.securityToken);
  const httpRequest = {
    endpoint: ENDPOINT,
    url: call.url,
    method: call.method,
    headers: {
      "Content-Type": call.contentType ?? "application/json",
      "User-Agent": "huaweicloud-usdk-nodejs/3.0",
      "X-Sdk-Date": SDK_DATE,
    },
    queryParams: call.queryParams ?? {},
    data: call.data,
  };
  // processAuthRequest only uses its client argument for federated (OIDC) credentials.
  const signed = await credentials.processAuthRequest(undefined as never, httpRequest);
  const url = new URL(signed.endpoint as string);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers as Record<string, string>)) {
    headers[name.toLowerCase()] = String(value);
  }
  return {
    method: call.method,
    rawPath: url.pathname,
    rawQuery: stringify(call.queryParams ?? {}),
    headers,
    body: call.data === undefined ? "" : JSON.stringify(call.data),
    host: url.host,
  };
}

const listTraces: SdkCall = {
  method: "GET",
  url: "/v3/{project_id}/traces",
  queryParams: { trace_type: "system", limit: 100, user: "jane doe", resource_type: ["b", "a"] },
};
const createTracker: SdkCall = {
  method: "POST",
  url: "/v3/{project_id}/tracker",
  data: { tracker_type: "system", tracker_name: "system", obs_info: { bucket_name: "audit-é" } },
};

function expectRejected(request: AuthRequest): void {
  const result = authenticate(request, options, NOW);
  expect(result).toMatchObject({ ok: false, status: 401, errorCode: "APIGW.0301" });
  if (!result.ok) {
    expect(result.errorMsg).toMatch(/^Incorrect IAM authentication information: verify aksk/);
  }
}

describe("requests signed by @huaweicloud/huaweicloud-sdk-core", () => {
  it("signs the headers the reference says Node signs (all its headers plus host)", async () => {
    const request = await signWithSdk(listTraces);
    expect(request.headers.authorization).toContain(
      "SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date,",
    );
  });

  it.each([
    ["a GET with repeated and spaced query values", listTraces],
    ["a POST with a JSON body", createTracker],
    [
      "a DELETE with a query",
      { method: "DELETE", url: "/v3/{project_id}/trackers", queryParams: { tracker_name: "t1" } },
    ],
    ["temporary credentials with X-Security-Token", { ...listTraces, credential: temporary }],
    [
      "an unsigned payload (non-JSON content type)",
      { ...createTracker, contentType: "text/plain" },
    ],
  ])("verify: %s", async (_name, call) => {
    const request = await signWithSdk(call);
    expect(authenticate(request, options, NOW)).toEqual({
      ok: true,
      principal: (call as SdkCall).credential?.ak ?? permanent.ak,
    });
  });

  it("fail when the method is changed", async () => {
    const request = await signWithSdk(listTraces);
    expectRejected({ ...request, method: "POST" });
  });

  it("fail when the path is changed", async () => {
    const request = await signWithSdk(listTraces);
    expectRejected({ ...request, rawPath: request.rawPath.replace("traces", "trackers") });
  });

  it("fail when a query value is changed or a parameter added", async () => {
    const request = await signWithSdk(listTraces);
    expectRejected({ ...request, rawQuery: request.rawQuery.replace("limit=100", "limit=200") });
    expectRejected({ ...request, rawQuery: `${request.rawQuery}&trace_rating=normal` });
  });

  it("fail when a signed header is changed", async () => {
    const request = await signWithSdk(listTraces);
    expectRejected({ ...request, headers: { ...request.headers, "x-project-id": "other" } });
    expectRejected({ ...request, headers: { ...request.headers, host: "127.0.0.1:9001" } });
  });

  it("fail when the body is changed", async () => {
    const request = await signWithSdk(createTracker);
    expectRejected({ ...request, body: request.body.replace("system", "data") });
  });

  it("fail when the date is changed, even inside the skew window", async () => {
    const request = await signWithSdk(listTraces);
    expectRejected({
      ...request,
      headers: { ...request.headers, "x-sdk-date": "20260115T083001Z" },
    });
  });

  it("fail when the security token is dropped", async () => {
    const request = await signWithSdk({ ...listTraces, credential: temporary });
    const { "x-security-token": _dropped, ...headers } = request.headers;
    expectRejected({ ...request, headers });
  });
});
