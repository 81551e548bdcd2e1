import type { CtsErrorCode, Notification, Tracker } from "@ctsim/catalog";
import { FaultInjector } from "../faults/fault-injector.js";
import type { TransportFault } from "../faults/transport-fault.js";
import { type CallerScope, checkScope } from "../gateway/check-scope.js";
import { BodyPool } from "../internal/body-pool.js";
import { createPrng, hashText, randomHex32, randomUuid } from "../internal/prng.js";
import type { TraceStore } from "../store/trace-store.js";
import { authenticateRequest } from "./authenticate-request.js";
import { authorizeProject } from "./authorize-project.js";
import {
  type CtsCoreOptions,
  type ResolvedCoreOptions,
  resolveCoreOptions,
} from "./cts-core-options.js";
import type { CtsRequest, CtsResponse, Reply } from "./cts-request.js";
import { faultReply } from "./fault-reply.js";
import type { HandlerContext } from "./handler-context.js";
import { parseMockState } from "./mock-state.js";
import type { MockState } from "./mock-state-data.js";
import { PageNumbers } from "./page-numbers.js";
import { ProjectRegistry, ProjectState } from "./project-state.js";
import { ctsError, gatewayError, requestError } from "./replies.js";
import type { RequestErrorKind } from "./request-errors.js";
import { queryParam } from "./request-input.js";
import { matchRoute } from "./routes.js";
import { scopeRefusal } from "./scope-refusal.js";
import { storedDataTrackers } from "./stored-data-trackers.js";
import { defaultSystemTracker } from "./trackers.js";
import { withOwners } from "./with-owners.js";

/** CTS v3 without a transport: one synchronous call per request. */
export interface CtsCore {
  /** Answers one request; never throws (errors become CTS error bodies). */
  handle(request: CtsRequest): CtsResponse;
  /** A CTS error answer with a fresh request id, for failures a transport detects itself. */
  errorResponse(code: CtsErrorCode, detail?: string): CtsResponse;
  /**
   * API Gateway's answer to a request the transport refuses before it reaches CTS (malformed,
   * too large, too slow), with a fresh request id: `APIGW.0201` and the kind's status.
   */
  requestErrorResponse(kind: RequestErrorKind, detail?: string): CtsResponse;
  /**
   * The gateway's verdict on a request outside the API that reads `projectId`'s data (e.g. the
   * explorer's scenario labels): authenticated like an API request, then scope-checked as
   * `/v3/{project_id}/…` is. Its account, or the refusal to send (401, 403 or 404 as the API
   * answers them).
   */
  authorizeProject(request: CtsRequest, projectId: string): ProjectVerdict;
  /** The traces served. */
  readonly store: TraceStore;
  /** The options in force, defaults filled. */
  readonly options: ResolvedCoreOptions;
  /** Trackers, notifications, tags and configuration of every project touched so far, as data. */
  exportState(): MockState;
  /**
   * A project's trackers as they are now (read-only; the project's default trackers are created
   * if no request touched it yet). For transfer and notification delivery, read per batch.
   */
  trackersOf(projectId: string): readonly Tracker[];
  /** A project's notifications as they are now (read-only; none for a project never touched). */
  notificationsOf(projectId: string): readonly Notification[];
  /**
   * Replaces the trackers, notifications, tags and configuration of every project with `state`
   * (e.g. saved by {@link CtsCore.exportState} before a restart). Ids minted afterwards come from
   * a sequence derived from the seed and the state, so they do not repeat the imported ones.
   *
   * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` when `state` is not a valid {@link MockState}.
   */
  importState(state: MockState): void;
}

/** What {@link CtsCore.authorizeProject} decides. */
export type ProjectVerdict =
  | { readonly ok: true; readonly domainId: string }
  | { readonly ok: false; readonly response: CtsResponse };

const JSON_TYPE = "application/json;charset=UTF-8";

/** A request's reply before the core adds its headers. */
interface Dispatched {
  readonly reply: Reply;
  readonly transport?: TransportFault;
  readonly changedProject?: string;
}

function respond(
  reply: Reply,
  requestId: string,
  transport: TransportFault | undefined,
  changedProject?: string,
): CtsResponse {
  const headers: Record<string, string> =
    reply.body === ""
      ? { "x-request-id": requestId }
      : { "content-type": JSON_TYPE, "x-request-id": requestId };
  return {
    status: reply.status,
    headers,
    body: reply.body,
    ...(transport === undefined ? {} : { fault: transport }),
    ...(reply.release === undefined ? {} : { release: reply.release }),
    ...(changedProject === undefined ? {} : { changedProject }),
  };
}

/**
 * Creates the transport-free CTS core: routing, authentication, validation, paging, trackers,
 * notifications, quotas, lookups and faults. The msw handlers and the HTTP server are thin
 * layers over it.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` for a bad seed or fault spec.
 * @example
 * const core = createCtsCore({ store, auth: { mode: "token", tokens: ["t"] } });
 * const res = core.handle({ method: "GET", path: `/v3/${pid}/traces`, query: "limit=5", headers: { "x-auth-token": "t" }, body: "" });
 */
