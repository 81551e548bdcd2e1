/**
 * `startCtsServer` in a child process of its own, for memory tests: sends `{ port }` once
 * listening, then answers each message (`"measure"`, or `"gc"` to collect garbage first, which
 * needs `--expose-gc`) with `{ rss }` in bytes.
 */
import { startCtsServer } from "@ctsim/mock/node";

const server = await startCtsServer({ port: 0 });
process.send?.({ port: server.port });
process.on("message", (message) => {
  if (message === "gc") globalThis.gc?.();
  process.send?.({ rss: process.memoryUsage().rss });
});
process.on("disconnect", () => void server.close().then(() => process.exit(0)));
