import type { GeneratedTrace } from "../internal/generated-trace.js";

/** An expanded session waiting to emit its traces in order. */
export interface ActiveSession {
  readonly index: number;
  readonly events: readonly GeneratedTrace[];
  pos: number;
}

function before(a: ActiveSession, b: ActiveSession): boolean {
  const ta = (a.events[a.pos] as GeneratedTrace).time;
  const tb = (b.events[b.pos] as GeneratedTrace).time;
  return ta < tb || (ta === tb && a.index < b.index);
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
      if (!before(items[i] as ActiveSession, items[parent] as ActiveSession)) break;
      [items[i], items[parent]] = [items[parent] as ActiveSession, items[i] as ActiveSession];
      i = parent;
    }
  }

  /** Restores order after the top session advanced, or removes it when it is exhausted. */
  advanceTop(): void {
    const items = this.items;
    const top = items[0] as ActiveSession;
    if (top.pos >= top.events.length) {
      const last = items.pop() as ActiveSession;
      if (items.length === 0) return;
      items[0] = last;
    }
    let i = 0;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = r < n && before(items[r] as ActiveSession, items[l] as ActiveSession) ? r : l;
      if (!before(items[m] as ActiveSession, items[i] as ActiveSession)) break;
      [items[i], items[m]] = [items[m] as ActiveSession, items[i] as ActiveSession];
      i = m;
      m = 0;
    }
  }
}
