import { lowerBound } from "../internal/int-list.js";

/**
 * The positions holding one indexed value, ascending: a compacted run (`csr[start, end)`, or
 * every position in `[start, end)` when `csr` is undefined because the value is everywhere)
 * followed by the positions appended since the last compaction (`tail[0, tailLength)`).
 */
export class PostingList {
  constructor(
    readonly csr: Int32Array | undefined,
    readonly start: number,
    readonly end: number,
    readonly tail: Int32Array | undefined,
    readonly tailLength: number,
  ) {}

  get length(): number {
    return this.end - this.start + this.tailLength;
  }

  /** The `i`-th position (0-based, ascending). */
  at(i: number): number {
    const head = this.end - this.start;
    if (i >= head) return this.tail![i - head]!;
    return this.csr === undefined ? this.start + i : this.csr[this.start + i]!;
  }

  /** Index of the first entry whose position is ≥ `position`. */
  lowerBound(position: number): number {
    const head = this.end - this.start;
    if (head > 0 && this.at(head - 1) >= position) {
      if (this.csr === undefined) return Math.max(0, position - this.start);
      return lowerBound(this.csr, this.start, this.end, position) - this.start;
    }
    return this.tail === undefined
      ? head
      : head + lowerBound(this.tail, 0, this.tailLength, position);
  }
}

/** A posting list with no entries. */
export const EMPTY_POSTINGS = new PostingList(new Int32Array(0), 0, 0, undefined, 0);
