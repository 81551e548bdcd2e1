import { projectsOf } from "../lineage/project-plan.js";
import { asyncResult } from "./async-result.js";
import { FLAVORS, resourceName } from "./names.js";
import { operatePool } from "./pool-operations.js";
import type { SessionBuilder } from "./session-builder.js";

/**
 * Resource pools and networks of the newer resource-management API (2023-11-16 revision only):
 * a network, a pool on it, scaling, then tear-down in order (pool before network).
 */
export function poolWorkflow(s: SessionBuilder): void {
  if (!s.has("CreatePoolV2")) {
    poolWorkflowToday(s);
    return;
  }
  const rng = s.rng;
  const networkName = `network-${s.ids.lower10()}`;
  const network = s.create("CreateNetworksV1", networkName, networkName, {
    cidr: `192.168.${rng.int(64) * 4}.0/22`,
  });
  if (network === null) return;
  s.wait(rng.logNormal(90_000, 0.5));
  if (rng.chance(0.3)) s.call("UpdateNetworksV1", network);
  s.think();
  const poolName = `pool-${s.ids.lower10()}`;
  const pool = s.create("CreatePoolV2", poolName, resourceName(rng, "pool"), {
    flavor: rng.pick(FLAVORS.pool),
    nodes: String(rng.pick([1, 2, 4])),
    network: network.id,
  });
  // Pool creation is asynchronous: the platform reports the pool running or abnormal.
  if (pool !== null) s.wait(rng.logNormal(10 * 60_000, 0.5));
  if (pool !== null && asyncResult(s, "CreatePoolV2", pool, { failRate: 0.06 }) !== "ok") {
    s.think();
    if (!s.call("DeletePoolV2", pool)) return;
  } else if (pool !== null) {
    for (let step = rng.int(3); step > 0 && s.open; step--) {
      s.wait(rng.logNormal(45 * 60_000, 1));
      s.call("UpdatePoolV2", pool, { args: { nodes: String(rng.pick([1, 2, 4, 8])) } });
    }
    if (rng.chance(0.4)) {
      s.think();
      if (!s.call("DeletePoolV2", pool)) return;
    } else return;
  }
  s.think();
  s.call("DeleteNetworksV1", network);
}

/**
 * Resource pools as today's revision records them (2026-09-20; its pages list no pool deletion):
 * most sessions are an operator looking after one of the tenant's project pools
 * ({@link operatePool}); some create a network and a pool on it, whose creation the platform
 * reports, then look at the pool list and monitoring pages and tag it.
 */
function poolWorkflowToday(s: SessionBuilder): void {
  const rng = s.rng;
  const pools = String(projectsOf({ seed: s.seed, tenant: s.tenant }).length);
  s.call("ListPools", null, { args: { count: pools } });
  s.think();
  if (rng.chance(0.7)) {
    operatePool(s);
    return;
  }
  if (rng.chance(0.5)) {
    s.call("ListNetworks", null, { args: { network: `network-${s.ids.lower10()}` } });
    s.think();
  }
  const networkName = `network-${s.ids.lower10()}`;
  const network = s.create("CreateNetwork", networkName, networkName, {
    cidr: `192.168.${rng.int(64) * 4}.0/22`,
  });
  if (network === null) return;
  s.wait(rng.logNormal(90_000, 0.5));
  const poolName = `pool-${s.ids.lower10()}`;
  const pool = s.create("CreatePool", poolName, resourceName(rng, "pool"), {
    flavor: rng.pick(FLAVORS.pool),
    nodes: String(rng.pick([1, 2, 4])),
    network: network.id,
  });
  if (pool === null) return;
  s.wait(rng.logNormal(10 * 60_000, 0.5));
  if (asyncResult(s, "CreatePool", pool, { failRate: 0.06 }) !== "ok") return;
  for (let step = rng.int(4); step > 0 && s.open; step--) {
    s.think(2);
    const roll = rng.next();
    if (roll < 0.4) s.call("ShowPoolMonitor", pool, { args: { util: String(rng.int(100)) } });
    else if (roll < 0.7) s.call("ListPools", null, { args: { count: String(Number(pools) + 1) } });
    else s.call("BatchCreatePoolTags", pool, { args: { tagKey: "team", tagValue: "ml" } });
  }
}
