import { CodeRow } from "./char-codes.js";
import type { Prng } from "./prng.js";

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, "0"),
);

let hex4Table: readonly string[] | undefined;

/** 8 lowercase hex digits of an unsigned 32-bit integer (one concatenation: a 64 Ki table). */
export function hex8(value: number): string {
  if (hex4Table === undefined) {
    hex4Table = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, "0"));
  }
  return (hex4Table[value >>> 16] as string) + (hex4Table[value & 0xffff] as string);
}

/** 4 lowercase hex digits of the low 16 bits. */
export function hex4(value: number): string {
  return (HEX2[(value >>> 8) & 255] as string) + (HEX2[value & 255] as string);
}

/** 32 random lowercase hex digits (the shape of IAM ids, project ids and request ids). */
export function hex32(rng: Prng): string {
  const row = HEX32_ROW;
  row.hex(0, rng.u32(), 8);
  row.hex(8, rng.u32(), 8);
  row.hex(16, rng.u32(), 8);
  row.hex(24, rng.u32(), 8);
  return row.text();
}

const HEX32_ROW = new CodeRow(32);

/** A random (v4) UUID from the PRNG. */
export function uuid4(rng: Prng): string {
  const a = rng.u32();
  const b = rng.u32();
  const c = rng.u32();
  const d = rng.u32();
  return (
    hex8(a) +
    "-" +
    hex4(b >>> 16) +
    "-" +
    hex4((b & 0x0fff) | 0x4000) +
    "-" +
    hex4(((c >>> 16) & 0x3fff) | 0x8000) +
    "-" +
    hex4(c) +
    hex8(d)
  );
}
