/** `@ctsim/mock/node`: the `node:http` server and file loaders (Node only). */

// ── Loading traces ──────────────────────────────────────────────────────────
export { loadNdjsonFile } from "./load-ndjson-file.js";
export type { CtsServer, CtsServerOptions } from "./start-cts-server.js";
// ── HTTP server ─────────────────────────────────────────────────────────────
export { startCtsServer } from "./start-cts-server.js";

// ── Ready-made service (`ctsim serve`) ──────────────────────────────────────
export type { AuthMode, MockService, MockServiceOptions } from "./start-mock-service.js";
export { AUTH_MODES, startMockService } from "./start-mock-service.js";
