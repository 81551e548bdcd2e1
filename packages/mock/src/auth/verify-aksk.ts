/** Server-side verification of SDK-HMAC-SHA256 signatures (reference §5.2). */

import {
  canonicalRequest,
  constantTimeEqual,
  parseAuthorization,
  parseSdkDate,
  payloadHash,
  sha256Hex,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from "@ctsim/signer";
import type { ResolvedAkSk } from "./auth-options.js";
import type { AuthRequest } from "./auth-request.js";
import { headerLookup } from "./auth-request.js";
import type { AuthResult } from "./auth-result.js";
import { AUTH_FAILURE_REASONS, authFailure } from "./auth-result.js";
import { isoTime } from "./iso-time.js";

const { badSignature, expired, unknownAccessKey } = AUTH_FAILURE_REASONS;

/**
 * The header that carries the payload hash. `payloadHash` (from the signer) trusts it only
 * when it is itself signed, as every official SDK signs it when it sends it (packages/signer
 * README): an unsigned copy could be added in transit to vouch for a swapped body.
 */
const CONTENT_SHA256 = "x-sdk-content-sha256";

/** Shown in messages: long enough to recognise, short enough that garbage cannot flood a log. */
function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}...` : text;
}

/**
 * Verifies the `Authorization` header of `request` against the configured credentials: the
 * signed headers are taken from the header itself, the date must be within the skew of `now`,
 * temporary credentials must carry and sign their `X-Security-Token` and be used before their
 * `expiresAt` (the mock's clock). The payload hash is the
 * SHA-256 of the received body, unless `X-Sdk-Content-Sha256` is itself signed: then its value
 * (`UNSIGNED-PAYLOAD` included), and a signed hex hash that is not the body's is refused too
 * (ctsim's choice: no source says whether the gateway compares it with the body; a gateway
 * that does not would let a signed request carry any body). Never throws.
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

  if (credential.expiresAt !== undefined && !(now < credential.expiresAt)) {
    return authFailure(expired, `, expires_at: ${isoTime(credential.expiresAt)}${ak}`);
  }

  const declared = signedHeaders.includes(CONTENT_SHA256)
    ? header(CONTENT_SHA256)?.trim() || undefined
    : undefined;
  const canonicalWith = (hash: string): string =>
    canonicalRequest({
      method: request.method,
      rawPath: request.rawPath,
      rawQuery: request.rawQuery,
      signedHeaders,
      headerValue: header,
      payloadHash: hash,
    });
  const canonical = canonicalWith(payloadHash(signedHeaders, header, request.body));
  let valid = constantTimeEqual(sign(stringToSign(sdkDate, canonical)), signature);
  // The newest Python signer sends (and signs) UNSIGNED-PAYLOAD for an empty non-JSON body but
  // puts the empty body's hash in the canonical request; with no body, nothing can be swapped.
  if (!valid && declared === UNSIGNED_PAYLOAD && request.body === "") {
    valid = constantTimeEqual(sign(stringToSign(sdkDate, canonicalWith(sha256Hex("")))), signature);
  }
  if (!valid) {
    return authFailure(badSignature, `${ak},canonical request:${canonical.replaceAll("\n", "|")}`);
  }
  if (
    declared !== undefined &&
    declared !== UNSIGNED_PAYLOAD &&
    !constantTimeEqual(declared.toLowerCase(), sha256Hex(request.body))
  ) {
    return authFailure(badSignature, `${ak},err:X-Sdk-Content-Sha256 is not the body's SHA-256`);
  }
  return {
    ok: true,
    principal: accessKey,
    ...(credential.domainId === undefined ? {} : { domainId: credential.domainId }),
  };
}
