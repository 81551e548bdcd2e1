import type { Prng } from "./prng.js";

/** Character codes of `0-9a-f`. */
export const HEX_CODES: readonly number[] = codesOf("0123456789abcdef");

/** Character codes of a string (an alphabet). */
export function codesOf(alphabet: string): readonly number[] {
  return Array.from(alphabet, (c) => c.charCodeAt(0));
}

/**
 * A fixed-length scratch row of character codes, turned into one flat string at the end: ids
 * are built digit by digit without the intermediate strings of repeated concatenation.
 */
export class CodeRow {
  private readonly codes: number[];

  constructor(length: number) {
    this.codes = new Array<number>(length).fill(48);
  }

  /** The row as a string. */
  text(): string {
    return String.fromCharCode(...this.codes);
  }

  /** One character at `at`. */
  put(at: number, code: number): void {
    this.codes[at] = code;
  }

  /** `value` as `width` digits of the alphabet's base at `at` (most significant first). */
  base(at: number, alphabet: readonly number[], value: number, width: number): void {
    const radix = alphabet.length;
    let v = value;
    for (let i = at + width - 1; i >= at; i--) {
      const q = Math.floor(v / radix);
      this.codes[i] = alphabet[v - q * radix] as number;
      v = q;
    }
  }

  /** The low `width` hex digits of a 32-bit value at `at`. */
  hex(at: number, value: number, width: number): void {
    let v = value;
    for (let i = at + width - 1; i >= at; i--) {
      this.codes[i] = HEX_CODES[v & 15] as number;
      v >>>= 4;
    }
  }

  /** The characters of `text` at `at`. */
  write(at: number, text: string): void {
    for (let i = 0; i < text.length; i++) this.codes[at + i] = text.charCodeAt(i);
  }

  /** `width` random characters of the alphabet at `at`. */
  random(at: number, rng: Prng, alphabet: readonly number[], width: number): void {
    for (let i = at; i < at + width; i++)
      this.codes[i] = alphabet[rng.int(alphabet.length)] as number;
  }
}
