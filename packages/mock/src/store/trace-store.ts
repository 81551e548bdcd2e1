import { type ApiTrace, TRACE_RETENTION_MS } from "@ctsim/catalog";
import { FloatList, IntList, lowerBound, upperBound } from "../internal/int-list.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { FieldIndex, NO_VALUE } from "./field-index.js";
import { collectPage, type IndexName, KIND, PROJECT, planQuery } from "./query-plan.js";
import { RecordArena } from "./record-arena.js";
import { BATCH_KEYS, type TraceBatch } from "./trace-batch.js";
import {
  FILTER_FIELDS,
  type FilterField,
  filterValueOf,
  type IndexableTrace,
  indexableOf,
  kindOf,
  type TracePlacement,
} from "./trace-fields.js";
import { hashBytes, TraceIdIndex } from "./trace-id-index.js";
import {
  compareEqualTimeRecords,
  recordHasTraceId,
  sameTraceId,
  traceIdHash,
  traceIdOffset,
  traceIdOfRecord,
} from "./trace-json.js";

import type {
  TracePage,
  TraceQuery,
  TraceStoreOptions,
  TraceStoreState,
  TraceWindow,
} from "./trace-store-types.js";

export type { TracePage, TraceQuery, TraceStoreOptions, TraceStoreState, TraceWindow };

const EMPTY_PAGE: TracePage = { traces: [], lastTraceId: undefined, hasMore: false };

/**
 * The traces the mock serves: newest first, each kept as its JSON text (UTF-8, packed off the V8
 * heap in a {@link RecordArena}), with an index per
 * ListTraces filter so a filtered page costs about O(log n + page size).
 *
 * Positions are in (time, record_time, trace_id) order (see `compareEqualTimeRecords`; records
 * without `record_time` first among equal times); each filter keeps sorted position lists, and a query
 * binary-searches the shortest list to its time window and walks it backwards, testing the other
 * filters through per-field columns. Appends in time order are O(1); an out-of-order append
 * re-sorts the store before the next query. Traces older than the retention are invisible and
 * are dropped in bulk.
 *
 * @example
 * const store = new TraceStore({ now: () => clock });
 * store.appendApiTrace(trace, { projectId });
 * const page = store.query({ projectId, kind: "system", after: 0, before: clock, limit: 10 });
 */
export class TraceStore {
  private readonly now: () => number;
  private readonly retentionMs: number;
  private records = new RecordArena();
  private times = new FloatList();
  /** `traceIdHash` of the records from `idsUpTo` on, from the batches (the bulk path). */
  private pendingHashes = new IntList(1024);
  private readonly indexes = new Map<IndexName, FieldIndex>();
  /** The indexes in `BATCH_KEY_FIELDS` order (project, kind, filters). */
  private readonly indexList: FieldIndex[] = [];
  private readonly ids: TraceIdIndex;
  private sorted = true;
  /** Positions below this are in the trace-id table; the bulk path indexes the rest later. */
  private idsUpTo = 0;
  /** Whether bulk appends left the posting lists and the trace-id table behind. */
  private bulkPending = false;
  private changes = 0;
  /** Positions stored but not yet visible (see {@link hide}); few, all near the newest end. */
  private hidden = new Set<number>();

  constructor(options: TraceStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.retentionMs = options.retentionMs ?? TRACE_RETENTION_MS;
    for (const name of [PROJECT, KIND, ...FILTER_FIELDS] as const) {
      const index = new FieldIndex();
      this.indexes.set(name, index);
      this.indexList.push(index);
    }
    this.ids = new TraceIdIndex(
      (p) => {
        const record = this.records.bytes(p);
        const at = traceIdOffset(record);
        return at < 0 ? 0 : hashBytes(record, at, record.length);
      },
      (p, id) => recordHasTraceId(this.records.bytes(p), id),
      (a, b) => sameTraceId(this.records.bytes(a), this.records.bytes(b)),
    );
  }

