/**
 * A binary min-heap under a strict order `before` (a total order gives a deterministic output
 * order). The top item may change its key in place: call {@link MinHeap.siftTop} afterwards.
 *
 * @example
 * const heap = new MinHeap<number>((a, b) => a < b);
 * heap.push(3); heap.push(1);
 * heap.top; // 1
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  /** The least item, or `undefined` when empty. */
  get top(): T | undefined {
    return this.items[0];
  }

  /** Adds an item. */
  push(item: T): void {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(item, items[parent] as T)) break;
      items[i] = items[parent] as T;
      i = parent;
    }
    items[i] = item;
  }

  /** Removes the least item. */
  pop(): void {
    const last = this.items.pop();
    if (this.items.length > 0 && last !== undefined) {
      this.items[0] = last;
      this.siftTop();
    }
  }

  /** Restores the order after the top item's key grew. */
  siftTop(): void {
    const items = this.items;
    const item = items[0] as T;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && this.before(items[right] as T, items[left] as T) ? right : left;
      if (!this.before(items[child] as T, item)) break;
      items[i] = items[child] as T;
      i = child;
    }
    items[i] = item;
  }
}
