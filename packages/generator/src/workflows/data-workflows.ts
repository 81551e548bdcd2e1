import { flat } from "../internal/flat.js";
import { hex32 } from "../internal/hex.js";
import type { Actor } from "../tenant/actor.js";
import { alnum20, DESCRIPTIONS, obsPath, resourceName, TOPICS } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/** A session-local sub-entity (label, version, task, sample) with its own id. */
function child(parent: Resource, id: string, name: string, args: Record<string, string>): Resource {
  for (const key in args) flat(args[key] as string);
  return { id, name: flat(name), ep: parent.ep, args: { ...parent.args, ...args, id, name } };
}

/** Creates a dataset (with the automatic IAM agency on first use), or `null` if it failed. */
export function createDataset(s: SessionBuilder): Resource | null {
  const rng = s.rng;
  const bucket = `${s.tenant.domainName}-data`;
  if (rng.chance(0.04)) {
    const suffix = alnum20(rng).slice(0, 6).toLowerCase();
    s.create("createAgency", s.ids.hex32(), `modelarts_agency_${suffix}`, { suffix });
    s.think(0.3);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const name = resourceName(rng, "ds");
    const dataset = s.create("createDataset", s.ids.alnum20(), name, {
      datasetType: String(rng.pick([0, 1, 3, 100, 200])),
      obsPath: obsPath(bucket, "raw", rng.pick(TOPICS)),
      workPath: obsPath(bucket, "work", name),
      exportPath: obsPath(bucket, "export", name),
      description: rng.pick(DESCRIPTIONS),
    });
    if (dataset !== null) return dataset;
    s.think();
  }
  return null;
}

/**
 * Dataset lifecycle: create, import and upload samples, labels, auto labeling/grouping/deploy
 * tasks, versions, sync, export, and sometimes delete. Sub-entities (labels, versions, samples,
 * tasks) carry their own ids, so a delete only ever ends the life of what it names.
 */
export function datasetWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  const dataset = createDataset(s);
  if (dataset === null) return;
  s.think();
  if (rng.chance(0.7))
    s.call("importSamplesToDataset", dataset, { args: { taskId: alnum20(rng) } });
  else s.call("uploadSamples", dataset, { args: { sampleFile: `img_${rng.int(99999)}.jpg` } });
  const labels: Resource[] = [];
  const versions: Resource[] = [];
  const samples: Resource[] = [];
  for (let step = 0; step < 3 + rng.int(12) && s.open; step++) {
    s.think();
    const roll = rng.next();
    if (roll < 0.18) {
      const name = `${rng.pick(["cat", "dog", "car", "person", "defect", "ok", "ng", "scratch"])}${rng.int(9)}`;
      const label = child(dataset, s.ids.alnum20(), name, {
        labelName: name,
        color: hex32(rng).slice(0, 6),
      });
      if (s.call("createLabel", label)) labels.push(label);
    } else if (roll < 0.26 && labels.length > 0) {
      s.call("updateLabel", rng.pick(labels));
    } else if (roll < 0.38) {
      const sample = child(dataset, s.ids.hex32(), dataset.name, { sampleId: hex32(rng) });
      const label = labels.length > 0 ? rng.pick(labels).name : "unlabeled";
      s.call("uploadSamples", dataset, { args: { sampleFile: `img_${rng.int(99999)}.jpg` } });
      samples.push(sample);
      s.think(0.3);
      s.call("updateSamples", dataset, {
        args: { sampleId: sample.args.sampleId ?? "", labelName: label },
      });
    } else if (roll < 0.45) {
      const task = child(dataset, s.ids.alnum20(), `auto-label-${dataset.name}`, {});
      if (
        s.call("createAutoLabelingTask", task, { args: { taskId: task.id } }) &&
        rng.chance(0.3)
      ) {
        s.think(0.5);
        s.call("stopTask", task);
      }
    } else if (roll < 0.5) {
      const task = child(dataset, s.ids.alnum20(), `auto-group-${dataset.name}`, {});
      s.call("createAutoGroupingTask", task, {
        args: { taskId: task.id, groups: String(2 + rng.int(8)) },
      });
    } else if (roll < 0.54) {
      const task = child(dataset, s.ids.alnum20(), `auto-deploy-${dataset.name}`, {});
      s.call("createAutoDeployTask", task, { args: { taskId: task.id, modelId: hex32(rng) } });
    } else if (roll < 0.64) {
      const n = versions.length + 1;
      const version = child(dataset, s.ids.alnum20(), `V${String(n).padStart(3, "0")}`, {});
      const ok = s.call("publishDatasetVersion", dataset, {
        args: { versionName: version.name, versionId: version.id },
      });
      if (ok) versions.push(version);
    } else if (roll < 0.68 && versions.length > 1) {
      const version = versions.splice(rng.int(versions.length - 1), 1)[0] as Resource;
      if (!s.call("deleteDatasetVersion", version)) versions.push(version);
    } else if (roll < 0.74) {
      s.call("syncDataSource", dataset);
    } else if (roll < 0.8) {
      s.call("exportDataFromDataset", dataset, { args: { taskId: alnum20(rng) } });
    } else if (roll < 0.86) {
      s.call("updateDataset", dataset, { args: { description: rng.pick(DESCRIPTIONS) } });
    } else if (roll < 0.9 && samples.length > 0) {
      const sample = samples.splice(rng.int(samples.length), 1)[0] as Resource;
      if (!s.call("deleteSamples", sample)) samples.push(sample);
    } else if (roll < 0.95 && labels.length > 0) {
      const label = labels.splice(rng.int(labels.length), 1)[0] as Resource;
      const ok = s.call(rng.chance(0.6) ? "deleteLabel" : "deleteLabelWithSamples", label);
      if (!ok) labels.push(label);
    } else {
      s.call("importSamplesToDataset", dataset, { args: { taskId: alnum20(rng) } });
    }
  }
  if (rng.chance(0.25)) {
    s.think();
    s.call("deleteDataset", dataset);
  }
}

