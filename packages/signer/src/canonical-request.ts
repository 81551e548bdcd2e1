/**
 * The SDK-HMAC-SHA256 canonical request and string to sign (reference §5.2 steps 3–8), shared by
 * the verifier and the signer so both always agree.
 */
import { sha256Hex } from "./hashing.js";
import { lenientDecode, signingEncode } from "./percent-encoding.js";

/** The signing algorithm named in `Authorization` and on the first line of the string to sign. */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** Lower-cased name of the header that carries a precomputed payload hash. */
const CONTENT_SHA256_HEADER = "x-sdk-content-sha256";

/** The parts of a request that the canonical request covers. */
export interface CanonicalInput {
  readonly method: string;
  /** Path as sent on the wire (may be percent-encoded). */
  readonly rawPath: string;
  /** Query string as sent on the wire, without `?`. */
  readonly rawQuery: string;
  /** Lower-cased signed header names, in the order the `SignedHeaders=` list gives them. */
  readonly signedHeaders: readonly string[];
  /** Value of a lower-cased header name; `undefined` when the request has none. */
  readonly headerValue: (name: string) => string | undefined;
  /** Hex SHA-256 of the body, or the `X-Sdk-Content-Sha256` value (e.g. `UNSIGNED-PAYLOAD`). */
  readonly payloadHash: string;
}

/**
 * Canonical URI: the path decoded first (as Python's signer does, so an already-encoded path
 * verifies), split on `/`, each segment encoded, re-joined, with a trailing `/` appended.
 *
 * @example canonicalUri("/v3/pid/traces") // "/v3/pid/traces/"
 */
export function canonicalUri(rawPath: string): string {
  const segments = lenientDecode(rawPath, false).split("/");
  let path = segments.map(signingEncode).join("/");
  if (!path.endsWith("/")) path += "/";
  return path;
}

/**
 * Canonical query: parameters decoded (`+` is a space, as every SDK's HTTP client encodes it),
 * sorted by name and then by value (UTF-16 code-unit order, as the Node SDK and Java sort; Go
 * and Python differ only for characters outside the Basic Multilingual Plane), each written
 * `encode(name)=encode(value)`, joined by `&`. A parameter without `=` has an empty value.
 *
 * @example canonicalQuery("limit=2&marker=x") // "limit=2&marker=x"
 */
export function canonicalQuery(rawQuery: string): string {
  if (rawQuery === "") return "";
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    pairs.push([lenientDecode(name, true), lenientDecode(value, true)]);
  }
  pairs.sort(([nameA, valueA], [nameB, valueB]) =>
    nameA < nameB ? -1 : nameA > nameB ? 1 : valueA < valueB ? -1 : valueA > valueB ? 1 : 0,
  );
  return pairs.map(([name, value]) => `${signingEncode(name)}=${signingEncode(value)}`).join("&");
}

/**
 * Canonical headers: `name:trimmed-value\n` for each signed header in list order. A signed header
 * the request lacks counts as empty, so stripping an empty signed header changes nothing while
 * stripping a non-empty one breaks the signature.
 */
export function canonicalHeaders(
  signedHeaders: readonly string[],
  headerValue: (name: string) => string | undefined,
): string {
  let out = "";
  for (const name of signedHeaders) out += `${name}:${(headerValue(name) ?? "").trim()}\n`;
  return out;
}

/**
 * The payload hash of the canonical request: the `X-Sdk-Content-Sha256` value (e.g.
 * `UNSIGNED-PAYLOAD`) when that header is one of the signed headers and not empty, else the hex
 * SHA-256 of the body. Every official signer that sends the header also signs it, so a value
 * nobody signed never decides what the signature covers: an unsigned header cannot stand in for
 * a swapped body.
 *
 * @example
 * payloadHash(["host", "x-sdk-date"], () => "UNSIGNED-PAYLOAD", "{}") // sha256Hex("{}")
 */
export function payloadHash(
  signedHeaders: readonly string[],
  headerValue: (name: string) => string | undefined,
  body: string,
): string {
  const declared = signedHeaders.includes(CONTENT_SHA256_HEADER)
    ? headerValue(CONTENT_SHA256_HEADER)?.trim()
    : undefined;
  return declared || sha256Hex(body);
}

/** The canonical request text (six parts joined by `\n`; the headers part ends with `\n`). */
export function canonicalRequest(input: CanonicalInput): string {
  return [
    input.method,
    canonicalUri(input.rawPath),
    canonicalQuery(input.rawQuery),
    canonicalHeaders(input.signedHeaders, input.headerValue),
    input.signedHeaders.join(";"),
    input.payloadHash,
  ].join("\n");
}

/** The string to sign: algorithm, `X-Sdk-Date` value and hex SHA-256 of the canonical request. */
export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}
