import { BoundedCounts } from "../bounded-counts.js";
import { percent, type StatsSection, share } from "../stats-section.js";

/** Traces per `service_type` and per `trace_type`, with the data (OBS) and IAM shares. */
export interface ServiceStats {
  readonly traces: number;
  readonly byService: Readonly<Record<string, number>>;
  readonly byTraceType: Readonly<Record<string, number>>;
  /** Share of traces with `service_type` `OBS` (data traces under a data tracker). */
  readonly dataShare: number;
  /** Share of traces with `service_type` `IAM` (logins, keys, agencies). */
  readonly iamShare: number;
}

/** Context beyond ModelArts: data (OBS) and IAM traces a real tenant's history also holds. */
export const services: StatsSection<ServiceStats> = {
  title: "Services and trace types (data and IAM shares)",
  create() {
    const byService = new BoundedCounts(256);
    const byType = new BoundedCounts(256);
    let traces = 0;
    return {
      add(trace) {
        traces++;
        byService.add(trace.serviceType || "(none)");
        byType.add(trace.traceType || "(none)");
      },
      result() {
        const service = byService.toObject();
        return {
          traces,
          byService: service,
          byTraceType: byType.toObject(),
          dataShare: share(service.OBS ?? 0, traces),
          iamShare: share(service.IAM ?? 0, traces),
        };
      },
    };
  },
  format(result) {
    const list = (counts: Readonly<Record<string, number>>): string =>
      Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n} (${percent(n, result.traces)})`)
        .join(", ");
    return [
      `data (OBS) ${(100 * result.dataShare).toFixed(1)}%, IAM ${(100 * result.iamShare).toFixed(1)}%`,
      `service_type: ${list(result.byService)}`,
      `trace_type: ${list(result.byTraceType)}`,
    ];
  },
};
