import type { GeneratedTrace } from "../trace/generated-trace.js";
import type { Arrival } from "./arrival-stream.js";

/** An expanded session waiting to emit its traces in order. */
export interface ActiveSession {
  readonly index: number;
  readonly events: readonly GeneratedTrace[];
  pos: number;
  /** Its start, as the arrival stream drew it (what `openSessions` reports). */
  readonly arrival: Arrival;
}

/**
 * Min-heap of active sessions keyed by (time of the next trace, session index): the total order
 * every shard agrees on, so shard outputs merge back into the unsharded stream. The keys live in
 * typed arrays beside the sessions, so sifting compares numbers without touching the sessions.
 */
export class SessionHeap {
  private sessions: ActiveSession[] = [];
  private times = new Float64Array(1024);
  private indices = new Float64Array(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** Time of the earliest next trace (`Infinity` when empty). */
  get nextTime(): number {
    return this.n === 0 ? Number.POSITIVE_INFINITY : (this.times[0] as number);
  }

  /** The session of the earliest next trace (`undefined` when empty). */
  get nextSession(): ActiveSession | undefined {
    return this.n === 0 ? undefined : this.sessions[0];
  }

  /** The sessions waiting, in no particular order. */
  waiting(): readonly ActiveSession[] {
    return this.sessions.slice(0, this.n);
  }

  /** Session index of the earliest next trace (`-1` when empty). */
  get nextIndex(): number {
    return this.n === 0 ? -1 : (this.indices[0] as number);
  }

  /** Adds a session that has at least one trace left. */
  push(session: ActiveSession): void {
    if (this.n === this.times.length) this.grow();
    const time = (session.events[session.pos] as GeneratedTrace).time;
    const index = session.index;
    const times = this.times;
    const indices = this.indices;
    const sessions = this.sessions;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (indices[parent] as number) < index)) break;
      times[i] = pt;
      indices[i] = indices[parent] as number;
      sessions[i] = sessions[parent] as ActiveSession;
      i = parent;
    }
    times[i] = time;
    indices[i] = index;
    sessions[i] = session;
  }

  /** Takes the top session's next trace and restores the heap order (the heap must not be empty). */
  take(): GeneratedTrace {
    const top = this.sessions[0] as ActiveSession;
    const event = top.events[top.pos++] as GeneratedTrace;
    if (top.pos < top.events.length) {
      this.siftDown(top, (top.events[top.pos] as GeneratedTrace).time, top.index);
    } else {
      const last = --this.n;
      const moved = this.sessions[last] as ActiveSession;
      const time = this.times[last] as number;
      const index = this.indices[last] as number;
      this.sessions[last] = undefined as unknown as ActiveSession; // release it
      if (last > 0) this.siftDown(moved, time, index);
    }
    return event;
  }

  /** Places `session` (key `time`, `index`) at the root and sifts it down. */
  private siftDown(session: ActiveSession, time: number, index: number): void {
    const times = this.times;
    const indices = this.indices;
    const sessions = this.sessions;
    const n = this.n;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      let mt = times[l] as number;
      const r = l + 1;
      if (r < n) {
        const rt = times[r] as number;
        if (rt < mt || (rt === mt && (indices[r] as number) < (indices[l] as number))) {
          m = r;
          mt = rt;
        }
      }
      if (time < mt || (time === mt && index < (indices[m] as number))) break;
      times[i] = mt;
      indices[i] = indices[m] as number;
      sessions[i] = sessions[m] as ActiveSession;
      i = m;
    }
    times[i] = time;
    indices[i] = index;
    sessions[i] = session;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const indices = new Float64Array(this.indices.length * 2);
    indices.set(this.indices);
    this.indices = indices;
  }
}
