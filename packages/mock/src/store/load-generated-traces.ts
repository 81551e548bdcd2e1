import type { Revision } from "@ctsim/catalog";
import { encodeApiTraceJson, generateTraces, type ScenarioName } from "@ctsim/generator";
import type { TraceStore } from "./trace-store.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link loadGeneratedTraces}. */
export interface GeneratedTracesOptions {
  /** Generator seed. Default: 1. */
  readonly seed?: number;
  /** Days of history before the store's clock. Default: 7 (the whole retention). */
  readonly days?: number;
  /** Stop after this many traces (the generator raises its rate to fit them). Default: unlimited. */
  readonly count?: number;
  /** Tenants (accounts). Default: the generator's (1). */
  readonly tenants?: number;
  /** IAM users per tenant. Default: the generator's (12). */
  readonly users?: number;
  /** Catalog revision. Default: the generator's (`DEFAULT_REVISION`). */
  readonly revision?: Revision;
  /** Labelled anomaly scenarios. Default: none. */
  readonly scenarios?: readonly ScenarioName[];
  /** File every trace under this project id instead of the generator's. Default: keep them. */
  readonly projectId?: string;
}

/** What a load put into the store. */
export interface LoadSummary {
  /** Traces added. */
  readonly count: number;
  /** Project ids the traces were filed under, most traces first. */
  readonly projects: readonly string[];
}

/**
 * Fills a store with a seeded stretch of the generator's timeline ending at the store's clock,
 * keeping each trace as the generator's pre-rendered ListTraces JSON.
 *
 * @example
 * const store = new TraceStore({ now: () => now });
 * const { projects } = loadGeneratedTraces(store, { seed: 7, days: 7 });
 */
export function loadGeneratedTraces(
  store: TraceStore,
  options: GeneratedTracesOptions = {},
): LoadSummary {
  const now = store.clock();
  const days = options.days ?? 7;
  const counts = new Map<string, number>();
  let count = 0;
  const events = generateTraces({
    seed: options.seed ?? 1,
    now,
    from: now - days * DAY_MS,
    to: now,
    ...(options.count === undefined ? {} : { count: options.count }),
    ...(options.tenants === undefined ? {} : { tenants: options.tenants }),
    ...(options.users === undefined ? {} : { users: options.users }),
    ...(options.revision === undefined ? {} : { revision: options.revision }),
    ...(options.scenarios === undefined ? {} : { scenarios: options.scenarios }),
  });
  for (const event of events) {
    const projectId = options.projectId ?? event.projectId;
    store.add(event, encodeApiTraceJson(event), projectId);
    counts.set(projectId, (counts.get(projectId) ?? 0) + 1);
    count++;
  }
  store.compact();
  const projects = [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return { count, projects };
}
