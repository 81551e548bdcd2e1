import { asyncResult } from "./async-result.js";
import { resourceName, uuidId } from "./names.js";
import type { SessionBuilder } from "./session-builder.js";

const MINUTE = 60_000;

/**
 * A Lite Server (bare-metal AI server, revision 2026-09-20): list, create (the platform reports
 * when it is up), look at it, stop and start it, sometimes delete it. Runs only where the
 * revision records Lite Server operations.
 */
export function liteServerWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  s.call("listServer", null);
  s.think();
  const server = s.create("createServer", s.ids.uuid(), resourceName(rng, "server"), {
    flavor: rng.pick(["ma.snt9b.8xlarge", "ma.snt9b3.48xlarge", "ma.gpu.a100.8"]),
    imageId: uuidId(rng),
  });
  if (server === null) return;
  s.wait(rng.logNormal(15 * MINUTE, 0.5));
  if (asyncResult(s, "createServer", server, { failRate: 0.05 }) !== "ok") return;
  let running = true;
  for (let step = rng.int(4); step > 0 && s.open; step--) {
    s.think(3);
    const roll = rng.next();
    if (roll < 0.4) s.call("getServer", server);
    else if (running) running = !s.call("stopServer", server);
    else running = s.call("startServer", server);
  }
  if (rng.chance(0.2)) {
    s.think();
    if (running) s.call("stopServer", server);
    s.call("deleteServer", server);
  }
}
