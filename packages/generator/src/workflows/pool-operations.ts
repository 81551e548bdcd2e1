import { mix32 } from "../internal/prng.js";
import { type ProjectPlan, pickProject, projectsOf } from "../lineage/project-plan.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

const MINUTE = 60_000;
const NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

/**
 * The name of node `index` of a pool, e.g. `os-node-created-vrvrq` (the service's shape): derived
 * from the pool id, so every session sees the same nodes of a pool without shared state.
 */
export function poolNodeName(poolId: string, index: number): string {
  let h = index + 1;
  for (let i = 0; i < poolId.length; i++) h = mix32(h ^ poolId.charCodeAt(i));
  let suffix = "";
  for (let i = 0; i < 5; i++) {
    h = mix32(h + i);
    suffix += NAME_CHARS[h % NAME_CHARS.length];
  }
  return `os-node-created-${suffix}`;
}

/**
 * An operator looks after one of the tenant's project pools (2026-09-20): its monitoring, nodes,
 * scaling policies, workloads and jobs (frequent reads), tags, node maintenance in batches
 * (reboot, bind to a logical sub-pool, migrate to another project's pool), NCCL tests of the
 * network before a large training, the pool's checkpoint warm-up tasks and elastic quota groups;
 * rarely buying capacity ahead (pre-orders) or federating pools (pool groups).
 */
export function operatePool(s: SessionBuilder): void {
  const rng = s.rng;
  const projects = projectsOf({ seed: s.seed, tenant: s.tenant });
  const project = pickProject(projects, rng.next());
  const pool: Resource = project.pool;
  const nodes = Number(pool.args.nodes ?? "4");
  const node = (): string => poolNodeName(pool.id, rng.int(nodes));
  s.call("ShowPoolMonitor", pool, { args: { util: String(rng.int(100)) } });
  for (let step = 1 + rng.int(5); step > 0 && s.open; step--) {
    s.think(2);
    const roll = rng.next();
    if (roll < 0.16) s.call("ListNodePoolNodes", pool, { args: { nodeName: node() } });
    else if (roll < 0.26) {
      const args = { workload: `job-${project.topic}`, workloadKind: "job" };
      s.call(rng.chance(0.5) ? "ListWorkloads" : "ListJobs", pool, { args });
    } else if (roll < 0.32) {
      s.call("ListNodePoolScaler", pool, {
        args: { nodePool: `${pool.name}-default`, maxNodes: String(nodes * 2) },
      });
    } else if (roll < 0.38)
      s.call("ShowPoolMonitor", pool, { args: { util: String(rng.int(100)) } });
    else if (roll < 0.45) tagStep(s, pool);
    else if (roll < 0.51) {
      if (rng.chance(0.5)) s.call("ShowPoolNodeConfigTemplate", pool, { args: { maxPods: "110" } });
      else
        s.call("ListPluginTemplates", pool, {
          args: { plugin: "gpu-beta", pluginVersion: "2.7.2" },
        });
    } else if (roll < 0.6) ncclTest(s, pool, node(), nodes);
    else if (roll < 0.69) warmUpTask(s, project);
    else if (roll < 0.77) nodeMaintenance(s, pool, projects, nodes);
    else if (roll < 0.84) elasticQuota(s, pool);
    else if (roll < 0.88) preOrder(s, pool);
    else if (roll < 0.9) {
      const other = projects.find((p) => p !== project) ?? project;
      s.create("CreatePoolGroup", s.ids.uuid(), `group-${project.topic}-${s.ids.lower10()}`, {
        poolId: pool.id,
        targetPool: other.pool.id,
      });
    } else if (rng.chance(0.5)) {
      s.call("ListNetworks", null, { args: { network: `network-${pool.id.slice(5)}` } });
    } else s.call("ListPools", null, { args: { count: String(projects.length) } });
  }
}

/** Lists the pool's tags, then adds one or (less often) removes one. */
function tagStep(s: SessionBuilder, pool: Resource): void {
  const rng = s.rng;
  const args = { tagKey: rng.pick(["team", "cost-center", "env"]), tagValue: "ml" };
  s.call("ListPoolTags", pool, { args });
  const roll = rng.next();
  if (roll < 0.45) {
    s.think();
    s.call("BatchCreatePoolTags", pool, { args });
  } else if (roll < 0.8) {
    s.think();
    s.call("BatchDeletePoolTags", pool, { args });
  }
}

/**
 * Runs an NCCL test across two nodes (the test job is the resource its creation names) and reads
 * the pool's test list (and sometimes a node's log).
 */
