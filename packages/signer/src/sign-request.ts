/** A pure SDK-HMAC-SHA256 signer for tests, the contract kit and examples (browser-safe). */
import {
  canonicalRequest,
  payloadHash,
  SIGNING_ALGORITHM,
  stringToSign,
} from "./canonical-request.js";
import { hmacSha256Hex } from "./hashing.js";
import { formatSdkDate } from "./sdk-date.js";

/** The `X-Sdk-Content-Sha256` value that exempts a body from the signature. */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** The request to sign; the same shape as `AuthRequest`, with optional parts. */
export interface SignableRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path exactly as it will be sent (percent-encoded where needed). */
  readonly rawPath: string;
  /** Query string exactly as it will be sent, without `?`. Default `""`. */
  readonly rawQuery?: string;
  /** Headers to send; names in any case. Default none. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Body text. Default `""`. */
  readonly body?: string;
  /** Host (and port) the request goes to; signed as `host`. */
  readonly host: string;
}

/** Credentials, clock and header choice for {@link signRequest}. */
export interface SignOptions {
  readonly ak: string;
  readonly sk: string;
  /** Temporary (STS) credentials: sent as `X-Security-Token`. Default none. */
  readonly securityToken?: string;
  /** Signing time (epoch ms or Date); becomes `X-Sdk-Date`. Required: the signer reads no clock. */
  readonly date: number | Date;
  /**
   * Header names to sign, in this order. Default: like the Node, Python and Java SDKs, every
   * header sent (including `x-sdk-date`, `x-security-token` and `x-sdk-content-sha256`) plus
   * `host`, sorted, but without names containing `_`, which Go leaves out too (proxies may drop
   * such headers). Pass a list to sign the way another client does, e.g. Go's
   * `["user-agent", "x-project-id", "x-sdk-date"]`.
   */
  readonly signedHeaders?: readonly string[];
  /**
   * `X-Sdk-Content-Sha256`: sent, signed and used as the payload hash in place of the body's
   * SHA-256 (with a `signedHeaders` list that leaves it out, it is sent but the body is hashed,
   * as a verifier must then do). A string sends that value, e.g. `"UNSIGNED-PAYLOAD"` or
   * the hex SHA-256 of a body hashed elsewhere; `false` never sends the header. Default: as the
   * official SDKs decide, `UNSIGNED-PAYLOAD` when the request has a `Content-Type` whose value
   * does not start with `application/json` (Python and Java compare so; Go also hashes
   * `application/bson`, Node compares the whole value after its client shortened JSON types to
   * `application/json`), else none, so the body is hashed. An `x-sdk-content-sha256` given in
   * `request.headers` always wins.
   */
  readonly contentSha256?: string | false;
}

/** The `X-Sdk-Content-Sha256` value the SDKs send for a request with these headers, if any. */
function sdkContentSha256(headers: Readonly<Record<string, string>>): string | undefined {
  const contentType = headers["content-type"];
  if (contentType === undefined) return undefined;
  return contentType.trim().toLowerCase().startsWith("application/json")
    ? undefined
    : UNSIGNED_PAYLOAD;
}

/**
 * Signs a request with SDK-HMAC-SHA256 (reference §5.2) and returns every header to send: the
 * request's own (names lower-cased), `x-sdk-date`, `x-security-token` when given,
 * `x-sdk-content-sha256` when the body is not hashed (see {@link SignOptions.contentSha256}:
 * by default for non-JSON content types, as the SDKs do), and `authorization`. `host` is signed
 * but only returned if the request listed it, since fetch and browsers set it themselves. Pure;
 * never reads the clock; never throws.
 *
 * @example
 * const headers = signRequest(
 *   { method: "GET", rawPath: "/v3/pid/traces", rawQuery: "limit=10", host: "localhost:9000" },
 *   { ak: "AK", sk: "SK", date: Date.UTC(2026, 0, 1) },
 * );
 * await fetch("http://localhost:9000/v3/pid/traces?limit=10", { headers });
 */
export function signRequest(
  request: SignableRequest,
  options: SignOptions,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  const sdkDate = formatSdkDate(
    typeof options.date === "number" ? options.date : options.date.getTime(),
  );
  headers["x-sdk-date"] = sdkDate;
  if (options.securityToken !== undefined) headers["x-security-token"] = options.securityToken;
  delete headers.authorization;
  if (headers["x-sdk-content-sha256"] === undefined) {
    const contentSha256 =
      options.contentSha256 === undefined ? sdkContentSha256(headers) : options.contentSha256;
    if (contentSha256 !== false && contentSha256 !== undefined) {
      headers["x-sdk-content-sha256"] = contentSha256;
    }
  }

  const signedHeaders =
    options.signedHeaders?.map((name) => name.toLowerCase()) ??
    [...new Set([...Object.keys(headers), "host"])].filter((name) => !name.includes("_")).sort();
  const headerValue = (name: string): string | undefined =>
    name === "host" ? (headers.host ?? request.host) : headers[name];
  const canonical = canonicalRequest({
    method: request.method,
    rawPath: request.rawPath,
    rawQuery: request.rawQuery ?? "",
    signedHeaders,
    headerValue,
    payloadHash: payloadHash(signedHeaders, headerValue, request.body ?? ""),
  });
  const signature = hmacSha256Hex(options.sk, stringToSign(sdkDate, canonical));
  headers.authorization = `${SIGNING_ALGORITHM} Access=${options.ak}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
  return headers;
}
