import fc from "fast-check";
import { notificationRequestArbitrary } from "../arbitraries/notification.js";
import { dataTrackerRequestArbitrary } from "../arbitraries/tracker.js";
import type { CtsRequest } from "../internal/cts-client.js";
import type { ProviderContext } from "./provider-context.js";
import { traceQuery } from "./trace-query.js";

/** The routes the authentication properties probe: method and path below `/v3/{project_id}`. */
const PROBE_ROUTES = {
  ListTraces: { method: "GET", path: "/traces" },
  ListTrackers: { method: "GET", path: "/trackers" },
  ListQuotas: { method: "GET", path: "/quotas" },
  CreateTracker: { method: "POST", path: "/tracker" },
  CreateNotification: { method: "POST", path: "/notifications" },
} as const satisfies Record<string, { method: "GET" | "POST"; path: string }>;

/** One of the probed routes, by its SDK operation name. */
type ProbeRoute = keyof typeof PROBE_ROUTES;

/** Routes that change state; never probed when the suite is read-only. */
export const WRITE_ROUTES = [
  "CreateTracker",
  "CreateNotification",
] as const satisfies readonly ProbeRoute[];

/** Routes that only read. */
const READ_ROUTES = [
  "ListTraces",
  "ListTrackers",
  "ListQuotas",
] as const satisfies readonly ProbeRoute[];

/** A request to probe with: the route and, for creates, a valid body (what counterexamples print). */
export interface Probe {
  readonly route: ProbeRoute;
  readonly body?: unknown;
}

/**
 * A valid body for a create route: a data tracker (no OBS transfer) or a notification, named
 * with the suite's prefix so that anything a broken provider creates can be told apart.
 */
export function probeBodyArbitrary(
  context: ProviderContext,
  route: (typeof WRITE_ROUTES)[number],
): fc.Arbitrary<unknown> {
  const namePrefix = context.options.namePrefix;
  return route === "CreateTracker"
    ? dataTrackerRequestArbitrary({ namePrefix, withObsInfo: false })
    : notificationRequestArbitrary({ namePrefix, projectId: context.client.projectId });
}

/**
 * Probes over the five routes (only the three reads when the suite is read-only), reads first so
 * that shrinking prefers them.
 */
export function probeArbitrary(context: ProviderContext): fc.Arbitrary<Probe> {
  const reads = fc.constantFrom(...READ_ROUTES).map((route): Probe => ({ route }));
  if (context.options.readOnly) return reads;
  const writes = WRITE_ROUTES.map((route) =>
    probeBodyArbitrary(context, route).map((body): Probe => ({ route, body })),
  );
  return fc.oneof({ withCrossShrink: true }, reads, ...writes);
}

/** The request of `probe` against the project whose path segment is `projectId`. */
export function probeRequest(
  context: ProviderContext,
  probe: Probe,
  projectId: string,
): CtsRequest {
  const { method, path } = PROBE_ROUTES[probe.route];
  return {
    method,
    path: `/v3/${projectId}${path}`,
    ...(probe.route === "ListTraces"
      ? { query: { ...traceQuery(context.window), limit: "1" } }
      : {}),
    ...(probe.body === undefined ? {} : { body: probe.body }),
  };
}
