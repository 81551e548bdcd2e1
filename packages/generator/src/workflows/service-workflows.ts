import { latestOutput } from "../lineage/pipeline-run.js";
import { pickProject, projectsOf } from "../lineage/project-plan.js";
import { inBody } from "../operations/failures.js";
import { asyncResult } from "./async-result.js";
import { deploymentWorkflow } from "./deployment-workflows.js";
import { alnum20, DESCRIPTIONS, FLAVORS, resourceName } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";
import { trainingWorkflow } from "./training-workflows.js";

const MINUTE = 60_000;
/** A pool whose creation failed, as its result trace reports it (200, error in the body). */
const CLUSTER_FAILED = inBody(
  '{"status":{"phase":"Failed"},"error_code":"ModelArts.6301","error_msg":"Insufficient resources in the availability zone."}',
  "ModelArts.6301",
);

/**
 * The output path of a training job to register a model from: the newest output of a project's
 * pipeline (at most `OUTPUT_LOOKBACK` old), or else the output of a job this session trains
 * first (train, wait for its end, register); `null` when that job did not complete.
 */
export function modelSource(s: SessionBuilder): string | null {
  const project = pickProject(projectsOf({ seed: s.seed, tenant: s.tenant }), s.rng.next());
  const run = latestOutput(project, s.time);
  if (run !== null) return run.trainUrl;
  return trainingWorkflow(s);
}

/**
 * Registers a model (AI application) from a training job's output path (`source_location`),
 * optionally converting it; returns it or `null`.
 */
export function registerModel(s: SessionBuilder, source: string): Resource | null {
  const rng = s.rng;
  const bucket = `${s.tenant.domainName}-ml`;
  const name = resourceName(rng, "model");
  s.think();
  const model = s.create("addModel", s.ids.uuid(), name, {
    version: `0.0.${1 + rng.int(9)}`,
    trainUrl: source,
    modelType: rng.pick(["TensorFlow", "PyTorch", "MindSpore", "Custom"]),
    runtime: rng.pick(["python3.7", "python3.9", "mindspore_2.2.0-cann_7.0.1"]),
    description: rng.pick(DESCRIPTIONS),
  });
  if (model === null) return null;
  if (rng.chance(0.3)) {
    s.think();
    s.call("updateModel", model, { args: { description: rng.pick(DESCRIPTIONS) } });
  }
  if (rng.chance(0.2)) {
    s.think();
    const convert = s.create("addConvert", s.ids.uuid(), resourceName(rng, "convert"), {
      modelName: model.name,
      framework: rng.pick(["tflite", "om", "onnx"]),
      trainUrl: model.args.trainUrl ?? "",
      outputPath: `/${bucket}/converted/${model.name}/`,
      now: String(s.time),
    });
    if (convert !== null) {
      s.wait(rng.logNormal(5 * MINUTE, 0.6));
      if (rng.chance(0.4))
        s.call("updateConvert", convert, { args: { description: rng.pick(DESCRIPTIONS) } });
      if (rng.chance(0.5)) s.call("deleteConvert", convert);
    }
  }
  return model;
}

/**
 * Model to service: register a model, deploy it, update/scale, start/stop, manage access keys
 * for app authentication, and sometimes tear everything down. Where the revision records
 * inference 2.0, most new services are deployments (see {@link deploymentWorkflow}); the rest
 * are v1 real-time services, and there some are edge services whose instance on one edge node
 * is started or stopped (`startOrStopNodesService`).
 */
