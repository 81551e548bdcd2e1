// ── Signing ─────────────────────────────────────────────────────────────────
export { signRequest, UNSIGNED_PAYLOAD } from "./sign-request.js";
export type { SignableRequest, SignOptions } from "./sign-request.js";

// ── Canonical form (what a verifier recomputes) ─────────────────────────────
export {
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  payloadHash,
  SIGNING_ALGORITHM,
  stringToSign,
} from "./canonical-request.js";
export type { CanonicalInput } from "./canonical-request.js";
export { parseAuthorization } from "./authorization-header.js";
export type { ParsedAuthorization, SdkAuthorization } from "./authorization-header.js";
export { formatSdkDate, parseSdkDate } from "./sdk-date.js";
export { lenientDecode, signingEncode } from "./percent-encoding.js";

// ── Hashing ─────────────────────────────────────────────────────────────────
export { constantTimeEqual, hmacSha256Hex, hmacSha256Keyed, sha256Hex } from "./hashing.js";
