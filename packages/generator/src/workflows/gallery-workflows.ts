import { asyncResult } from "./async-result.js";
import { alnum20, DESCRIPTIONS, FLAVORS, resourceName } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/**
 * AI Gallery: publish an asset and its versions, edit it, and the social actions of other
 * users on assets (subscribe, like/unlike, unfavourite), activities, profile updates.
 */
export function galleryWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  const bucket = `${s.tenant.domainName}-ml`;
  if (rng.chance(0.1)) {
    s.call("update_user", null, { args: { nickname: s.who.name.split(/[.@]/)[0] ?? "user" } });
    s.think();
  }
  let asset: Resource | null = null;
  if (rng.chance(0.5)) {
    asset = s.create("create_content", s.ids.uuid(), resourceName(rng, "asset"), {
      contentType: rng.pick(["model", "dataset", "notebook", "algorithm"]),
      description: rng.pick(DESCRIPTIONS),
      version: "1.0.0",
      trainUrl: `/${bucket}/gallery/`,
    });
  } else {
    // Someone else's asset: its creation happened outside this account's audit trail.
    const id = s.ids.uuid();
    const name = resourceName(rng, "asset");
    asset = { id, name, ep: "0", args: { id, name, version: "1.0.0" } };
  }
  if (asset === null) return;
  for (let step = 1 + rng.int(5); step > 0 && s.open; step--) {
    s.think();
    const roll = rng.next();
    if (roll < 0.2)
      s.call("modify_content", asset, { args: { description: rng.pick(DESCRIPTIONS) } });
    else if (roll < 0.35) {
      const id = s.ids.uuid();
      const version = `1.${1 + rng.int(9)}.0`;
      s.call("add_version", {
        id,
        name: asset.name,
        ep: asset.ep,
        args: { ...asset.args, id, version },
      });
    } else if (roll < 0.55)
      s.call("subscription_content", asset, { args: { subscriptionId: alnum20(rng) } });
    else if (roll < 0.75) {
      if (s.call("like_content", asset) && rng.chance(0.3)) {
        s.think();
        s.call("cancel_like_content", asset);
      }
    } else if (roll < 0.85) s.call("cancel_star_content", asset);
    else {
      const activity = s.create("publish_activity", s.ids.uuid(), resourceName(rng, "activity"), {
        now: String(s.time),
        flavor: rng.pick(FLAVORS.notebook),
      });
      if (activity !== null) {
        s.think();
        s.call("regist_activity", activity);
      }
    }
  }
}

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
 * Resource pools as today's revision records them (2026-09-20: creation, reads and tags; its
 * pages list no pool deletion): a network, a pool on it whose creation the platform reports,
 * then the pool list and monitoring pages and tags.
 */
function poolWorkflowToday(s: SessionBuilder): void {
  const rng = s.rng;
  s.call("ListPools", null);
  s.think();
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
    if (roll < 0.4) s.call("ShowPoolMonitor", pool);
    else if (roll < 0.7) s.call("ListPools", null);
    else s.call("BatchCreatePoolTags", pool);
  }
}
