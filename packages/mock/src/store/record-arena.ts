import { IntList, upperBound } from "../internal/int-list.js";
import { unaccountedBytes } from "../internal/unaccounted-bytes.js";

/** A {@link RecordArena} as plain data (for snapshots). */
export interface RecordArenaState {
  /** The chunks, each cut to its used bytes. */
  readonly chunks: readonly Uint8Array[];
  /** First position stored in each chunk. */
  readonly firsts: readonly number[];
  /** Each record's offset in its chunk. */
  readonly offsets: Int32Array;
}

/** Bytes per arena chunk once the arena is large; a record never spans two chunks. */
const CHUNK_BYTES = 16 * 1024 * 1024;
/** Bytes of the first chunk; chunks double up to {@link CHUNK_BYTES}, so small stores stay small. */
const FIRST_CHUNK_BYTES = 64 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Trace JSON texts as UTF-8 bytes packed into large `Uint8Array` chunks, addressed by position.
 *
 * A million traces kept as V8 strings make every major garbage collection walk and move a
 * gigabyte of heap; packed off-heap they cost the collector nothing, take about one byte per
 * character, and a page is assembled by copying bytes, with no UTF-8 encoding per response.
 * Per record the arena keeps only its offset in its chunk (4 bytes): records are contiguous, so
 * one ends where the next begins, and a chunk is found from the first position it holds.
 */
export class RecordArena {
  private chunks: Uint8Array[] = [];
  /** First position stored in each chunk (ascending). */
  private firsts: number[] = [];
  /** Bytes used in each chunk. */
  private ends: number[] = [];
  private readonly offsets = new IntList(1024);

  /** Number of records. */
  get size(): number {
    return this.offsets.length;
  }

  /** Appends a JSON text as the next record. */
  append(json: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    this.reserve(json.length * 3);
    const chunk = this.chunks.length - 1;
    const at = this.ends[chunk]!;
    const { written } = encoder.encodeInto(json, this.chunks[chunk]!.subarray(at));
    this.offsets.push(at);
    this.ends[chunk] = at + written;
  }

  /**
   * Appends records `from` to `to - 1` of a batch of UTF-8 records stored back to back
   * (`ends[i]` is where record `i` ends; it starts where record `i - 1` ends), copying as few
   * runs as chunk boundaries allow.
   */
  appendRun(bytes: Uint8Array, ends: Int32Array, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const start = i === 0 ? 0 : ends[i - 1]!;
      this.reserve(ends[i]! - start);
      const chunk = this.chunks.length - 1;
      const at = this.ends[chunk]!;
      const room = this.chunks[chunk]!.length - at;
      let j = i + 1;
      while (j < to && ends[j]! - start <= room) j++;
      this.chunks[chunk]!.set(bytes.subarray(start, ends[j - 1]!), at);
      for (let k = i; k < j; k++) this.offsets.push(at + (k === 0 ? 0 : ends[k - 1]!) - start);
      this.ends[chunk] = at + ends[j - 1]! - start;
      i = j;
    }
  }

  /** The bytes of a record (a view, valid until the next `reorder`). */
  bytes(position: number): Uint8Array {
    const chunk = upperBound(this.firsts, 0, this.firsts.length, position) - 1;
    const nextFirst = this.firsts[chunk + 1] ?? this.offsets.length;
    const end = position + 1 < nextFirst ? this.offsets.data[position + 1]! : this.ends[chunk]!;
    return this.chunks[chunk]!.subarray(this.offsets.data[position]!, end);
  }

  /**
   * Calls `visit(chunk, from, to, position)` for every record in position order, with the
   * record at `chunk[from, to)`: a sequential pass without a view or a chunk search per record.
   */
  forEachRecord(
    visit: (chunk: Uint8Array, from: number, to: number, position: number) => void,
  ): void {
    const offsets = this.offsets.data;
    const n = this.offsets.length;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      const end = this.firsts[c + 1] ?? n;
      for (let p = this.firsts[c]!; p < end; p++) {
        visit(chunk, offsets[p]!, p + 1 < end ? offsets[p + 1]! : this.ends[c]!, p);
      }
    }
  }

  /** The text of a record. */
  text(position: number): string {
    return decoder.decode(this.bytes(position));
  }

  /** Releases the spare capacity of the offsets (after a bulk load). */
  trim(): void {
    const offsets = this.offsets;
    if (offsets.data.length > offsets.length + 1024) {
      offsets.data = offsets.data.slice(0, offsets.length + 1024);
    }
  }

  /** The arena as plain data (views, valid until the next change). */
  exportState(): RecordArenaState {
    return {
      chunks: this.chunks.map((chunk, c) => chunk.subarray(0, this.ends[c]!)),
      firsts: [...this.firsts],
      offsets: this.offsets.data.subarray(0, this.offsets.length),
    };
  }

  /** Replaces an empty arena's content with `state` (its arrays are adopted, not copied). */
  importState(state: RecordArenaState): void {
    this.chunks = [...state.chunks];
    this.firsts = [...state.firsts];
    this.ends = state.chunks.map((chunk) => chunk.length);
    this.offsets.data = state.offsets;
    this.offsets.length = state.offsets.length;
  }

  /** Rewrites the arena in a new order (new position i holds old position `order[i]`). */
  reorder(order: Int32Array): void {
    const copies = Array.from(order, (p) => this.bytes(p));
    this.chunks = [];
    this.firsts = [];
    this.ends = [];
    this.offsets.length = 0;
    for (const record of copies) {
      this.reserve(record.length);
      const chunk = this.chunks.length - 1;
      const at = this.ends[chunk]!;
      this.chunks[chunk]!.set(record, at);
      this.offsets.push(at);
      this.ends[chunk] = at + record.length;
    }
  }

  /**
   * Drops the first `count` records without copying the others: whole chunks before the one
   * holding record `count` are released, that chunk keeps its dropped bytes (at most one
   * chunk's worth) and only the offsets move. What pruning a long-running store needs.
   */
  dropFirst(count: number): void {
    if (count <= 0) return;
    if (count >= this.size) {
      this.chunks = [];
      this.firsts = [];
      this.ends = [];
      this.offsets.length = 0;
      return;
    }
    const keep = upperBound(this.firsts, 0, this.firsts.length, count) - 1;
    this.chunks = this.chunks.slice(keep);
    this.ends = this.ends.slice(keep);
    this.firsts = this.firsts.slice(keep).map((first) => Math.max(0, first - count));
    const offsets = this.offsets;
    offsets.data.copyWithin(0, count, offsets.length);
    offsets.length -= count;
  }

  /** Makes sure the last chunk has `bytes` free, starting a new chunk otherwise. */
  private reserve(bytes: number): void {
    const last = this.chunks.length - 1;
    if (last >= 0 && this.chunks[last]!.length - this.ends[last]! >= bytes) return;
    const size = Math.min(CHUNK_BYTES, FIRST_CHUNK_BYTES * 2 ** this.chunks.length);
    this.chunks.push(unaccountedBytes(Math.max(size, bytes)));
    this.firsts.push(this.offsets.length);
    this.ends.push(0);
  }
}
