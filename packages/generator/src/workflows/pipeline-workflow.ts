import type { PipelineRun } from "../lineage/pipeline-run.js";
import { asyncResult } from "./async-result.js";
import { FLAVORS } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/**
 * A scheduled run of a project's pipeline, as the project's CI bot drives it over the API: it
 * publishes the next dataset version, creates a training job on it (`data_url` = the version's
 * path, `code_dir` = the project's code), the platform reports the job's end (a result trace:
 * completed, failed, or stopped by a node failure as an incident), and a completed job's output
 * is registered as the next model version and, often, rolled out to the project's service.
 * Every id, path and outcome comes from the plan ({@link PipelineRun}), so later sessions that
 * use the run's dataset version or model agree with what this session recorded; the calls
 * therefore never fail at random.
 */
export function pipelineWorkflow(s: SessionBuilder, run: PipelineRun): void {
  const project = run.project;
  s.as(project.bot, "api");
  s.time = run.publishAt;
  s.call("publishDatasetVersion", project.dataset, {
    args: { versionName: run.versionName, versionId: run.versionId },
    failRate: 0,
  });
  s.time = run.createAt;
  // Today's revision records V2 training jobs (UUID ids); older ones the v1 API (numeric ids).
  const v2 = s.has("CreateJobV2");
  const create = v2 ? "CreateJobV2" : "createModelArtsTrainJob";
  const job = s.create(
    create,
    v2 ? run.jobUuid : run.jobId,
    run.jobName,
    {
      description: "nightly run",
      nodes: "1",
      flavor: project.flavor,
      codeDir: project.codeDir,
      bootFile: project.bootFile,
      dataUrl: run.dataUrl,
      trainUrl: run.trainUrl,
      engineId: project.engineId,
      now: String(run.createAt),
      versionId: run.jobVersionId,
      poolId: project.pool.id,
      topic: project.topic,
    },
    { failRate: 0 },
  );
  if (job === null) return;
  s.time = run.endAt;
  const end = run.outcome === "succeeded" ? "ok" : run.outcome;
  if (asyncResult(s, create, job, { end }) !== "ok") return;
  s.time = run.registerAt;
  const model = s.create(
    "addModel",
    run.modelId,
    run.modelName,
    {
      version: run.modelVersion,
      trainUrl: run.trainUrl,
      modelType: "PyTorch",
      runtime: "python3.9",
      description: "nightly run",
    },
    { failRate: 0 },
  );
  if (model === null || !run.deploy) return;
  s.think();
  rollOut(s, project.service, model);
}

/**
 * Points a service at a model version (a rolling update of its configuration): an inference 2.0
 * deployment update where the revision records them, else the v1 service update.
 */
export function rollOut(s: SessionBuilder, service: Resource, model: Resource): boolean {
  return s.call(s.has("UpdateDeployment") ? "UpdateDeployment" : "updateService", service, {
    args: {
      modelId: model.id,
      flavor: FLAVORS.service[1],
      instances: service.args.instances ?? "1",
      description: `roll out ${model.name} ${model.args.version ?? ""}`,
    },
  });
}
