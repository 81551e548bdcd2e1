/** `@ctsim/mock/node`: the `node:http` server and file loaders (Node only). */

// ── Loading traces ──────────────────────────────────────────────────────────
export { loadNdjsonFile } from "./load-ndjson-file.js";
export type { CtsServer, CtsServerOptions } from "./start-cts-server.js";
// ── HTTP server ─────────────────────────────────────────────────────────────
export { startCtsServer } from "./start-cts-server.js";
