// ── Writing ─────────────────────────────────────────────────────────────────
export { createTransferWriter, PUBLIC_KEY_FILE } from "./transfer-writer.js";
export type { TransferStats, TransferWriter, TransferWriterOptions } from "./transfer-writer.js";
export { createDeliverySink } from "./delivery-sink.js";
export { createTrackerTransfer } from "./tracker-transfer.js";
export type {
  ArrivedTrace,
  TrackerTransfer,
  TrackerTransferOptions,
  TrackerTransferStats,
  TransferTracker,
} from "./tracker-transfer.js";
export { applyTamper } from "./apply-tamper.js";
export type { TamperInput } from "./apply-tamper.js";

// ── Keys and signatures ─────────────────────────────────────────────────────
export { seededRsaKey } from "./seeded-rsa-key.js";
export { signDigest } from "./digest-chains.js";

// ── Verifying ───────────────────────────────────────────────────────────────
export { verifyDelivery } from "./verify-delivery.js";
export type { VerifyDeliveryOptions } from "./verify-delivery.js";
