import { flat } from "../internal/flat.js";
import { Prng } from "../internal/prng.js";
import { STREAM } from "../internal/streams.js";
import { lineageMint } from "./lineage-mint.js";
import type { ProjectPlan } from "./project-plan.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How a pipeline run's training job ends (decided by the plan, so consumers know it). */
export type RunOutcome = "succeeded" | "failed" | "node-failure";

/**
 * One scheduled run of a project's pipeline: publish the next dataset version, train on it,
 * and (when the job succeeds) register the output as a model version and roll it out to the
 * project's service. Every field follows from the project and the run number, so a session
 * days later computes the same ids and paths as the session that ran it.
 */
export interface PipelineRun {
  readonly project: ProjectPlan;
  readonly k: number;
  /** Dataset version: publish time, id, name (`V001`…) and OBS path (the job's `data_url`). */
  readonly publishAt: number;
  readonly versionId: string;
  readonly versionName: string;
  readonly dataUrl: string;
  /** Training job: create time, end time, ids (V1 numeric and V2 UUID), name, output path. */
  readonly createAt: number;
  readonly endAt: number;
  readonly jobId: string;
  readonly jobUuid: string;
  readonly jobVersionId: string;
  readonly jobName: string;
  readonly trainUrl: string;
  readonly outcome: RunOutcome;
  /** Model registered from the output (when the job succeeded): time, id, version. */
  readonly registerAt: number;
  readonly modelId: string;
  readonly modelName: string;
  readonly modelVersion: string;
  /** Whether the run rolls the model out to the project's service. */
  readonly deploy: boolean;
}

/** Oldest pipeline output a later session registers a model from (see {@link latestOutput}). */
export const OUTPUT_LOOKBACK = 11 * 24 * HOUR;

/** The run of a project with number `k`, or `null` before the project's first run. */
export function pipelineRun(project: ProjectPlan, k: number): PipelineRun | null {
  if (k < project.firstRun) return null;
  const { seed, tenant, index } = project;
  const rng = Prng.derive(seed, STREAM.lineage, tenant, index, k);
  const mint = lineageMint({ seed, tenant, project: index, slot: k });
  const publishAt = project.phase + k * project.period + rng.int(20 * MINUTE);
  const n = k - project.firstRun + 1;
  const versionName = `V${String(n).padStart(3, "0")}`;
  const createAt = publishAt + 3 * MINUTE + rng.int(10 * MINUTE);
  const endAt = createAt + Math.round(rng.logNormal(3 * HOUR, 0.6)) + 10 * MINUTE;
  const roll = rng.next();
  const outcome: RunOutcome = roll < 0.85 ? "succeeded" : roll < 0.96 ? "failed" : "node-failure";
  const jobName = flat(`train-${project.topic}-nightly-${n}`);
  return {
    project,
    k,
    publishAt,
    versionId: mint.alnum20(),
    versionName: flat(versionName),
    dataUrl: flat(`${project.dataset.args.workPath}annotation/${versionName}/`),
    createAt,
    endAt,
    jobId: mint.numeric(),
    jobUuid: mint.uuid(),
    jobVersionId: mint.numeric(),
    jobName,
    trainUrl: flat(`${project.root}output/${jobName}/`),
    outcome,
    registerAt: endAt + 2 * MINUTE + rng.int(15 * MINUTE),
    modelId: mint.uuid(),
    modelName: flat(`model-${project.topic}`),
    modelVersion: flat(`1.0.${n}`),
    deploy: rng.chance(0.6),
  };
}

/** Number of the latest run scheduled at or before `time` (it may not have happened). */
export function runIndexAt(project: ProjectPlan, time: number): number {
  return Math.floor((time - project.phase) / project.period);
}

/** The dataset version current at `time`: the latest published one, or `null` before any. */
export function currentVersion(project: ProjectPlan, time: number): PipelineRun | null {
  for (let k = runIndexAt(project, time); k >= project.firstRun; k--) {
    const run = pipelineRun(project, k);
    if (run !== null && run.publishAt <= time) return run;
    if (run === null) return null;
  }
  return null;
}

/**
 * The newest pipeline output registered as a model before `time` whose job was created at most
 * {@link OUTPUT_LOOKBACK} earlier, or `null` (the caller then trains its own job): a window that
 * starts `OUTPUT_LOOKBACK` before a model's registration also holds its job's creation.
 */
export function latestOutput(project: ProjectPlan, time: number): PipelineRun | null {
  for (let k = runIndexAt(project, time); k >= project.firstRun; k--) {
    const run = pipelineRun(project, k);
    if (run === null || time - run.createAt > OUTPUT_LOOKBACK) return null;
    if (run.outcome === "succeeded" && run.registerAt <= time) return run;
  }
  return null;
}