  /** Number of stored traces (expired and hidden ones included until they are dropped). */
  get size(): number {
    return this.records.size;
  }

  /** Increases on every change; caches derived from the store compare it. */
  get version(): number {
    return this.changes;
  }

  /** The store's clock. */
  clock(): number {
    return this.now();
  }

  /** Oldest `time` still queryable. */
  retentionCutoff(): number {
    return this.now() - this.retentionMs;
  }

  /**
   * Stores one trace given its indexable fields and its compact JSON text (which must carry the
   * same `trace_id`). The fast path for the generator: `add(event, encodeApiTraceJson(event))`.
   * `projectId` files the trace under another project than its own.
   */
  add(trace: IndexableTrace, json: string, projectId: string = trace.projectId): void {
    if (this.bulkPending) this.finishBulk();
    const position = this.records.size;
    const previous = position > 0 ? this.times.data[position - 1]! : Number.NEGATIVE_INFINITY;
    if (trace.time < previous) this.sorted = false;
    this.records.append(json);
    if (trace.time === previous && this.sorted && this.tieOutOfOrder(position)) this.sorted = false;
    this.times.push(trace.time);
    this.index(PROJECT).append(projectId);
    // Only data traces are indexed by kind: management traces are found through tracker_name.
    this.index(KIND).append(kindOf(trace) === "data" ? "data" : null);
    for (const field of FILTER_FIELDS) this.index(field).append(filterValueOf(trace, field));
    this.ids.set(trace.traceId, position);
    this.idsUpTo = position + 1;
    this.changes++;
    if (position - this.index(PROJECT).compactedUpTo > Math.max(1 << 16, position >>> 2)) {
      this.compact();
    }
    // A long-running store sheds expired traces in bulk once they are a quarter of it.
    if ((position & 0xffff) === 0xffff && this.sorted) {
      const expired = lowerBound(this.times.data, 0, this.records.size, this.retentionCutoff());
      if (expired > this.records.size >>> 2) this.prune();
    }
  }

  /**
   * Stores an API-shape trace (serialized with `JSON.stringify`).
   *
   * @throws {MockError} `CTSIM_MOCK_INVALID_TRACE` when `trace_id` is missing or would need escaping.
   */
  appendApiTrace(trace: ApiTrace, placement: TracePlacement): void {
    const id = trace.trace_id;
    if (typeof id !== "string" || id === "" || JSON.stringify(id) !== `"${id}"`) {
      throw new MockError(
        MockErrorCode.invalidTrace,
        `trace_id ${JSON.stringify(id)} is not a plain non-empty string; give each trace a UUID`,
      );
    }
    this.add(indexableOf(trace, placement), JSON.stringify(trace));
  }

  /**
   * Keeps a stored trace out of every query until {@link reveal}: how a live tenant's traces
   * wait for their ingestion delay without leaving the store's time order (a trace added later
   * than younger ones would cost a re-sort of the whole store before the next query).
   *
   * @returns whether a trace with that id is stored.
   */
  hide(traceId: string): boolean {
    if (this.bulkPending) this.finishBulk();
    const position = this.ids.get(traceId);
    if (position === undefined) return false;
    if (!this.hidden.has(position)) {
      this.hidden.add(position);
      this.changes++;
    }
    return true;
  }

  /**
   * Makes a trace hidden by {@link hide} visible to queries again.
   *
   * @returns whether it was hidden.
   */
  reveal(traceId: string): boolean {
    if (this.bulkPending) this.finishBulk();
    const position = this.ids.get(traceId);
    if (position === undefined || !this.hidden.delete(position)) return false;
    this.changes++;
    return true;
  }

  /** `trace_id`s of the stored traces whose `time` is `from` or later, in store order. */
  traceIdsFrom(from: number): string[] {
    this.ensureSorted();
    const ids: string[] = [];
    for (
      let p = lowerBound(this.times.data, 0, this.records.size, from);
      p < this.records.size;
      p++
    ) {
      ids.push(traceIdOfRecord(this.records.bytes(p)));
    }
    return ids;
  }

