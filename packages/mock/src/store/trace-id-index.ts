/**
 * `trace_id` → position, as an open-addressing hash table of positions in one `Int32Array`
 * (about 8 bytes per trace). Keys are not stored: a candidate is confirmed by reading the id from
 * the trace's JSON text, so no per-trace string is retained.
 */
export class TraceIdIndex {
  private table = new Int32Array(1 << 10);
  private used = 0;

  constructor(
    private readonly hashAt: (position: number) => number,
    private readonly hasId: (position: number, traceId: string) => boolean,
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

  /** Forgets every entry; `capacityHint` sizes the table for that many ids. */
  clear(capacityHint = 0): void {
    let size = 1 << 10;
    while (size < capacityHint * 2) size <<= 1;
    this.table = new Int32Array(size);
    this.used = 0;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
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
