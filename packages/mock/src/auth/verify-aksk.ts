/** Server-side verification of SDK-HMAC-SHA256 signatures (reference §5.2). */

import {
  canonicalRequest,
  constantTimeEqual,
  parseAuthorization,
  parseSdkDate,
  sha256Hex,
  stringToSign,
} from "@ctsim/signer";
import type { ResolvedAkSk } from "./auth-options.js";
import type { AuthRequest } from "./auth-request.js";
import { headerLookup } from "./auth-request.js";
import type { AuthResult } from "./auth-result.js";
import { AUTH_FAILURE_REASONS, authFailure } from "./auth-result.js";

const { badSignature, unknownAccessKey } = AUTH_FAILURE_REASONS;

/** Shown in messages: long enough to recognise, short enough that garbage cannot flood a log. */
function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}...` : text;
}

/**
 * Verifies the `Authorization` header of `request` against the configured credentials: the
 * signed headers are taken from the header itself, the date must be within the skew of `now`,
 * temporary credentials must carry and sign their `X-Security-Token`. Never throws.
 */
export function verifyAkSk(request: AuthRequest, akSk: ResolvedAkSk, now: number): AuthResult {
  const header = headerLookup(request);
  const parsed = parseAuthorization(header("authorization") ?? "");
  if (!parsed.ok) return authFailure(badSignature, `,err:${parsed.reason}`);
  const { accessKey, signedHeaders, signature } = parsed.value;
  const ak = `,ak:${clip(accessKey)}`;

  const resolved = akSk.byAccessKey.get(accessKey);
  if (resolved === undefined) return authFailure(unknownAccessKey, `${ak},err:ak not exist`);
  const { credential, sign } = resolved;

  const sdkDate = header("x-sdk-date")?.trim();
  if (sdkDate === undefined || sdkDate === "") {
    return authFailure(badSignature, `${ak},err:X-Sdk-Date header is missing`);
  }
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === undefined) {
    return authFailure(badSignature, `${ak},err:X-Sdk-Date is not YYYYMMDDTHHMMSSZ`);
  }
  if (!(Math.abs(now - signedAt) <= akSk.clockSkewMs)) {
    const minutes = Math.round(akSk.clockSkewMs / 60_000);
    return authFailure(badSignature, `${ak},err:X-Sdk-Date is more than ${minutes} min from now`);
  }

  const securityToken = header("x-security-token");
  if (credential.securityToken !== undefined) {
    if (
      securityToken === undefined ||
      !constantTimeEqual(securityToken, credential.securityToken)
    ) {
      return authFailure(badSignature, `${ak},err:X-Security-Token is missing or wrong`);
    }
    if (!signedHeaders.includes("x-security-token")) {
      return authFailure(badSignature, `${ak},err:X-Security-Token is not signed`);
    }
  } else if (securityToken !== undefined) {
    return authFailure(badSignature, `${ak},err:X-Security-Token sent with a permanent AK`);
  }

  const canonical = canonicalRequest({
    method: request.method,
    rawPath: request.rawPath,
    rawQuery: request.rawQuery,
    signedHeaders,
    headerValue: header,
    payloadHash: header("x-sdk-content-sha256")?.trim() || sha256Hex(request.body),
  });
  const expected = sign(stringToSign(sdkDate, canonical));
  if (!constantTimeEqual(expected, signature)) {
    return authFailure(badSignature, `${ak},canonical request:${canonical.replaceAll("\n", "|")}`);
  }
  return { ok: true, principal: accessKey };
}
