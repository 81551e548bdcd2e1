/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit state): fast 32-bit arithmetic, passes PractRand to large sizes, and is cheap to seed, so every session can
 * own an independent stream derived by hashing (seed, stream, index).
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // Discard the first outputs: sfc32 mixes poorly right after seeding.
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A stream determined by a seed and integer keys (stream id, index, ...; used modulo 2^32). */
  static derive(seed: number, ...keys: readonly number[]): Prng {
    let h = mix32(seed ^ 0x9e3779b9);
    for (const key of keys) h = mix32(h ^ mix32((key >>> 0) + 0x7f4a7c15));
    return new Prng(h, mix32(h ^ 0x85ebca6b), mix32(h ^ 0xc2b2ae35), 1);
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
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

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Exponentially distributed value with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Log-normally distributed value with the given median and spread (sigma of the log). */
  logNormal(median: number, sigma: number): number {
    // Sum of three uniforms approximates a normal cheaply (variance 1/4 → scale by 2).
    const z = (this.next() + this.next() + this.next() - 1.5) * 2;
    return median * Math.exp(sigma * z);
  }
}

/** A 32-bit avalanche hash (murmur3 finaliser). */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform float in [0, 1) from hashing integer keys: for stateless per-bucket decisions. */
export function hashUnit(seed: number, ...keys: readonly number[]): number {
  let h = mix32(seed ^ 0x2545f491);
  for (const key of keys)
    h = mix32(h ^ mix32((key >>> 0) + 0x68e31da4) ^ Math.floor(key / 0x100000000));
  return h / 4294967296;
}
