import { sha256Hex, signRequest } from "@ctsim/signer";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { AuthOptions } from "./auth-options.js";
import type { AuthRequest } from "./auth-request.js";
import { authenticate } from "./authenticate.js";

const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);
const MINUTE = 60_000;
const permanent = { ak: "PERMANENTAK000000001", sk: "permanent-secret" };
const temporary = {
  ak: "TEMPORARYAK000000001",
  sk: "temporary-secret",
  securityToken: "sts-token",
};
const aksk: AuthOptions = { mode: "aksk", credentials: [permanent, temporary] };
const PREFIX = "Incorrect IAM authentication information: ";

const base: AuthRequest = {
  method: "GET",
  rawPath: "/v3/0a1b2c/traces",
  rawQuery: "trace_type=system&limit=10",
  headers: { host: "localhost:9000", "content-type": "application/json" },
  body: "",
  host: "localhost:9000",
};

function signedAt(
  date: number,
  credential: { ak: string; sk: string; securityToken?: string } = permanent,
  signedHeaders?: readonly string[],
  request: AuthRequest = base,
): AuthRequest {
  const headers = signRequest(request, {
    ...credential,
    date,
    ...(signedHeaders === undefined ? {} : { signedHeaders }),
  });
  return { ...request, headers };
}

function failure(errorMsg: string): object {
  return { ok: false, status: 401, errorCode: "APIGW.0301", errorMsg };
}

describe("mode none", () => {
  it("accepts everything as anonymous", () => {
    expect(authenticate(base, { mode: "none" }, NOW)).toEqual({ ok: true, principal: "anonymous" });
  });
});

describe("mode token", () => {
  const options: AuthOptions = { mode: "token", tokens: ["first", "second"] };
  const withHeaders = (headers: Record<string, string>): AuthRequest => ({ ...base, headers });

  it("accepts a configured X-Auth-Token, naming it by position", () => {
    expect(authenticate(withHeaders({ "x-auth-token": "second" }), options, NOW)).toEqual({
      ok: true,
      principal: "token:1",
    });
  });

  it("rejects another token with decrypt token fail", () => {
    expect(authenticate(withHeaders({ "x-auth-token": "secon" }), options, NOW)).toEqual(
      failure(`${PREFIX}decrypt token fail`),
    );
  });

  it("rejects a request without credentials", () => {
    expect(authenticate(withHeaders({}), options, NOW)).toEqual(
      failure(`${PREFIX}x-auth-token not found`),
    );
  });

  it("rejects an AK/SK-signed request: no AK exists in token mode", () => {
    expect(authenticate(signedAt(NOW), options, NOW)).toEqual(
      failure(`${PREFIX}Get secretKey failed,err:ak not exist`),
    );
  });
});

