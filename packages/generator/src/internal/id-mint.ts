import { CodeRow, codesOf } from "./char-codes.js";
import { mix32, type Prng } from "./prng.js";

const TWO_24 = 16_777_216;
const MASK_24 = 0xffffff;
const B62 = codesOf("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
const B36 = codesOf("0123456789abcdefghijklmnopqrstuvwxyz");
const UUID_ROW = new CodeRow(36);
for (const at of [8, 13, 18, 23]) UUID_ROW.put(at, 45); // "-"
UUID_ROW.put(14, 52); // "4"
UUID_ROW.put(19, 97); // "a"
const HEX32_ROW = new CodeRow(32);
const ROW20 = new CodeRow(20);
const ROW10 = new CodeRow(10);

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
 * each id is random padding from the session's stream. All formats share the session's counter,
 * and formats of the same length encode the structured part the same way (or differ in shape:
 * dashes, prefixes), so no two mints of a timeline give the same text.
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
    const row = UUID_ROW;
    row.hex(0, this.hi, 6);
    row.hex(6, r, 2);
    row.hex(9, r >>> 8, 4);
    row.hex(15, s, 3);
    row.hex(20, s >>> 12, 3);
    row.hex(24, (r >>> 24) | (s & 0xffff00), 6);
    row.hex(30, this.lo, 6);
    return row.text();
  }

  /** 32 lowercase hex digits (IAM agencies, samples). */
  hex32(): string {
    this.step();
    const row = HEX32_ROW;
    row.hex(0, this.hi, 6);
    row.hex(6, this.lo, 6);
    row.hex(12, this.rng.u32(), 8);
    row.hex(20, this.rng.u32(), 8);
    row.hex(28, this.rng.u32(), 4);
    return row.text();
  }

  /** 20 letters and digits (datasets, labels, versions, tasks, workforces, workers). */
  alnum20(): string {
    return this.padded(B62);
  }

  /** 20 lowercase letters and digits (service app access keys). */
  lower20(): string {
    return this.padded(B36);
  }

  /** 10 lowercase letters and digits: the unique suffix of a named id (`node-…`, `pool-…`). */
  lower10(): string {
    this.step();
    const row = ROW10;
    row.base(0, B36, this.hi, 5);
    row.base(5, B36, this.lo, 5);
    return row.text();
  }

  /** A numeric id as text (v1 training jobs, versions, visualization jobs). */
  numeric(): string {
    const k = (this.numericCount++ + this.rotation) & (NUMERIC_PER_SESSION - 1);
    return String(NUMERIC_BASE + this.session * NUMERIC_PER_SESSION + k);
  }

  /**
   * 10 structured characters (base 36 in every 20-character format, so an `alnum20` and a
   * `lower20` id can only be equal if they carry the same session and counter, i.e. never)
   * and 10 random characters of the alphabet.
   */
  private padded(alphabet: readonly number[]): string {
    this.step();
    const row = ROW20;
    row.base(0, B36, this.hi, 5);
    row.base(5, B36, this.lo, 5);
    row.random(10, this.rng, alphabet, 10);
    return row.text();
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