  /** Number of hidden traces (see {@link hide}). */
  get hiddenCount(): number {
    return this.hidden.size;
  }

  /**
   * The id of `key` in index `field` (a `BATCH_KEY_FIELDS` position), interning it if new: the
   * bulk path translates a batch's dictionary ids through this before {@link appendRun}.
   *
   * @internal
   */
  internKey(field: number, key: string): number {
    return this.indexList[field]!.intern(key);
  }

  /**
   * The key of id `id` in index `field` (a `BATCH_KEY_FIELDS` position).
   *
   * @internal
   */
  keyOfInterned(field: number, id: number): string {
    return this.indexList[field]!.keyOf(id);
  }

  /**
   * Appends traces `from` to `to - 1` of a batch whose `keys` already hold this store's ids (see
   * {@link internKey}): the bulk path. Records are copied in runs; posting lists and the
   * trace-id table are built in one pass before the next query, append or {@link compact}.
   *
   * @internal
   */
  appendRun(batch: TraceBatch, from: number, to: number): void {
    if (from >= to) return;
    const size = this.records.size;
    const previous = size > 0 ? this.times.data[size - 1]! : Number.NEGATIVE_INFINITY;
    if (batch.times[from]! < previous) this.sorted = false;
    this.records.appendRun(batch.bytes, batch.ends, from, to);
    if (batch.times[from] === previous && this.sorted && this.tieOutOfOrder(size))
      this.sorted = false;
    const times = batch.times;
    for (let i = from; i < to; i++) this.times.push(times[i]!);
    const hashes = batch.idHashes;
    for (let i = from; i < to; i++) this.pendingHashes.push(hashes[i]!);
    const keys = batch.keys;
    for (let f = 0; f < BATCH_KEYS; f++) {
      const index = this.indexList[f]!;
      for (let i = from; i < to; i++) index.appendId(keys[i * BATCH_KEYS + f]!);
    }
    this.bulkPending = true;
    this.changes++;
  }

  /**
   * The store's content as plain data (views into the store, valid until its next change), after
   * sorting and compacting it.
   *
   * @internal
   */
  exportState(): TraceStoreState {
    this.ensureSorted();
    this.compact();
    return {
      times: this.times.data.subarray(0, this.records.size),
      records: this.records.exportState(),
      indexes: this.indexList.map((index) => index.exportState()),
      ids: this.ids.exportTable(),
    };
  }

  /**
   * Fills an empty store with `state` (from {@link exportState}, e.g. through a snapshot); the
   * arrays are adopted, not copied.
   *
   * @internal
   */
  importState(state: TraceStoreState): void {
    if (this.records.size > 0) {
      throw new MockError(MockErrorCode.invalidOption, "a snapshot can only fill an empty store");
    }
    this.records.importState(state.records);
    this.times.data = state.times;
    this.times.length = state.times.length;
    state.indexes.forEach((index, f) => {
      this.indexList[f]!.importState(index);
    });
    this.ids.importTable(state.ids);
    this.idsUpTo = state.times.length;
    this.bulkPending = false;
    this.sorted = true;
    this.changes++;
  }

  /** Packs every index into its compact layout; call after a bulk load. */
  compact(): void {
    if (this.bulkPending) {
      this.finishBulk();
      return;
    }
    for (const index of this.indexes.values()) index.compact();
    const n = this.records.size;
    if (this.times.data.length > n + 1024) this.times.data = this.times.data.slice(0, n + 1024);
    this.records.trim();
  }

  /** Number of stored traces older than the retention (what {@link prune} would drop). */
  expiredCount(): number {
    this.ensureSorted();
    return lowerBound(this.times.data, 0, this.records.size, this.retentionCutoff());
  }

  /** Drops traces older than the retention (they are already invisible to queries). */
  prune(): void {
    this.dropBefore(this.retentionCutoff());
  }

