import { currentVersion } from "../lineage/pipeline-run.js";
import { type ProjectPlan, pickProject, projectsOf } from "../lineage/project-plan.js";
import { asyncResult } from "./async-result.js";
import { DESCRIPTIONS, FLAVORS, resourceName, TOPICS } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";
import { createAlgorithm, createExperiment } from "./training-assets.js";
import { diagnoseJob, saveJobImage, tagJob } from "./training-job-tasks.js";

const MINUTE = 60_000;

/**
 * Training on one of the tenant's projects: an optional saved configuration, a training job
 * that reads the project's current dataset version (`data_url`) with the project's code
 * (`code_dir`, written from its notebooks), its versions (stopped, described, deleted), the
 * platform's result trace when the job ends, an optional visualization (TensorBoard) job, then
 * clean-up. Version ids are the resource of version traces, so deleting a version never ends
 * the job. Returns the job's output path when the job completed and still exists, else `null`
 * (the caller may register a model from it).
 */
export function trainingWorkflow(s: SessionBuilder): string | null {
  const rng = s.rng;
  const project = pickProject(projectsOf({ seed: s.seed, tenant: s.tenant }), rng.next());
  const version = currentVersion(project, s.time);
  const base = {
    description: rng.pick(DESCRIPTIONS),
    nodes: String(rng.pick([1, 1, 1, 2, 4, 8])),
    flavor: rng.pick(FLAVORS.training),
    codeDir: project.codeDir,
    bootFile: project.bootFile,
    dataUrl: version === null ? `${project.root}raw/` : version.dataUrl,
    engineId: String(rng.pick([122, 130, 141, 150])),
    now: String(s.time),
  };
  if (s.has("CreateJobV2")) return trainV2(s, project, base);
  let config: Resource | null = null;
  if (rng.chance(0.25)) {
    // A training configuration is named by its name: the name carries a unique suffix.
    const name = `cfg-${rng.pick(TOPICS)}-${s.ids.lower10()}`;
    config = s.create("createModelArtsTrainConfig", name, name, { ...base });
    s.think();
  }
  const jobName = `train-${project.topic}-${s.ids.lower10().slice(0, 4)}`;
  const firstVersion = s.ids.numeric();
  const job = s.create("createModelArtsTrainJob", s.ids.numeric(), jobName, {
    ...base,
    trainUrl: `${project.root}output/${jobName}/`,
    versionId: firstVersion,
  });
  if (job === null) return null;
  const versions: Resource[] = [
    { id: firstVersion, name: "V0001", ep: job.ep, args: { ...job.args } },
  ];
  for (let step = rng.int(5); step > 0 && s.open; step--) {
    s.wait(rng.logNormal(20 * MINUTE, 1));
    const roll = rng.next();
    const latest = versions[versions.length - 1];
    if (roll < 0.45) {
      const n = versions.length + 1;
      const id = s.ids.numeric();
      const name = `V${String(n).padStart(4, "0")}`;
      const version: Resource = {
        id,
        name,
        ep: job.ep,
        args: {
          ...job.args,
          id,
          name,
          jobId: job.id,
          preVersionId: latest?.id ?? job.id,
          nodes: String(rng.pick([1, 2, 4])),
        },
      };
      if (s.call("createModelArtsTrainVersion", version)) versions.push(version);
    } else if (roll < 0.65 && latest !== undefined) {
      s.call("stopModelArtsTrainVersion", latest);
    } else if (roll < 0.8) {
      s.call("updateModelArtsTrainDesc", job, { args: { description: rng.pick(DESCRIPTIONS) } });
    } else if (versions.length > 1) {
      const version = versions.splice(rng.int(versions.length - 1), 1)[0] as Resource;
      if (!s.call("deleteModelArtsTrainVersion", version)) versions.push(version);
    }
  }
  // The job (its latest version) runs to its end; the platform records the result.
  s.wait(rng.logNormal(90 * MINUTE, 0.7));
  const end = asyncResult(s, "createModelArtsTrainJob", job, {
    failRate: 0.12,
    nodeFailureRate: 0.03,
  });
  if (config !== null && rng.chance(0.5)) {
    s.think();
    s.call("updateModelArtsTrainConfig", config, { args: { nodes: String(rng.pick([1, 2, 4])) } });
  }
  if (rng.chance(0.4)) tensorboard(s, job);
  s.think();
  let deleted = false;
  if (rng.chance(end === "ok" ? 0.1 : 0.4)) {
    for (const version of versions.slice(1)) {
      if (!s.call("deleteModelArtsTrainVersion", version)) break;
      s.think(0.3);
    }
    deleted = s.call("deleteModelArtsTrainJob", job);
  }
  if (config !== null && rng.chance(0.3)) {
    s.think();
    s.call("deleteModelArtsTrainConfig", config);
  }
  return end === "ok" && !deleted ? (job.args.trainUrl ?? null) : null;
}

