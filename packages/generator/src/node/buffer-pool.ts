import { Buffer } from "node:buffer";

/** Buffers a pool keeps at most (a producer has only a few chunks in flight). */
const MAX_FREE = 8;

/**
 * Spare chunk buffers for reuse. A producer takes its buffers here and gets them back when the
 * sink is done with them (see `TraceChunk.release`), also across threads (an `ArrayBuffer`
 * transferred back to the worker that filled it). Every buffer owns its whole `ArrayBuffer`,
 * so it can be transferred.
 *
 * @example
 * const pool = new BufferPool();
 * const buffer = pool.take(1 << 20);
 * pool.give(buffer.buffer);
 */
export class BufferPool {
  readonly #free: ArrayBuffer[] = [];

  /** A buffer of at least `bytes` bytes: a spare one if one is large enough, else a new one. */
  take(bytes: number): Buffer {
    const free = this.#free;
    for (let i = free.length - 1; i >= 0; i -= 1) {
      const spare = free[i]!;
      if (spare.byteLength >= bytes) {
        free.splice(i, 1);
        return Buffer.from(spare);
      }
    }
    // allocUnsafeSlow: not from Node's shared pool, so the ArrayBuffer is the buffer's own.
    return Buffer.allocUnsafeSlow(bytes);
  }

  /** Returns a buffer for reuse (dropped when the pool is full or it is detached). */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength > 0 && this.#free.length < MAX_FREE) this.#free.push(buffer);
  }

  /** Spare buffers held. */
  get size(): number {
    return this.#free.length;
  }
}
