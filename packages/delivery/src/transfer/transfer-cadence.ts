import { DeliveryError, DeliveryErrorCode } from "../delivery-error.js";
import { Prng } from "../internal/prng.js";

/** Options of {@link TransferCadence}. */
export interface TransferCadenceOptions {
  /** Seed of the jitter. */
  readonly seed: number;
  /** Mean length of a transfer cycle (ms). CTS says "usually several minutes". Default 5 min. */
  readonly cycleMs?: number;
  /** Each cycle lasts `cycleMs × (1 ± jitter)`, uniformly drawn. Default 0.2. */
  readonly jitter?: number;
}

/**
 * The transfer cycles of one tracker: half-open intervals of trace time `[start, end)` whose
 * ends fall on whole seconds (file names carry seconds), each `cycleMs × (1 ± jitter)` long,
 * drawn from the seed. The first cycle starts at the `cycleMs` grid point at or before the first
 * trace, so the cycles depend only on the seed and that trace, never on how traces are batched.
 */
export class TransferCadence {
  readonly #prng: Prng;
  readonly #cycleMs: number;
  readonly #jitter: number;
  #start: number | undefined;
  #end = 0;

  constructor(options: TransferCadenceOptions) {
    this.#cycleMs = options.cycleMs ?? 5 * 60_000;
    this.#jitter = options.jitter ?? 0.2;
    if (!(this.#cycleMs >= 1000) || !(this.#jitter >= 0 && this.#jitter < 1)) {
      throw new DeliveryError(
        DeliveryErrorCode.invalidOption,
        `transfer cadence: cycleMs (${this.#cycleMs}) must be at least 1000 and jitter (${this.#jitter}) in [0, 1)`,
      );
    }
    this.#prng = Prng.derive(options.seed, 0x7ca0);
  }

  /** Whether a cycle has been opened (a first trace seen). */
  get started(): boolean {
    return this.#start !== undefined;
  }

  /** Start of the current cycle (epoch ms). */
  get start(): number {
    return this.#start ?? 0;
  }

  /** End (exclusive) of the current cycle: the upload time of its files. */
  get end(): number {
    return this.#end;
  }

  /** Opens the first cycle, the one holding `time`. */
  begin(time: number): void {
    this.#start = Math.floor(time / this.#cycleMs) * this.#cycleMs;
    this.#end = this.#start + this.#draw();
    while (this.#end <= time) this.next();
  }

  /** Moves to the following cycle. */
  next(): void {
    this.#start = this.#end;
    this.#end = this.#start + this.#draw();
  }

  #draw(): number {
    const factor = 1 + this.#jitter * (2 * this.#prng.next() - 1);
    return Math.max(1000, Math.round((this.#cycleMs * factor) / 1000) * 1000);
  }
}
