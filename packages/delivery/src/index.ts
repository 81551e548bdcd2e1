// ── Digest files ────────────────────────────────────────────────────────────
export {
  DIGEST_HASH_ALGORITHM,
  DIGEST_META_SUFFIX,
  DIGEST_SIGNATURE_ALGORITHM,
  digestMetaPath,
  digestSigningString,
  encodeDigestFile,
} from "./digest/digest-file.js";
export type { DigestFile, DigestLogFile, DigestSignatureMeta } from "./digest/digest-file.js";
export { digestObjectKey } from "./digest/digest-object-key.js";
export type { DigestObjectKeyParts } from "./digest/digest-object-key.js";
export { DIGEST_PERIOD_MS, digestGridOffset, digestWindowEnd } from "./digest/digest-window.js";

// ── Transfer ────────────────────────────────────────────────────────────────
export { chainKeyOf } from "./transfer/delivered-trace.js";
export type {
  DeliveredDigest,
  DeliveredFile,
  DeliveredTrace,
  TraceRouteLike,
} from "./transfer/delivered-trace.js";
export { deliveredTraceOf } from "./transfer/delivered-trace-of.js";
export { TransferCadence } from "./transfer/transfer-cadence.js";
export type { TransferCadenceOptions } from "./transfer/transfer-cadence.js";
export { ctsStamp, parseCtsStamp } from "./internal/cts-stamp.js";

// ── Tamper scenarios and verification ───────────────────────────────────────
export {
  isTamperScenarioName,
  TAMPER_SCENARIO_NAMES,
  TAMPER_SCENARIOS,
} from "./tamper/tamper-scenarios.js";
export type { TamperLabel, TamperScenarioName } from "./tamper/tamper-scenarios.js";
export { VERIFY_REASONS } from "./verify/verify-report.js";
export type { VerifyFailure, VerifyReason, VerifyReport } from "./verify/verify-report.js";

// ── Errors ──────────────────────────────────────────────────────────────────
export { DeliveryError, DeliveryErrorCode } from "./delivery-error.js";
