/** An entry of a {@link VisibilityQueue}. */
export interface Queued<T> {
  readonly visibleAt: number;
  /** Production order: breaks ties of `visibleAt`. */
  readonly seq: number;
  readonly item: T;
}

/**
 * A binary min-heap of items by (`visibleAt`, `seq`): the traces produced but not yet visible.
 * Its size is bounded by the production rate times the longest ingestion delay.
 */
export class VisibilityQueue<T> {
  private readonly heap: Queued<T>[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The earliest `visibleAt` queued, or `Infinity` when empty. */
  get nextAt(): number {
    return this.heap[0]?.visibleAt ?? Number.POSITIVE_INFINITY;
  }

  push(entry: Queued<T>): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** Removes and returns the earliest entry; the queue must not be empty. */
  pop(): Queued<T> {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
        if (right < heap.length && before(heap[right]!, heap[least]!)) least = right;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least]!, heap[i]!];
        i = least;
      }
    }
    return top;
  }
}

function before<T>(a: Queued<T>, b: Queued<T>): boolean {
  return a.visibleAt < b.visibleAt || (a.visibleAt === b.visibleAt && a.seq < b.seq);
}
