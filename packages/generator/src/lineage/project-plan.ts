import { flat } from "../internal/flat.js";
import { mix32, Prng } from "../internal/prng.js";
import { STREAM } from "../internal/streams.js";
import type { Actor } from "../tenant/actor.js";
import type { Tenant } from "../tenant/tenant.js";
import { lineageMint } from "./lineage-mint.js";

const DAY = 86_400_000;
/** Projects start from here on (plus up to {@link START_SPREAD}): no run exists before. */
const PROJECTS_EPOCH = Date.UTC(2023, 0, 2);
const START_SPREAD = 180 * DAY;

/** A resource a project keeps for its whole life (same fields as a session's resources). */
export interface StandingResource {
  readonly id: string;
  readonly name: string;
  /** Enterprise project id. */
  readonly ep: string;
  /** Template values (include `id` and `name`). */
  readonly args: Record<string, string>;
}

/**
 * One ML project of a tenant: a dataset whose versions a scheduled pipeline publishes and
 * trains on, the OBS paths its notebooks write code to and its jobs read, and the inference
 * service its models go to. Derived from the seed and the tenant alone, so every session of the
 * tenant, on any day, sees the same project.
 */
export interface ProjectPlan {
  readonly seed: number;
  readonly tenant: number;
  readonly index: number;
  /** Project word, e.g. `yolov8`; names start with it. */
  readonly topic: string;
  /** OBS bucket of the tenant's ML work. */
  readonly bucket: string;
  /** `/<bucket>/<topic>/`: every path of the project lies below it. */
  readonly root: string;
  /** Code directory notebooks write and training jobs run from (`code_dir`). */
  readonly codeDir: string;
  readonly bootFile: string;
  /** The dataset the pipeline publishes versions of (exists before any window). */
  readonly dataset: StandingResource;
  /** The project's production inference service (deployed before any window). */
  readonly service: StandingResource;
  /** The dedicated resource pool its jobs and services run on (named in today's payloads). */
  readonly pool: StandingResource;
  /** Who runs the pipeline (a CI bot, API calls) and who owns the project (a person). */
  readonly bot: Actor;
  readonly owner: Actor;
  /** Time between pipeline runs, ms (2 to 5 days). */
  readonly period: number;
  /** Time of run 0 (runs are at `phase + k × period`, give or take minutes). */
  readonly phase: number;
  /** First run of the project (earlier runs never happened). */
  readonly firstRun: number;
  readonly flavor: string;
  readonly engineId: string;
}

const TOPICS = [
  "yolov8",
  "bert-base",
  "churn",
  "fraud",
  "ocr",
  "asr",
  "recsys",
  "defect",
  "qwen-7b",
  "forecast",
  "segment",
  "ctr",
] as const;
const FLAVORS = [
  "modelarts.vm.gpu.v100",
  "modelarts.vm.gpu.a100.8",
  "modelarts.bm.npu.arm.8snt9b3.d",
] as const;

const plans = new WeakMap<Tenant, readonly ProjectPlan[]>();

/**
 * The ML projects of a tenant (2 to 4), the same for every session of a timeline. Cached per
 * tenant object (tenants live as long as their timeline): memory is per tenant, not per trace.
 */
export function projectsOf(options: {
  readonly seed: number;
  readonly tenant: Tenant;
}): readonly ProjectPlan[] {
  const { seed, tenant } = options;
  let list = plans.get(tenant);
  if (list === undefined) {
    const rng = Prng.derive(seed, STREAM.lineage, tenant.index, 0xffff);
    const count = 2 + rng.int(3);
    const first = rng.int(TOPICS.length);
    list = Array.from({ length: count }, (_, index) =>
      buildProject(seed, tenant, index, TOPICS[(first + index * 5) % TOPICS.length] as string, rng),
    );
    plans.set(tenant, list);
  }
  return list;
}

/** The project a session works on: weighted towards the first (most active) projects. */
export function pickProject(projects: readonly ProjectPlan[], roll: number): ProjectPlan {
  const index = Math.floor(roll * roll * projects.length);
  return projects[Math.min(index, projects.length - 1)] as ProjectPlan;
}

function buildProject(
  seed: number,
  tenant: Tenant,
  index: number,
  topic: string,
  rng: Prng,
): ProjectPlan {
  const mint = lineageMint({ seed, tenant: tenant.index, project: index, slot: 0 });
  const bucket = `${tenant.domainName}-ml`;
  const root = `/${bucket}/${topic}/`;
  const codeDir = `${root}code/`;
  const datasetName = `ds-${topic}-main`;
  const eps = tenant.enterpriseProjects;
  const ep = eps.length > 1 && rng.chance(0.5) ? (eps[1] as string) : "0";
  const dataset = standing(mint.alnum20(), datasetName, ep, {
    datasetType: "0",
    obsPath: `${root}raw/`,
    workPath: `${root}datasets/${datasetName}/`,
    exportPath: `${root}export/`,
    description: "weekly refresh",
  });
  const serviceName = `svc-${topic}-prod`;
  const poolId = `pool-${mint.lower10()}`;
  const service = standing(mint.uuid(), serviceName, ep, {
    instances: "2",
    resourceId: mint.alnum20(),
    description: "prod candidate",
  });
  const pool = standing(poolId, `pool-${topic}`, ep, {
    flavor: "modelarts.vm.gpu.v100.8",
    nodes: "4",
  });
  const period = (2 + rng.int(4)) * DAY;
  // Runs start between 00:00 and 04:00 at the tenant's local time (nightly pipelines).
  const local = tenant.utcOffsetMinutes * 60_000;
  const phase = (rng.int(4 * 60) * 60_000 - local + DAY) % DAY;
  const start = PROJECTS_EPOCH + rng.int(START_SPREAD);
  return {
    seed,
    tenant: tenant.index,
    index,
    topic,
    bucket,
    root,
    codeDir,
    bootFile: `${codeDir}train.py`,
    dataset,
    service,
    pool,
    bot: tenant.bots[index % tenant.bots.length] as Actor,
    owner: tenant.people[mix32(seed ^ index) % tenant.people.length] as Actor,
    period,
    phase,
    firstRun: Math.max(1, Math.ceil((start - phase) / period)),
    flavor: rng.pick(FLAVORS),
    engineId: String(rng.pick([122, 130, 141, 150])),
  };
}

function standing(
  id: string,
  name: string,
  ep: string,
  args: Record<string, string>,
): StandingResource {
  for (const key in args) flat(args[key] as string);
  args.id = flat(id);
  args.name = flat(name);
  return { id, name, ep, args };
}