  /**
   * Drops the traces stamped before `time` (what {@link prune} does at the retention's cutoff):
   * the store then holds what it would hold had they never been added. Returns how many went.
   *
   * @example
   * store.dropBefore(Date.UTC(2026, 5, 8)); // a week moved on: its first hours go
   */
  dropBefore(time: number): number {
    this.ensureSorted();
    const expired = lowerBound(this.times.data, 0, this.records.size, time);
    if (expired === 0) return 0;
    // In place: a rebuild would copy every kept record into fresh buffers on each prune of a
    // long-running (live) store, and the allocator keeps the freed ones (RSS ~3× the store).
    const n = this.records.size;
    this.records.dropFirst(expired);
    this.times.data.copyWithin(0, expired, n);
    this.times.length = n - expired;
    for (const index of this.indexes.values()) index.dropFirst(expired);
    if (this.hidden.size > 0) {
      const hidden = new Set<number>();
      for (const p of this.hidden) if (p >= expired) hidden.add(p - expired);
      this.hidden = hidden;
    }
    this.resetIds();
    this.changes++;
    return expired;
  }

  /** The JSON text of a trace by id, within retention and the project, or `undefined`. */
  findById(projectId: string, traceId: string): string | undefined {
    const record = this.findRecord(projectId, traceId);
    return record === undefined ? undefined : new TextDecoder().decode(record);
  }

  /** Like {@link findById}, as the stored UTF-8 record (a view); with `window`, only inside it. */
  findRecord(projectId: string, traceId: string, window?: TraceWindow): Uint8Array | undefined {
    this.ensureSorted();
    const position = this.ids.get(traceId);
    if (position === undefined || !this.isVisible(position, projectId)) return undefined;
    const time = this.times.data[position]!;
    if (window !== undefined && !(time > window.after && time < window.before)) return undefined;
    return this.records.bytes(position);
  }

  /** One page of matching traces, newest first. */
  query(query: TraceQuery): TracePage {
    this.ensureSorted();
    const n = this.records.size;
    const times = this.times.data;
    const after = Math.max(query.after, this.retentionCutoff() - 1);
    const lo = upperBound(times, 0, n, after);
    let hi = lowerBound(times, 0, n, query.before);
    if (query.olderThan !== undefined) {
      const marker = this.ids.get(query.olderThan);
      if (marker === undefined || !this.isVisible(marker, query.projectId)) return EMPTY_PAGE;
      hi = Math.min(hi, marker);
    }
    if (lo >= hi || query.limit <= 0) return EMPTY_PAGE;

    const plan = planQuery(query, (name) => this.index(name));
    if (plan === undefined) return EMPTY_PAGE;
    const hidden = this.hidden.size === 0 ? undefined : this.hidden;
    const { traces, last, hasMore } = collectPage(plan, lo, hi, query.limit, this.records, hidden);
    const lastTraceId = last < 0 ? undefined : traceIdOfRecord(this.records.bytes(last));
    return { traces, lastTraceId, hasMore };
  }

  /**
   * Distinct values of a filter field among visible traces of a project (e.g. the users seen),
   * checking at most the newest occurrence of each value.
   */
  distinctValues(field: FilterField, projectId: string): string[] {
    this.ensureSorted();
    const index = this.index(field);
    const projectIndex = this.index(PROJECT);
    const projectId_ = projectIndex.idOf(projectId);
    if (projectId_ === undefined) return [];
    const projects = projectIndex.column.data;
    const cutoff = this.retentionCutoff();
    const values: string[] = [];
    for (let id = 0; id < index.keyCount; id++) {
      const list = index.postings(id);
      for (let i = list.length - 1; i >= 0; i--) {
        const position = list.at(i);
        if (this.times.data[position]! < cutoff) break;
        if (projects[position] === projectId_ && !this.hidden.has(position)) {
          values.push(index.keyOf(id));
          break;
        }
      }
    }
    return values;
  }

