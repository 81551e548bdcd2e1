import type { ApiTrace } from "@ctsim/catalog";
import { ContractError, ContractErrorCode } from "../contract-error.js";
import { type CtsClient, createCtsClient } from "../internal/cts-client.js";
import { type TraceWalk, walkTraces } from "../internal/walk-traces.js";
import type { ResolvedProviderOptions } from "./provider-options.js";

/** A time window `(from, to)` in epoch ms, as ListTraces takes it. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * What the provider properties work from: a client, the suite's "now", and the reference walk —
 * every trace of one window, newest first, walked with `limit=200`. Because the provider's data
 * is not under the suite's control, properties sample their queries from this walk.
 */
export interface ProviderContext {
  readonly options: ResolvedProviderOptions;
  readonly client: CtsClient;
  /** The suite's clock at setup. */
  readonly now: number;
  /** The reference window; its `from` moves up to the oldest collected trace when capped. */
  readonly window: TimeWindow;
  /** Distinct traces of the window, newest first. */
  readonly traces: readonly ApiTrace[];
  /** The raw reference walk, with any paging problems it met. */
  readonly walk: TraceWalk;
}

/**
 * Walks the reference window once and builds the {@link ProviderContext}.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_UNREACHABLE` when the provider does not answer;
 * `CTSIM_CONTRACT_SETUP` when ListTraces does not answer 200 with a ListTraces body.
 */
export async function createProviderContext(
  options: ResolvedProviderOptions,
): Promise<ProviderContext> {
  const client = createCtsClient(options);
  const now = options.clock();
  const to = now - options.settleMs;
  const requested: TimeWindow = { from: to - options.windowMs, to };
  const walk = await walkTraces(
    client,
    { trace_type: "system", from: String(requested.from), to: String(requested.to) },
    { limit: 200, maxTraces: options.maxTraces, checkCount: false },
  );
  const fatal = walk.problems.find((problem) => /answered|is not a ListTraces/.test(problem));
  if (fatal !== undefined) {
    throw new ContractError(
      ContractErrorCode.setup,
      `the reference ListTraces walk failed: ${fatal}; check the base URL, project id and credentials`,
    );
  }
  const seen = new Set<string>();
  const traces = walk.traces.filter(
    (trace) => !seen.has(trace.trace_id) && seen.add(trace.trace_id),
  );
  traces.sort((a, b) => b.time - a.time);
  if (traces.length === 0 && options.requireTraces) {
    throw new ContractError(
      ContractErrorCode.empty,
      `project ${options.projectId} has no traces from ${new Date(requested.from).toISOString()} to ${new Date(requested.to).toISOString()}: the properties would pass without checking anything; point at a project with traces (and check the project id)`,
    );
  }
  const oldest = traces.at(-1);
  const window = walk.truncated && oldest ? { from: oldest.time, to } : requested;
  return { options, client, now, window, traces, walk };
}

/**
 * The traces of the reference walk a correct provider must return for `window` (strictly inside
 * it: the reference leaves open whether `from`/`to` themselves are included).
 */
export function strictlyInside(traces: readonly ApiTrace[], window: TimeWindow): ApiTrace[] {
  return traces.filter((trace) => trace.time > window.from && trace.time < window.to);
}
