/** Achieved-rate figures of a finished or running stream. */
export interface RateSummary {
  /** Records counted. */
  readonly traces: number;
  /** Wall time from the first record's start to now (ms). */
  readonly durationMs: number;
  /** `traces / duration`, records per second. */
  readonly meanRate: number;
  /** 99th percentile of the per-second counts over complete seconds (records/s); 0 before one. */
  readonly p99Rate: number;
  /** Slowest complete second (records/s); 0 before one. */
  readonly minRate: number;
  /** Records counted in each complete second since the start. */
  readonly perSecond: readonly number[];
}

/** A window where the achieved rate left the tolerance band around the target. */
export interface RateDeviation {
  /** Seconds since the start where the window begins. */
  readonly fromSecond: number;
  readonly windowSeconds: number;
  /** Achieved records per second over the window. */
  readonly achieved: number;
  readonly target: number;
}

/** Options of {@link RateMeter.deviation}. */
export interface DeviationOptions {
  /** Target records per second. */
  readonly target: number;
  /** Window length (s). Default 10. */
  readonly windowSeconds?: number;
  /** Allowed relative deviation. Default 0.02 (±2%). */
  readonly tolerance?: number;
  /** Seconds ignored at the start while the pipeline warms up. Default 2. */
  readonly warmupSeconds?: number;
  /** Only the windows ending at the last complete second (for live checks). Default `false`. */
  readonly latestOnly?: boolean;
}

/**
 * Counts records into one-second buckets of a monotonic clock: the source of the honest rate
 * figures (mean, p99 per second) and of the ±2%-over-10-s check.
 *
 * @example
 * const meter = new RateMeter({ clock: () => performance.now() });
 * meter.add(1000);
 * meter.summary().meanRate;
 */
export class RateMeter {
  readonly #clock: () => number;
  readonly #start: number;
  readonly #buckets: number[] = [];
  #traces = 0;

  constructor(options: { readonly clock?: () => number } = {}) {
    this.#clock = options.clock ?? (() => performance.now());
    this.#start = this.#clock();
  }

  /** Counts `count` records at the current clock time. */
  add(count: number): void {
    const second = Math.floor((this.#clock() - this.#start) / 1000);
    while (this.#buckets.length <= second) this.#buckets.push(0);
    this.#buckets[second]! += count;
    this.#traces += count;
  }

  /** Whole seconds elapsed since the start. */
  completeSeconds(): number {
    return Math.floor((this.#clock() - this.#start) / 1000);
  }

  /** The figures so far. */
  summary(): RateSummary {
    const durationMs = this.#clock() - this.#start;
    const perSecond = this.#complete();
    const sorted = [...perSecond].sort((a, b) => a - b);
    const p99 =
      sorted.length === 0
        ? 0
        : sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]!;
    return {
      traces: this.#traces,
      durationMs,
      meanRate: durationMs > 0 ? (this.#traces * 1000) / durationMs : 0,
      p99Rate: p99,
      minRate: sorted[0] ?? 0,
      perSecond,
    };
  }

  /**
   * The first complete window (after warm-up) whose achieved rate is outside
   * `target × (1 ± tolerance)` (allowing one record of rounding), or `undefined`.
   */
  deviation(options: DeviationOptions): RateDeviation | undefined {
    const window = options.windowSeconds ?? 10;
    const tolerance = options.tolerance ?? 0.02;
    const warmup = options.warmupSeconds ?? 2;
    const seconds = this.#complete();
    const first = options.latestOnly === true ? Math.max(warmup, seconds.length - window) : warmup;
    for (let from = first; from + window <= seconds.length; from += 1) {
      let sum = 0;
      for (let s = from; s < from + window; s += 1) sum += seconds[s]!;
      const expected = options.target * window;
      if (Math.abs(sum - expected) > Math.max(expected * tolerance, 1)) {
        return {
          fromSecond: from,
          windowSeconds: window,
          achieved: sum / window,
          target: options.target,
        };
      }
    }
    return undefined;
  }

  #complete(): number[] {
    const complete = this.completeSeconds();
    const counts = this.#buckets.slice(0, complete);
    while (counts.length < complete) counts.push(0);
    return counts;
  }
}
