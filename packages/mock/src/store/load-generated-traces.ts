import type { Revision } from "@ctsim/catalog";
import type { AnomalyLabel, ScenarioName, SessionStart } from "@ctsim/generator";
import { BatchMerger } from "./batch-merger.js";
import { type GeneratedBatchesOptions, produceGeneratedBatches } from "./generated-batches.js";
import { type BatchBuffers, newBatchBuffers } from "./trace-batch-builder.js";
import type { TraceStore } from "./trace-store.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link loadGeneratedTraces}. */
export interface GeneratedTracesOptions {
  /** Generator seed. Default: 1. */
  readonly seed?: number;
  /** Days of history before the store's clock. Default: 7 (the whole retention). */
  readonly days?: number;
  /**
   * About this many traces over the days (the generator's `expectedCount`): the arrival rate is
   * raised to fit them and the newest traces still reach the end, so "the last hour" has
   * traces; the actual count differs by a few percent (see {@link LoadSummary.count}).
   * Default: the tenants' own rate (~3,700 traces a week each).
   */
  readonly expectedCount?: number;
  /** Tenants (accounts). Default: the generator's (1). */
  readonly tenants?: number;
  /** IAM users per tenant. Default: the generator's (12). */
  readonly users?: number;
  /** Catalog revision. Default: the generator's (`DEFAULT_REVISION`). */
  readonly revision?: Revision;
  /** Labelled anomaly scenarios. Default: none. */
  readonly scenarios?: readonly ScenarioName[];
  /** ModelArts traces only: no IAM and OBS traces, so no data trackers. Default: false. */
  readonly modelartsOnly?: boolean;
  /** File every trace under this project id instead of the generator's. Default: keep them. */
  readonly projectId?: string;
  /** Where the generated stretch ends (epoch ms). Default: the store's clock. */
  readonly end?: number;
  /**
   * Where the generator's run starts. `window`: at the stretch's start (`end - days`), the run
   * being the stretch. `day`: at the UTC midnight at or before the stretch's start, the run
   * ending a day after the stretch that starts there (so `days + 1` days long); the stretch's
   * traces are those of the run between its start and `end` (the rest is generated and
   * skipped), and with `expectedCount` the rate is the one that fits it over the run's last
   * `days`. Every stretch whose start falls in one UTC day is then a piece of the same run, so
   * the stretch an hour later is this one minus its first hour plus the next: what lets
   * `loadStoreCached` derive a moved window from a snapshot instead of generating it. With
   * fewer than 7 days and `expectedCount` the count then follows the week's curve (a stretch
   * over a weekend holds fewer). Default: `window`.
   */
  readonly anchor?: "window" | "day";
  /**
   * Store only the stretch's traces at or after this time (the run is generated from its start
   * all the same, so they are the very traces of the whole stretch): `loadStoreCached` adds the
   * hours a moved window gained this way. Default: the stretch's start.
   */
  readonly since?: number;
  /**
   * The run's sessions open at `since` (`LoadSummary.open` of the load of the stretch ending
   * there): the run then resumes at `since` instead of being generated from its start, which
   * gives the same traces without generating the earlier ones. Only with `since`. Default: none.
   */
  readonly openAtSince?: readonly SessionStart[];
}

/** What a load put into the store. */
export interface LoadSummary {
  /** Traces added. */
  readonly count: number;
  /** Project ids the traces were filed under, most traces first. */
  readonly projects: readonly string[];
  /**
   * The ground truth of the `scenarios` injected (see `AnomalyLabel`), in {@link compareLabels}
   * order; empty without scenarios.
   */
  readonly labels: readonly AnomalyLabel[];
  /**
   * When the generator's run goes on past the stretch (`anchor: "day"`): its sessions open at
   * the stretch's end, in session order, what a load of the following hours resumes from
   * (`openAtSince`). Else empty.
   */
  readonly open: readonly SessionStart[];
}

