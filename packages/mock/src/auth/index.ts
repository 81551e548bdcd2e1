/**
 * API Gateway authentication for the CTS mock: modes none, token (`X-Auth-Token`) and AK/SK
 * (`SDK-HMAC-SHA256`), plus a browser-safe signer for clients and tests.
 */

// Verifying requests
export type { AkSkCredential, AuthOptions, TokenCredential } from "./auth-options.js";
export { DEFAULT_CLOCK_SKEW_MS } from "./auth-options.js";
export type { AuthRequest } from "./auth-request.js";
export type { AuthFailure, AuthResult } from "./auth-result.js";
export { AUTH_ERROR_CODE, AUTH_ERROR_PREFIX, AUTH_FAILURE_REASONS } from "./auth-result.js";
export { authenticate } from "./authenticate.js";

// Signing requests
export type { SignableRequest, SignOptions } from "@ctsim/signer";
export { signRequest } from "@ctsim/signer";
