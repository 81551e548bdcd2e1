import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** The signing algorithm name of Huawei Cloud's API Gateway (reference §5.2). */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** SHA-256 of an empty body, the payload hash of every GET/DELETE. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A request to sign: absolute URL, the headers it will carry, its body. */
export interface SignableRequest {
  readonly method: string;
  readonly url: string;
  /** Headers the request carries (any case). `Host` defaults to the URL's host. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** The key pair and the moment a request is signed at. */
export interface SigningKey {
  readonly ak: string;
  readonly sk: string;
  /** Signing time in epoch ms; becomes `X-Sdk-Date` unless the request already has one. */
  readonly time: number;
}

/**
 * Signs a request with `SDK-HMAC-SHA256` the way Huawei Cloud's SDKs do and returns the headers
 * to add: `X-Sdk-Date` (unless present) and `Authorization`. Signed headers are every header of
 * the request plus `host`, names lower-cased and sorted (the Node SDK's choice; verifiers read the
 * list from `SignedHeaders=`).
 *
 * @example
 * const extra = signRequest({ method: "GET", url, headers: { "Content-Type": "application/json" } },
 *   { ak: "AK", sk: "SK", time: Date.now() });
 */
export function signRequest(request: SignableRequest, key: SigningKey): Record<string, string> {
  const added: Record<string, string> = {};
  const headers = lowerCaseHeaders(request.headers);
  if (headers["x-sdk-date"] === undefined) {
    added["X-Sdk-Date"] = formatSdkDate(key.time);
    headers["x-sdk-date"] = added["X-Sdk-Date"];
  }
  headers.host ??= new URL(request.url).host;
  const signedHeaders = Object.keys(headers).sort();
  const canonical = canonicalRequest({ ...request, headers }, signedHeaders);
  const signature = signatureOf(canonical, headers["x-sdk-date"] ?? "", key.sk);
  added.Authorization = `${SIGNING_ALGORITHM} Access=${key.ak}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
  return added;
}

/**
 * The canonical request of reference §5.2 step 7: method, canonical URI (with trailing `/`),
 * sorted canonical query, canonical headers, signed header names, payload hash.
 */
export function canonicalRequest(
  request: SignableRequest,
  signedHeaders: readonly string[],
): string {
  const url = new URL(request.url);
  const headers = lowerCaseHeaders(request.headers);
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${(name === "host" ? (headers.host ?? url.host) : (headers[name] ?? "")).trim()}\n`,
    )
    .join("");
  return [
    request.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    canonicalHeaders,
    signedHeaders.join(";"),
    headers["x-sdk-content-sha256"] ?? payloadHash(request.body),
  ].join("\n");
}

/** `hex(HMAC-SHA256(sk, StringToSign))` for a canonical request signed at `sdkDate`. */
export function signatureOf(canonical: string, sdkDate: string, sk: string): string {
  const stringToSign = `${SIGNING_ALGORITHM}\n${sdkDate}\n${bytesToHex(sha256(utf8ToBytes(canonical)))}`;
  return bytesToHex(hmac(sha256, utf8ToBytes(sk), utf8ToBytes(stringToSign)));
}

/** Lower-case hex SHA-256 of a text or byte string. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === "string" ? utf8ToBytes(data) : data));
}

/** `X-Sdk-Date` format: `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(time: number): string {
  return new Date(time)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Percent-encodes with the signer's unreserved set `A-Z a-z 0-9 - _ . ~` and upper-case hex. */
export function signerEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split("/")
    .map((segment) => signerEncode(safeDecode(segment)))
    .join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

function canonicalQuery(params: URLSearchParams): string {
  const pairs = [...params].map(([name, value]) => [signerEncode(name), signerEncode(value)]);
  pairs.sort(([a = "", x = ""], [b = "", y = ""]) => (a === b ? compare(x, y) : compare(a, b)));
  return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function payloadHash(body: string | Uint8Array | undefined): string {
  return body === undefined || body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(body);
}

function lowerCaseHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lowered[name.toLowerCase()] = value;
  return lowered;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
