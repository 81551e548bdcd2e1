import { BoundedCounts } from "../bounded-counts.js";
import { IP_CLASSES, type IpClass, ipClass } from "../ip-class.js";
import { percent, type StatsSection, share } from "../stats-section.js";

/** Source addresses by class, and how many distinct ones. */
export interface SourceIpStats {
  readonly traces: number;
  readonly byClass: Readonly<Partial<Record<IpClass, number>>>;
  /** Share of traces with a source IP whose IP is public unicast. */
  readonly publicShare: number;
  /** Distinct source IPs (counted up to `maxTracked`). */
  readonly distinct: number;
  readonly distinctCapped: boolean;
  /** The most used non-public addresses (at most 5), the first place to look. */
  readonly topNonPublic: readonly (readonly [string, number])[];
}

/** Source IP classes: a tenant calls from public unicast addresses, not loopback or multicast. */
export const sourceIps: StatsSection<SourceIpStats> = {
  title: "Source IP classes",
  create(context) {
    const classes = new BoundedCounts(IP_CLASSES.length);
    const distinct = new BoundedCounts(context.maxTracked);
    const nonPublic = new BoundedCounts(context.maxTracked);
    let traces = 0;
    return {
      add(trace) {
        traces++;
        const kind = ipClass(trace.sourceIp);
        classes.add(kind);
        if (kind === "none") return;
        distinct.add(trace.sourceIp);
        if (kind !== "public") nonPublic.add(trace.sourceIp);
      },
      result() {
        const byClass = classes.toObject() as Partial<Record<IpClass, number>>;
        const withIp = traces - (byClass.none ?? 0);
        return {
          traces,
          byClass,
          publicShare: share(byClass.public ?? 0, withIp),
          distinct: distinct.size,
          distinctCapped: distinct.capped,
          topNonPublic: nonPublic.top(5),
        };
      },
    };
  },
  format(result) {
    const withIp = result.traces - (result.byClass.none ?? 0);
    return [
      `${result.distinct}${result.distinctCapped ? "+" : ""} distinct IPs; public unicast on ${percent(result.byClass.public ?? 0, withIp)} of traces with an IP`,
      Object.entries(result.byClass)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", "),
      ...(result.topNonPublic.length === 0
        ? []
        : [`not public: ${result.topNonPublic.map(([ip, n]) => `${ip} ${n}`).join(", ")}`]),
    ];
  },
};
