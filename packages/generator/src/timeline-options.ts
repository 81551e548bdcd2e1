import type { Revision } from "@ctsim/catalog";
import type { AnomalyLabel } from "./anomaly-label.js";
import type { ScenarioName } from "./scenarios/scenario-registry.js";
import type { SessionStart } from "./timeline/arrival-stream.js";

/** Which slice of the sessions a shard produces: sessions whose index ≡ `index` (mod `count`). */
export interface ShardSpec {
  /** 0-based shard number, `0 <= index < count`. */
  readonly index: number;
  /** Number of shards, `>= 1`. */
  readonly count: number;
}

/**
 * Options of {@link generateTraces}. Every field is optional; the same options always give the
 * same traces, byte for byte.
 */
export interface TimelineOptions {
  /** PRNG seed (an unsigned 32-bit integer is used). Default: `1`. */
  readonly seed?: number;
  /** Catalog revision whose operations are generated. Default: `DEFAULT_REVISION` (`"2026-09-20"`). */
  readonly revision?: Revision;
  /** Window start, epoch ms (inclusive). Default: `to - 7 days` (or `now - 7 days`). */
  readonly from?: number;
  /**
   * Window end, epoch ms (exclusive). Default: `now` when `from` is not given either; open-ended
   * (infinite) when only `from` is given.
   */
  readonly to?: number;
  /** The injected clock, epoch ms. Default: `Date.UTC(2025, 2, 1)` (the generator never reads the wall clock). */
  readonly now?: number;
  /**
   * Stop after this many traces. With a finite window, the arrival rate is raised (never lowered)
   * so that about 1.25 × `count` traces would fit, so the count is reached before the window ends:
   * up to 400× when `from` is given; without `from`, up to 40×, and then the window starts earlier
   * (1M traces reach ~8.5 weeks back). Default: unlimited.
   */
  readonly count?: number;
  /**
   * About this many traces over the window, filled to its end: the arrival rate is raised
   * (never lowered; up to 400×) so that the window's expected trace count is `expectedCount`,
   * and nothing is cut, so the actual count differs by a few percent (it is a sum of random
   * sessions). Unlike `count`, which stops at its N-th trace and so ends ~20% of the window
   * early, the newest traces reach the window's end: what a store that answers "the last hour"
   * needs. Shards of such a run partition it (the rate does not depend on the shard). Not with
   * `count`; the window must be finite. Default: none (the tenants' own rate).
   */
  readonly expectedCount?: number;
  /**
   * The window whose expected trace count `expectedCount` is, when it is not the run's own: a
   * run longer than the stretch kept (a day before it, say, so that windows moved by an hour
   * are stretches of one run) keeps the rate of that stretch. Within 7 days of the run's window
   * and finite. Default: the run's window, `[from, to)`.
   */
  readonly expectedCountWindow?: { readonly from: number; readonly to: number };
  /** Number of tenants (accounts/domains). Default: `1`. */
  readonly tenants?: number;
  /** IAM users per tenant (people, CI bots, federated users; plus one agency and the root). Default: `12`. */
  readonly users?: number;
  /**
   * Keep ModelArts traces only: no IAM sign-ins and no OBS traces (object reads and writes under
   * the data trackers, bucket listings). The ModelArts traces are then exactly those of a
   * timeline without context (the context hooks draw no random numbers when off). Default:
   * `false` (IAM and OBS context on).
   */
  readonly modelartsOnly?: boolean;
  /** Labelled anomaly scenarios to inject (see `SCENARIO_NAMES`). Default: none. */
  readonly scenarios?: readonly ScenarioName[];
  /**
   * Resume the run at `at`: produce its traces from `at` on only, without generating anything
   * before it. `open` must be the run's sessions open at `at` (what the iterator's
   * `openSessions(at)` reported in an earlier run of the same options, `resume` aside), all of
   * them whatever the shard. The traces are the run's own from `at` on, byte for byte. Default:
   * the run from its start.
   */
  readonly resume?: { readonly at: number; readonly open: readonly SessionStart[] };
  /** Produce only one shard of the sessions. Default: all sessions (`{index: 0, count: 1}`). */
  readonly shard?: ShardSpec;
  /**
   * Receives the ground truth of each injected anomaly, once its last trace has been emitted
   * (an anomaly cut short by `count` or by the consumer stopping the iteration is reported with
   * the traces emitted so far).
   */
  readonly onLabel?: (label: AnomalyLabel) => void;
}