describe("mode aksk", () => {
  it("accepts a signed request with the AK as principal", () => {
    expect(authenticate(signedAt(NOW), aksk, NOW)).toEqual({ ok: true, principal: permanent.ak });
  });

  it("rejects a token: none is accepted in this mode", () => {
    const request = { ...base, headers: { ...base.headers, "x-auth-token": "anything" } };
    expect(authenticate(request, aksk, NOW)).toEqual(failure(`${PREFIX}decrypt token fail`));
  });

  it("rejects a request without credentials", () => {
    expect(authenticate(base, aksk, NOW)).toEqual(failure(`${PREFIX}x-auth-token not found`));
  });

  it("rejects an unknown AK with the gateway's Get secretKey message", () => {
    const request = signedAt(NOW, { ak: "UNKNOWNAK", sk: "x" });
    expect(authenticate(request, aksk, NOW)).toEqual(
      failure(`${PREFIX}Get secretKey failed,ak:UNKNOWNAK,err:ak not exist`),
    );
  });

  it("rejects a wrong SK, appending the canonical request with | for newlines", () => {
    const result = authenticate(signedAt(NOW, { ...permanent, sk: "wrong" }), aksk, NOW);
    expect(result).toMatchObject({ ok: false, status: 401, errorCode: "APIGW.0301" });
    expect(result.ok ? "" : result.errorMsg).toBe(
      `${PREFIX}verify aksk signature fail,ak:${permanent.ak},canonical request:` +
        "GET|/v3/0a1b2c/traces/|limit=10&trace_type=system|content-type:application/json|" +
        "host:localhost:9000|x-sdk-date:20260501T120000Z||content-type;host;x-sdk-date|" +
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  it.each([
    ["missing", undefined, "X-Sdk-Date header is missing"],
    ["malformed", "2026-05-01T12:00:00Z", "X-Sdk-Date is not YYYYMMDDTHHMMSSZ"],
  ])("rejects a %s X-Sdk-Date", (_case, date, detail) => {
    const { "x-sdk-date": _signed, ...headers } = signedAt(NOW).headers;
    const request = {
      ...base,
      headers: date === undefined ? headers : { ...headers, "x-sdk-date": date },
    };
    expect(authenticate(request, aksk, NOW)).toEqual(
      failure(`${PREFIX}verify aksk signature fail,ak:${permanent.ak},err:${detail}`),
    );
  });

  test.prop([fc.integer({ min: -15 * MINUTE, max: 15 * MINUTE }).map((ms) => ms - (ms % 1000))])(
    "accepts dates within ±15 minutes of now",
    (offset) => {
      expect(authenticate(signedAt(NOW + offset), aksk, NOW).ok).toBe(true);
    },
  );

  test.prop([
    fc.integer({ min: 15 * MINUTE + 1000, max: 400 * 24 * 60 * MINUTE }),
    fc.constantFrom(-1, 1),
  ])("rejects dates more than 15 minutes away", (distance, sign) => {
    const result = authenticate(signedAt(NOW + sign * distance), aksk, NOW);
    expect(result.ok ? "" : result.errorMsg).toContain("X-Sdk-Date is more than 15 min from now");
  });

  it("honours a configured clock skew", () => {
    const strict: AuthOptions = { mode: "aksk", credentials: [permanent], clockSkewMs: MINUTE };
    expect(authenticate(signedAt(NOW - MINUTE), strict, NOW).ok).toBe(true);
    expect(authenticate(signedAt(NOW - MINUTE - 1000), strict, NOW).ok).toBe(false);
  });

  it("fails closed when the clock is not a number", () => {
    expect(authenticate(signedAt(NOW), aksk, Number.NaN).ok).toBe(false);
  });
});

describe("the payload hash", () => {
  const post: AuthRequest = {
    ...base,
    method: "POST",
    rawPath: "/v3/0a1b2c/tracker",
    rawQuery: "",
    body: '{"tracker_type":"system","tracker_name":"system"}',
  };
  const swapped = '{"tracker_type":"data","tracker_name":"attacker"}';
  const hashOf = (text: string): string => sha256Hex(text);

  it("is the received body's: a body swapped under an unsigned X-Sdk-Content-Sha256 fails", () => {
    const signed = signedAt(NOW, permanent, undefined, post);
    const headers = { ...signed.headers, "x-sdk-content-sha256": hashOf(post.body) };
    expect(authenticate({ ...post, headers }, aksk, NOW).ok).toBe(true);
    const result = authenticate({ ...post, headers, body: swapped }, aksk, NOW);
    expect(result).toMatchObject({ ok: false, status: 401, errorCode: "APIGW.0301" });
    expect(result.ok ? "" : result.errorMsg).toContain("verify aksk signature fail");
  });

  it("is the header's value when the header is signed, UNSIGNED-PAYLOAD included", () => {
    const unsigned = {
      ...post,
      headers: { ...post.headers, "x-sdk-content-sha256": "UNSIGNED-PAYLOAD" },
    };
    const signed = signedAt(NOW, permanent, undefined, unsigned);
    expect(signed.headers.authorization).toContain("x-sdk-content-sha256");
    expect(authenticate({ ...signed, body: swapped }, aksk, NOW).ok).toBe(true);
  });

  test.prop([fc.constantFrom("lower", "upper"), fc.string({ maxLength: 40 })])(
    "refuses a signed hex hash that is not the body's, and accepts it when it is (any case)",
    (letterCase, other) => {
      const hash = hashOf(post.body);
      const declared = letterCase === "upper" ? hash.toUpperCase() : hash;
      const request = { ...post, headers: { ...post.headers, "x-sdk-content-sha256": declared } };
      const signed = signedAt(NOW, permanent, undefined, request);
      expect(authenticate(signed, aksk, NOW).ok).toBe(true);
      const body = other === post.body ? `${other} ` : other;
      const result = authenticate({ ...signed, body }, aksk, NOW);
      expect(result.ok ? "" : result.errorMsg).toBe(
        `${PREFIX}verify aksk signature fail,ak:${permanent.ak},err:X-Sdk-Content-Sha256 is not the body's SHA-256`,
      );
    },
  );
});

describe("temporary credentials", () => {
  it("accept a request carrying and signing X-Security-Token", () => {
    expect(authenticate(signedAt(NOW, temporary), aksk, NOW)).toEqual({
      ok: true,
      principal: temporary.ak,
    });
  });

  it("reject a missing or wrong token", () => {
    const { "x-security-token": _token, ...headers } = signedAt(NOW, temporary).headers;
    expect(authenticate({ ...base, headers }, aksk, NOW).ok).toBe(false);
    const wrong = signedAt(NOW, { ...temporary, securityToken: "other" });
    expect(authenticate(wrong, aksk, NOW).ok).toBe(false);
  });

  it("reject a token that is sent but not signed", () => {
    const request = signedAt(NOW, temporary, ["host", "x-sdk-date"]);
    const result = authenticate(request, aksk, NOW);
    expect(result.ok ? "" : result.errorMsg).toContain("X-Security-Token is not signed");
  });

  it("reject a security token sent with a permanent AK", () => {
    const request = signedAt(NOW, { ...permanent, securityToken: "sts-token" });
    expect(authenticate(request, aksk, NOW).ok).toBe(false);
  });
});

describe("signed headers chosen by other SDKs (reference §5.2 step 5)", () => {
  // What the Go and Python SDKs send for a CTS call: note the header with '_', which neither signs.
  const sdkRequest: AuthRequest = {
    ...base,
    headers: {
      host: "localhost:9000",
      "content-type": "application/json;charset=UTF-8",
      "user-agent": "huaweicloud-usdk-go/3.0",
      "x-project-id": "0a1b2c",
      x_request_tag: "unsigned",
    },
    body: '{"tracker_type":"system","tracker_name":"system"}',
    method: "POST",
    rawPath: "/v3/0a1b2c/tracker",
    rawQuery: "",
  };

  /** Go: every header it set except Content-Type and names with '_'; never host. */
  function goSigned(names: readonly string[]): string[] {
    return names.filter((n) => n !== "content-type" && n !== "host" && !n.includes("_")).sort();
  }
  /** Python: every header except names with '_', always host. */
  function pythonSigned(names: readonly string[]): string[] {
    return [...new Set([...names, "host"])].filter((n) => !n.includes("_")).sort();
  }

  it.each([
    ["Go", goSigned, "user-agent;x-project-id;x-sdk-date", permanent],
    ["Go (temporary)", goSigned, "user-agent;x-project-id;x-sdk-date;x-security-token", temporary],
    ["Python", pythonSigned, "content-type;host;user-agent;x-project-id;x-sdk-date", permanent],
  ] as const)("verify when chosen like %s", (_sdk, choose, expected, credential) => {
    const names = [
      ...Object.keys(sdkRequest.headers),
      "x-sdk-date",
      ...("securityToken" in credential ? ["x-security-token"] : []),
    ];
    const signedHeaders = choose(names);
    expect(signedHeaders.join(";")).toBe(expected);
    const request = signedAt(NOW, credential, signedHeaders, sdkRequest);
    expect(authenticate(request, aksk, NOW)).toEqual({ ok: true, principal: credential.ak });
    // Unsigned headers may change in transit; signed ones may not.
    const retagged = { ...request.headers, x_request_tag: "changed" };
    expect(authenticate({ ...request, headers: retagged }, aksk, NOW).ok).toBe(true);
    const reagent = { ...request.headers, "user-agent": "changed" };
    expect(authenticate({ ...request, headers: reagent }, aksk, NOW).ok).toBe(false);
  });

  it("sign the Host only when the client lists it", () => {
    const moved = (request: AuthRequest): AuthRequest => ({
      ...request,
      headers: { ...request.headers, host: "127.0.0.1:9000" },
    });
    const go = signedAt(NOW, permanent, ["user-agent", "x-project-id", "x-sdk-date"], sdkRequest);
    expect(authenticate(moved(go), aksk, NOW).ok).toBe(true);
    const python = signedAt(NOW, permanent, undefined, sdkRequest);
    expect(authenticate(moved(python), aksk, NOW).ok).toBe(false);
  });

  it("use the list in the order the client gives it", () => {
    const request = signedAt(NOW, permanent, ["x-sdk-date", "host"], sdkRequest);
    expect(authenticate(request, aksk, NOW).ok).toBe(true);
  });
});

describe("robustness", () => {
  const pieces = fc.constantFrom(
    "SDK-HMAC-SHA256 ",
    "Access=",
    permanent.ak,
    temporary.ak,
    ", ",
    "SignedHeaders=",
    "host;x-sdk-date",
    "Signature=",
    "0".repeat(64),
    "=",
    ";",
  );
  const garbage = fc.oneof(
    fc.string({ unit: "binary", maxLength: 300 }),
    fc
      .array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 12 })
      .map((p) => p.join("")),
  );

  test.prop([
    garbage,
    fc.option(garbage, { nil: undefined }),
    fc.option(garbage, { nil: undefined }),
  ])("never throws, and never accepts, on garbage credentials", (authorization, sdkDate, token) => {
    const headers: Record<string, string> = { ...base.headers, authorization };
    if (sdkDate !== undefined) headers["x-sdk-date"] = sdkDate;
    if (token !== undefined) headers["x-security-token"] = token;
    const result = authenticate({ ...base, headers }, aksk, NOW);
    expect(result).toMatchObject({ ok: false, status: 401, errorCode: "APIGW.0301" });
  });
});
