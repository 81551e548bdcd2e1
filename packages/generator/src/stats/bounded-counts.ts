/**
 * Counts per key for at most `cap` distinct keys; counts of keys first seen after the cap is
 * reached go to {@link BoundedCounts.untracked}, so memory stays bounded however large the input.
 *
 * @example
 * const counts = new BoundedCounts(2);
 * for (const key of ["a", "b", "c", "a"]) counts.add(key);
 * counts.top(5); // [["a", 2], ["b", 1]]; counts.untracked === 1
 */
export class BoundedCounts {
  readonly #cap: number;
  readonly #counts = new Map<string, number>();
  /** Occurrences of keys not tracked because the cap was reached. */
  untracked = 0;

  constructor(cap: number) {
    this.#cap = cap;
  }

  /** Counts one occurrence of `key`; whether the key is tracked. */
  add(key: string, by = 1): boolean {
    const count = this.#counts.get(key);
    if (count !== undefined) this.#counts.set(key, count + by);
    else if (this.#counts.size < this.#cap) this.#counts.set(key, by);
    else {
      this.untracked += by;
      return false;
    }
    return true;
  }

  /** Whether `key` is tracked. */
  has(key: string): boolean {
    return this.#counts.has(key);
  }

  /** Distinct keys tracked. */
  get size(): number {
    return this.#counts.size;
  }

  /** Whether keys were dropped at the cap. */
  get capped(): boolean {
    return this.untracked > 0;
  }

  /** The `n` largest counts, largest first (ties by key). */
  top(n: number): [string, number][] {
    return [...this.#counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  }

  /** Every count, as a plain object with keys in sorted order. */
  toObject(): Record<string, number> {
    return Object.fromEntries([...this.#counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  }
}
