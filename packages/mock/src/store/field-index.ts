import { IntList } from "../internal/int-list.js";
import { type ColumnArray, KeyColumn } from "./key-column.js";
import { EMPTY_POSTINGS, PostingList } from "./posting-list.js";

/** A compacted {@link FieldIndex} as plain data (for snapshots). */
export interface FieldIndexState {
  readonly keys: readonly string[];
  readonly column: ColumnArray;
  readonly csrOffsets: Int32Array;
  /** Absent when one key covers every position. */
  readonly csrPositions: Int32Array | undefined;
}

/** Value id of a position that has no value for the field. */
export const NO_VALUE = -1;

/**
 * One indexed field: interned keys, a column of key ids by position, and a posting list per key.
 *
 * Posting lists are kept compact: after {@link compact} every position is in one `Int32Array`
 * grouped by key (CSR layout, 4 bytes per position), and only positions appended later live in
 * small per-key tails. That keeps the heap cost per trace to a few bytes per field.
 */
export class FieldIndex {
  private readonly ids = new Map<string, number>();
  private readonly keyList: string[] = [];
  readonly column = new KeyColumn();
  private csrOffsets: Int32Array = new Int32Array(1);
  /** Undefined when one key covers every position (the list is then the identity). */
  private csrPositions: Int32Array | undefined = new Int32Array(0);
  private csrLimit = 0;
  private tails: (IntList | undefined)[] = [];

  /** The interned id of `key`, or `undefined` when no position ever had it. */
  idOf(key: string): number | undefined {
    return this.ids.get(key);
  }

  /** The key of an id. */
  keyOf(id: number): string {
    return this.keyList[id]!;
  }

  /** Number of distinct keys seen. */
  get keyCount(): number {
    return this.keyList.length;
  }

  /** The id of `key`, interning it if new. */
  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keyList.length;
      this.ids.set(key, id);
      this.keyList.push(key);
    }
    return id;
  }

  /**
   * Records key id `id` (from {@link intern}; -1 for no value) for the next position in the
   * column only: the posting lists miss it until the next {@link compact} (the bulk path, which
   * builds them all at once).
   */
  appendId(id: number): void {
    this.column.push(id);
  }

  /** Records `key` (or no value) for the next position; positions must arrive in order. */
  append(key: string | null | undefined): void {
    const position = this.column.length;
    if (key === null || key === undefined) {
      this.column.push(NO_VALUE);
      return;
    }
    const id = this.intern(key);
    this.column.push(id);
    let tail = this.tails[id];
    if (tail === undefined) {
      tail = new IntList(2);
      this.tails[id] = tail;
    }
    tail.push(position);
  }

  /** The positions holding key `id`, ascending. */
  postings(id: number): PostingList {
    const tail = this.tails[id];
    const inCsr = id < this.csrOffsets.length - 1;
    if (!inCsr && tail === undefined) return EMPTY_POSTINGS;
    return new PostingList(
      this.csrPositions,
      inCsr ? this.csrOffsets[id]! : 0,
      inCsr ? this.csrOffsets[id + 1]! : 0,
      tail?.data,
      tail?.length ?? 0,
    );
  }

  /** Moves every position into the compact layout (a counting sort of the column, O(n)). */
  compact(): void {
    const n = this.column.length;
    const keys = this.keyList.length;
    const column = this.column.data;
    const none = this.column.none;
    const offsets = new Int32Array(keys + 1);
    for (let p = 0; p < n; p++) {
      const id = column[p]!;
      if (id !== none) offsets[id + 1]!++;
    }
    for (let k = 0; k < keys; k++) offsets[k + 1]! += offsets[k]!;
    this.column.trim(1024);
    this.csrOffsets = offsets;
    this.csrLimit = n;
    this.tails = [];
    if (keys === 1 && offsets[1] === n) {
      this.csrPositions = undefined;
      return;
    }
    const positions = new Int32Array(offsets[keys]!);
    const cursor = offsets.slice(0, keys);
    for (let p = 0; p < n; p++) {
      const id = column[p]!;
      if (id !== none) positions[cursor[id]!++] = p;
    }
    this.csrPositions = positions;
  }

  /** The index as plain data; call right after {@link compact}. */
  exportState(): FieldIndexState {
    return {
      keys: this.keyList,
      column: this.column.data.subarray(0, this.column.length),
      csrOffsets: this.csrOffsets,
      csrPositions: this.csrPositions,
    };
  }

  /** Replaces an empty index's content with `state` (compacted, no tails). */
  importState(state: FieldIndexState): void {
    state.keys.forEach((key, id) => {
      this.ids.set(key, id);
      this.keyList.push(key);
    });
    this.column.adopt(state.column);
    this.csrOffsets = state.csrOffsets;
    this.csrPositions = state.csrPositions;
    this.csrLimit = state.column.length;
    this.tails = [];
  }

  /** Positions below this one are in the compact layout. */
  get compactedUpTo(): number {
    return this.csrLimit;
  }

  /**
   * Rewrites the column through `order` (new position i takes old position `order[i]`) and
   * compacts. Used to re-sort after out-of-order appends and to drop expired traces.
   */
  reorder(order: Int32Array): void {
    this.column.reorder(order);
    this.compact();
  }

  /** Drops the first `count` positions (expired traces) in place and compacts. */
  dropFirst(count: number): void {
    this.column.dropFirst(count);
    this.compact();
  }
}
