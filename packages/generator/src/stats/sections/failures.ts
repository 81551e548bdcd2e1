import { BoundedCounts } from "../bounded-counts.js";
import { percent, type StatsSection, share } from "../stats-section.js";

/** Outcomes: ratings, and the codes of traces that are not `normal` or not 2xx. */
export interface FailureStats {
  readonly traces: number;
  readonly byRating: Readonly<Record<string, number>>;
  /** Traces rated other than `normal` or with a code outside 2xx, by code (`""`: no code). */
  readonly byCode: readonly {
    readonly code: string;
    readonly traces: number;
    readonly share: number;
  }[];
  /** Traces rated `warning` or `incident` with a 2xx code (the error inside `response`). */
  readonly failedWith2xx: number;
}

/** Share of failures by code: real tenants fail a few percent, mostly 4xx, with a tail of 5xx. */
export const failures: StatsSection<FailureStats> = {
  title: "Failures by code and rating",
  create(context) {
    const ratings = new BoundedCounts(16);
    const codes = new BoundedCounts(Math.min(context.maxTracked, 1000));
    let traces = 0;
    let failedWith2xx = 0;
    return {
      add(trace) {
        traces++;
        ratings.add(trace.rating || "(none)");
        const twoXx = /^2\d\d$/.test(trace.code);
        const failed = trace.rating !== "normal" || (trace.code !== "" && !twoXx);
        if (!failed) return;
        codes.add(trace.code);
        if (twoXx) failedWith2xx++;
      },
      result() {
        return {
          traces,
          byRating: ratings.toObject(),
          byCode: codes
            .top(Number.POSITIVE_INFINITY)
            .map(([code, n]) => ({ code, traces: n, share: share(n, traces) })),
          failedWith2xx,
        };
      },
    };
  },
  format(result) {
    const failed = result.byCode.reduce((sum, c) => sum + c.traces, 0);
    return [
      `${failed} of ${result.traces} traces failed (${percent(failed, result.traces)}); ratings: ${Object.entries(
        result.byRating,
      )
        .map(([r, n]) => `${r} ${n}`)
        .join(", ")}; warning/incident with 2xx: ${result.failedWith2xx}`,
      ...result.byCode.map(
        (c) =>
          `code ${(c.code || "(none)").padEnd(6)} ${String(c.traces).padStart(9)}  ${percent(c.traces, result.traces)}`,
      ),
    ];
  },
};
