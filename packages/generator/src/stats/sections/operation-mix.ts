import { categoryOf, REVISIONS } from "@ctsim/catalog/operations";
import { BoundedCounts } from "../bounded-counts.js";
import { percent, type StatsSection, share } from "../stats-section.js";

/** Traces per catalog category, with the busiest operations of each. */
export interface OperationMix {
  readonly traces: number;
  readonly categories: readonly {
    readonly category: string;
    readonly traces: number;
    readonly share: number;
    readonly operations: number;
    readonly top: readonly (readonly [string, number])[];
  }[];
}

const NEWEST_FIRST = [...REVISIONS].reverse();

/**
 * The category of a trace: the catalog's for a ModelArts operation of any revision (newest
 * first), else the service (`OBS`, `IAM`, …) in parentheses.
 */
function categoryOfTrace(traceName: string, serviceType: string): string {
  for (const revision of NEWEST_FIRST) {
    const category = categoryOf(traceName, revision);
    if (category !== undefined) return category;
  }
  return `(${serviceType || "unknown service"})`;
}

/** Operation mix per category: a corpus that is all one kind of work is not a tenant. */
export const operationMix: StatsSection<OperationMix> = {
  title: "Operation mix per category",
  create(context) {
    const names = new BoundedCounts(context.maxTracked);
    const categoryOfName = new Map<string, string>();
    let traces = 0;
    return {
      add(trace) {
        traces++;
        if (names.add(trace.traceName) && !categoryOfName.has(trace.traceName))
          categoryOfName.set(trace.traceName, categoryOfTrace(trace.traceName, trace.serviceType));
      },
      result() {
        const byCategory = new Map<string, [string, number][]>();
        for (const [name, count] of names.top(Number.POSITIVE_INFINITY)) {
          const category = categoryOfName.get(name) as string;
          byCategory.set(category, [...(byCategory.get(category) ?? []), [name, count]]);
        }
        if (names.untracked > 0) byCategory.set("(untracked names)", [["…", names.untracked]]);
        const categories = [...byCategory].map(([category, ops]) => {
          const count = ops.reduce((sum, [, n]) => sum + n, 0);
          return {
            category,
            traces: count,
            share: share(count, traces),
            operations: ops.length,
            top: ops.slice(0, 5),
          };
        });
        categories.sort((a, b) => b.traces - a.traces || (a.category < b.category ? -1 : 1));
        return { traces, categories };
      },
    };
  },
  format(result) {
    return result.categories.map(
      (c) =>
        `${c.category.padEnd(28)} ${String(c.traces).padStart(9)}  ${percent(c.traces, result.traces).padStart(6)}  ${c.operations} ops; top: ${c.top.map(([n, k]) => `${n} ${k}`).join(", ")}`,
    );
  },
};
