/**
 * `trace_id` → position, as an open-addressing hash table of positions in one `Int32Array`
 * (about 8 bytes per trace). Keys are not stored: a candidate is confirmed by reading the id from
 * the trace's JSON text, so no per-trace string is retained.
 */
export class TraceIdIndex {
  private table: Int32Array = new Int32Array(1 << 10);
  private used = 0;

  constructor(
    private readonly hashAt: (position: number) => number,
    private readonly hasId: (position: number, traceId: string) => boolean,
    private readonly sameId: (a: number, b: number) => boolean,
  ) {}

  /** The newest position of `traceId`, or `undefined`. */
  get(traceId: string): number | undefined {
    const mask = this.table.length - 1;
    for (let slot = hashTraceId(traceId) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return undefined;
      if (this.hasId(entry - 1, traceId)) return entry - 1;
    }
  }

  /** Maps `traceId` to `position`, replacing an older position of the same id. */
  set(traceId: string, position: number): void {
    if ((this.used + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    for (let slot = hashTraceId(traceId) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) {
        this.table[slot] = position + 1;
        this.used++;
        return;
      }
      if (this.hasId(entry - 1, traceId)) {
        this.table[slot] = position + 1;
        return;
      }
    }
  }

  /**
   * Maps the id stored at `position` to it, replacing an older position of the same id (the bulk
   * path: no id string is made).
   */
  setPosition(position: number): void {
    if ((this.used + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    for (let slot = this.hashAt(position) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) {
        this.table[slot] = position + 1;
        this.used++;
        return;
      }
      if (this.sameId(entry - 1, position)) {
        this.table[slot] = position + 1;
        return;
      }
    }
  }

  /**
   * {@link setPosition} for positions `from` to `from + hashes.length - 1`, given their hashes
   * (the bulk path: producers hash the ids, so no record is read unless two hashes are equal).
   */
  setPositions(from: number, hashes: Int32Array): void {
    this.reserve(from + hashes.length);
    const table = this.table;
    const mask = table.length - 1;
    for (let i = 0; i < hashes.length; i++) {
      const hash = hashes[i]!;
      const position = from + i;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const entry = table[slot]!;
        if (entry === 0) {
          table[slot] = position + 1;
          this.used++;
          break;
        }
        const other = entry - 1;
        // An entry filed in this call with another hash cannot hold the same id.
        if ((other < from || hashes[other - from] === hash) && this.sameId(other, position)) {
          table[slot] = position + 1;
          break;
        }
      }
    }
  }

  /** Grows the table at once to hold `count` ids in all (one rehash instead of one per doubling). */
  reserve(count: number): void {
    let size = this.table.length;
    while (count * 2 > size) size *= 2;
    if (size > this.table.length) this.grow(size);
  }

  /** The table as plain data: positions + 1 by slot, 0 for free slots. */
  exportTable(): Int32Array {
    return this.table;
  }

  /** Replaces the content with a table from {@link exportTable} (a power-of-two length). */
  importTable(table: Int32Array): void {
    this.table = table;
    this.used = 0;
    for (let i = 0; i < table.length; i++) if (table[i] !== 0) this.used++;
  }

  /** Forgets every entry; `capacityHint` sizes the table for that many ids. */
  clear(capacityHint = 0): void {
    let size = 1 << 10;
    while (size < capacityHint * 2) size <<= 1;
    this.table = new Int32Array(size);
    this.used = 0;
  }

  private grow(size = this.table.length * 2): void {
    const old = this.table;
    this.table = new Int32Array(size);
    if (this.used === 0) return;
    const mask = this.table.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      let slot = this.hashAt(entry - 1) & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = entry;
    }
  }
}

const encoder = new TextEncoder();

/** FNV-1a over the UTF-8 bytes of a trace id (the same value {@link hashBytes} gives). */
export function hashTraceId(traceId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < traceId.length; i++) {
    const code = traceId.charCodeAt(i);
    if (code > 0x7f) return hashBytes(encoder.encode(traceId), 0, Number.POSITIVE_INFINITY);
    h = Math.imul(h ^ code, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a over `bytes[from, to)`, stopping early at a `"` (the end of an id inside JSON). */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  const end = Math.min(to, bytes.length);
  for (let i = from; i < end && bytes[i] !== 34; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
