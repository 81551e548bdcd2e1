/**
 * The server of `state-writes.ts`, in a process of its own: `startMockService` (one generated
 * day, no snapshot cache) with the state file given as the first argument, or none. Sends
 * `{ url, projectId }` once listening; stops when disconnected.
 */
import { startMockService } from "@ctsim/mock/node";

const stateFile = process.argv[2];
const service = await startMockService({
  port: 0,
  days: 1,
  cacheDir: false,
  ...(stateFile === undefined ? {} : { stateFile }),
});
process.send?.({ url: service.server.url, projectId: service.projectId });
process.on("disconnect", () => void service.close().then(() => process.exit(0)));
