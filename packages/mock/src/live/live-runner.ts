import type { LiveSource } from "./live-source.js";

/** Options of {@link runLive}. */
export interface LiveRunnerOptions {
  /** The store's clock (a {@link liveClock}). */
  readonly now: () => number;
  /** Real milliseconds between steps. Default: 50. */
  readonly tickMs?: number;
}

/** A running live source; {@link LiveRun.stop} ends it. */
export interface LiveRun {
  /** Stops the steps (idempotent); the store keeps what was produced. */
  stop(): void;
}

/**
 * Advances `source` to the clock every `tickMs` of real time, on a timer that does not keep a
 * Node process alive by itself.
 *
 * @example
 * const run = runLive(live, { now: clock });
 * process.on("SIGINT", () => run.stop());
 */
export function runLive(source: LiveSource, options: LiveRunnerOptions): LiveRun {
  const { now } = options;
  source.advance(now());
  const timer = setInterval(() => source.advance(now()), options.tickMs ?? 50);
  (timer as { unref?: () => void }).unref?.();
  return {
    stop(): void {
      clearInterval(timer);
    },
  };
}