function ncclTest(s: SessionBuilder, pool: Resource, nodeName: string, nodes: number): void {
  const rng = s.rng;
  const id = `nccl-${s.ids.lower10()}`;
  const otherNode = poolNodeName(pool.id, nodes - 1);
  const job = s.create("CreateNcclTestJob", id, id, { poolId: pool.id, nodeName, otherNode });
  if (job === null) return;
  s.wait(rng.logNormal(8 * MINUTE, 0.5));
  const busbw = `${150 + rng.int(60)}.${rng.int(10)}GB/s`;
  s.call("ShowNcclTestJobLKList", pool, { args: { ncclJob: id, phase: "Completed", busbw } });
  if (rng.chance(0.5)) {
    s.think();
    s.call("ShowNcclTestLogs", pool, {
      args: { nodeName, ncclLog: `# Avg bus bandwidth    : ${busbw}` },
    });
  }
}

/**
 * Looks at the pool's checkpoint warm-up task of the project and sometimes edits it, or cleans
 * up a finished task of an earlier run. The project's task stands across sessions (its id is
 * derived from the pool), so it is never the one deleted: a later session would still show it.
 */
function warmUpTask(s: SessionBuilder, project: ProjectPlan): void {
  const rng = s.rng;
  const id = `warmup-${project.pool.id.slice(5)}`;
  const task: Resource = {
    id,
    name: id,
    ep: project.pool.ep,
    args: { id, name: id, taskId: id, trainUrl: `${project.root}output/ckpt/`, phase: "Running" },
  };
  s.call("ShowCkptWarmUpTask", task);
  const roll = rng.next();
  if (roll < 0.4) {
    s.think();
    s.call("PatchCkptWarmUpTask", task);
  } else if (roll < 0.6) {
    s.think();
    const staleId = `warmup-${s.ids.lower10()}`;
    const stale: Resource = {
      ...task,
      id: staleId,
      name: staleId,
      args: { ...task.args, id: staleId, name: staleId, taskId: staleId, phase: "Completed" },
    };
    s.call("ShowCkptWarmUpTask", stale);
    s.call("DeleteCkptWarmUpTask", stale);
  }
}

/** Nodes in batches: reboot a few, bind them to a logical sub-pool, or migrate one away. */
function nodeMaintenance(
  s: SessionBuilder,
  pool: Resource,
  projects: readonly ProjectPlan[],
  nodes: number,
): void {
  const rng = s.rng;
  const first = rng.int(nodes);
  const args = {
    nodeName: poolNodeName(pool.id, first),
    otherNode: poolNodeName(pool.id, (first + 1) % nodes),
  };
  s.call("ListNodePoolNodes", pool, { args });
  s.think();
  const roll = rng.next();
  if (roll < 0.5) s.call("BatchRebootPoolNodes", pool, { args });
  else if (roll < 0.75) {
    s.call("BatchBindPoolNodes", pool, { args: { ...args, subPool: `${pool.name}-sub` } });
  } else {
    const others = projects.filter((p) => p.pool !== pool);
    if (others.length === 0) return;
    const target = rng.pick(others);
    s.call("BatchMigratePoolNodes", pool, { args: { ...args, targetPool: target.pool.id } });
  }
}

/**
 * Creates an elastic quota group (a new one, or reads one made before the session) and reads it
 * back; sometimes removes it again.
 */
function elasticQuota(s: SessionBuilder, pool: Resource): void {
  const rng = s.rng;
  const team = rng.pick(["cv", "nlp", "speech", "research"]);
  const args = {
    poolId: pool.id,
    accelerator: pool.args.flavor?.includes("npu") ? "huawei.com/ascend-snt9b" : "nvidia.com/gpu",
    cards: String(rng.pick([4, 8, 16])),
  };
  let quota: Resource | null;
  if (rng.chance(0.5)) {
    quota = s.create(
      "CreatePoolElasticQuota",
      s.ids.uuid(),
      `quota-${team}-${s.ids.lower10()}`,
      args,
    );
    if (quota === null) return;
    s.think();
  } else {
    const id = s.ids.uuid();
    const name = `quota-${team}`;
    quota = { id, name, ep: pool.ep, args: { ...args, id, name } };
  }
  s.call("ShowPoolElasticQuota", quota);
  if (rng.chance(0.25)) {
    s.think();
    s.call("DeletePoolElasticQuota", quota);
  }
}

/** Looks at the capacity ordered ahead; sometimes orders more (rare admin). */
function preOrder(s: SessionBuilder, pool: Resource): void {
  const rng = s.rng;
  s.call("ListPreOrders", pool, { args: { orderId: s.ids.hex32(), phase: "Pending" } });
  if (rng.chance(0.4)) {
    s.think(2);
    const id = s.ids.hex32();
    s.create("CreatePreOrder", id, id, {
      poolId: pool.id,
      flavor: pool.args.flavor ?? "",
      nodes: String(rng.pick([2, 4, 8])),
    });
  }
}
