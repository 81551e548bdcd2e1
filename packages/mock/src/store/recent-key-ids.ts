/**
 * A producer's dictionary of one key field that remembers only recent keys: a key keeps its id
 * while it was seen among the last `window` to `2 * window` new or returning keys; a key seen
 * again after that gets a new id (the consumer interns by key, so ids are only a compact code).
 *
 * Why: resource ids and names take hundreds of thousands of distinct values, and a lookup in a
 * map that large misses the CPU caches (~240 ns against ~60 ns in a map of 10k keys), while a
 * trace's resource was almost always seen a few thousand traces earlier.
 */
export class RecentKeyIds {
  private young = new Map<string, number>();
  private old = new Map<string, number>();
  private issued = 0;

  /** @param window Keys remembered at least (≥ 1). */
  constructor(private readonly window: number) {}

  /** The key's id, or `undefined` when it is new or forgotten (then {@link add} it). */
  get(key: string): number | undefined {
    const id = this.young.get(key);
    if (id !== undefined) return id;
    const older = this.old.get(key);
    if (older !== undefined) this.remember(key, older);
    return older;
  }

  /** Gives `key` the next id and returns it. */
  add(key: string): number {
    const id = this.issued++;
    this.remember(key, id);
    return id;
  }

  private remember(key: string, id: number): void {
    if (this.young.size >= this.window) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, id);
  }
}
