// ── The timeline ────────────────────────────────────────────────────────────
export { generateTraces } from "./timeline/generate-traces.js";
export type { TimelineIterator } from "./timeline/generate-traces.js";
export type { SessionStart } from "./timeline/arrival-stream.js";
export { retime } from "./retime.js";
export type { ShardSpec, TimelineOptions } from "./timeline-options.js";
export type { TraceEvent } from "./trace-event.js";

// ── Anomaly scenarios ───────────────────────────────────────────────────────
export {
  isScenarioName,
  SCENARIO_NAMES,
  scenarioInfo,
} from "./scenarios/scenario-registry.js";
export type { ScenarioInfo, ScenarioName } from "./scenarios/scenario-registry.js";
export type { AnomalyLabel } from "./anomaly-label.js";

// ── Identities behind the tenants (accounts, projects, credentials) ───────
export { tenantIdentities } from "./identity/tenant-identities.js";
export type { IdentityOptions } from "./identity/tenant-identities.js";
export type {
  PermanentCredential,
  ProjectIdentity,
  ProjectToken,
  TemporaryCredential,
  TemporaryPrincipal,
  TenantIdentity,
} from "./identity/tenant-identity.js";
export { isPublicUnicastIpv4 } from "./tenant/public-unicast.js";

// ── Encoders ────────────────────────────────────────────────────────────────
export { encodeApiTraceJson } from "./encode/encode-api-trace-json.js";
export { encodeObsTraceJson } from "./encode/encode-obs-trace-json.js";
export { encodeListTracesPage, encodeTraces, TRACE_FORMATS } from "./encode/encode-traces.js";
export type { EncodeTracesOptions, TraceFormat } from "./encode/encode-traces.js";

// ── Key-event notification messages (SMN HTTP(S) messages, FunctionGraph CTS events) ──
export { encodeFunctionGraphEvent } from "./notify/function-graph-event.js";
export type { FunctionGraphCtsEvent } from "./notify/function-graph-event.js";
export { notificationMessageId } from "./notify/message-id.js";
export { notifiedTrace } from "./notify/notified-trace.js";
export {
  encodeSmnNotification,
  SMN_HEADERS,
  smnStringToSign,
} from "./notify/smn-notification.js";
export type { SmnNotification, SmnNotificationOptions } from "./notify/smn-notification.js";

// ── Realism report of a corpus (`ctsim stats`) ──────────────────────────────
export { createCorpusStats } from "./stats/corpus-stats.js";
export type { CorpusStats, CorpusStatsOptions, CorpusStatsReader } from "./stats/corpus-stats.js";
export { formatCorpusStats } from "./stats/format-corpus-stats.js";
export { IP_CLASSES, ipClass } from "./stats/ip-class.js";
export type { IpClass } from "./stats/ip-class.js";
export { STATS_SECTIONS } from "./stats/stats-sections.js";
export type { StatsSectionName, StatsSectionResults } from "./stats/stats-sections.js";

// ── Errors ──────────────────────────────────────────────────────────────────
export { GeneratorError, GeneratorErrorCode } from "./generator-error.js";
