/** `@ctsim/mock/node`: the `node:http` server and file loaders (Node only). */

export type { CtsServer, CtsServerOptions } from "./start-cts-server.js";
// ── HTTP server ─────────────────────────────────────────────────────────────
export { startCtsServer } from "./start-cts-server.js";
