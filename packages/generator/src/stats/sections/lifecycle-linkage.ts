import { BoundedCounts } from "../bounded-counts.js";
import { percent, type StatsSection, share } from "../stats-section.js";

/** How far the ML stages of the corpus are linked. */
export interface LifecycleLinkage {
  /** Successful dataset-version publications seen. */
  readonly publishedVersions: number;
  /** Successful training-job creations, and those reading a published dataset version. */
  readonly trainingJobs: number;
  readonly jobsReadingPublishedData: number;
  readonly jobsReadingPublishedDataShare: number;
  /** Successful model creations, and those whose source is an earlier training job. */
  readonly models: number;
  readonly modelsFromTraining: number;
  readonly modelsFromTrainingShare: number;
  /** Whether ids or paths were dropped at `maxTracked` (links to them then read as missing). */
  readonly capped: boolean;
}

const PUBLISH = /^(publish|create)_?dataset_?version/i;
const TRAINING_JOB = /^create_?(modelarts_?)?train(ing)?_?job|^create_?job_?v\d$/i;
const MODEL = /^(add|create|register|import)_?model(v\d)?$/i;
const OUTPUT_KEY = /train_url|output/i;
/** A dataset version's export path ends in `<dataset name>/annotation/<version name>/`. */
const VERSION_PATH = /[^/]+\/annotation\/[^/]+\//;
const PATH = /^(\/|obs:\/\/|s3:\/\/)/;
const ID_KEY = /(^|[._])id$/i;

/**
 * Lifecycle linkage, defined from trace fields only (bodies are CTS's `request`/`response`):
 *
 * - A dataset version is published by a successful `publishDatasetVersion`-like trace; its
 *   tokens are the trace's `resource_id`, the string values of its bodies under keys named `id`
 *   or `…_id` (the version id), every OBS path in them (matched as a prefix), and the version's
 *   export directory `<dataset name>/annotation/<version_name>/` (where ModelArts writes a
 *   version's manifest: ctsim's reading, the publish trace itself names no path).
 * - A training job (a successful `create…TrainJob`/`createTrainingJob`/`CreateJobV2` trace)
 *   reads a published version when a string value of its request equals a token, starts with a
 *   path token, or contains a version's export directory.
 * - Its tokens are its `resource_id`, `resource_name` and the paths under request keys whose
 *   path names `train_url` or an output (`config.train_url`, `algorithm.outputs…obs_url`):
 *   where the job writes its model.
 * - A model (a successful `addModel`/`createModel`-like trace) comes from training when a
 *   string value of its request equals a job token or starts with a job's output path.
 *
 * Only successful (`normal`) calls count; `SystemAction` result traces, which repeat an
 * asynchronous operation's name, are not creations. Publications and jobs must come earlier in
 * the input. Ids and paths are kept up to
 * `maxTracked` each.
 */
export const lifecycleLinkage: StatsSection<LifecycleLinkage> = {
  title: "Lifecycle linkage (dataset version → training job → model)",
  create(context) {
    const dataIds = new BoundedCounts(context.maxTracked);
    const dataPaths = new BoundedCounts(context.maxTracked);
    const versionPaths = new BoundedCounts(context.maxTracked);
    const jobIds = new BoundedCounts(context.maxTracked);
    const jobPaths = new BoundedCounts(context.maxTracked);
    let publishedVersions = 0;
    let trainingJobs = 0;
    let jobsReading = 0;
    let models = 0;
    let modelsFromTraining = 0;
    return {
      add(trace) {
        // A platform result trace repeats the operation's name: it creates nothing.
        if (trace.rating !== "normal" || trace.traceType === "SystemAction") return;
        const name = trace.traceName;
        if (PUBLISH.test(name)) {
          publishedVersions++;
          if (trace.resourceId !== "") dataIds.add(trace.resourceId);
          for (const body of [trace.request, trace.response])
            forEachString(body, (key, value) => {
              if (PATH.test(value)) dataPaths.add(value);
              else if (ID_KEY.test(key)) dataIds.add(value);
              else if (key === "version_name" && trace.resourceName !== "")
                versionPaths.add(`${trace.resourceName}/annotation/${value}/`);
            });
        } else if (TRAINING_JOB.test(name)) {
          trainingJobs++;
          let reads = false;
          forEachString(trace.request, (key, value) => {
            reads ||=
              dataIds.has(value) ||
              startsWithAny(value, dataPaths) ||
              versionPaths.has(VERSION_PATH.exec(value)?.[0] ?? "");
            if (PATH.test(value) && OUTPUT_KEY.test(key)) jobPaths.add(value);
          });
          if (reads) jobsReading++;
          if (trace.resourceId !== "") jobIds.add(trace.resourceId);
          if (trace.resourceName !== "") jobIds.add(trace.resourceName);
        } else if (MODEL.test(name)) {
          models++;
          let fromTraining = false;
          forEachString(trace.request, (_key, value) => {
            fromTraining ||= jobIds.has(value) || startsWithAny(value, jobPaths);
          });
          if (fromTraining) modelsFromTraining++;
        }
      },
      result() {
        return {
          publishedVersions,
          trainingJobs,
          jobsReadingPublishedData: jobsReading,
          jobsReadingPublishedDataShare: share(jobsReading, trainingJobs),
          models,
          modelsFromTraining,
          modelsFromTrainingShare: share(modelsFromTraining, models),
          capped: [dataIds, dataPaths, versionPaths, jobIds, jobPaths].some((set) => set.capped),
        };
      },
    };
  },
  format(r) {
    return [
      `${r.publishedVersions} dataset versions published`,
      `${r.jobsReadingPublishedData} of ${r.trainingJobs} training jobs read a published dataset version (${percent(r.jobsReadingPublishedData, r.trainingJobs)})`,
      `${r.modelsFromTraining} of ${r.models} models come from a training job (${percent(r.modelsFromTraining, r.models)})${r.capped ? "; ids were dropped at the tracking cap" : ""}`,
    ];
  },
};

/**
 * Calls `visit(keyPath, value)` for every string value in a JSON text, with the keys leading to
 * it joined by `.` (array levels add none; nothing if the text is not JSON).
 */
function forEachString(json: string, visit: (key: string, value: string) => void): void {
  if (json === "") return;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return;
  }
  const walk = (node: unknown, key: string): void => {
    if (typeof node === "string") {
      if (node !== "") visit(key, node);
    } else if (Array.isArray(node)) for (const item of node) walk(item, key);
    else if (typeof node === "object" && node !== null)
      for (const [k, v] of Object.entries(node)) walk(v, key === "" ? k : `${key}.${k}`);
  };
  walk(value, "");
}

/** Whether `value` starts with one of the tracked paths (a path and its sub-paths). */
function startsWithAny(value: string, paths: BoundedCounts): boolean {
  if (!PATH.test(value)) return false;
  // Test each prefix ending in "/" of value, so the cost is the path's depth, not the set's size.
  for (let end = value.indexOf("/", 1); end >= 0; end = value.indexOf("/", end + 1))
    if (paths.has(value.slice(0, end + 1))) return true;
  return paths.has(value);
}
