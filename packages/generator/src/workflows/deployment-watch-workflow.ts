import { pipelineRun, runIndexAt } from "../lineage/pipeline-run.js";
import { type ProjectPlan, pickProject, projectsOf } from "../lineage/project-plan.js";
import { inspectPods } from "./inspect-pods.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/** How far back a session looks for the production deployment's versions (pipeline runs). */
const LOOKBACK_RUNS = 12;

/**
 * An operator (or a monitoring bot) looks after a project's production deployment (revision
 * 2026-09-20): details, instances and pods (deleting a stuck pod or instance), the autoscaling
 * policy and its events, the versions (rarely rolling back to the previous one). The
 * deployment predates the window, so nothing here creates or deletes it; whether it has an
 * HPA policy derives from its id, its versions from the pipeline runs that rolled out a model.
 */
export function deploymentWatchWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  const project = pickProject(projectsOf({ seed: s.seed, tenant: s.tenant }), rng.next());
  const deployment = project.service;
  const console = s.mode === "console";
  if (console) {
    s.call("ListDeployment", null, { args: { count: String(1 + rng.int(8)) } });
    s.think();
  }
  s.call("GetDeployment", deployment, { args: { status: "running" } });
  // Most production deployments scale automatically (our assumption: three in four).
  const hasHpa = deployment.id.charCodeAt(0) % 4 !== 0;
  for (let step = 1 + rng.int(console ? 4 : 2); step > 0 && s.open; step--) {
    s.think();
    const roll = rng.next();
    if (roll < 0.4) inspectPods(s, deployment, { failing: rng.chance(0.2) });
    else if (roll < 0.65 && hasHpa) {
      const up = rng.chance(0.6);
      s.call(rng.chance(0.5) ? "GetHpaV2" : "ListHpaEventV2", deployment, {
        args: {
          ...standingPolicy(deployment),
          count: String(1 + rng.int(12)),
          scaleType: up ? "ScaleUp" : "ScaleDown",
          from: up ? "2" : "3",
          to: up ? "3" : "2",
        },
      });
    } else if (roll < 0.85 && console) versions(s, project, deployment);
    else s.call("GetDeployment", deployment, { args: { status: "running" } });
  }
}

/**
 * The versions page of the production deployment: each pipeline run that rolled a model out
 * made a version, numbered by the run (our assumption). The operator looks at the current or
 * the previous one and rarely switches back to the previous one (a rollback; the next rollout
 * moves forward again), or deletes the one before (clean-up; later sessions only read the two
 * newest, so a deleted version is never read again).
 */
function versions(s: SessionBuilder, project: ProjectPlan, deployment: Resource): void {
  const rng = s.rng;
  const [current, previous, older] = rolledOut(project, s.time);
  if (current === undefined) return;
  s.call("ListDeploymentVersion", deployment, {
    args: { count: String(current), current: String(current) },
  });
  if (!rng.chance(0.5)) return;
  s.think(0.5);
  const back = previous !== undefined && rng.chance(0.3);
  const args = { version: String(back ? previous : current), versionStatus: "ready" };
  s.call("GetDeploymentVersion", deployment, { args });
  if (back && rng.chance(0.15)) {
    s.think();
    s.call("SwitchDeploymentVersion", deployment, { args });
  } else if (older !== undefined && rng.chance(0.1)) {
    s.think();
    s.call("DeleteDeploymentVersion", deployment, {
      args: { version: String(older), versionStatus: "ready" },
    });
  }
}

/** Version numbers (run numbers) of the last three rollouts before `time`, newest first. */
function rolledOut(project: ProjectPlan, time: number): number[] {
  const found: number[] = [];
  const last = runIndexAt(project, time);
  for (let k = last; k > last - LOOKBACK_RUNS && found.length < 3; k--) {
    const run = pipelineRun(project, k);
    if (run === null) break;
    if (run.deploy && run.outcome === "succeeded" && run.registerAt < time)
      found.push(k - project.firstRun + 1);
  }
  return found;
}

/** The HPA policy of a project's production deployment (fixed per deployment). */
function standingPolicy(deployment: Resource): Record<string, string> {
  const max = 4 + (deployment.id.charCodeAt(1) % 5);
  return { minReplicas: "2", maxReplicas: String(max), metric: "cpu", target: "70" };
}
