import { BATCH_KEYS, type TraceBatch } from "./trace-batch.js";
import { compareEqualTimeRecords } from "./trace-json.js";
import type { TraceStore } from "./trace-store.js";

interface Lane {
  /** Batches received and not yet fully stored, oldest first. */
  readonly queue: TraceBatch[];
  /** Next record of `queue[0]`. */
  next: number;
  /** Per key field: the producer's dictionary, by its ids. */
  readonly keys: string[][];
  /** Per key field: the producer's id → the store's id (-1: not interned yet). */
  readonly translation: number[][];
  ended: boolean;
}

/**
 * Merges several streams of {@link TraceBatch}es, each in (time, record_time, trace_id) order, into a
 * {@link TraceStore} in that same order, so the store's content does not depend on how many
 * streams produced it. Records are stored as soon as every unfinished stream has one waiting;
 * runs from one stream are copied at once.
 *
 * @example
 * const merger = new BatchMerger(store, 2);
 * worker.on("message", (batch) => { merger.push(w, batch); merger.drain(); });
 */
export class BatchMerger {
  private readonly lanes: Lane[];
  private readonly projectCounts = new Map<number, number>();
  private stored = 0;

  constructor(
    private readonly store: TraceStore,
    streams: number,
  ) {
    this.lanes = Array.from({ length: streams }, () => ({
      queue: [],
      next: 0,
      keys: Array.from({ length: BATCH_KEYS }, () => []),
      translation: Array.from({ length: BATCH_KEYS }, () => []),
      ended: false,
    }));
  }

  /** Traces stored so far. */
  get count(): number {
    return this.stored;
  }

  /** Queues a batch of stream `stream` (the batch is the merger's from now on). */
  push(stream: number, batch: TraceBatch): void {
    const lane = this.lanes[stream]!;
    for (let f = 0; f < BATCH_KEYS; f++) {
      for (const key of batch.newKeys[f]!) {
        lane.keys[f]!.push(key);
        lane.translation[f]!.push(-1);
      }
    }
    if (batch.count > 0) lane.queue.push(batch);
  }

  /** Marks stream `stream` as finished. */
  end(stream: number): void {
    this.lanes[stream]!.ended = true;
  }

  /**
   * Stores every record whose place is known (each unfinished stream has a record waiting).
   * Returns how many batches of each stream were used up, so producers can be sent more work:
   * a used batch is never read again, so its producer may write the next batch into its arrays.
   */
  drain(): number[] {
    const used = this.lanes.map(() => 0);
    for (;;) {
      let best = -1;
      let second = -1;
      for (let l = 0; l < this.lanes.length; l++) {
        const lane = this.lanes[l]!;
        if (lane.queue.length === 0) {
          if (lane.ended) continue;
          return used;
        }
        if (best < 0 || this.before(l, best)) {
          second = best;
          best = l;
        } else if (second < 0 || this.before(l, second)) {
          second = l;
        }
      }
      if (best < 0) return used;
      const lane = this.lanes[best]!;
      const batch = lane.queue[0]!;
      const from = lane.next;
      let to = from + 1;
      if (second < 0) to = batch.count;
      else while (to < batch.count && this.recordBefore(batch, to, second)) to++;
      this.translate(lane, batch, from, to);
      this.store.appendRun(batch, from, to);
      this.tally(batch, from, to);
      if (to === batch.count) {
        lane.queue.shift();
        lane.next = 0;
        used[best]!++;
      } else {
        lane.next = to;
      }
    }
  }

  /** Project ids of the stored traces with their counts, most traces first. */
  projects(): string[] {
    return [...this.projectCounts]
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => this.store.keyOfInterned(0, id));
  }

  /**
   * Rewrites the run's dictionary ids to the store's, in place. Keys are interned in the order
   * records are stored, so the store's ids (and its bytes) do not depend on the producers.
   */
  private translate(lane: Lane, batch: TraceBatch, from: number, to: number): void {
    const keys = batch.keys;
    for (let f = 0; f < BATCH_KEYS; f++) {
      const map = lane.translation[f]!;
      for (let k = from * BATCH_KEYS + f; k < to * BATCH_KEYS; k += BATCH_KEYS) {
        const local = keys[k]!;
        if (local < 0) continue;
        let id = map[local]!;
        if (id < 0) {
          id = this.store.internKey(f, lane.keys[f]![local]!);
          map[local] = id;
        }
        keys[k] = id;
      }
    }
  }

  private tally(batch: TraceBatch, from: number, to: number): void {
    const counts = this.projectCounts;
    for (let i = from; i < to; i++) {
      const project = batch.keys[i * BATCH_KEYS]!;
      counts.set(project, (counts.get(project) ?? 0) + 1);
    }
    this.stored += to - from;
  }

  /** Whether lane `a`'s next record comes before lane `b`'s. */
  private before(a: number, b: number): boolean {
    const lane = this.lanes[a]!;
    return this.recordBefore(lane.queue[0]!, lane.next, b);
  }

  /** Whether record `i` of `batch` comes before lane `other`'s next record. */
  private recordBefore(batch: TraceBatch, i: number, other: number): boolean {
    const lane = this.lanes[other]!;
    const theirs = lane.queue[0]!;
    const j = lane.next;
    const t = batch.times[i]!;
    const u = theirs.times[j]!;
    if (t !== u) return t < u;
    return compareEqualTimeRecords(recordOf(batch, i), recordOf(theirs, j)) < 0;
  }
}

function recordOf(batch: TraceBatch, i: number): Uint8Array {
  return batch.bytes.subarray(i === 0 ? 0 : batch.ends[i - 1]!, batch.ends[i]!);
}
