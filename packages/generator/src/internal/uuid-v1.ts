import { hex4, hex8 } from "./hex.js";

/** Milliseconds between the Gregorian epoch (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET_MS = 12219292800000;
const TWO_32 = 4294967296;

/**
 * A time-based (version 1) UUID, as CTS trace ids are: 60-bit count of 100 ns intervals since
 * 1582, then clock sequence and node. `tail` is the pre-rendered `-cccc-nnnnnnnnnnnn` part and
 * `subMs` the 100 ns ticks within the millisecond (0..9999).
 *
 * @example
 * uuidV1(1724403600123, 0, "-9a41-0255ac100047"); // "xxxxxxxx-61b3-11ef-9a41-0255ac100047"
 */
export function uuidV1(timeMs: number, subMs: number, tail: string): string {
  const t = timeMs + GREGORIAN_OFFSET_MS;
  const tHigh = Math.floor(t / TWO_32);
  const tLow = t - tHigh * TWO_32;
  const lowProduct = tLow * 10000 + subMs; // < 2^46: exact
  const carry = Math.floor(lowProduct / TWO_32);
  const timeLow = lowProduct - carry * TWO_32;
  const high = tHigh * 10000 + carry; // upper 28 bits of the 60-bit timestamp
  return `${hex8(timeLow)}-${hex4(high & 0xffff)}-${hex4(((high >>> 16) & 0x0fff) | 0x1000)}${tail}`;
}

/** The epoch-ms timestamp a v1 UUID carries (for tests and validators). */
export function timeOfUuidV1(uuid: string): number {
  const timeLow = Number.parseInt(uuid.slice(0, 8), 16);
  const mid = Number.parseInt(uuid.slice(9, 13), 16);
  const hi = Number.parseInt(uuid.slice(15, 18), 16);
  const ticks = (BigInt(hi * 65536 + mid) << 32n) + BigInt(timeLow);
  return Number(ticks / 10000n) - GREGORIAN_OFFSET_MS;
}
