import type { Prng } from "../internal/prng.js";
import type { Actor } from "../tenant/actor.js";
import type { Tenant } from "../tenant/tenant.js";
import { datasetWorkflow, teamLabelingWorkflow } from "./data-workflows.js";
import { deploymentWatchWorkflow } from "./deployment-watch-workflow.js";
import { notebookWorkflow } from "./dev-workflows.js";
import { galleryWorkflow } from "./gallery-workflows.js";
import { liteServerWorkflow } from "./lite-server-workflow.js";
import { maasWorkflow } from "./maas-workflows.js";
import { poolWorkflow } from "./pool-workflows.js";
import {
  clusterWorkflow,
  modelSource,
  registerModel,
  serviceWorkflow,
} from "./service-workflows.js";
import type { SessionBuilder } from "./session-builder.js";
import { trainingWorkflow as trainOnProject } from "./training-workflows.js";

const trainingWorkflow: Workflow = (s) => {
  const output = trainOnProject(s);
  // People who trained something worth keeping register it in the same session.
  if (output !== null && s.rng.chance(0.3)) registerModel(s, output);
};

/** A workflow: a probabilistic state machine run by one session. */
export type Workflow = (s: SessionBuilder) => void;

/** Who starts a session: people (working hours) or bots (around the clock). */
export type SessionClass = "human" | "bot";

type Mix = readonly (readonly [weight: number, workflow: Workflow])[];

const modelOnly: Workflow = (s) => {
  const source = modelSource(s);
  const model = source === null ? null : registerModel(s, source);
  if (model !== null && s.rng.chance(0.3)) {
    s.think();
    s.call("deleteModel", model);
  }
};

const HUMAN_MIX: Mix = [
  [20, datasetWorkflow],
  [8, teamLabelingWorkflow],
  [22, notebookWorkflow],
  [14, trainingWorkflow],
  [7, modelOnly],
  [9, serviceWorkflow],
  [3, clusterWorkflow],
  [7, galleryWorkflow],
  [4, poolWorkflow],
  [4, liteServerWorkflow],
  [3, deploymentWatchWorkflow],
  [5, maasWorkflow],
];

const BOT_MIX: Mix = [
  [45, trainingWorkflow],
  [15, serviceWorkflow],
  [10, modelOnly],
  [22, datasetWorkflow],
  [5, clusterWorkflow],
  [3, poolWorkflow],
  [2, liteServerWorkflow],
  [3, deploymentWatchWorkflow],
  [2, maasWorkflow],
];

/**
 * Picks the actor and workflow of a regular session and runs it. Pool workflows only run when
 * the revision has pool operations (2023-11-16, 2026-09-20); Lite Server, deployment watching
 * and MaaS only in 2026-09-20.
 */
export function runRegularSession(s: SessionBuilder, sessionClass: SessionClass): void {
  const rng = s.rng;
  const tenant = s.tenant;
  if (sessionClass === "bot") {
    s.as(rng.pick(tenant.bots), "api");
  } else {
    const actor = pickHuman(rng, tenant);
    const api = actor.kind === "agency" || (actor.keyPolicy !== null && rng.chance(0.15));
    s.as(actor, api ? "api" : "console");
  }
  const mix = sessionClass === "bot" ? BOT_MIX : HUMAN_MIX;
  const pools = s.has("CreatePoolV2") || s.has("CreatePool");
  const servers = s.has("createServer");
  // Inference 2.0 and MaaS sessions only where the revision records them (2026-09-20).
  const deployments = s.has("ListServiceV2Pods");
  const maas = s.has("CreateApiKey");
  const usable = mix.filter(
    (entry) =>
      (pools || entry[1] !== poolWorkflow) &&
      (servers || entry[1] !== liteServerWorkflow) &&
      (deployments || entry[1] !== deploymentWatchWorkflow) &&
      (maas || entry[1] !== maasWorkflow),
  );
  pickWeighted(rng, usable)(s);
}

function pickHuman(rng: Prng, tenant: Tenant): Actor {
  const roll = rng.next();
  if (roll < 0.01) return tenant.root;
  if (roll < 0.04) return rng.pick(tenant.agencies);
  if (roll < 0.2 && tenant.federated.length > 0) return rng.pick(tenant.federated);
  return rng.pick(tenant.people);
}

function pickWeighted(rng: Prng, mix: Mix): Workflow {
  let total = 0;
  for (const entry of mix) total += entry[0];
  let roll = rng.next() * total;
  for (const entry of mix) {
    roll -= entry[0];
    if (roll < 0) return entry[1];
  }
  return (mix[0] as (typeof mix)[number])[1];
}
