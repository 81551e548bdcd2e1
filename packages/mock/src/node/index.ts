/** `@ctsim/mock/node`: the `node:http` server and file loaders (Node only). */

// ── HTTP server ─────────────────────────────────────────────────────────────
export { startCtsServer } from "./start-cts-server.js";
export type { CtsServer, CtsServerOptions } from "./start-cts-server.js";
export type { SiteHandler, SiteRequest, SiteResponse, SiteVerdict } from "./site-handler.js";

// ── Ready-made service (`ctsim serve`) ──────────────────────────────────────
export { AUTH_MODES } from "../gateway/identity-gateway.js";
export type { AuthMode } from "../gateway/identity-gateway.js";
export { startMockService } from "./start-mock-service.js";
export type {
  LiveServiceOptions,
  MockService,
  MockServiceOptions,
} from "./start-mock-service.js";

// ── Credentials file (`ctsim serve --credentials`) ──────────────────────────
export { readCredentialsFile, writeCredentialsFile } from "./credentials-file.js";

// ── Trackers and notifications across restarts ─────────────────────────────
export { readStateFile } from "./state-file.js";
export { StateFileWriter } from "./state-file-writer.js";

// ── Key-event notification delivery (SMN signer, retrying HTTP queue) ───────
export { CTSIM_SMN_CERTIFICATE, CTSIM_SMN_PRIVATE_KEY } from "./notify/ctsim-smn-key.js";
export { createCoreNotifier } from "./notify/core-notifier.js";
export type { CoreNotifier, CoreNotifierOptions } from "./notify/core-notifier.js";
export { createDeliveryQueue } from "./notify/delivery-queue.js";
export type { DeliveryQueue, DeliveryQueueOptions } from "./notify/delivery-queue.js";
export type {
  DeliveryFailure,
  DeliveryLogEntry,
  DeliverySummary,
} from "./notify/delivery-report.js";
export { retryDelay } from "./notify/retry-delay.js";
export type { RetryPolicy } from "./notify/retry-delay.js";
export { createSmnSigner, verifySmnSignature } from "./notify/smn-signer.js";

// ── Loading traces ──────────────────────────────────────────────────────────
export { loadNdjsonFile } from "./load-ndjson-file.js";
export { loadGeneratedTracesInWorkers } from "./load-generated-traces-in-workers.js";
export type { WorkerLoadOptions } from "./load-generated-traces-in-workers.js";

// ── Store snapshots and their cache ─────────────────────────────────────────
export { loadStoreCached } from "./cached-store-load.js";
export type { CacheReport, CachedLoad, CachedLoadOptions } from "./cached-store-load.js";
export {
  DEFAULT_CACHE_MAX_BYTES,
  defaultCacheDir,
  defaultCacheMaxBytes,
} from "./cache-defaults.js";
export { SnapshotCache } from "./snapshot-cache.js";
export type {
  RoomMade,
  SnapshotCacheEntry,
  SnapshotCacheListing,
  SnapshotCacheOptions,
} from "./snapshot-cache.js";
export { formatByteSize, parseByteSize } from "./byte-size.js";
export { readSnapshotFile, writeSnapshotFile } from "./snapshot-file.js";
export type { SnapshotReadResult } from "./snapshot-file.js";
