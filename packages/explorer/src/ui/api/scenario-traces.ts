import type { ExplorerLabel } from "../../site/explorer-assets.js";
import type { Filters } from "../model/filters.js";
import { labelsInWindow, occurrenceFilters } from "../model/labels.js";
import type { Trace } from "../model/trace.js";
import type { Connection } from "./connection.js";
import { walkTraces } from "./cts-client.js";

/** Pages of 200 walked per occurrence (an occurrence spans minutes to hours). */
const OCCURRENCE_MAX_PAGES = 10;

/** The traces of a scenario the list shows, and how many of its traces the filters leave out. */
export interface ScenarioTraces {
  readonly traces: readonly Trace[];
  /** Occurrences of the scenario in the window. */
  readonly occurrences: number;
  /** Labelled traces not answered under the filters (another trace type, a filter, the window). */
  readonly outside: number;
}

/**
 * The traces of the filters' scenario, newest first, from the API: for each occurrence in the
 * window, ListTraces over its first to last trace with the page's filters, keeping the
 * occurrence's own traces. What the API does not answer (data traces while listing management
 * ones, a filter that excludes them) is counted in `outside`, not shown.
 */
export async function scenarioTraces(
  connection: Connection,
  filters: Filters,
  labels: readonly ExplorerLabel[],
  isCancelled: () => boolean,
): Promise<ScenarioTraces> {
  const chosen = labelsInWindow(labels, filters.from, filters.to, filters.scenario);
  const found = new Map<string, Trace>();
  for (const label of chosen) {
    const wanted = new Set(label.traceIds);
    await walkTraces(connection, occurrenceFilters(filters, label), {
      maxPages: OCCURRENCE_MAX_PAGES,
      isCancelled,
      onPage: (traces) => {
        for (const trace of traces)
          if (wanted.has(trace.trace_id)) found.set(trace.trace_id, trace);
      },
    });
    if (isCancelled()) break;
  }
  const traces = [...found.values()].sort((a, b) => b.time - a.time);
  const total = chosen.reduce((n, label) => n + label.traceIds.length, 0);
  return { traces, occurrences: chosen.length, outside: total - traces.length };
}
