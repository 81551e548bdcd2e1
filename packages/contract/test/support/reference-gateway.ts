import type { IncomingMessage } from "node:http";
import {
  canonicalRequest,
  hmacSha256Hex,
  parseAuthorization,
  parseSdkDate,
  sha256Hex,
  stringToSign,
} from "@ctsim/signer";
import type { Defect } from "./defects.js";
import type { ReferenceAccount, ReferenceTemporary } from "./reference-accounts.js";
import { errorReply, type Reply } from "./reference-traces.js";

/** Who a request authenticated as: an account, and the project a token is scoped to. */
export interface Caller {
  readonly account: ReferenceAccount;
  readonly tokenProject?: string;
}

/** The request as the gateway sees it. */
export interface GatewayRequest {
  readonly request: IncomingMessage;
  readonly url: URL;
  readonly body: string;
}

/** The gateway's accounts, clock and defects. */
export interface GatewayOptions {
  readonly accounts: readonly ReferenceAccount[];
  readonly now: number;
  readonly defects: ReadonlySet<Defect>;
}

const PROJECT_ID = /^[0-9a-f]{32}$/;

/** The gateway's error shape (reference §4.1), with a request id. */
export function gatewayReply(status: number, code: string, message: string): Reply {
  return { status, body: { error_code: code, error_msg: message, request_id: "ref" } };
}

const refused = (why: string): Reply =>
  gatewayReply(401, "APIGW.0301", `Incorrect IAM authentication information: ${why}`);

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

interface Key {
  readonly sk: string;
  readonly account: ReferenceAccount;
  readonly temporary?: ReferenceTemporary;
}

function keyOf(accounts: readonly ReferenceAccount[], ak: string): Key | undefined {
  for (const account of accounts) {
    const permanent = account.permanent?.find((k) => k.ak === ak);
    if (permanent) return { sk: permanent.sk, account };
    const temporary = account.temporary?.find((k) => k.ak === ak);
    if (temporary) return { sk: temporary.sk, account, temporary };
  }
  return undefined;
}

/**
 * The security-token rule: a temporary AK needs its own unexpired token, signed; a permanent AK
 * takes none. With `security-token-not-bound`, any unexpired token of any account passes, with any AK.
 */
function tokenProblem(
  key: Key,
  token: string | undefined,
  signed: readonly string[],
  options: GatewayOptions,
): string | undefined {
  const { now, defects } = options;
  if (key.temporary && key.temporary.expiresAt <= now && !defects.has("expired-temporary-accepted"))
    return "the temporary credential has expired";
  if (token !== undefined && !signed.includes("x-security-token"))
    return "X-Security-Token is not signed";
  if (defects.has("security-token-not-bound")) {
    if (token === undefined) return key.temporary ? "X-Security-Token is missing" : undefined;
    const known = options.accounts.some((a) =>
      a.temporary?.some((t) => t.securityToken === token && t.expiresAt > now),
    );
    return known ? undefined : "unknown security token";
  }
  if (!key.temporary)
    return token === undefined ? undefined : "X-Security-Token sent with a permanent AK";
  return token === key.temporary.securityToken
    ? undefined
    : "X-Security-Token is missing or not this AK's";
}

/**
 * Authenticates like the API Gateway: an `X-Auth-Token` of some account, or an SDK-HMAC-SHA256
 * signature over the headers `SignedHeaders` names, within 15 minutes, with the body's own hash
 * unless `x-sdk-content-sha256` is signed (the `unsigned-content-hash-trusted` defect takes the
 * header whenever present), and the security-token rule.
 */
export function authenticate(input: GatewayRequest, options: GatewayOptions): Caller | Reply {
  const { request, url, body } = input;
  const token = header(request, "x-auth-token");
  if (token !== undefined) {
    for (const account of options.accounts) {
      const scoped = account.tokens?.find((t) => t.token === token);
      if (scoped) return { account, tokenProject: scoped.projectId };
    }
    return refused("decrypt token fail");
  }
  const parsed = parseAuthorization(header(request, "authorization") ?? "");
  if (!parsed.ok) return refused("no valid Authorization header");
  const { accessKey, signedHeaders, signature } = parsed.value;
  const key = keyOf(options.accounts, accessKey);
  if (!key) return refused("Get secretKey failed");
  const date = header(request, "x-sdk-date") ?? "";
  const at = parseSdkDate(date);
  if (at === undefined || Math.abs(at - options.now) > 15 * 60_000)
    return refused("X-Sdk-Date is off");
  const problem = tokenProblem(key, header(request, "x-security-token"), signedHeaders, options);
  if (problem) return refused(problem);
  const claimed = header(request, "x-sdk-content-sha256")?.trim();
  const trusted =
    claimed !== undefined &&
    (signedHeaders.includes("x-sdk-content-sha256") ||
      options.defects.has("unsigned-content-hash-trusted"));
  const canonical = canonicalRequest({
    method: request.method ?? "GET",
    rawPath: url.pathname,
    rawQuery: url.search.slice(1),
    signedHeaders,
    headerValue: (name) => header(request, name),
    payloadHash: trusted ? claimed : sha256Hex(body),
  });
  if (hmacSha256Hex(key.sk, stringToSign(date, canonical)) !== signature)
    return refused("verify aksk signature fail");
  return { account: key.account };
}

/**
 * Whether `caller` may use `projectId`: a malformed id gets 404 `APIGW.0101`, another project
 * than a token's scope 401 `APIGW.0301`, another account's project 403 `CTS.0002` (the
 * reference's choices; Huawei's answers are unconfirmed). `undefined` when allowed.
 */
export function authorizeProject(
  caller: Caller,
  projectId: string,
  defects: ReadonlySet<Defect>,
): Reply | undefined {
  if (!PROJECT_ID.test(projectId))
    return defects.has("malformed-project-served")
      ? undefined
      : gatewayReply(
          404,
          "APIGW.0101",
          "The API does not exist or has not been published in the environment",
        );
  if (defects.has("foreign-project-served")) return undefined;
  if (caller.tokenProject !== undefined && caller.tokenProject !== projectId)
    return refused("the token is not scoped to this project");
  if (!caller.account.projectIds.includes(projectId))
    return errorReply(
      403,
      "CTS.0002",
      "Authentication failed or you do not have the permissions required.",
    );
  return undefined;
}