export function createCtsCore(options: CtsCoreOptions = {}): CtsCore {
  const resolved = resolveCoreOptions(options);
  let ids = createPrng(resolved.seed);
  const requestIds = createPrng(resolved.seed ^ 0x2e9b_41c3);
  const faults = new FaultInjector(resolved.faults, resolved.seed);
  const pages = new PageNumbers();
  const bodies = new BodyPool();
  const directory = resolved.directory;
  const projects = new ProjectRegistry((projectId) => {
    const domainId = directory.ownerOf(projectId);
    // The gateway lets no request reach CTS for a project no account has: this would be a bug.
    if (domainId === undefined) throw new Error(`no account has project ${projectId}`);
    const state = new ProjectState();
    if (resolved.behaviour.defaultSystemTracker) {
      const id = randomUuid(ids);
      const transfer = resolved.initialTransfer;
      const transfers = transfer?.projectIds?.includes(projectId) ?? transfer !== undefined;
      state.trackers.push(
        defaultSystemTracker(
          projectId,
          domainId,
          id,
          resolved.now(),
          transfers ? transfer : undefined,
        ),
      );
    }
    state.trackers.push(
      ...storedDataTrackers(resolved.store, {
        projectId,
        domainId,
        createTime: resolved.now(),
        newId: () => randomUuid(ids),
      }),
    );
    return state;
  });

  const dispatch = (request: CtsRequest, requestId: string): Dispatched => {
    const match = matchRoute(request.method, request.path);
    if (match === undefined) {
      return { reply: gatewayError("APIGW.0101", requestId, `${request.method} ${request.path}`) };
    }
    const { route } = match;
    const query = new URLSearchParams(request.query);
    const marker = route.marker === undefined ? undefined : queryParam(query, route.marker);
    const page = route.marker === undefined ? undefined : pages.pageOf(marker);
    const decision = faults.decide(route.name, page);
    const transport = decision.transport;
    const withTransport = (reply: Reply): Dispatched =>
      transport === undefined ? { reply } : { reply, transport };
    if (decision.failure !== undefined) {
      return withTransport(faultReply(decision.failure, requestId));
    }
    const now = resolved.now();
    let caller: CallerScope = {};
    if (route.authenticated) {
      const authentication = authenticateRequest(request, resolved, now, requestId);
      if (!authentication.ok) return withTransport(authentication.reply);
      caller = authentication.caller;
    }
    let domainId = "";
    if (route.scope !== undefined) {
      const scope = checkScope(route.scope, match.scopeId, caller, directory);
      if (!scope.ok) {
        return withTransport(scopeRefusal(resolved.behaviour.outOfScope, requestId, scope.detail));
      }
      domainId = scope.domainId;
    }
    const context: HandlerContext = {
      request,
      scopeId: match.scopeId,
      domainId,
      pathParam: match.pathParam,
      query,
      marker,
      faults: faults.forHandler(route.name),
      options: resolved,
      projects,
      ids,
      requestId,
      now,
      bodies,
    };
    const reply = route.handler(context);
    if (page !== undefined && reply.nextMarker !== undefined) {
      pages.remember(reply.nextMarker, page + 1);
    }
    if (reply.status < 300 && route.writes) {
      resolved.onStateChange?.();
      return { ...withTransport(reply), changedProject: match.scopeId };
    }
    return withTransport(reply);
  };

  return {
    store: resolved.store,
    options: resolved,
    handle(request: CtsRequest): CtsResponse {
      const requestId = randomHex32(requestIds);
      try {
        const { reply, transport, changedProject } = dispatch(request, requestId);
        return respond(reply, requestId, transport, changedProject);
      } catch (error) {
        // A bug must still answer in CTS's shape, never with a stack trace.
        const detail = error instanceof Error ? error.message : String(error);
        return respond(ctsError("CTS.0005", `(internal error: ${detail})`), requestId, undefined);
      }
    },
    authorizeProject(request: CtsRequest, projectId: string): ProjectVerdict {
      const requestId = randomHex32(requestIds);
      const verdict = authorizeProject(request, projectId, resolved, requestId);
      if (verdict.ok) return verdict;
      return { ok: false, response: respond(verdict.reply, requestId, undefined) };
    },
    errorResponse(code: CtsErrorCode, detail?: string): CtsResponse {
      return respond(ctsError(code, detail), randomHex32(requestIds), undefined);
    },
    requestErrorResponse(kind: RequestErrorKind, detail?: string): CtsResponse {
      const requestId = randomHex32(requestIds);
      return respond(requestError(kind, requestId, detail), requestId, undefined);
    },
    exportState: () => projects.exportState(),
    trackersOf: (projectId) => projects.get(projectId).trackers,
    notificationsOf: (projectId) => projects.peek(projectId)?.notifications ?? [],
    importState(state: MockState): void {
      const checked = parseMockState(state);
      projects.importState(withOwners(checked, directory));
      ids = createPrng(resolved.seed ^ hashText(JSON.stringify(checked)));
    },
  };
}
