// A stateful rule, as a plain ES module: what a Sigma rule cannot say, a few lines of JS can.
// It remembers every source IP each identity has used and flags a dataset export from an IP
// the identity never used before, once the identity has enough history to judge by.
//
// The interface (see the package README): default-export { id, title, scenarios, create },
// where create() returns { onTrace(trace) => Alert[], finish() => Alert[] }. `trace` is a
// TraceView: `trace.record` is the parsed CTS record, `trace.values("a.b".split("."))` reads a
// dotted field (request/response JSON text included), `trace.traceId` and `trace.time` are
// shortcuts. An alert is { traceIds: string[], time: number }.

/** Traces an identity must have made before a new IP counts as unusual. */
const MIN_HISTORY = 10;

export default {
  id: "first_seen_ip_export",
  title: "Dataset export from an IP the identity never used before",
  scenarios: ["off-hours-export"],
  create() {
    /** user id → { ips: Set<string>, traces: number } */
    const history = new Map();
    return {
      onTrace(trace) {
        const user = trace.record.user;
        const ip = trace.record.source_ip;
        if (user === null || typeof user !== "object" || typeof ip !== "string" || ip === "")
          return [];
        let seen = history.get(user.id);
        if (seen === undefined) {
          seen = { ips: new Set(), traces: 0 };
          history.set(user.id, seen);
        }
        const unusual =
          trace.record.trace_name === "exportDataFromDataset" &&
          seen.traces >= MIN_HISTORY &&
          !seen.ips.has(ip);
        seen.ips.add(ip);
        seen.traces++;
        return unusual ? [{ traceIds: [trace.traceId], time: trace.time }] : [];
      },
      finish() {
        return [];
      },
    };
  },
};