/**
 * Team labeling: a manager builds a workforce and a labeling task; workers sign in to the
 * labeling console, label, sign out; the manager samples, accepts and reviews, then cleans up.
 */
export function teamLabelingWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  const manager = s.who;
  const managerMode = s.mode;
  const dataset = createDataset(s);
  if (dataset === null) return;
  s.think();
  s.call("importSamplesToDataset", dataset, { args: { taskId: alnum20(rng) } });
  s.think();
  const workforce = s.create("createWorkforce", s.ids.alnum20(), resourceName(rng, "team"), {
    description: rng.pick(DESCRIPTIONS),
  });
  if (workforce === null) return;
  const pool = s.tenant.workers;
  const members: { actor: Actor; res: Resource }[] = [];
  for (const actor of pool.slice(0, 2 + rng.int(Math.max(1, pool.length - 1)))) {
    s.think(0.3);
    // worker_id is per workforce membership, so a worker's re-invitation gets a new id.
    const res = child(workforce, s.ids.alnum20(), actor.name, {
      email: actor.name,
      role: String(rng.int(3)),
    });
    if (s.call("createWorker", res)) members.push({ actor, res });
  }
  if (members.length === 0) return;
  if (rng.chance(0.4)) {
    s.think(0.5);
    s.call("updateWorker", rng.pick(members).res, { args: { role: "1", description: "reviewer" } });
  }
  s.think();
  const task = child(dataset, s.ids.alnum20(), resourceName(rng, "label-task"), {
    workforceId: workforce.id,
  });
  if (!s.call("createWorkforceTask", task)) return;
  s.think(0.5);
  s.call("sendEmails", task, { args: { email: members.map((m) => m.res.name).join(",") } });
  s.think(0.5);
  s.call("startWorkforceTask", task);
  if (rng.chance(0.4))
    s.call("updateWorkforceTask", task, { args: { description: rng.pick(DESCRIPTIONS) } });
  const start = s.time;
  let latest = start;
  for (const member of members) {
    if (!s.open) break;
    latest = Math.max(latest, s.time);
    s.time = start + rng.int(3 * 3_600_000);
    s.as(member.actor, "console");
    if (rng.chance(0.08)) {
      s.call("workerForgetPassword", member.res);
      s.think(2);
      s.call("workerResetPassword", member.res);
      s.think(0.5);
    }
    let signedIn = s.call("workerLoginLabelConsole", member.res);
    if (!signedIn) {
      s.think(0.2);
      signedIn = s.call("workerLoginLabelConsole", member.res);
    }
    if (!signedIn) continue;
    if (rng.chance(0.05)) s.call("workerChangePassword", member.res);
    for (let n = 1 + rng.int(6); n > 0; n--) {
      s.think(0.6);
      s.call("updateWorkforceTaskSamples", task, {
        args: { sampleId: hex32(rng), labelName: rng.pick(TOPICS) },
      });
    }
    s.think();
    s.call("workerLogOutLabelConsole", member.res);
  }
  s.as(manager, managerMode);
  s.time = Math.max(latest, s.time);
  s.think(20);
  s.call("reviewSamples", task, {
    args: { sampleId: hex32(rng), result: rng.pick(["pass", "reject"]) },
  });
  s.think();
  if (
    s.call("startWorkforceSamplingTask", task, { args: { ratio: rng.pick(["0.1", "0.2", "0.5"]) } })
  ) {
    s.think();
    s.call("acceptSamples", task, {
      args: { sampleId: hex32(rng), comment: rng.pick(DESCRIPTIONS) },
    });
    s.think();
    s.call("updateWorkforceSamplingTask", task, {
      args: { action: rng.pick(["pass", "reject", "cancel"]) },
    });
  }
  if (rng.chance(0.5)) {
    s.think();
    s.call("deleteWorkforceTask", task);
  }
  if (rng.chance(0.5)) {
    s.think();
    const leaving = members.splice(0, 1 + rng.int(members.length));
    if (leaving.length > 1)
      for (const m of leaving) s.call("batchDeleteWorker", m.res, { failRate: 0 });
    else for (const m of leaving) s.call("deleteWorker", m.res, { failRate: 0 });
  }
  s.think();
  if (rng.chance(0.5))
    s.call("updateWorkforce", workforce, { args: { description: rng.pick(DESCRIPTIONS) } });
  if (members.length === 0 || rng.chance(0.3)) {
    for (const m of members) s.call("deleteWorker", m.res, { failRate: 0 });
    s.call("deleteWorkforce", workforce, { failRate: 0 });
  }
}
