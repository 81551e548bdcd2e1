/** A seeded pseudo-random source: `next()` gives a float in [0, 1). */
export interface Prng {
  next(): number;
  /** An integer in [0, bound). */
  int(bound: number): number;
}

/**
 * mulberry32: small, fast and good enough for fault injection and ids; never `Math.random`, so a
 * seed reproduces a run.
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (bound) => Math.floor(next() * bound) };
}

const HEX = "0123456789abcdef";

/** `length` lower-case hex digits drawn from `prng`. */
export function randomHex(prng: Prng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += HEX[prng.int(16)];
  return out;
}

/** 32 lower-case hex digits from four 32-bit draws (cheap enough for one per request). */
export function randomHex32(prng: Prng): string {
  let out = "";
  for (let i = 0; i < 4; i++)
    out += Math.floor(prng.next() * 4294967296)
      .toString(16)
      .padStart(8, "0");
  return out;
}

/** A version-4-shaped UUID drawn from `prng`. */
export function randomUuid(prng: Prng): string {
  const h = randomHex(prng, 32);
  const variant = HEX[8 + prng.int(4)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** FNV-1a hash of a string's UTF-16 code units (a seed derived from text, e.g. imported state). */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
