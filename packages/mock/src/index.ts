/**
 * `@ctsim/mock`: Huawei Cloud CTS v3 as a service. Browser-safe: the trace store, the
 * transport-free core, faults, the request signer and the msw handlers. The `node:http` server
 * and file loading live in `@ctsim/mock/node`.
 */

// ── Trace store ─────────────────────────────────────────────────────────────
export { TraceStore } from "./store/trace-store.js";
export type {
  TracePage,
  TraceQuery,
  TraceStoreOptions,
  TraceWindow,
} from "./store/trace-store.js";
export { FILTER_FIELDS } from "./store/trace-fields.js";
export type {
  FilterField,
  IndexableTrace,
  TraceKind,
  TracePlacement,
} from "./store/trace-fields.js";
export { loadGeneratedTraces } from "./store/load-generated-traces.js";
export type { GeneratedTracesOptions, LoadSummary } from "./store/load-generated-traces.js";
export { appendNdjson, appendTraceLine } from "./store/append-ndjson.js";

// ── Live tenant: the timeline continued in (simulated) real time ─────────────
export { LiveSource } from "./live/live-source.js";
export type { LiveHook, LiveListener, LiveSourceOptions, LiveTrace } from "./live/live-source.js";
export {
  DEFAULT_INGESTION_DELAY,
  describeIngestionDelay,
  ingestionDelayMs,
  maxIngestionDelayMs,
} from "./live/ingestion-delay.js";
export type { IngestionDelayModel } from "./live/ingestion-delay.js";
export { liveClock } from "./live/live-clock.js";
export type { LiveClockOptions } from "./live/live-clock.js";
export { runLive } from "./live/live-runner.js";
export type { LiveRun, LiveRunnerOptions } from "./live/live-runner.js";

// ── Transport-free core ─────────────────────────────────────────────────────
export { createCtsCore } from "./core/cts-core.js";
export { parseMockState } from "./core/mock-state.js";
export type { MockState, ProjectStateData } from "./core/mock-state-data.js";
export type { CtsCore, ProjectVerdict } from "./core/cts-core.js";
export type {
  CtsCoreOptions,
  InitialTransfer,
  ResolvedCoreOptions,
} from "./core/cts-core-options.js";
export { DEFAULT_BEHAVIOUR } from "./core/cts-behaviour.js";
export type { CtsBehaviour } from "./core/cts-behaviour.js";
export { responseText } from "./core/cts-request.js";
export type { CtsRequest, CtsResponse } from "./core/cts-request.js";
export { REQUEST_ERROR_CODE, REQUEST_ERRORS } from "./core/request-errors.js";
export type { RequestErrorKind } from "./core/request-errors.js";

// ── Key-event notifications: matching and encoding (delivery is in /node) ────
export { notificationBodyProblem } from "./core/notification-rules.js";
export { FILTER_RULE_FIELDS, parseFilterRule, ruleHolds } from "./notify/filter-rule.js";
export type { FilterRule, FilterRuleField } from "./notify/filter-rule.js";
export { notificationFires, notificationsFiredBy } from "./notify/notification-matching.js";
export type { MatchingOptions } from "./notify/notification-matching.js";
export { createNotifier } from "./notify/notifier.js";
export type { Notifier, NotifierOptions, VisibleTrace } from "./notify/notifier.js";
export type { OutgoingNotification } from "./notify/outgoing-notification.js";

// ── Gateway: accounts, the projects a credential may use, credentials files ─
export type { GatewayAccount, GatewayProject } from "./gateway/gateway-account.js";
export { AUTH_MODES, identityGateway } from "./gateway/identity-gateway.js";
export type {
  AuthMode,
  IdentityGateway,
  IdentityGatewayOptions,
} from "./gateway/identity-gateway.js";
export {
  credentialsDocument,
  parseCredentialsDocument,
} from "./gateway/credentials-document.js";
export type {
  CredentialsDocument,
  CredentialsDocumentOptions,
  CredentialsPermanentKey,
  CredentialsTemporaryKey,
  CredentialsTenant,
  CredentialsToken,
} from "./gateway/credentials-document.js";

// ── Faults ──────────────────────────────────────────────────────────────────
export { FAULT_SPEC_SYNTAX, parseFaultSpec } from "./faults/parse-fault-spec.js";
export type { FaultOptions, RouteFaults } from "./faults/fault-options.js";
export { ROUTE_NAMES } from "./faults/route-name.js";
export type { RouteName } from "./faults/route-name.js";
export type { TransportFault } from "./faults/transport-fault.js";

// ── msw handlers ────────────────────────────────────────────────────────────
export { createCtsHandlers } from "./msw/create-cts-handlers.js";
export type { CtsHandlersOptions } from "./msw/create-cts-handlers.js";

// ── Authentication (the signer, for clients and tests) ──────────────────────
export { signRequest } from "./auth/index.js";
export type {
  AkSkCredential,
  AuthOptions,
  SignableRequest,
  SignOptions,
  TokenCredential,
} from "./auth/index.js";

// ── Errors ──────────────────────────────────────────────────────────────────
export { MockError, MockErrorCode } from "./mock-error.js";
