/**
 * A set of string ids kept as 64-bit hashes in typed arrays (12 bytes per slot, at most half
 * full), with the line each id was first seen on. About 16–24 MB for a million ids, where a
 * `Set<string>` of UUIDs takes several times that.
 *
 * Two distinct ids share a 64-bit hash with probability about n²/2⁶⁵ (3 in 10⁸ for a million
 * ids), so a reported duplicate is a real one in practice; a missed duplicate is impossible.
 *
 * @example
 * const seen = new CompactIdSet();
 * seen.addOrGet("7c2d6a1e-61b3-11ef-9a41-0255ac100047", 1); // -1: new
 * seen.addOrGet("7c2d6a1e-61b3-11ef-9a41-0255ac100047", 9); // 1: first seen on line 1
 */
export class CompactIdSet {
  #high: Int32Array;
  #low: Int32Array;
  #lines: Uint32Array;
  #mask: number;
  #size = 0;

  /** @param initialCapacity slots to start with (rounded up to a power of two; default 1024) */
  constructor(initialCapacity = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.#high = new Int32Array(capacity);
    this.#low = new Int32Array(capacity);
    this.#lines = new Uint32Array(capacity);
    this.#mask = capacity - 1;
  }

  /** Number of distinct ids added. */
  get size(): number {
    return this.#size;
  }

  /**
   * Adds `id`, seen on `line`. Returns -1 when the id is new, otherwise the line it was first
   * added with (the set keeps that first line).
   */
  addOrGet(id: string, line: number): number {
    let high = 0x811c9dc5;
    let low = 0x9747b28c;
    for (let i = 0; i < id.length; i++) {
      const unit = id.charCodeAt(i);
      high = Math.imul(high ^ unit, 0x01000193);
      low = Math.imul(low ^ unit, 0x5bd1e995);
      low ^= low >>> 15;
    }
    high = finalMix(high ^ id.length);
    low = finalMix(low ^ Math.imul(id.length, 0x27d4eb2f));
    if (high === 0 && low === 0) low = 1; // (0, 0) marks an empty slot
    let slot = (high ^ low) & this.#mask;
    while (this.#high[slot] !== 0 || this.#low[slot] !== 0) {
      if (this.#high[slot] === high && this.#low[slot] === low) return this.#lines[slot]!;
      slot = (slot + 1) & this.#mask;
    }
    this.#high[slot] = high;
    this.#low[slot] = low;
    this.#lines[slot] = line;
    this.#size++;
    if (this.#size * 2 > this.#mask + 1) this.#grow();
    return -1;
  }

  #grow(): void {
    const [oldHigh, oldLow, oldLines] = [this.#high, this.#low, this.#lines];
    const capacity = oldHigh.length * 2;
    this.#high = new Int32Array(capacity);
    this.#low = new Int32Array(capacity);
    this.#lines = new Uint32Array(capacity);
    this.#mask = capacity - 1;
    for (let old = 0; old < oldHigh.length; old++) {
      const high = oldHigh[old]!;
      const low = oldLow[old]!;
      if (high === 0 && low === 0) continue;
      let slot = (high ^ low) & this.#mask;
      while (this.#high[slot] !== 0 || this.#low[slot] !== 0) slot = (slot + 1) & this.#mask;
      this.#high[slot] = high;
      this.#low[slot] = low;
      this.#lines[slot] = oldLines[old]!;
    }
  }
}

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function finalMix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
