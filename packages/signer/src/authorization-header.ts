/**
 * Parsing of `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>`
 * (reference §5.2 step 10). Spacing varies between SDKs (Go writes `, `, hand-written clients
 * often write `,`), so whitespace around `,` and `=` is tolerated; everything else is strict.
 */
import { SIGNING_ALGORITHM } from "./canonical-request.js";

/** The three parts of a well-formed SDK-HMAC-SHA256 `Authorization` header. */
export interface SdkAuthorization {
  readonly accessKey: string;
  /** Lower-cased header names in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  /** 64 lower-case hex digits. */
  readonly signature: string;
}

/** Either the parsed header or why it is malformed (the reason goes into the 401 message). */
export type ParsedAuthorization =
  | { readonly ok: true; readonly value: SdkAuthorization }
  | { readonly ok: false; readonly reason: string };

const SIGNATURE = /^[0-9a-f]{64}$/;
const ACCESS_KEY = /^[^\s;=]+$/;
// RFC 9110 token characters: what a header name may contain.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;

function malformed(reason: string): ParsedAuthorization {
  return { ok: false, reason };
}

/**
 * Parses an `Authorization` header value. Never throws: anything unexpected (another algorithm,
 * a missing or repeated part, an empty header name, a signature that is not 64 lower-case hex
 * digits) comes back as `{ ok: false, reason }`.
 *
 * @example
 * parseAuthorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + "0".repeat(64))
 */
export function parseAuthorization(header: string): ParsedAuthorization {
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== SIGNING_ALGORITHM) {
    return malformed(`unsupported signing algorithm "${algorithm.slice(0, 32)}"`);
  }
  const parts = new Map<string, string>();
  for (const part of trimmed.slice(algorithm.length).split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) return malformed("authorization part without '='");
    const key = part.slice(0, eq).trim();
    if (key !== "Access" && key !== "SignedHeaders" && key !== "Signature") {
      return malformed(`unknown authorization part "${key.slice(0, 32)}"`);
    }
    if (parts.has(key)) return malformed(`repeated authorization part "${key}"`);
    parts.set(key, part.slice(eq + 1).trim());
  }
  const accessKey = parts.get("Access");
  const signedHeaderList = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  if (accessKey === undefined || !ACCESS_KEY.test(accessKey)) {
    return malformed("Access is missing or holds spaces");
  }
  if (signedHeaderList === undefined || signedHeaderList === "") {
    return malformed("SignedHeaders is missing");
  }
  if (signature === undefined || !SIGNATURE.test(signature)) {
    return malformed("Signature is not 64 lower-case hex digits");
  }
  const signedHeaders = signedHeaderList.split(";").map((name) => name.trim().toLowerCase());
  if (!signedHeaders.every((name) => HEADER_NAME.test(name))) {
    return malformed("SignedHeaders holds an invalid header name");
  }
  return { ok: true, value: { accessKey, signedHeaders, signature } };
}
