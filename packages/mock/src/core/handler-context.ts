import type { HandlerFaults } from "../faults/handler-faults.js";
import type { BodyPool } from "../internal/body-pool.js";
import type { Prng } from "../internal/prng.js";
import type { ResolvedCoreOptions } from "./cts-core-options.js";
import type { CtsRequest } from "./cts-request.js";
import type { ProjectRegistry } from "./project-state.js";

/** Everything a route handler needs for one request. */
export interface HandlerContext {
  readonly request: CtsRequest;
  /** Decoded path parameter: the project id (or domain id for account-scoped routes). */
  readonly scopeId: string;
  /** The account the request acts in: the project's owner, or the account id of the path. */
  readonly domainId: string;
  /** Last decoded path segment where the route has one (`notification_type`, `version`). */
  readonly pathParam: string;
  readonly query: URLSearchParams;
  /**
   * The continuation marker the request sends, on a route with pages (ListTraces' `next`);
   * `undefined` on a first page or a route without pages.
   */
  readonly marker: string | undefined;
  /** The faults of the route's group that the handler carries out itself. */
  readonly faults: HandlerFaults;
  readonly options: ResolvedCoreOptions;
  readonly projects: ProjectRegistry;
  /** Seeded source of resource ids. */
  readonly ids: Prng;
  readonly requestId: string;
  /** Request time (the core's clock, read once). */
  readonly now: number;
  /** Memory for large bodies, reused once the transport releases them. */
  readonly bodies: BodyPool;
}
