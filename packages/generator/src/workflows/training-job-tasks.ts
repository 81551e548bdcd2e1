import { flat } from "../internal/flat.js";
import { asyncResult } from "./async-result.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

const MINUTE = 60_000;

/** Tag keys people put on training jobs, with a value source. */
const TAG_KEYS = ["owner", "experiment", "stage", "cost-center"] as const;

/**
 * Tags a V2 training job (revision 2026-09-20) and returns the tag key, or `null` when the call
 * failed. Call only when the revision has `CreateJobTags`.
 */
export function tagJob(s: SessionBuilder, job: Resource): string | null {
  const rng = s.rng;
  const tagKey = rng.pick(TAG_KEYS);
  const tagValue =
    tagKey === "owner"
      ? s.who.name
      : tagKey === "stage"
        ? rng.pick(["dev", "test", "prod"])
        : tagKey === "experiment"
          ? (job.args.topic ?? "baseline")
          : `cc-${1000 + rng.int(9000)}`;
  return s.call("CreateJobTags", job, { args: { tagKey, tagValue: flat(tagValue) } })
    ? tagKey
    : null;
}

/**
 * Saves a running V2 training job's container as an image (revision 2026-09-20): the task's
 * request (its resource is the task, `jobId` the job), then, minutes later, the platform's
 * result; the caller's clock moves by the saving time. Call only when the revision has
 * `CreateSaveImageTask`.
 */
export function saveJobImage(s: SessionBuilder, job: Resource): void {
  const rng = s.rng;
  const task = s.create("CreateSaveImageTask", s.ids.uuid(), flat(`save-image-${job.name}`), {
    jobId: job.id,
    imageName: flat(`${job.args.topic ?? "train"}-train-env`),
    namespace: s.tenant.domainName,
    tag: new Date(s.time).toISOString().slice(0, 10).replaceAll("-", ""),
    description: "saved from a training job",
    region: s.region.info.name,
  });
  if (task === null) return;
  s.wait(rng.logNormal(6 * MINUTE, 0.6));
  asyncResult(s, "CreateSaveImageTask", task, { failRate: 0.08 });
}

/** Findings of a standard diagnosis of a failed job (illustrative). */
const FINDINGS = [
  ["Error", "The training process ran out of device memory (OOM)."],
  ["Error", "A Python exception was raised in the boot file."],
  ["Fatal", "A node became unavailable during training (hardware fault)."],
  ["Warning", "The input data path contains no readable files."],
] as const;

/**
 * Submits a standard diagnosis of a failed V2 training job (revision 2026-09-20): the task's
 * request and, minutes later, the platform's result with a finding (a node fault when the job
 * failed on a node). Call only when the revision has `CreateDiagnosisTask`.
 */
export function diagnoseJob(s: SessionBuilder, job: Resource, nodeFailure: boolean): void {
  const rng = s.rng;
  const finding = nodeFailure ? FINDINGS[2] : rng.pick([FINDINGS[0], FINDINGS[1], FINDINGS[3]]);
  const task = s.create("CreateDiagnosisTask", s.ids.uuid(), flat(`diagnosis-${job.name}`), {
    jobId: job.id,
    level: finding[0],
    conclusion: finding[1],
  });
  if (task === null) return;
  s.wait(rng.logNormal(4 * MINUTE, 0.5));
  asyncResult(s, "CreateDiagnosisTask", task, { failRate: 0.05 });
}
