import type { SignableRequest, SignOptions } from "@ctsim/signer";
import { signRequest } from "@ctsim/signer";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { AuthOptions } from "./auth-options.js";
import type { AuthRequest } from "./auth-request.js";
import { authenticate } from "./authenticate.js";

const AK = "QTWAOYTTINDUT2QVKYUC";
const SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
const VECTOR_DATE = Date.UTC(2019, 10, 15, 3, 36, 55);
const options: AuthOptions = { mode: "aksk", credentials: [{ ak: AK, sk: SK }] };

function toAuthRequest(request: SignableRequest, headers: Record<string, string>): AuthRequest {
  return {
    method: request.method,
    rawPath: request.rawPath,
    rawQuery: request.rawQuery ?? "",
    headers,
    body: request.body ?? "",
    host: request.host,
  };
}

function signed(request: SignableRequest, extra: Partial<SignOptions> = {}): AuthRequest {
  return toAuthRequest(
    request,
    signRequest(request, { ak: AK, sk: SK, date: VECTOR_DATE, ...extra }),
  );
}

describe("signRequest", () => {
  const vector: SignableRequest = {
    method: "GET",
    rawPath: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
    rawQuery: "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
    headers: { "Content-Type": "application/json" },
    host: "service.region.example.com",
  };

  it("reproduces the published test vector (reference §5.2)", () => {
    expect(signRequest(vector, { ak: AK, sk: SK, date: new Date(VECTOR_DATE) })).toEqual({
      "content-type": "application/json",
      "x-sdk-date": "20191115T033655Z",
      authorization:
        "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, " +
        "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    });
  });

  it("signs every header but names with '_' by default, plus host, sorted", () => {
    const headers = signRequest(
      { ...vector, headers: { "X-Project-Id": "p", x_trace: "1", "User-Agent": "ua" } },
      { ak: AK, sk: SK, date: VECTOR_DATE, securityToken: "tok" },
    );
    expect(headers["x-security-token"]).toBe("tok");
    expect(headers.authorization).toContain(
      "SignedHeaders=host;user-agent;x-project-id;x-sdk-date;x-security-token,",
    );
  });

  it("ignores a stale Authorization header and replaces X-Sdk-Date", () => {
    const headers = signRequest(
      { ...vector, headers: { Authorization: "Basic x", "X-Sdk-Date": "20000101T000000Z" } },
      { ak: AK, sk: SK, date: VECTOR_DATE },
    );
    expect(headers.authorization).toContain("SignedHeaders=host;x-sdk-date,");
    expect(headers["x-sdk-date"]).toBe("20191115T033655Z");
  });
});

// --- property tests: sign → verify ---------------------------------------------------------

const awkward = fc.oneof(
  fc.constantFrom(" ", "%", "+", "?", "#", "&", "=", ";", ":", "@", "~", "/", "é", "中", "😀"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit: awkward, maxLength: 10 });
const encodePlus = (value: string): string => encodeURIComponent(value).replaceAll("%20", "+");

const signableRequest: fc.Arbitrary<SignableRequest> = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE"),
  rawPath: fc
    .array(
      text.filter((s) => !s.includes("/")),
      { minLength: 1, maxLength: 4 },
    )
    .map((segments) => `/${segments.map(encodeURIComponent).join("/")}`),
  rawQuery: fc
    .array(fc.tuple(fc.constantFrom("limit", "user", "trace_name", "a", "é"), text), {
      maxLength: 6,
    })
    .map((pairs) => pairs.map(([n, v]) => `${encodePlus(n)}=${encodePlus(v)}`).join("&")),
  headers: fc.record({
    "content-type": fc.constant("application/json"),
    "x-project-id": fc.stringMatching(/^[0-9a-f]{32}$/),
  }),
  body: fc.string({ unit: "grapheme", maxLength: 40 }),
  host: fc.constantFrom("localhost:9000", "cts.cn-north-4.myhuaweicloud.com"),
});

describe("sign → verify", () => {
  test.prop([signableRequest])("round-trips for arbitrary paths, queries and bodies", (request) => {
    expect(authenticate(signed(request), options, VECTOR_DATE)).toEqual({
      ok: true,
      principal: AK,
    });
  });

  test.prop([signableRequest, fc.nat(63), fc.constantFrom(..."0123456789abcdef")])(
    "fails for any single-character change of the signature",
    (request, index, replacement) => {
      const good = signed(request);
      const auth = good.headers.authorization ?? "";
      const at = auth.length - 64 + index;
      fc.pre(auth[at] !== replacement);
      const bad = `${auth.slice(0, at)}${replacement}${auth.slice(at + 1)}`;
      const result = authenticate(
        { ...good, headers: { ...good.headers, authorization: bad } },
        options,
        VECTOR_DATE,
      );
      expect(result.ok).toBe(false);
    },
  );

  test.prop([signableRequest, fc.constantFrom("method", "path", "query", "body", "header")])(
    "fails when the method, path, query, body or a signed header changes",
    (request, part) => {
      const good = signed(request);
      const tampered: AuthRequest =
        part === "method"
          ? { ...good, method: good.method === "GET" ? "HEAD" : "GET" }
          : part === "path"
            ? { ...good, rawPath: `${good.rawPath}x` }
            : part === "query"
              ? { ...good, rawQuery: `${good.rawQuery}&extra=1` }
              : part === "body"
                ? { ...good, body: `${good.body} ` }
                : { ...good, headers: { ...good.headers, "x-project-id": "tampered" } };
      expect(authenticate(tampered, options, VECTOR_DATE).ok).toBe(false);
    },
  );
});
