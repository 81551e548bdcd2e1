import type { TraceSource } from "@ctsim/catalog";
import type { TemplateArgs } from "../internal/json-template.js";
import type { ContextHost } from "./context-host.js";
import type { ContextOps } from "./context-ops.js";
import { dataTrackerOf, splitObsPath } from "./data-trackers.js";

/** What a workflow does to an OBS object. */
export type ObsAccess = "read" | "write" | "delete";

/** The OBS paths a ModelArts operation reads and writes, by template value. */
interface DerivedAccess {
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  /** A training run: reads when the job starts (minutes later), writes when it ends. */
  readonly job: boolean;
}

/**
 * Object accesses that follow a successful ModelArts operation, as ModelArts performs them on
 * the caller's behalf with the OBS SDK: the template values named here are the OBS paths its
 * request carries (`data_path`, `import_path`, `data_url`, `train_url`, `source_location`, …),
 * so every data trace names a path the ModelArts trace shows.
 */
const DERIVED: Readonly<Record<string, DerivedAccess>> = {
  createDataset: { reads: ["obsPath"], writes: ["workPath"], job: false },
  importSamplesToDataset: { reads: ["obsPath"], writes: [], job: false },
  exportDataFromDataset: { reads: [], writes: ["exportPath"], job: false },
  createModelArtsTrainJob: { reads: ["bootFile", "dataUrl"], writes: ["trainUrl"], job: true },
  createModelArtsTrainVersion: { reads: ["bootFile", "dataUrl"], writes: ["trainUrl"], job: true },
  addModel: { reads: ["trainUrl"], writes: [], job: false },
  addConvert: { reads: ["trainUrl"], writes: ["outputPath"], job: false },
};

const READ_FILES = [
  "part-00000.parquet",
  "part-00001.parquet",
  "images/0001.jpg",
  "images/0002.jpg",
  "labels.csv",
  "meta.json",
  "train.tfrecord",
  "val.tfrecord",
] as const;
const WRITE_FILES = [
  "model/saved_model.pb",
  "model/config.json",
  "checkpoint/ckpt-1.index",
  "checkpoint/ckpt-1.data",
  "log/train.log",
  "manifest.json",
] as const;

/**
 * Records the OBS traces that follow ModelArts operation `traceName` (nothing for operations
 * that touch no object): a `listObjects` of each directory read (a management trace), then the
 * object reads and writes under the paths `args`/`extra` name, in tracked buckets only.
 */
export function derivedAccesses(
  host: ContextHost,
  ops: ContextOps,
  traceName: string,
  args: TemplateArgs | undefined,
  extra: TemplateArgs | undefined,
): void {
  const rule = DERIVED[traceName];
  if (rule === undefined) return;
  const rng = host.rng;
  let at = host.time + (rule.job ? 60_000 + rng.int(240_000) : 1_000 + rng.int(8_000));
  for (const key of rule.reads) {
    const path = extra?.[key] ?? args?.[key];
    if (path === undefined) continue;
    if (!rule.job && path.endsWith("/")) {
      const { bucket } = splitObsPath(path);
      const source = host.mode === "console" ? "ConsoleAction" : "ApiCall";
      host.record(ops.op("listObjects"), bucket, bucket, source, at, false);
      at += 100 + rng.int(900);
    }
    at = objectAccesses(host, ops, "read", path, at, "ObsSDK");
  }
  if (rule.job) at += Math.round(rng.logNormal(30 * 60_000, 0.8));
  for (const key of rule.writes) {
    const path = extra?.[key] ?? args?.[key];
    if (path !== undefined) at = objectAccesses(host, ops, "write", path, at, "ObsSDK");
  }
}

/**
 * Records data traces of `access` to the object at `path`, or to a few objects under it when it
 * names a directory (ends in `/`), from `at` on; returns the time after the last. Paths outside
 * the tenant's tracked buckets (see `DATA_TRACKERS`) leave no trace: only a data tracker
 * records object operations.
 */
export function objectAccesses(
  host: ContextHost,
  ops: ContextOps,
  access: ObsAccess,
  path: string,
  at: number,
  traceType: TraceSource,
): number {
  const { bucket, key } = splitObsPath(path);
  const tracker = dataTrackerOf(host.tenant.domainName, bucket);
  if (tracker === null || key === "") return at;
  const rng = host.rng;
  const files = access === "write" ? WRITE_FILES : READ_FILES;
  const directory = key.endsWith("/");
  const count = directory ? 1 + rng.int(3) : 1;
  const first = rng.int(files.length);
  const traceName =
    access === "read" ? "GET.OBJECT" : access === "write" ? "PUT.OBJECT" : "DELETE.OBJECT";
  let time = at;
  for (let i = 0; i < count; i++) {
    const objectKey = directory ? key + (files[(first + i) % files.length] as string) : key;
    const id = `${bucket}/${objectKey}`;
    if (access === "read" && rng.chance(0.3)) {
      host.record(ops.op("HEAD.OBJECT", tracker), id, objectKey, traceType, time, false);
      time += 20 + rng.int(300);
    }
    host.record(ops.op(traceName, tracker), id, objectKey, traceType, time, false);
    time += 50 + rng.int(2_000);
  }
  return time;
}
