import { FloatList } from "../internal/int-list.js";

/** Bytes per arena chunk; a record never spans two chunks. */
const CHUNK_BYTES = 16 * 1024 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Trace JSON texts as UTF-8 bytes packed into large `Uint8Array` chunks, addressed by position.
 *
 * A million traces kept as V8 strings make every major garbage collection walk and move a
 * gigabyte of heap; packed off-heap they cost the collector nothing, take about one byte per
 * character, and a page is assembled by copying bytes, with no UTF-8 encoding per response.
 */
export class RecordArena {
  private chunks: Uint8Array[] = [];
  private used = CHUNK_BYTES;
  /** Bytes used in each chunk; records are contiguous, so a record ends where the next starts. */
  private ends: number[] = [];
  /** Start of each record: chunk index × CHUNK_BYTES + offset. */
  private readonly starts = new FloatList(1024);

  /** Number of records. */
  get size(): number {
    return this.starts.length;
  }

  /** Appends a JSON text as the next record. */
  append(json: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (CHUNK_BYTES - this.used < json.length * 3) this.newChunk(json.length * 3);
    const chunk = this.chunks[this.chunks.length - 1]!;
    const { written } = encoder.encodeInto(json, chunk.subarray(this.used));
    this.push(this.chunks.length - 1, this.used, written);
  }

  /** The bytes of a record (a view, valid until the next `reorder`). */
  bytes(position: number): Uint8Array {
    const start = this.starts.data[position]!;
    const chunk = Math.floor(start / CHUNK_BYTES);
    const offset = start - chunk * CHUNK_BYTES;
    const next = position + 1 < this.starts.length ? this.starts.data[position + 1]! : -1;
    const end =
      next >= 0 && Math.floor(next / CHUNK_BYTES) === chunk
        ? next - chunk * CHUNK_BYTES
        : this.ends[chunk]!;
    return this.chunks[chunk]!.subarray(offset, end);
  }

  /** The text of a record. */
  text(position: number): string {
    return decoder.decode(this.bytes(position));
  }

  /** Rewrites the arena in a new order (new position i holds old position `order[i]`). */
  reorder(order: Int32Array): void {
    const copies = Array.from(order, (p) => this.bytes(p));
    this.chunks = [];
    this.ends = [];
    this.used = CHUNK_BYTES;
    this.starts.length = 0;
    for (const record of copies) {
      if (CHUNK_BYTES - this.used < record.length) this.newChunk(record.length);
      this.chunks[this.chunks.length - 1]!.set(record, this.used);
      this.push(this.chunks.length - 1, this.used, record.length);
    }
  }

  private push(chunk: number, offset: number, length: number): void {
    this.starts.push(chunk * CHUNK_BYTES + offset);
    this.used = offset + length;
    this.ends[chunk] = this.used;
  }

  private newChunk(atLeast: number): void {
    this.chunks.push(new Uint8Array(Math.max(CHUNK_BYTES, atLeast)));
    this.ends.push(0);
    this.used = 0;
  }
}
