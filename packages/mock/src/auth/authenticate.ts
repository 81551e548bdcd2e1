/** The API Gateway's authentication step, run by the mock before any CTS logic. */

import { constantTimeEqual } from "@ctsim/signer";
import type { AuthOptions, TokenCredential } from "./auth-options.js";
import { resolveAkSkOptions } from "./auth-options.js";
import type { AuthRequest } from "./auth-request.js";
import { headerLookup } from "./auth-request.js";
import type { AuthResult } from "./auth-result.js";
import { AUTH_FAILURE_REASONS, authFailure } from "./auth-result.js";
import { isoTime } from "./iso-time.js";
import { verifyAkSk } from "./verify-aksk.js";

const { badToken, expired, missingCredentials, unknownAccessKey } = AUTH_FAILURE_REASONS;

function checkToken(
  token: string,
  tokens: readonly (string | TokenCredential)[],
  now: number,
): AuthResult {
  let index = -1;
  // Compare with every configured token, so the time taken does not reveal which one matched.
  tokens.forEach((candidate, i) => {
    const text = typeof candidate === "string" ? candidate : candidate.token;
    if (constantTimeEqual(text, token) && index < 0) index = i;
  });
  if (index < 0) return authFailure(badToken);
  const matched = tokens[index] as string | TokenCredential;
  if (typeof matched === "string") return { ok: true, principal: `token:${index}` };
  if (matched.expiresAt !== undefined && !(now < matched.expiresAt)) {
    return authFailure(expired, `, expires_at: ${isoTime(matched.expiresAt)}`);
  }
  return {
    ok: true,
    principal: `token:${index}`,
    ...(matched.projectId === undefined ? {} : { projectId: matched.projectId }),
  };
}

/**
 * Authenticates a request the way CTS's API Gateway does, answering 401 `APIGW.0301` with the
 * gateway's messages on failure (see `auth-result.ts` for which wordings are confirmed).
 *
 * A request with `X-Auth-Token` is judged by its token (in `aksk` mode no token is accepted:
 * `decrypt token fail`); otherwise one with `Authorization` by its AK/SK signature (in `token`
 * mode no AK exists: `Get secretKey failed`); one with neither gets `x-auth-token not found`.
 * Mode `none` accepts everything. A credential past its `expiresAt` gets `token expires,
 * expires_at: <ISO time>`. A scoped credential's account (`domainId`) or project (`projectId`)
 * comes back with the principal, for the gateway's scope check. Pure and synchronous; never
 * throws.
 *
 * @param request - the request, headers lower-cased
 * @param options - the mode and its credentials; treat as immutable (resolved once and cached)
 * @param now - the mock's clock, epoch milliseconds, for the `X-Sdk-Date` skew check
 * @returns `{ ok: true, principal, domainId?, projectId? }` (principal `anonymous`,
 *   `token:<index>`, or the AK) or the 401 answer
 * @example
 * const result = authenticate(request, { mode: "token", tokens: ["t0k3n"] }, Date.now());
 * if (!result.ok) return json(result.status, { error_code: result.errorCode, error_msg: result.errorMsg });
 */
export function authenticate(request: AuthRequest, options: AuthOptions, now: number): AuthResult {
  if (options.mode === "none") return { ok: true, principal: "anonymous" };
  const header = headerLookup(request);
  const token = header("x-auth-token");
  if (token !== undefined) {
    return options.mode === "token"
      ? checkToken(token, options.tokens, now)
      : authFailure(badToken);
  }
  if (header("authorization") === undefined) return authFailure(missingCredentials);
  if (options.mode === "token") return authFailure(unknownAccessKey, ",err:ak not exist");
  return verifyAkSk(request, resolveAkSkOptions(options), now);
}
