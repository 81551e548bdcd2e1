import { Buffer } from "node:buffer";
import { BufferPool } from "./buffer-pool.js";

const EMPTY = Buffer.alloc(0);

/** Bytes reserved per record when a buffer is started (the generator's records average ~1.3 KB). */
const BYTES_PER_RECORD = 1400;

/** A full buffer is replaced by one this many times its size (or more when a record needs it). */
const GROWTH = 1.5;

/**
 * Collects record texts as UTF-8, each followed by a newline, in one buffer per chunk: the
 * text is encoded once, on the thread that produced it, and the result is a chunk's `bytes`
 * (transferable to another thread without a copy: every buffer owns its `ArrayBuffer`).
 * Buffers come from a {@link BufferPool}, so chunks handed back are filled again.
 *
 * @example
 * const records = new RecordBuffer(100);
 * records.push('{"a":1}');
 * const bytes = records.take(); // the bytes of '{"a":1}\n'
 */
export class RecordBuffer {
  readonly #expected: number;
  readonly #pool: BufferPool;
  #buffer: Buffer;
  #used = 0;

  /** `expected`: records per chunk, to size the buffer so it rarely grows. */
  constructor(expected: number, pool: BufferPool = new BufferPool()) {
    this.#expected = Math.max(1, expected);
    this.#pool = pool;
    this.#buffer = EMPTY;
  }

  /** Bytes collected so far. */
  get length(): number {
    return this.#used;
  }

  /** Appends one record (a JSON text without a raw newline) and its newline. */
  push(text: string): void {
    for (;;) {
      const room = this.#buffer.length - this.#used;
      const written = this.#buffer.write(text, this.#used);
      // `write` stops short only when the buffer is full (it never splits a character), so a
      // write that left 4 or more bytes free is complete; one that did not may be truncated.
      if (room - written >= 4) {
        this.#used += written;
        this.#buffer[this.#used++] = 0x0a;
        return;
      }
      this.#grow(text.length * 3 + 4);
    }
  }

  /** The bytes collected so far; the next record starts a new buffer from the pool. */
  take(): Uint8Array {
    const bytes = this.#buffer.subarray(0, this.#used);
    this.#buffer = EMPTY;
    this.#used = 0;
    return bytes;
  }

  /**
   * A buffer at least `needed` bytes past the records held and half as large again as the
   * current one: a chunk of records larger than expected grows its buffer a few times, not once
   * per record (each growth copies what is held).
   */
  #grow(needed: number): void {
    const bigger = this.#fresh(
      Math.max(this.#used + needed, Math.ceil(this.#buffer.length * GROWTH)),
    );
    if (this.#buffer !== EMPTY) {
      this.#buffer.copy(bigger, 0, 0, this.#used);
      this.#pool.give(this.#buffer.buffer as ArrayBuffer);
    }
    this.#buffer = bigger;
  }

  #fresh(atLeast: number): Buffer {
    return this.#pool.take(Math.max(atLeast, 4096, this.#expected * BYTES_PER_RECORD));
  }
}