export function serviceWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  const source = modelSource(s);
  if (source === null) return;
  const model = registerModel(s, source);
  if (model === null) return;
  s.think();
  if (s.has("CreateDeployment") && rng.chance(0.75)) {
    deploymentWorkflow(s, model);
    return;
  }
  const flavor = rng.pick(FLAVORS.service);
  const project = pickProject(projectsOf({ seed: s.seed, tenant: s.tenant }), rng.next());
  // Edge services run on the tenant's IEF edge nodes (revision 2026-09-20 records their switch).
  const edgeNodes = s.has("startOrStopNodesService") && rng.chance(0.3) ? 1 + rng.int(3) : 0;
  const service = s.create("addService", s.ids.uuid(), resourceName(rng, "svc"), {
    modelId: model.id,
    flavor,
    instances: String(rng.pick([1, 1, 2, 3])),
    resourceId: alnum20(rng),
    description: rng.pick(DESCRIPTIONS),
    poolId: project.pool.id,
    inferType: edgeNodes > 0 ? "edge" : "real-time",
  });
  if (service === null) {
    if (rng.chance(0.3)) s.call("deleteModel", model);
    return;
  }
  // Deployment is asynchronous: the platform reports the service running or failed.
  s.wait(rng.logNormal(4 * MINUTE, 0.5));
  if (asyncResult(s, "addService", service, { failRate: 0.08 }) !== "ok") {
    s.think();
    if (rng.chance(0.6) && s.call("deleteService", service) && rng.chance(0.3))
      s.call("deleteModel", model);
    return;
  }
  let running = true;
  /** Whether the service's instance on each edge node runs. */
  const nodes: boolean[] = Array.from({ length: edgeNodes }, () => true);
  const keys: Resource[] = [];
  for (let step = rng.int(6); step > 0 && s.open; step--) {
    s.wait(rng.logNormal(8 * MINUTE, 1.2));
    const roll = rng.next();
    if (roll < 0.3) {
      const args = {
        instances: String(rng.pick([1, 2, 4])),
        description: rng.pick(DESCRIPTIONS),
      };
      s.call("updateService", service, { args });
    } else if (roll < 0.55) {
      if (nodes.length > 0 && running && rng.chance(0.7)) {
        // One edge site goes down for maintenance or comes back.
        const node = rng.int(nodes.length);
        const status = nodes[node] === true ? "stopped" : "running";
        if (s.call("startOrStopNodesService", service, { args: { status } }))
          nodes[node] = status === "running";
        continue;
      }
      const status = running ? "stopped" : "running";
      if (s.call("startOrStopService", service, { args: { status } })) running = !running;
    } else if (roll < 0.8) {
      const key = s.create("addAkSk", s.ids.lower20(), `app-${service.name}`, {
        appKey: alnum20(rng),
        serviceId: service.id,
      });
      if (key !== null) keys.push(key);
    } else if (keys.length > 0) {
      const key = keys.splice(rng.int(keys.length), 1)[0] as Resource;
      if (!s.call("deleteAkSk", key)) keys.push(key);
    }
  }
  if (rng.chance(0.3)) {
    s.think();
    for (const key of keys) s.call("deleteAkSk", key, { failRate: 0 });
    if (s.call("deleteService", service)) {
      s.think();
      if (rng.chance(0.6)) s.call("deleteModel", model);
    }
  }
}

/**
 * Dedicated resource pool: create (asynchronous: the result trace follows minutes later as a
 * system action), add/remove nodes once running, and sometimes delete the pool.
 */
export function clusterWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  const flavor = rng.pick(FLAVORS.pool);
  const cluster = s.create("createCluster", s.ids.uuid(), resourceName(rng, "pool"), {
    flavor,
    nodes: String(rng.pick([1, 2, 4, 8])),
    network: `network-${s.ids.lower10()}`,
    phase: "Running",
  });
  if (cluster === null) return;
  s.wait(rng.logNormal(12 * MINUTE, 0.5));
  // The result trace reports the pool's phase; a failed creation is a 200 whose body says so.
  const failed = rng.chance(0.08);
  s.system("createClusterResult", cluster, {
    outcome: failed ? CLUSTER_FAILED : { rating: "normal" },
    withResponse: true,
  });
  if (failed) {
    s.think();
    if (rng.chance(0.7)) s.call("deleteCluster", cluster);
    return;
  }
  const nodes: Resource[] = [];
  for (let step = rng.int(4); step > 0 && s.open; step--) {
    s.wait(rng.logNormal(30 * MINUTE, 1));
    if (nodes.length === 0 || rng.chance(0.6)) {
      const id = `node-${s.ids.lower10()}`;
      const node: Resource = {
        id,
        name: id,
        ep: cluster.ep,
        args: { ...cluster.args, id, name: id },
      };
      if (s.call("addClusterNode", node)) nodes.push(node);
    } else {
      const node = nodes.splice(rng.int(nodes.length), 1)[0] as Resource;
      if (!s.call("deleteClusterNode", node)) nodes.push(node);
    }
  }
  if (rng.chance(0.25)) {
    s.think();
    for (const node of nodes) s.call("deleteClusterNode", node, { failRate: 0 });
    s.call("deleteCluster", cluster);
  }
}
