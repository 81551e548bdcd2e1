import type { RouteName } from "../faults/route-name.js";
import type { ScopeKind } from "../gateway/check-scope.js";
import { showConfiguration, updateConfiguration } from "./configuration.js";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import { listTraces } from "./list-traces.js";
import {
  checkObsBuckets,
  listOperations,
  listQuotas,
  listTraceResources,
  listUserResources,
} from "./lookups.js";
import {
  createNotification,
  deleteNotification,
  listNotifications,
  updateNotification,
} from "./notifications.js";
import {
  batchCreateTags,
  batchDeleteTags,
  listProjectTags,
  listResourcesByTags,
  listResourceTags,
} from "./tags.js";
import { createTracker, deleteTracker, listTrackers, updateTracker } from "./trackers.js";
import { listVersions, showVersion } from "./versions.js";

/** A route handler: one request in, one reply out. */
export type RouteHandler = (context: HandlerContext) => Reply;

/** One endpoint: method, path shape (`{id}` = project/domain id, `{param}` = last parameter). */
export interface Route {
  /** The group its faults are configured under. */
  readonly name: RouteName;
  readonly method: string;
  readonly shape: readonly string[];
  readonly handler: RouteHandler;
  /** Version queries need no credentials. */
  readonly authenticated: boolean;
  /** What the path's `{id}` names; `undefined` for routes without one (versions). */
  readonly scope: ScopeKind | undefined;
  /** Whether a successful answer changes what `CtsCore.exportState` returns. */
  readonly writes: boolean;
  /**
   * The query parameter that carries the route's continuation marker; `undefined` for routes
   * without pages. The core reads it to number the request's page.
   */
  readonly marker: string | undefined;
}

/** What sets a v3 route apart from a read-only, project-scoped one without pages. */
interface V3Traits {
  readonly writes?: boolean;
  readonly scope?: ScopeKind;
  readonly marker?: string;
}

const v3 = (
  name: RouteName,
  method: string,
  tail: readonly string[],
  handler: RouteHandler,
  traits: V3Traits = {},
): Route => ({
  name,
  method,
  shape: ["v3", "{id}", ...tail],
  handler,
  authenticated: true,
  scope: traits.scope ?? "project",
  writes: traits.writes ?? false,
  marker: traits.marker,
});

/**
 * Tag routes: `{resource_type}` is only ever `cts-tracker` (reference §1.1), so it is matched as
 * a literal and any other resource type is an unknown path. What CTS answers for another type
 * is not documented.
 */
const TAGGED = "cts-tracker";

/** Every v3 endpoint of reference §1.1 rows 1–21 and the version endpoints (rows 22–23). */
export const ROUTES: readonly Route[] = [
  v3("traces", "GET", ["traces"], listTraces, { marker: "next" }),
  v3("trackers", "POST", ["tracker"], createTracker, { writes: true }),
  v3("trackers", "GET", ["trackers"], listTrackers),
  v3("trackers", "PUT", ["tracker"], updateTracker, { writes: true }),
  v3("trackers", "DELETE", ["trackers"], deleteTracker, { writes: true }),
  v3("notifications", "POST", ["notifications"], createNotification, { writes: true }),
  v3("notifications", "GET", ["notifications", "{param}"], listNotifications),
  v3("notifications", "PUT", ["notifications"], updateNotification, { writes: true }),
  v3("notifications", "DELETE", ["notifications"], deleteNotification, { writes: true }),
  v3("quotas", "GET", ["quotas"], listQuotas),
  v3("operations", "GET", ["operations"], listOperations),
  v3("user-resources", "GET", ["user-resources"], listUserResources),
  v3("resources", "GET", ["resources"], listTraceResources, { scope: "domain" }),
  v3("checkbucket", "POST", ["checkbucket"], checkObsBuckets, { scope: "domain" }),
  v3("tags", "POST", [TAGGED, "{param}", "tags", "create"], batchCreateTags, { writes: true }),
  v3("tags", "DELETE", [TAGGED, "{param}", "tags", "delete"], batchDeleteTags, { writes: true }),
  v3("tags", "GET", [TAGGED, "{param}", "tags"], listResourceTags),
  v3("tags", "GET", [TAGGED, "tags"], listProjectTags),
  v3("tags", "POST", [TAGGED, "resource-instances", "filter"], listResourcesByTags),
  v3("configuration", "GET", ["configuration"], showConfiguration),
  v3("configuration", "PUT", ["configuration"], updateConfiguration, { writes: true }),
  {
    name: "versions",
    method: "GET",
    shape: [],
    handler: listVersions,
    authenticated: false,
    scope: undefined,
    writes: false,
    marker: undefined,
  },
  {
    name: "versions",
    method: "GET",
    shape: ["{param}"],
    handler: showVersion,
    authenticated: false,
    scope: undefined,
    writes: false,
    marker: undefined,
  },
];

/** A matched route with its decoded path parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly scopeId: string;
  readonly pathParam: string;
}

/**
 * Finds the route of a request; `undefined` for unknown paths, methods, or paths that do not
 * percent-decode. A trailing slash is accepted.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const parts = rawPath.split("/");
  if (parts.shift() !== "") return undefined;
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  let segments: string[];
  try {
    segments = parts.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
  const upper = method.toUpperCase();
  for (const route of ROUTES) {
    if (route.method !== upper || route.shape.length !== segments.length) continue;
    let scopeId = "";
    let pathParam = "";
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const want = route.shape[i]!;
      const got = segments[i]!;
      if (want === "{id}") scopeId = got;
      else if (want === "{param}") pathParam = got;
      else ok = want === got;
      if (got === "") ok = false;
    }
    if (ok) return { route, scopeId, pathParam };
  }
  return undefined;
}
