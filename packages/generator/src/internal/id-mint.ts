import { hex4, hex8 } from "./hex.js";
import { mix32, type Prng } from "./prng.js";

const TWO_24 = 16_777_216;
const MASK_24 = 0xffffff;
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const B36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const HEX = "0123456789abcdef";

/** Ids one session may mint (its workflows mint far fewer: see {@link IdMint.nearlySpent}). */
const PER_SESSION = 4096;
/** Numeric ids one session may mint (a training session mints at most 7, mass deletion 15). */
const NUMERIC_PER_SESSION = 64;
/** First numeric id: numeric ids count up like the service's database sequence. */
const NUMERIC_BASE = 1_000_000;

/**
 * Mints the resource ids of one session so that every id is unique within a timeline by
 * construction, not by luck: each id carries `(session index, per-session counter)` (at most
 * 2^36 sessions × 4096 ids) permuted by a seed-keyed 4-round Feistel network over 48 bits
 * (a bijection, so distinct inputs give distinct outputs that still look random). The rest of
 * each id is random padding from the session's stream. Ids of one format never repeat; ids of
 * different formats differ in shape (length, alphabet, dashes or prefix).
 *
 * Numeric ids (v1 training and visualization jobs) count up instead, like the service's
 * database sequence: `1000000 + 64 × session + k`, with `k` a per-session rotation of the
 * session's counter (< 64).
 */
export class IdMint {
  private readonly rng: Prng;
  private readonly session: number;
  private readonly keys: readonly [number, number, number, number];
  private readonly rotation: number;
  private count = 0;
  private numericCount = 0;
  /** High and low 24 bits of the last permuted value. */
  private hi = 0;
  private lo = 0;

  constructor(seed: number, session: number, rng: Prng) {
    this.rng = rng;
    this.session = session;
    this.keys = feistelKeys(seed);
    this.rotation = mix32(session ^ this.keys[0]) & (NUMERIC_PER_SESSION - 1);
  }

  /**
   * Whether the session has used most of its id space: the builder then stops the session
   * (workflows check `open` in every loop), so the remaining space covers any workflow's tail.
   */
  get nearlySpent(): boolean {
    return this.count >= PER_SESSION - 512 || this.numericCount >= NUMERIC_PER_SESSION - 24;
  }

  /** A UUID-shaped id `xxxxxxxx-xxxx-4xxx-axxx-xxxxxxxxxxxx` (notebooks, models, services, clusters). */
  uuid(): string {
    this.step();
    const r = this.rng.u32();
    const s = this.rng.u32();
    return `${hex6(this.hi)}${hex2(r)}-${hex4(r >>> 8)}-4${hex3(s)}-a${hex3(s >>> 12)}-${hex6((r >>> 24) | (s & 0xffff00))}${hex6(this.lo)}`;
  }

  /** 32 lowercase hex digits (IAM agencies, samples). */
  hex32(): string {
    this.step();
    return (
      hex6(this.hi) +
      hex6(this.lo) +
      hex8(this.rng.u32()) +
      hex8(this.rng.u32()) +
      hex4(this.rng.u32())
    );
  }

  /** 20 letters and digits (datasets, labels, versions, tasks, workforces, workers). */
  alnum20(): string {
    this.step();
    return base(B62, this.hi, 5) + base(B62, this.lo, 5) + padding(this.rng, B62, 10);
  }

  /** 20 lowercase letters and digits (service app access keys). */
  lower20(): string {
    this.step();
    return base(B36, this.hi, 5) + base(B36, this.lo, 5) + padding(this.rng, B36, 10);
  }

  /** 10 lowercase letters and digits: the unique suffix of a named id (`node-…`, `pool-…`). */
  lower10(): string {
    this.step();
    return base(B36, this.hi, 5) + base(B36, this.lo, 5);
  }

  /** A numeric id as text (v1 training jobs, versions, visualization jobs). */
  numeric(): string {
    const k = (this.numericCount++ + this.rotation) & (NUMERIC_PER_SESSION - 1);
    return String(NUMERIC_BASE + this.session * NUMERIC_PER_SESSION + k);
  }

  private step(): void {
    const v = this.session * PER_SESSION + (this.count++ % PER_SESSION);
    let l = Math.floor(v / TWO_24) & MASK_24;
    let r = v % TWO_24;
    const keys = this.keys;
    for (let round = 0; round < 4; round++) {
      const next = l ^ (mix32(r ^ (keys[round] as number)) & MASK_24);
      l = r;
      r = next;
    }
    this.hi = l;
    this.lo = r;
  }
}

const keyCache = new Map<number, readonly [number, number, number, number]>();

function feistelKeys(seed: number): readonly [number, number, number, number] {
  let keys = keyCache.get(seed);
  if (keys === undefined) {
    keys = [
      mix32(seed ^ 0x3c6ef372),
      mix32(seed ^ 0xa54ff53a),
      mix32(seed ^ 0x510e527f),
      mix32(seed ^ 0x1f83d9ab),
    ];
    if (keyCache.size > 64) keyCache.clear();
    keyCache.set(seed, keys);
  }
  return keys;
}

/** `width` digits of `value` in the alphabet's base (most significant first). */
function base(alphabet: string, value: number, width: number): string {
  const radix = alphabet.length;
  let out = "";
  let v = value;
  for (let i = 0; i < width; i++) {
    out = alphabet[v % radix] + out;
    v = Math.floor(v / radix);
  }
  return out;
}

function padding(rng: Prng, alphabet: string, width: number): string {
  let out = "";
  for (let i = 0; i < width; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
}

function hex2(value: number): string {
  return (HEX[(value >>> 4) & 15] as string) + (HEX[value & 15] as string);
}

function hex3(value: number): string {
  return (HEX[(value >>> 8) & 15] as string) + hex2(value);
}

function hex6(value: number): string {
  return hex2(value >>> 16) + hex4(value);
}
