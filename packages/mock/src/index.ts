/**
 * `@ctsim/mock`: Huawei Cloud CTS v3 as a service. Browser-safe: the store, the transport-free
 * core and the msw handlers. The `node:http` server lives in `@ctsim/mock/node`.
 */

export type { AkSkCredential, AuthOptions, SignableRequest, SignOptions } from "./auth/index.js";
// ── Auth ────────────────────────────────────────────────────────────────────
export { signRequest } from "./auth/index.js";
export type { CtsBehaviour } from "./core/cts-behaviour.js";
export { DEFAULT_BEHAVIOUR } from "./core/cts-behaviour.js";
export type { CtsCore } from "./core/cts-core.js";
// ── Transport-free core ─────────────────────────────────────────────────────
export { createCtsCore } from "./core/cts-core.js";
export type { CtsCoreOptions, ResolvedCoreOptions } from "./core/cts-core-options.js";
export { DEFAULT_DOMAIN_ID } from "./core/cts-core-options.js";
export type { CtsRequest, CtsResponse, TransportFault } from "./core/cts-request.js";
export type { RouteName } from "./core/route-name.js";
export { ROUTE_NAMES } from "./core/route-name.js";
export type { FaultOptions, RouteFaults } from "./faults/fault-options.js";
// ── Faults ──────────────────────────────────────────────────────────────────
export { FAULT_SPEC_SYNTAX, parseFaultSpec } from "./faults/parse-fault-spec.js";
// ── Errors ──────────────────────────────────────────────────────────────────
export { MockError, MockErrorCode } from "./mock-error.js";
export type { CtsHandlersOptions } from "./msw/create-cts-handlers.js";
// ── msw ─────────────────────────────────────────────────────────────────────
export { createCtsHandlers } from "./msw/create-cts-handlers.js";
export type {
  FilterField,
  IndexableTrace,
  TraceKind,
  TracePlacement,
} from "./store/trace-fields.js";
export { FILTER_FIELDS } from "./store/trace-fields.js";
export type { TracePage, TraceQuery, TraceStoreOptions } from "./store/trace-store.js";
// ── Trace store ─────────────────────────────────────────────────────────────
export { TraceStore } from "./store/trace-store.js";
