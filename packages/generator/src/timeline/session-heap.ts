import type { GeneratedTrace } from "../internal/generated-trace.js";

/** An expanded session waiting to emit its traces in order. */
export interface ActiveSession {
  readonly index: number;
  readonly events: readonly GeneratedTrace[];
  pos: number;
  /** `time` of `events[pos]`. */
  nextTime: number;
}

function before(a: ActiveSession, b: ActiveSession): boolean {
  return a.nextTime < b.nextTime || (a.nextTime === b.nextTime && a.index < b.index);
}

/**
 * Min-heap of active sessions keyed by (time of the next trace, session index): the total order
 * every shard agrees on, so shard outputs merge back into the unsharded stream.
 */
export class SessionHeap {
  private readonly items: ActiveSession[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The session with the earliest next trace. */
  peek(): ActiveSession | undefined {
    return this.items[0];
  }

  push(session: ActiveSession): void {
    const items = this.items;
    items.push(session);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = items[parent] as ActiveSession;
      if (!before(items[i] as ActiveSession, up)) break;
      items[parent] = items[i] as ActiveSession;
      items[i] = up;
      i = parent;
    }
  }

  /** Takes the top session's next trace and restores the heap order. */
  take(): GeneratedTrace {
    const items = this.items;
    const top = items[0] as ActiveSession;
    const event = top.events[top.pos++] as GeneratedTrace;
    if (top.pos < top.events.length) {
      top.nextTime = (top.events[top.pos] as GeneratedTrace).time;
    } else {
      const last = items.pop() as ActiveSession;
      if (items.length === 0) return event;
      items[0] = last;
    }
    this.siftDown();
    return event;
  }

  private siftDown(): void {
    const items = this.items;
    let i = 0;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && before(items[r] as ActiveSession, items[l] as ActiveSession) ? r : l;
      const child = items[m] as ActiveSession;
      if (!before(child, items[i] as ActiveSession)) break;
      items[m] = items[i] as ActiveSession;
      items[i] = child;
      i = m;
    }
  }
}
