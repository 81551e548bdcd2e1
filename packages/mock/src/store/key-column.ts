/** The typed arrays a {@link KeyColumn} widens through. */
export type ColumnArray = Uint8Array | Uint16Array | Int32Array;

/**
 * Key ids by position, stored as narrow as the number of distinct keys allows: one byte while
 * there are fewer than 255 keys, two below 65 535, four beyond. "No value" is stored as the
 * width's sentinel ({@link none}); {@link get} decodes it to -1.
 */
export class KeyColumn {
  data: ColumnArray = new Uint8Array(1024);
  length = 0;
  /** The stored value meaning "no value" at the current width. */
  none = 0xff;

  /** Appends key id `id` (-1 for no value). */
  push(id: number): void {
    if (id >= this.none && this.none !== -1) this.widen(id);
    if (this.length === this.data.length) this.resize(this.data.length * 2);
    this.data[this.length++] = id < 0 ? this.none : id;
  }

  /** The key id at `position`, -1 for no value. */
  get(position: number): number {
    const value = this.data[position]!;
    return value === this.none ? -1 : value;
  }

  /** Replaces the content with `data` (exactly `length` ids wide), e.g. read back from a snapshot. */
  adopt(data: ColumnArray): void {
    this.data = data;
    this.length = data.length;
    this.none = sentinelOf(data);
  }

  /** Shrinks the allocation to the length plus `headroom`. */
  trim(headroom: number): void {
    if (this.data.length > this.length + headroom) this.resize(this.length + headroom);
  }

  /** Rewrites the column through `order` (new position i takes old position `order[i]`). */
  reorder(order: Int32Array): void {
    const old = this.data;
    const next = new (old.constructor as new (n: number) => ColumnArray)(
      Math.max(1024, order.length),
    );
    for (let i = 0; i < order.length; i++) next[i] = old[order[i]!]!;
    this.data = next;
    this.length = order.length;
  }

  /** Drops the first `count` ids, moving the others down in place. */
  dropFirst(count: number): void {
    const n = Math.min(count, this.length);
    this.data.copyWithin(0, n, this.length);
    this.length -= n;
  }

  private resize(capacity: number): void {
    const next = new (this.data.constructor as new (n: number) => ColumnArray)(capacity);
    next.set(this.data.subarray(0, Math.min(this.length, capacity)));
    this.data = next;
  }

  private widen(id: number): void {
    const oldNone = this.none;
    const next: ColumnArray =
      id < 0xffff ? new Uint16Array(this.data.length) : new Int32Array(this.data.length);
    const newNone = sentinelOf(next);
    for (let i = 0; i < this.length; i++) {
      const value = this.data[i]!;
      next[i] = value === oldNone ? newNone : value;
    }
    this.data = next;
    this.none = newNone;
  }
}

function sentinelOf(data: ColumnArray): number {
  return data instanceof Uint8Array ? 0xff : data instanceof Uint16Array ? 0xffff : -1;
}