  /**
   * Calls `visit` once per distinct combination of the given fields among visible traces
   * (an O(n) pass; callers cache the result by {@link version}).
   */
  distinctTuples(fields: readonly FilterField[], visit: (values: readonly string[]) => void): void {
    this.ensureSorted();
    const indexes = fields.map((field) => this.index(field));
    const start = lowerBound(this.times.data, 0, this.records.size, this.retentionCutoff());
    const seen = new Set<string>();
    for (let p = start; p < this.records.size; p++) {
      if (this.hidden.has(p)) continue;
      const ids = indexes.map((index) => index.column.get(p));
      if (ids.includes(NO_VALUE)) continue;
      const key = ids.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      visit(ids.map((id, i) => indexes[i]!.keyOf(id)));
    }
  }

  /** Projects that have stored traces, with how many each. */
  projects(): Map<string, number> {
    if (this.bulkPending) this.finishBulk();
    const index = this.index(PROJECT);
    const counts = new Map<string, number>();
    for (let id = 0; id < index.keyCount; id++) {
      const count = index.postings(id).length;
      if (count > 0) counts.set(index.keyOf(id), count);
    }
    return counts;
  }

  private isVisible(position: number, projectId: string): boolean {
    const projects = this.index(PROJECT);
    return (
      this.times.data[position]! >= this.retentionCutoff() &&
      projects.column.data[position] === projects.idOf(projectId) &&
      !this.hidden.has(position)
    );
  }

  private index(name: IndexName): FieldIndex {
    return this.indexes.get(name)!;
  }

  /** Builds what bulk appends left out: posting lists (with the compaction) and trace ids. */
  private finishBulk(): void {
    this.bulkPending = false;
    if (!this.sorted) {
      this.ensureSorted();
      return;
    }
    for (const index of this.indexList) index.compact();
    const n = this.records.size;
    if (this.times.data.length > n + 1024) this.times.data = this.times.data.slice(0, n + 1024);
    this.records.trim();
    this.ids.setPositions(this.idsUpTo, this.pendingHashes.data.subarray(0, n - this.idsUpTo));
    this.pendingHashes = new IntList(1024);
    this.idsUpTo = n;
  }

  private ensureSorted(): void {
    if (this.bulkPending) this.finishBulk();
    if (this.sorted) return;
    const times = this.times.data;
    const order = new Int32Array(this.records.size);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const records = this.records;
    order.sort(
      (a, b) =>
        times[a]! - times[b]! ||
        compareEqualTimeRecords(records.bytes(a), records.bytes(b)) ||
        a - b,
    );
    this.rebuild(order);
  }

  /** Whether the record at `position` belongs before the one before it (same `time`). */
  private tieOutOfOrder(position: number): boolean {
    return (
      compareEqualTimeRecords(this.records.bytes(position - 1), this.records.bytes(position)) > 0
    );
  }

  private rebuild(order: Int32Array): void {
    const times = this.times.data;
    if (this.hidden.size > 0) {
      const hidden = new Set<number>();
      for (let p = 0; p < order.length; p++) if (this.hidden.has(order[p]!)) hidden.add(p);
      this.hidden = hidden;
    }
    this.records.reorder(order);
    this.times = new FloatList(Math.max(1024, order.length));
    for (const p of order) this.times.push(times[p]!);
    for (const index of this.indexes.values()) index.reorder(order);
    this.resetIds();
    this.sorted = true;
    this.changes++;
  }

  /**
   * Rebuilds the trace-id table for the current positions (after they moved): the ids are
   * hashed in one pass over the records and filed as the bulk path files them (the same table
   * as filing them one by one, without reading two records per collision; 1M traces: 0.65 →
   * ~0.2 s).
   */
  private resetIds(): void {
    const n = this.records.size;
    const hashes = new Int32Array(n);
    this.records.forEachRecord((chunk, from, to, position) => {
      hashes[position] = traceIdHash(chunk, from, to);
    });
    this.ids.clear(n);
    this.ids.setPositions(0, hashes);
    this.idsUpTo = this.records.size;
    this.pendingHashes = new IntList(1024);
    this.bulkPending = false;
  }
}
