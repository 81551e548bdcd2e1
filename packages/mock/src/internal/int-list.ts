/** A growable list of int32 values backed by one `Int32Array` (4 bytes per entry). */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(Math.max(4, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Drops every entry, keeping the allocation. */
  clear(): void {
    this.length = 0;
  }
}

/** A growable list of float64 values (times in epoch ms). */
export class FloatList {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** First index in `data[from, to)` whose value is ≥ `value` (`data` ascending). */
export function lowerBound(
  data: ArrayLike<number>,
  from: number,
  to: number,
  value: number,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (data[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `data[from, to)` whose value is > `value` (`data` ascending). */
export function upperBound(
  data: ArrayLike<number>,
  from: number,
  to: number,
  value: number,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (data[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