/**
 * Training with today's V2 API (revision 2026-09-20): sometimes inside a new experiment and with
 * a custom algorithm created first; the job reads the project's dataset version and code and
 * runs on the project's pool; it is tagged, described, stopped or its container saved as an
 * image while it runs; the platform reports its end; a failed job is often diagnosed, and
 * failed jobs are often deleted. Experiments and algorithms are rarely deleted in the same
 * session (a deleted job takes its experiment along more often).
 */
function trainV2(
  s: SessionBuilder,
  project: ProjectPlan,
  base: Record<string, string>,
): string | null {
  const rng = s.rng;
  const experiment =
    s.has("CreateExperiment") && rng.chance(0.15) ? createExperiment(s, project) : null;
  const algorithm =
    s.has("CreateAlgorithmV2") && rng.chance(0.2) ? createAlgorithm(s, project, base) : null;
  const jobName = `train-${project.topic}-${s.ids.lower10().slice(0, 4)}`;
  const job = s.create("CreateJobV2", s.ids.uuid(), jobName, {
    ...base,
    trainUrl: `${project.root}output/${jobName}/`,
    poolId: project.pool.id,
    topic: project.topic,
    ...(experiment === null ? {} : { experimentId: experiment.id }),
    ...(algorithm === null ? {} : { algorithmId: algorithm.id }),
  });
  const output = job === null ? null : runJobV2(s, job);
  const jobDeleted = job === null || output === DELETED;
  if (algorithm !== null && rng.chance(job === null ? 0.3 : 0.08)) {
    s.think();
    s.call("DeleteAlgorithmV2", algorithm);
  }
  if (experiment !== null && rng.chance(jobDeleted ? 0.4 : 0.05)) {
    s.think();
    s.call("DeleteExperiment", experiment);
  }
  return output === DELETED ? null : output;
}

/** {@link runJobV2}'s answer when the job was deleted. */
const DELETED = Symbol("deleted");

/** The life of a created V2 job: its output path when it completed, `DELETED`, or `null`. */
function runJobV2(s: SessionBuilder, job: Resource): string | null | typeof DELETED {
  const rng = s.rng;
  const tagKey = s.has("CreateJobTags") && rng.chance(0.2) ? tagJob(s, job) : null;
  let stopped = false;
  for (let step = rng.int(4); step > 0 && s.open && !stopped; step--) {
    s.wait(rng.logNormal(20 * MINUTE, 1));
    const roll = rng.next();
    if (roll < 0.6) s.call("UpdateJobV2", job, { args: { description: rng.pick(DESCRIPTIONS) } });
    else if (roll < 0.72 && s.has("CreateSaveImageTask")) saveJobImage(s, job);
    else stopped = s.call("StopJobV2", job);
  }
  if (stopped) {
    s.think();
    if (rng.chance(0.5) && s.call("DeleteJobV2", job)) return DELETED;
    return null;
  }
  s.wait(rng.logNormal(90 * MINUTE, 0.7));
  const end = asyncResult(s, "CreateJobV2", job, { failRate: 0.12, nodeFailureRate: 0.03 });
  s.think();
  if (end !== "ok" && s.has("CreateDiagnosisTask") && rng.chance(0.4)) {
    diagnoseJob(s, job, end === "node-failure");
    s.think();
  }
  if (tagKey !== null && rng.chance(0.25)) {
    s.call("DeleteJobTags", job, { args: { tagKey } });
    s.think(0.5);
  }
  if (rng.chance(end === "ok" ? 0.1 : 0.4)) {
    if (s.call("DeleteJobV2", job)) return DELETED;
  }
  return end === "ok" ? (job.args.trainUrl ?? null) : null;
}

function tensorboard(s: SessionBuilder, job: Resource): void {
  const rng = s.rng;
  s.think();
  const board = s.create(
    "createModelArtsTensorboardJob",
    s.ids.numeric(),
    resourceName(rng, "tb"),
    {
      ...job.args,
      description: rng.pick(DESCRIPTIONS),
    },
  );
  if (board === null) return;
  let running = true;
  for (let step = rng.int(4); step > 0 && s.open; step--) {
    s.wait(rng.logNormal(10 * MINUTE, 1));
    const roll = rng.next();
    if (roll < 0.35)
      s.call("updateModelArtsTensorboardDesc", board, {
        args: { description: rng.pick(DESCRIPTIONS) },
      });
    else if (running) running = !s.call("stopModelArtsTensorboardJob", board);
    else running = s.call("restartModelArtsgTensorboardJob", board);
  }
  if (rng.chance(0.6)) {
    s.think();
    s.call("deleteModelArtsTensorboardJob", board);
  }
}
