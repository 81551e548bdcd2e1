import { checkPrimeSync, createHash, createPrivateKey, type KeyObject } from "node:crypto";

/** Bits of the RSA modulus ctsim derives (CTS's published public key is RSA-2048). */
const MODULUS_BITS = 2048;
const E = 65537n;

const cache = new Map<string, KeyObject>();

/**
 * An RSA-2048 private key derived from a seed and a label, the same on every machine. node:crypto
 * cannot generate a key from a seed, so the primes are searched here: candidates come from
 * SHA-256 in counter mode over (label, seed), top two bits and the low bit set, and the first
 * that OpenSSL's `checkPrimeSync` (Miller–Rabin, 64 rounds) accepts with `gcd(e, p − 1) = 1` is
 * taken. A test key for a simulator, never for real secrets: whoever knows the seed knows the key.
 *
 * @example const key = seededRsaKey(7, "digest"); // KeyObject, type "private"
 */
export function seededRsaKey(seed: number, label: string): KeyObject {
  const id = `${label}\u0000${seed}`;
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const stream = new ByteStream(id);
  const p = nextPrime(stream);
  let q = nextPrime(stream);
  while (q === p) q = nextPrime(stream);
  const key = rsaKeyOf(p, q);
  cache.set(id, key);
  return key;
}

function nextPrime(stream: ByteStream): bigint {
  const bits = MODULUS_BITS / 2;
  for (;;) {
    let candidate = toBigInt(stream.take(bits / 8));
    candidate |= (3n << BigInt(bits - 2)) | 1n; // two top bits: p·q has exactly 2048 bits
    if ((candidate - 1n) % E === 0n) continue; // gcd(e, p − 1) = 1 (e is prime)
    if (checkPrimeSync(candidate, { checks: 64 })) return candidate;
  }
}

function rsaKeyOf(p: bigint, q: bigint): KeyObject {
  const n = p * q;
  const lambda = lcm(p - 1n, q - 1n);
  const d = modInverse(E, lambda);
  const jwk = {
    kty: "RSA",
    n: base64Url(n),
    e: base64Url(E),
    d: base64Url(d),
    p: base64Url(p),
    q: base64Url(q),
    dp: base64Url(d % (p - 1n)),
    dq: base64Url(d % (q - 1n)),
    qi: base64Url(modInverse(q, p)),
  };
  return createPrivateKey({ key: jwk, format: "jwk" });
}

/** SHA-256 in counter mode: a deterministic byte stream keyed by a text. */
class ByteStream {
  readonly #id: string;
  #counter = 0;

  constructor(id: string) {
    this.#id = id;
  }

  take(length: number): Buffer {
    const blocks: Buffer[] = [];
    for (let have = 0; have < length; have += 32) {
      this.#counter += 1;
      blocks.push(createHash("sha256").update(`${this.#id}\u0000${this.#counter}`).digest());
    }
    return Buffer.concat(blocks).subarray(0, length);
  }
}

function toBigInt(bytes: Buffer): bigint {
  return BigInt(`0x${bytes.toString("hex")}`);
}

function base64Url(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex, "hex").toString("base64url");
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** The inverse of `a` modulo `m` (extended Euclid); `a` and `m` coprime. */
function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return ((oldS % m) + m) % m;
}
