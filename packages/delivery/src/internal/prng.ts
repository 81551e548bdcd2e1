/**
 * sfc32, seeded by hashing (seed, keys): the delivery layer's own small PRNG, so cadence jitter,
 * duplicates and tamper choices depend only on the seed and the traces, never on batching.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A stream determined by a seed and integer keys (each used modulo 2^32). */
  static derive(seed: number, ...keys: readonly number[]): Prng {
    let h = mix32((seed >>> 0) ^ 0x9e3779b9 ^ Math.floor(seed / 2 ** 32));
    for (const key of keys) h = mix32(h ^ mix32((key >>> 0) + 0x7f4a7c15));
    return new Prng(h, mix32(h ^ 0x85ebca6b), mix32(h ^ 0xc2b2ae35));
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** A 32-bit integer hash (murmur3's finaliser). */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit hash of a string (FNV-1a), to key PRNG streams by names such as routes. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
