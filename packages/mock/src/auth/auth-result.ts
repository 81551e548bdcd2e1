/**
 * Outcomes of authentication and the API Gateway's 401 messages (reference §4.3). The gateway
 * answers every authentication failure with 401 `APIGW.0301` and a message that starts
 * "Incorrect IAM authentication information: ".
 *
 * Confirmed wordings (Huawei signing guide and API Gateway FAQ): `verify aksk signature fail`,
 * `decrypt token fail`, `Get secretKey failed,ak:<AK>,err:ak not exist`; `x-auth-token not found`
 * (no credentials at all) and `token expires, expires_at: <time>` (an expired token) are in the
 * OCR service's FAQ on APIG.0301 (ocr_01_0063, 2024 revision). The mock uses the expiry wording
 * for an expired temporary AK/SK too (its security token is what expired): unconfirmed.
 * The `,err:<reason>` details after `verify aksk signature fail`, and the canonical request
 * appended to a signature mismatch (with `|` for newlines, which the guide says the gateway may
 * do), are the mock's own wording: unconfirmed, there to help whoever debugs a signer.
 */
import { GATEWAY_ERRORS } from "@ctsim/catalog";

/** The gateway error code of every authentication failure: `APIGW.0301`. */
export const AUTH_ERROR_CODE = GATEWAY_ERRORS["APIGW.0301"].code;

/** Start of every authentication failure message: "Incorrect IAM authentication information". */
export const AUTH_ERROR_PREFIX = GATEWAY_ERRORS["APIGW.0301"].message;

/** The gateway's failure reasons, as they follow the prefix. */
export const AUTH_FAILURE_REASONS = {
  missingCredentials: "x-auth-token not found",
  badToken: "decrypt token fail",
  expired: "token expires",
  unknownAccessKey: "Get secretKey failed",
  badSignature: "verify aksk signature fail",
} as const satisfies Record<string, string>;

/**
 * The outcome of {@link authenticate}: who the caller is (and, for a scoped credential, the
 * account or project it may use), or the gateway's 401 answer.
 */
export type AuthResult =
  | { ok: true; principal: string; domainId?: string; projectId?: string }
  | { ok: false; status: 401; errorCode: "APIGW.0301"; errorMsg: string };

/** A failed {@link AuthResult}. */
export type AuthFailure = Extract<AuthResult, { ok: false }>;

/** Builds a 401 `APIGW.0301` result whose message is the prefix, the reason and any detail. */
export function authFailure(
  reason: (typeof AUTH_FAILURE_REASONS)[keyof typeof AUTH_FAILURE_REASONS],
  detail = "",
): AuthFailure {
  return {
    ok: false,
    status: 401,
    errorCode: AUTH_ERROR_CODE,
    errorMsg: `${AUTH_ERROR_PREFIX}: ${reason}${detail}`,
  };
}
