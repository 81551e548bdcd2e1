// ── Arbitraries ─────────────────────────────────────────────────────────────

export type { GeneratedTraceArbitraryOptions } from "./arbitraries/generated-trace.js";
export { generatedTraceArbitrary } from "./arbitraries/generated-trace.js";
export type { InvalidTrace, InvalidTraceKind } from "./arbitraries/invalid-trace.js";
export { INVALID_TRACE_KINDS, invalidTraceArbitrary } from "./arbitraries/invalid-trace.js";
export type {
  InvalidListTracesQuery,
  InvalidListTracesQueryArbitraryOptions,
  InvalidQueryKind,
  ListTracesQueryArbitraryOptions,
} from "./arbitraries/list-traces-query.js";
export {
  INVALID_QUERY_KINDS,
  invalidListTracesQueryArbitrary,
  listTracesQueryArbitrary,
  toQueryParams,
} from "./arbitraries/list-traces-query.js";
export type { NotificationArbitraryOptions } from "./arbitraries/notification.js";
export {
  notificationNameArbitrary,
  notificationRequestArbitrary,
  notificationRuleArbitrary,
} from "./arbitraries/notification.js";
export type {
  MalformedProjectId,
  MalformedProjectIdKind,
  ProjectIdArbitraryOptions,
} from "./arbitraries/project-id.js";
export {
  foreignProjectIdArbitrary,
  MALFORMED_PROJECT_ID_KINDS,
  malformedProjectIdArbitrary,
} from "./arbitraries/project-id.js";
export type { TraceArbitraryOptions } from "./arbitraries/trace.js";
export { apiTraceArbitrary, obsTraceArbitrary } from "./arbitraries/trace.js";
export { traceIdArbitrary, uuidV1 } from "./arbitraries/trace-id.js";
export type { TrackerArbitraryOptions } from "./arbitraries/tracker.js";
export {
  bucketNameArbitrary,
  dataTrackerRequestArbitrary,
  trackerNameArbitrary,
} from "./arbitraries/tracker.js";
export type { UserInfoArbitraryOptions } from "./arbitraries/user-info.js";
export {
  accessKeyIdArbitrary,
  hexIdArbitrary,
  userInfoArbitrary,
  userNameArbitrary,
} from "./arbitraries/user-info.js";
export { ContractError, ContractErrorCode } from "./contract-error.js";
// ── Credentials file (`ctsim serve --credentials FILE`) ─────────────────────
export type {
  ProviderOptionsFromCredentials,
  ProviderOptionsFromCredentialsOptions,
} from "./credentials/provider-options-from-credentials.js";
export { providerOptionsFromCredentials } from "./credentials/provider-options-from-credentials.js";
export type { ProviderCredentials } from "./internal/cts-client.js";
export type { TraceFilters, TraceQueryFilter } from "./internal/trace-filters.js";
export { filterValueOf, matchesFilters, TRACE_QUERY_FILTERS } from "./internal/trace-filters.js";
export type {
  ConsumerOptions,
  InvalidReporting,
  ResolvedConsumerOptions,
  TraceShape,
} from "./properties/consumer-options.js";
export { INVALID_REPORTING, resolveConsumerOptions } from "./properties/consumer-options.js";
export { CONSUMER_PROPERTIES, consumerSuite } from "./properties/consumer-suite.js";
export { INGEST_EACH_EVENT_ONCE, ingesterSuite } from "./properties/consumer-ingest.js";
export type {
  IngestDelivery,
  Ingester,
  IngesterOptions,
  ResolvedIngesterOptions,
} from "./properties/consumer-ingest-options.js";
export { resolveIngesterOptions } from "./properties/consumer-ingest-options.js";
export { createReferenceIngester, tracesIn } from "./properties/reference-ingester.js";
export type { StoredEvent } from "./properties/reference-ingester.js";
export type {
  CheckSettings,
  ContractProperty,
  PropertyOutcome,
} from "./properties/contract-property.js";
export { ContractViolation } from "./properties/contract-violation.js";
export type { ProviderContext, TimeWindow } from "./properties/provider-context.js";
export type {
  ProviderAccount,
  ProviderOptions,
  ResolvedProviderOptions,
  TemporaryCredentials,
} from "./properties/provider-options.js";
export { DEFAULT_PROJECT_ID, resolveProviderOptions } from "./properties/provider-options.js";
export type { ContractSuite } from "./properties/provider-suite.js";
// ── Suites and properties ───────────────────────────────────────────────────
export { PROVIDER_PROPERTIES, providerSuite } from "./properties/provider-suite.js";
export type { ContractReport, PropertyResult, RunOptions } from "./runner/run-contract.js";
export type { RetryNotice } from "./internal/cts-client.js";
// ── Runner ──────────────────────────────────────────────────────────────────
export {
  runConsumerContract,
  runContract,
  runIngesterContract,
  runProviderContract,
} from "./runner/run-contract.js";
