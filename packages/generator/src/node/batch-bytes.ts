/**
 * The bytes of one batch being filled: each part is copied in once, and the batch is taken
 * whole. A taken batch keeps its buffer (it is in flight); the next one starts in a fresh buffer
 * sized like the last, so a steady stream of equal batches never grows one.
 *
 * @example
 * const batch = new BatchBytes();
 * batch.append(chunk.bytes);
 * const body = batch.take();
 */
export class BatchBytes {
  #buffer = new Uint8Array(0);
  #used = 0;
  #lastSize = 64 * 1024;

  /** Bytes collected so far. */
  get length(): number {
    return this.#used;
  }

  /** Copies `bytes` in (the caller may reuse them at once). */
  append(bytes: Uint8Array): void {
    const needed = this.#used + bytes.length;
    if (needed > this.#buffer.length) {
      const bigger = new Uint8Array(Math.max(needed, this.#lastSize, this.#buffer.length * 2));
      bigger.set(this.#buffer.subarray(0, this.#used));
      this.#buffer = bigger;
    }
    this.#buffer.set(bytes, this.#used);
    this.#used = needed;
  }

  /** The batch's bytes; collection starts over in a new buffer. */
  take(): Uint8Array {
    const bytes = this.#buffer.subarray(0, this.#used);
    this.#lastSize = Math.max(this.#used, 1024);
    this.#buffer = new Uint8Array(0);
    this.#used = 0;
    return bytes;
  }
}
