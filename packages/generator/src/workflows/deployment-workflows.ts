import { pickProject, projectsOf } from "../lineage/project-plan.js";
import { asyncResult } from "./async-result.js";
import { autoscale, type HpaPolicy } from "./autoscale.js";
import { inspectPods } from "./inspect-pods.js";
import { alnum20, DESCRIPTIONS, FLAVORS, resourceName } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

const MINUTE = 60_000;

/** A version of a deployment: its number and whether its rollout completed. */
interface Version {
  readonly number: number;
  readonly ready: boolean;
}

/** An inference 2.0 API key of the session and whether it is bound to the deployment. */
interface ApiKey {
  readonly key: Resource;
  bound: boolean;
}

/**
 * An inference 2.0 deployment of a registered model (revision 2026-09-20): list, create (the
 * platform reports it running or failed; a hanging rollout is sometimes interrupted), then a
 * few steps among scaling, new versions (each update makes one), version rollback and clean-up,
 * start/stop, an HPA policy, pod inspection and API keys; sometimes everything is torn down.
 */
export function deploymentWorkflow(s: SessionBuilder, model: Resource): void {
  const rng = s.rng;
  if (rng.chance(0.7)) {
    s.call("ListDeployment", null, { args: { count: String(1 + rng.int(8)) } });
    s.think();
  }
  const project = pickProject(projectsOf({ seed: s.seed, tenant: s.tenant }), rng.next());
  const deployment = s.create("CreateDeployment", s.ids.uuid(), resourceName(rng, "svc"), {
    modelId: model.id,
    flavor: rng.pick(FLAVORS.service),
    instances: String(rng.pick([1, 1, 2, 3])),
    resourceId: alnum20(rng),
    description: rng.pick(DESCRIPTIONS),
    poolId: project.pool.id,
  });
  if (deployment === null) {
    if (rng.chance(0.3)) s.call("deleteModel", model);
    return;
  }
  s.wait(rng.logNormal(4 * MINUTE, 0.5));
  // A rollout stuck on pulling the image or scheduling: the user looks and interrupts it before
  // the platform reports (we assume no result trace follows an interrupted rollout).
  if (rng.chance(0.05)) {
    s.call("GetDeployment", deployment, { args: { status: "deploying" } });
    s.think();
    if (s.call("InterruptDeployment", deployment)) {
      s.think();
      if (rng.chance(0.7)) s.call("DeleteDeployment", deployment);
      return;
    }
  }
  if (asyncResult(s, "CreateDeployment", deployment, { failRate: 0.08 }) !== "ok") {
    s.think();
    if (rng.chance(0.6)) {
      s.call("GetDeployment", deployment, { args: { status: "failed" } });
      inspectPods(s, deployment, { failing: true });
    }
    if (rng.chance(0.6) && s.call("DeleteDeployment", deployment) && rng.chance(0.3))
      s.call("deleteModel", model);
    return;
  }
  if (rng.chance(0.6)) {
    s.think();
    s.call("GetDeployment", deployment, { args: { status: "running" } });
  }
  const life = new DeploymentLife(s, deployment);
  for (let step = rng.int(7); step > 0 && s.open; step--) {
    s.wait(rng.logNormal(8 * MINUTE, 1.2));
    life.step(rng.next());
  }
  if (rng.chance(0.3)) {
    s.think();
    life.tearDown();
    if (s.call("DeleteDeployment", deployment)) {
      s.think();
      if (rng.chance(0.6)) s.call("deleteModel", model);
    }
  }
}

/** What one session does with a running deployment; versions, HPA and keys carry through. */
class DeploymentLife {
  private running = true;
  /** Versions that exist (version 1 came with the deployment). */
  private readonly versions: Version[] = [{ number: 1, ready: true }];
  /** Version numbers are never reused, even after a delete. */
  private latest = 1;
  private current = 1;
  private hpa: HpaPolicy | null = null;
  private readonly keys: ApiKey[] = [];

  constructor(
    private readonly s: SessionBuilder,
    private readonly deployment: Resource,
  ) {}

  /** One step, picked by `roll` in [0, 1). */
  step(roll: number): void {
    const s = this.s;
    if (roll < 0.1) {
      s.call("ScaleDeployment", this.deployment, {
        args: { instances: String(s.rng.pick([1, 2, 4])) },
      });
    } else if (roll < 0.28) this.newVersion();
    else if (roll < 0.43) this.manageVersions();
    else if (roll < 0.52) this.startStop();
    else if (roll < 0.65) this.hpa = autoscale(s, this.deployment, this.hpa);
    else if (roll < 0.76) inspectPods(s, this.deployment, { failing: s.rng.chance(0.25) });
    else if (roll < 0.89) this.addKey();
    else this.keyHousekeeping();
  }