/**
 * The order of a load's labels: by the first trace's time, then its id. Loads split between
 * workers gather labels in another order than one thread; this one does not depend on it.
 */
export function compareLabels(a: AnomalyLabel, b: AnomalyLabel): number {
  if (a.from !== b.from) return a.from - b.from;
  const x = a.traceIds[0] ?? "";
  const y = b.traceIds[0] ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Fills a store with a seeded stretch of the generator's timeline ending at the store's clock,
 * keeping each trace as the generator's pre-rendered ListTraces JSON. Traces with equal `time`
 * are stored in (`record_time`, `trace_id`) order, so this and the worker-thread loader of `@ctsim/mock/node`
 * fill stores with the same content.
 *
 * @example
 * const store = new TraceStore({ now: () => now });
 * const { projects } = loadGeneratedTraces(store, { seed: 7, days: 7 });
 */
export function loadGeneratedTraces(
  store: TraceStore,
  options: GeneratedTracesOptions = {},
): LoadSummary {
  const merger = new BatchMerger(store, 1);
  // With one stream, drain() stores each batch at once, so every batch reuses the same arrays.
  let buffers: BatchBuffers | undefined;
  const labels: AnomalyLabel[] = [];
  const open = produceGeneratedBatches(
    batchesOptions(options, options.end ?? store.clock()),
    (batch) => {
      merger.push(0, batch);
      merger.drain();
    },
    {
      nextBuffers: (batchTraces) => (buffers ??= newBatchBuffers(batchTraces)),
      onLabel: (label) => labels.push(label),
    },
  );
  merger.end(0);
  merger.drain();
  store.compact();
  return {
    count: merger.count,
    projects: merger.projects(),
    labels: labels.sort(compareLabels),
    open,
  };
}

/** The generator run a load stands for (shared with the worker-thread loader). */
export function batchesOptions(
  options: GeneratedTracesOptions,
  now: number,
): GeneratedBatchesOptions {
  const days = options.days ?? 7;
  const start = now - days * DAY_MS;
  const run = runOf(options.anchor ?? "window", start, now, days);
  const keepFrom = Math.max(start, options.since ?? start);
  const expectedCount = options.expectedCount;
  const fitted = run.from === start && run.to === now;
  return {
    timeline: {
      seed: options.seed ?? 1,
      now: run.to,
      from: run.from,
      to: run.to,
      ...(expectedCount === undefined ? {} : { expectedCount }),
      ...(expectedCount === undefined || fitted
        ? {}
        : { expectedCountWindow: { from: run.to - days * DAY_MS, to: run.to } }),
      ...(options.tenants === undefined ? {} : { tenants: options.tenants }),
      ...(options.users === undefined ? {} : { users: options.users }),
      ...(options.revision === undefined ? {} : { revision: options.revision }),
      // No scenarios and an empty list are one load (and one snapshot key).
      ...(options.scenarios === undefined || options.scenarios.length === 0
        ? {}
        : { scenarios: options.scenarios }),
      ...(options.modelartsOnly === true ? { modelartsOnly: true } : {}),
      ...(options.openAtSince === undefined || options.since === undefined
        ? {}
        : { resume: { at: options.since, open: options.openAtSince } }),
    },
    ...(options.projectId === undefined ? {} : { projectId: options.projectId }),
    ...(keepFrom === run.from && now === run.to ? {} : { keep: { from: keepFrom, to: now } }),
  };
}

/**
 * The generator's run a stretch `[start, end)` is cut from: itself (`window`), or (`day`) the
 * run from the UTC midnight at or before `start` to a day after the stretch that starts there,
 * shared by every stretch starting on that day.
 */
export function runOf(
  anchor: "window" | "day",
  start: number,
  end: number,
  days: number,
): { readonly from: number; readonly to: number } {
  if (anchor === "window") return { from: start, to: end };
  const from = Math.floor(start / DAY_MS) * DAY_MS;
  return { from, to: from + DAY_MS + days * DAY_MS };
}
