import type { ExplorerLabel } from "../../site/explorer-assets.js";
import type { Filters } from "./filters.js";

/** A project's labels, looked up by trace and grouped by scenario. */
export interface LabelIndex {
  readonly labels: readonly ExplorerLabel[];
  /** The occurrence a trace belongs to. */
  readonly byTrace: ReadonlyMap<string, ExplorerLabel>;
  /** The scenarios that occur, in first-occurrence order, with their kind and occurrences. */
  readonly scenarios: readonly {
    readonly name: string;
    readonly benign: boolean;
    readonly count: number;
  }[];
}

/** Indexes the labels the server sent (by first trace time). */
export function labelIndex(labels: readonly ExplorerLabel[]): LabelIndex {
  const byTrace = new Map<string, ExplorerLabel>();
  const scenarios = new Map<string, { name: string; benign: boolean; count: number }>();
  for (const label of labels) {
    for (const id of label.traceIds) byTrace.set(id, label);
    const entry = scenarios.get(label.scenario);
    if (entry === undefined)
      scenarios.set(label.scenario, { name: label.scenario, benign: label.benign, count: 1 });
    else entry.count++;
  }
  return { labels, byTrace, scenarios: [...scenarios.values()] };
}

/** The occurrences with a trace in [from, to] (of one scenario, when named). */
export function labelsInWindow(
  labels: readonly ExplorerLabel[],
  from: number,
  to: number,
  scenario = "",
): ExplorerLabel[] {
  return labels.filter(
    (label) =>
      label.to >= from && label.from <= to && (scenario === "" || label.scenario === scenario),
  );
}

/**
 * The ListTraces filters that cover one occurrence within the page's window: its first to its
 * last trace, a millisecond wider on each side (the API's `from` may be exclusive), with the
 * page's other filters. The page keeps only the occurrence's own traces of the answer.
 */
export function occurrenceFilters(filters: Filters, label: ExplorerLabel): Filters {
  return {
    ...filters,
    from: Math.max(filters.from, label.from - 1),
    to: Math.min(filters.to, label.to + 1),
  };
}

/** "attack" or "benign": how the page names a label's kind. */
export function labelKind(label: { readonly benign: boolean }): "attack" | "benign" {
  return label.benign ? "benign" : "attack";
}