  /** Removes the HPA policy (half the time) and unbinds and deletes the session's keys. */
  tearDown(): void {
    if (this.hpa !== null && this.s.rng.chance(0.5)) this.s.call("DeleteHpa", this.deployment);
    for (const entry of this.keys) {
      if (entry.bound) this.s.call("UnbindApiKeyV2", entry.key, { failRate: 0 });
      this.s.call("DeleteApiKeyV2", entry.key, { failRate: 0 });
    }
  }

  /**
   * An update (new model configuration) rolls out as a new version, which serves once ready; a
   * rollout that hangs is sometimes interrupted and leaves the previous version serving.
   */
  private newVersion(): void {
    const s = this.s;
    const rng = s.rng;
    const ok = s.call("UpdateDeployment", this.deployment, {
      args: {
        flavor: rng.pick(FLAVORS.service),
        instances: String(rng.pick([1, 2, 4])),
        description: rng.pick(DESCRIPTIONS),
      },
    });
    if (!ok) return;
    this.latest++;
    s.wait(rng.logNormal(3 * MINUTE, 0.5));
    const interrupted = rng.chance(0.08) && s.call("InterruptDeployment", this.deployment);
    this.versions.push({ number: this.latest, ready: !interrupted });
    if (!interrupted) this.current = this.latest;
  }

  /**
   * The versions page: list, look at one, then roll back (or forward) to a ready version, or
   * delete an old one that no longer serves.
   */
  private manageVersions(): void {
    const s = this.s;
    const rng = s.rng;
    s.call("ListDeploymentVersion", this.deployment, {
      args: { count: String(this.versions.length), current: String(this.current) },
    });
    const others = this.versions.filter((v) => v.number !== this.current);
    if (others.length === 0) {
      if (rng.chance(0.4)) {
        s.think(0.5);
        s.call("GetDeploymentVersion", this.deployment, {
          args: { version: String(this.current), versionStatus: "ready" },
        });
      }
      return;
    }
    const target = others[rng.int(others.length)] as Version;
    const args = {
      version: String(target.number),
      versionStatus: target.ready ? "ready" : "interrupted",
    };
    s.think();
    if (rng.chance(0.6)) s.call("GetDeploymentVersion", this.deployment, { args });
    if (target.ready && this.running && rng.chance(0.5)) {
      s.think();
      // Switching needs a running deployment (API reference).
      if (s.call("SwitchDeploymentVersion", this.deployment, { args }))
        this.current = target.number;
    } else if (rng.chance(0.6)) {
      s.think();
      if (s.call("DeleteDeploymentVersion", this.deployment, { args }))
        this.versions.splice(this.versions.indexOf(target), 1);
    }
  }

  private startStop(): void {
    const status = this.running ? "stopped" : "running";
    const name = this.running ? "StopDeployment" : "StartDeployment";
    if (this.s.call(name, this.deployment, { args: { status } })) this.running = !this.running;
  }

  private addKey(): void {
    const s = this.s;
    const key = s.create("CreateApiKeyV2", s.ids.lower20(), `app-${this.deployment.name}`, {
      appKey: alnum20(s.rng),
      serviceId: this.deployment.id,
    });
    if (key === null) return;
    const entry: ApiKey = { key, bound: false };
    this.keys.push(entry);
    entry.bound = s.call("BindApiKeyV2", key);
  }

  /** The key list: unbind a key from the deployment, and often delete it. */
  private keyHousekeeping(): void {
    const s = this.s;
    const rng = s.rng;
    s.call("ListApiKeyV2", null, { args: { count: String(this.keys.length + rng.int(4)) } });
    if (this.keys.length === 0) return;
    const index = rng.int(this.keys.length);
    const entry = this.keys[index] as ApiKey;
    s.think();
    if (entry.bound) {
      if (!s.call("UnbindApiKeyV2", entry.key)) return;
      entry.bound = false;
      if (rng.chance(0.5)) return;
      s.think();
    }
    if (s.call("DeleteApiKeyV2", entry.key)) this.keys.splice(index, 1);
  }
}
