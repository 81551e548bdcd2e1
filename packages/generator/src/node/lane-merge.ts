import type { AnomalyLabel } from "../anomaly-label.js";
import { LabelLedger } from "../trace/label-ledger.js";
import { LabelTracker, type TrackedLabel } from "../trace/label-tracker.js";
import type { BufferPool } from "./buffer-pool.js";
import type { LabelNote } from "./merge-keys.js";
import type { TraceChunk, TraceRoute } from "./trace-chunk.js";
import type { LaneChunk } from "./worker-lane.js";

/** What the merge needs of a lane (a `WorkerLane` in production). */
export interface MergeLane {
  /** Chunks received and not yet passed on, oldest first. */
  readonly queue: readonly LaneChunk[];
  /** Whether the lane may still send chunks. */
  readonly live: boolean;
  /** Asks for more chunks, if the lane wants to send more. */
  topUp(): void;
  /** Drops the head chunk (fully read). */
  shift(): void;
  /** Hands a chunk's buffer back to the lane once the merge has copied it. */
  recycle(bytes: Uint8Array): void;
}

/** Options of {@link LaneMerge}. */
export interface LaneMergeOptions {
  /** The lanes, each sending chunks with merge keys. */
  readonly lanes: readonly MergeLane[];
  /** Resolves at the next reply of any lane. */
  readonly changed: () => Promise<void>;
  /** Throws when a lane failed. */
  readonly check: () => void;
  /** Records the merged stream holds at most (the timeline's `count`). */
  readonly limit: number;
  /** Pass the records' routes on. */
  readonly routes: boolean;
  /** Receives the anomaly labels, in the order the timeline itself reports them. */
  readonly onLabel?: (label: AnomalyLabel) => void;
  /** Where the merged chunks' buffers come from and go back to. */
  readonly pool: BufferPool;
}

/** Bytes reserved per record for a merged chunk (the records average ~1.3 KB). */
const BYTES_PER_RECORD = 1400;

/**
 * Merges worker lanes into the timeline's own order, (generator time, session index), as the
 * timeline's heap does: the main thread compares numbers and copies runs of records, and never
 * parses one. Labels are replayed from the lanes' notes in merged order, so `onLabel` sees the
 * labels, and the `limit`th record ends the stream, exactly as one thread would.
 */
export class LaneMerge {
  readonly #options: LaneMergeOptions;
  readonly #labels: LabelLedger | undefined;
  /** Per lane: its anomalies met so far, by their lane-local number. */
  readonly #trackers: Map<number, LabelTracker>[];
  #merged = 0;
  #ended = false;

  constructor(options: LaneMergeOptions) {
    this.#options = options;
    const onLabel = options.onLabel as ((label: TrackedLabel) => void) | undefined;
    this.#labels = onLabel === undefined ? undefined : new LabelLedger(onLabel);
    this.#trackers = options.lanes.map(() => new Map());
  }

  /** The next merged chunk of at most `max` records, or `undefined` at the end. */
  async pull(max: number): Promise<TraceChunk | undefined> {
    const { lanes, pool } = this.#options;
    const want = Math.min(max, this.#options.limit - this.#merged);
    if (this.#ended || want <= 0) return this.#end();
    let out = pool.take(want * BYTES_PER_RECORD);
    let used = 0;
    let count = 0;
    const routes: TraceRoute[] | undefined = this.#options.routes ? [] : undefined;
    while (count < want) {
      this.#options.check();
      const starving = lanes.find((lane) => lane.live && lane.queue.length === 0);
      if (starving !== undefined) {
        starving.topUp();
        await this.#options.changed();
        continue;
      }
      // The lane with the smallest head key, and the smallest key of the other lanes.
      let best = -1;
      let bestTime = Number.POSITIVE_INFINITY;
      let bestSession = Number.POSITIVE_INFINITY;
      let nextTime = Number.POSITIVE_INFINITY;
      let nextSession = Number.POSITIVE_INFINITY;
      for (let i = 0; i < lanes.length; i += 1) {
        const head = lanes[i]!.queue[0];
        if (head === undefined) continue;
        const keys = head.keys!;
        const time = keys.times[head.pos]!;
        const session = keys.sessions[head.pos]!;
        if (before(time, session, bestTime, bestSession)) {
          nextTime = bestTime;
          nextSession = bestSession;
          best = i;
          bestTime = time;
          bestSession = session;
        } else if (before(time, session, nextTime, nextSession)) {
          nextTime = time;
          nextSession = session;
        }
      }
      if (best < 0) break;
      const lane = lanes[best]!;
      const head = lane.queue[0]!;
      const { times, sessions, ends } = head.keys!;
      // The run of this lane's records that come before every other lane's head.
      const stop = Math.min(head.count, head.pos + (want - count));
      let end = head.pos + 1;
      while (end < stop && before(times[end]!, sessions[end]!, nextTime, nextSession)) end += 1;
      const from = head.offset;
      const to = ends[end - 1]!;
      if (used + (to - from) > out.length) out = grow(pool, out, used, used + (to - from));
      out.set(head.bytes.subarray(from, to), used);
      used += to - from;
      if (routes !== undefined)
        for (let r = head.pos; r < end; r += 1) routes.push(head.routes![r]!);
      this.#replayLabels(best, head, end);
      count += end - head.pos;
      head.pos = end;
      head.offset = to;
      if (head.pos === head.count) {
        lane.shift();
        // Copied: the worker can fill the buffer again.
        lane.recycle(head.bytes);
      }
    }
    this.#merged += count;
    if (count === 0) {
      pool.give(out.buffer as ArrayBuffer);
      return this.#end();
    }
    if (this.#merged >= this.#options.limit) this.#end();
    const bytes = out.subarray(0, used);
    const release = (): void => pool.give(bytes.buffer as ArrayBuffer);
    return routes === undefined ? { bytes, count, release } : { bytes, count, routes, release };
  }

  /** Ends the merged stream: reports the labels of anomalies cut short, once. */
  #end(): undefined {
    if (!this.#ended) {
      this.#ended = true;
      this.#labels?.finish();
    }
    return undefined;
  }

  /** Replays the label notes of the head's records before `end`. */
  #replayLabels(lane: number, head: LaneChunk, end: number): void {
    const labels = this.#labels;
    const notes = head.keys!.labels;
    if (labels === undefined) return;
    while (head.note < notes.length && notes[head.note]!.record < end) {
      const note = notes[head.note]! as LabelNote;
      head.note += 1;
      const trackers = this.#trackers[lane]!;
      let tracker = trackers.get(note.label);
      if (tracker === undefined) {
        const { traces, ...spec } = note.spec!;
        tracker = new LabelTracker(spec, traces);
        trackers.set(note.label, tracker);
      }
      labels.emitted(tracker, note.traceId, note.time);
      if (tracker.pending <= 0) trackers.delete(note.label);
    }
  }
}

/** Whether key (time, session) comes before key (otherTime, otherSession). */
function before(time: number, session: number, otherTime: number, otherSession: number): boolean {
  return time < otherTime || (time === otherTime && session < otherSession);
}

/** A bigger pooled buffer holding the first `used` bytes of `out` (which goes back to the pool). */
function grow(pool: BufferPool, out: Buffer, used: number, needed: number): Buffer {
  const bigger = pool.take(Math.max(needed, out.length * 2));
  out.copy(bigger, 0, 0, used);
  pool.give(out.buffer as ArrayBuffer);
  return bigger;
}
