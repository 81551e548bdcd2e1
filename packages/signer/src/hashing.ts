/**
 * SHA-256 and HMAC-SHA256 from `@noble/hashes`: synchronous, audited, and free of `node:crypto`,
 * so the auth code runs unchanged in browsers (msw `setupWorker`) and in Node.
 */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** Hex SHA-256 of the empty string: the payload hash of every request without a body. */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return text === "" ? EMPTY_SHA256 : bytesToHex(sha256(utf8ToBytes(text)));
}

/** Lower-case hex HMAC-SHA256 of `text` (UTF-8) under `key` (UTF-8). */
export function hmacSha256Hex(key: string, text: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(text)));
}

/**
 * HMAC-SHA256 under a fixed `key` (UTF-8): the keyed inner and outer states are computed once and
 * cloned per message, which halves the hashing work of each verification.
 */
export function hmacSha256Keyed(key: string): (text: string) => string {
  const keyed = hmac.create(sha256, utf8ToBytes(key));
  return (text) => bytesToHex(keyed.clone().update(utf8ToBytes(text)).digest());
}

/**
 * Compares two strings in time that depends only on their lengths, so a signature check leaks
 * nothing about how many leading characters matched.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
