/** Options of {@link Pacer}. */
export interface PacerOptions {
  /** Target records per second (> 0). */
  readonly rate: number;
  /** Monotonic clock in ms. Default `performance.now`. */
  readonly clock?: () => number;
  /** Waits `ms` (tests inject a virtual one). Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Largest backlog (ms of records) the pacer catches up after a stall; beyond it the schedule
   * slips, and the shortfall stays visible in the achieved rate. Default 1000.
   */
  readonly maxLagMs?: number;
}

/**
 * A schedule-based pacer: record k is due at `start + k / rate`, so the long-run rate is exact
 * and does not drift with timer jitter or the time spent writing. `acquire` waits until at
 * least one record is due and grants every due record (up to a cap), so high rates go out in
 * batches and low rates one by one.
 *
 * @example
 * const pacer = new Pacer({ rate: 5000 });
 * for (;;) { const n = await pacer.acquire(1024); emit(n); }
 */
export class Pacer {
  readonly rate: number;
  readonly #clock: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #maxLag: number;
  #start: number | undefined;
  #granted = 0;
  #slipped = 0;

  constructor(options: PacerOptions) {
    if (!(options.rate > 0 && Number.isFinite(options.rate))) {
      throw new RangeError(`rate must be a positive number, got ${options.rate}`);
    }
    this.rate = options.rate;
    this.#clock = options.clock ?? (() => performance.now());
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#maxLag = Math.max(1, (options.rate * (options.maxLagMs ?? 1000)) / 1000);
  }

  /** Records the schedule has dropped because the caller fell too far behind. */
  get slipped(): number {
    return this.#slipped;
  }

  /**
   * Waits until a record is due, then grants between 1 and `max` records. Never waits past
   * `deadline` (a clock value): resolves to 0 when the deadline comes first.
   */
  async acquire(max: number, deadline = Number.POSITIVE_INFINITY): Promise<number> {
    this.#start ??= this.#clock();
    const start = this.#start;
    for (;;) {
      const now = this.#clock();
      // Record k (from 0) is due at start + k / rate: the first one at once.
      let due = Math.floor(((now - start) * this.rate) / 1000) + 1 - this.#granted - this.#slipped;
      if (due > this.#maxLag) {
        this.#slipped += due - Math.floor(this.#maxLag);
        due = Math.floor(this.#maxLag);
      }
      if (due >= 1) {
        const granted = Math.min(due, max);
        this.#granted += granted;
        return granted;
      }
      const next = start + ((this.#granted + this.#slipped) * 1000) / this.rate;
      if (next > deadline) {
        if (now < deadline) await this.#sleep(deadline - now);
        return 0;
      }
      await this.#sleep(Math.max(0, next - now));
    }
  }
}
