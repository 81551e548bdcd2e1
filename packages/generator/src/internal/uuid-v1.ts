import { CodeRow } from "./char-codes.js";
import { flat } from "./flat.js";
import { hex4, hex8 } from "./hex.js";
import { mix32 } from "./prng.js";

/** Milliseconds between the Gregorian epoch (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET_MS = 12219292800000;
const TWO_32 = 4294967296;
/** `xxxxxxxx-xxxx-1xxx` (the time part of a v1 UUID). */
const TIME_ROW = new CodeRow(18);

/**
 * A time-based (version 1) UUID, as CTS trace ids are: 60-bit count of 100 ns intervals since
 * 1582, then clock sequence and node. `tail` is the pre-rendered `-cccc-nnnnnnnnnnnn` part and
 * `subMs` the 100 ns ticks within the millisecond (0..9999).
 *
 * @example
 * uuidV1(1724403600123, 0, "-9a41-0255ac100047"); // "xxxxxxxx-61b3-11ef-9a41-0255ac100047"
 */
export function uuidV1(timeMs: number, subMs: number, tail: string): string {
  // One flat string for the time part (fewer rope nodes to flatten when the text is written).
  writeUuidTime(TIME_ROW, 0, timeMs, subMs);
  return TIME_ROW.text() + tail;
}

/** Writes the time part `xxxxxxxx-xxxx-1xxx` of a v1 UUID into a row at `at`. */
export function writeUuidTime(row: CodeRow, at: number, timeMs: number, subMs: number): void {
  const t = timeMs + GREGORIAN_OFFSET_MS;
  const tHigh = Math.floor(t / TWO_32);
  const tLow = t - tHigh * TWO_32;
  const lowProduct = tLow * 10000 + subMs; // < 2^46: exact
  const carry = Math.floor(lowProduct / TWO_32);
  const timeLow = lowProduct - carry * TWO_32;
  const high = tHigh * 10000 + carry; // upper 28 bits of the 60-bit timestamp
  row.hex(at, timeLow, 8);
  row.put(at + 8, 45); // "-"
  row.hex(at + 9, high & 0xffff, 4);
  row.put(at + 13, 45);
  row.put(at + 14, 49); // version "1"
  row.hex(at + 15, (high >>> 16) & 0x0fff, 3);
}

/** The epoch-ms timestamp a v1 UUID carries (for tests and validators). */
export function timeOfUuidV1(uuid: string): number {
  const timeLow = Number.parseInt(uuid.slice(0, 8), 16);
  const mid = Number.parseInt(uuid.slice(9, 13), 16);
  const hi = Number.parseInt(uuid.slice(15, 18), 16);
  const ticks = (BigInt(hi * 65536 + mid) << 32n) + BigInt(timeLow);
  return Number(ticks / 10000n) - GREGORIAN_OFFSET_MS;
}

const TWO_19 = 524_288;
const MASK_19 = 0x7ffff;

/**
 * The `-cccc-nnnnnnnnnnnn` tail (clock sequence and node) of a session's trace ids, distinct
 * for every session index below 2^38: the index is permuted by a 3-round Feistel network over
 * 38 bits (a bijection) into a 14-bit clock sequence (variant bits `10`) and the low 24 bits of
 * a node `0255acxxxxxx` (a locally administered MAC, as CTS's container hosts have). Within a
 * session, trace ids differ in their 100 ns ticks (see {@link traceTicks}), so every trace id of
 * a timeline is unique by construction.
 *
 * @example
 * sessionUuidTail(0); // "-8c1f-0255ac3e91a4" (shape)
 */
export function sessionUuidTail(sessionIndex: number): string {
  let l = Math.floor(sessionIndex / TWO_19) & MASK_19;
  let r = sessionIndex % TWO_19;
  for (let round = 0; round < 3; round++) {
    const next = l ^ (mix32(r ^ (ROUND_KEYS[round] as number)) & MASK_19);
    l = r;
    r = next;
  }
  const value = l * TWO_19 + r; // < 2^38
  const clockSeq = Math.floor(value / 16_777_216); // 14 bits
  const node = value % 16_777_216;
  // Part of every trace id of the session: one flat piece.
  return flat(`-${hex4(0x8000 | clockSeq)}-0255ac${hex8(node).slice(2)}`);
}

const ROUND_KEYS = [0x2c1b3c6d, 0x297a2d39, 0x5c3a71f5] as const;

/** Multiplier of {@link traceTicks}: coprime with 10000, so distinct sequence numbers below 10000 get distinct ticks. */
const TICK_STRIDE = 7919;

/**
 * The 100 ns ticks within the millisecond (0..9999) of a session's `seq`-th trace: distinct
 * for distinct `seq < 10000` (a session emits at most a few hundred traces), offset per session.
 */
export function traceTicks(seq: number, offset: number): number {
  return (seq * TICK_STRIDE + offset) % 10_000;
}
