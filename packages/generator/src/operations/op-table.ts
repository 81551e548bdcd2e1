import { type Category, operationsOf, type Revision, traitsOf } from "@ctsim/catalog/operations";
import { flat } from "../internal/flat.js";
import { JsonTemplate } from "../internal/json-template.js";
import type { RegionInfo } from "../tenant/regions.js";
import { PAYLOAD_VARIANTS, variantKey } from "./payload-variants.js";
import { DEFAULT_PAYLOADS, PAYLOADS } from "./payloads.js";
import { RESULT_PAYLOADS } from "./result-payloads.js";

/** Broad kind of an operation, which picks default payloads, codes and failure modes. */
export type Verb = "create" | "update" | "delete" | "action";

/** One operation as the generator emits it: catalog facts plus pre-compiled payloads. */
export interface OpSpec {
  readonly traceName: string;
  readonly resourceType: string;
  readonly serviceType: string;
  readonly apiVersion: string;
  /** `event_type` in trace files: `global` for global services (IAM), else `system`. */
  readonly eventType: string;
  /** Tracker that records it: `system`, or a data tracker's name for OBS data traces. */
  readonly trackerName: string;
  readonly verb: Verb;
  /** Whether the operation only reads (CTS's `read_only`; from the catalog's traits). */
  readonly readOnly: boolean;
  /** HTTP status of a success. */
  readonly successCode: string;
  /** Probability that a call fails. */
  readonly failRate: number;
  readonly request: JsonTemplate | null;
  readonly response: JsonTemplate | null;
  /** Console route of the resource detail page, e.g. `dev-container/notebook`. */
  readonly consoleRoute: string;
  /** Console product path (`/modelarts` or `/cts`). */
  readonly consolePath: string;
  /**
   * Pre-rendered API-shape fragment from `trace_name` to the opening quote of `resource_id`,
   * indexed by `ratingIndex * 3 + sourceIndex` (see {@link RATING_INDEX}, {@link SOURCE_INDEX}).
   */
  readonly apiHead: readonly string[];
  /** Pre-rendered `api_version` … opening quote of `request_id`. */
  readonly apiMid: string;
  /** Pre-rendered `,"code":"<success code>` … opening quote of `request_id`. */
  readonly apiCodeMid: string;
  /** Pre-rendered end of `enterprise_project_id` … `"user":`. */
  readonly apiTail: string;
  /** Pre-rendered `,"enterprise_project_id":"0` … `"user":` (the default enterprise project). */
  readonly apiTailEp0: string;
  /** {@link OpSpec.apiTailEp0} after the closing quote of `resource_url`. */
  readonly apiQuoteTailEp0: string;
  /** {@link endpointUrlFragment}s by region name. */
  readonly apiEndpointUrl: Map<string, string>;
  /** Pre-rendered `location_info` (success) … `"resource_url":`, per console host. */
  readonly apiEndpoint: Map<string, string>;
}

/** Index of a rating in {@link OpSpec.apiHead}. */
export const RATING_INDEX = { normal: 0, warning: 1, incident: 2 } as const;
/** Index of a trace source in {@link OpSpec.apiHead} (data traces: `ObsSDK`, `ObsAPI`). */
export const SOURCE_INDEX = {
  ApiCall: 0,
  ConsoleAction: 1,
  SystemAction: 2,
  ObsSDK: 3,
  ObsAPI: 4,
} as const;
/** Sources per rating in {@link OpSpec.apiHead}. */
export const SOURCE_COUNT = Object.keys(SOURCE_INDEX).length;

const API_VERSION: Readonly<Record<Category, string>> = {
  "data-management": "v2",
  "development-environment": "v1",
  training: "v1",
  "model-management": "v1",
  "service-management": "v1",
  "ai-gallery": "v1",
  "resource-management": "v2",
  // The categories of 2026-09-20 (most likely values: the inference 2.0 APIs are versioned v2,
  // Lite Server's dev-servers and MaaS's APIs v1).
  inference: "v2",
  "lite-server": "v1",
  maas: "v1",
};

const ROUTE: Readonly<Record<string, string>> = {
  dataset: "dataset",
  workforce: "labelTeam",
  iam: "settings",
  labelconsoleworker: "labelConsole",
  notebook: "dev-container/notebook",
  notebookapp: "dev-container/codelab",
  modelartstrainjob: "trainingJobs",
  modelartstrainconfig: "trainingJobs/config",
  modelartstensorboardjob: "trainingJobs/visualization",
  model: "model-management",
  convert: "model-management/convert",
  service: "webService",
  cluster: "resource-pool",
  modelarts_market: "aiMarket",
  poolv2: "resource-pool",
  networksv1: "resource-pool/network",
};

const FAIL_RATE: Readonly<Record<string, number>> = {
  createModelArtsTrainJob: 0.06,
  createModelArtsTrainVersion: 0.05,
  addService: 0.06,
  createCluster: 0.05,
  workerLoginLabelConsole: 0.06,
  importSamplesToDataset: 0.04,
  exportDataFromDataset: 0.03,
};

/** Operations returning 201 on success (REST creates of the newer APIs; illustrative). */
const CREATED_201 = new Set([
  "createNotebook",
  "CreatePoolV2",
  "CreateNetworksV1",
  "CreatePool",
  "CreateNetwork",
  "CreateExperiment",
]);
/** Operations returning 204 on success. */
const NO_CONTENT_204 = new Set([
  "deleteNotebook",
  "deleteTracker",
  "deleteNotification",
  // Training job tags (API reference: CreateTrainJobTags, DeleteTrainJobTags answer 204).
  "CreateJobTags",
  "DeleteJobTags",
]);

/** CTS's own operations (reference §1.3, §1.4), used by the audit-trail scenarios. */
const CTS_OPERATIONS = [
  { traceName: "updateTracker", resourceType: "tracker" },
  { traceName: "deleteTracker", resourceType: "tracker" },
  { traceName: "deleteNotification", resourceType: "notification" },
  { traceName: "updateNotification", resourceType: "notification" },
] as const;

const tables = new Map<Revision, ReadonlyMap<string, OpSpec>>();

/** Every operation of a revision (plus CTS's tracker operations), keyed by trace name. */
export function opTable(revision: Revision): ReadonlyMap<string, OpSpec> {
  let table = tables.get(revision);
  if (table === undefined) {
    const map = new Map<string, OpSpec>();
    for (const row of operationsOf(revision)) {
      const route = ROUTE[row.resourceType.toLowerCase()] ?? "dashboard";
      map.set(
        row.traceName,
        spec(
          row.traceName,
          row.resourceType,
          "ModelArts",
          apiVersionOf(row),
          route,
          "/modelarts",
          traitsOf(row).readOnly,
        ),
      );
    }
    for (const name in RESULT_PAYLOADS) {
      const base = map.get(name);
      const bodies = RESULT_PAYLOADS[name];
      if (base === undefined || bodies === undefined) continue;
      for (const [end, body] of [
        ["ok", bodies.ok],
        ["failed", bodies.failed],
      ] as const)
        map.set(resultKey(name, end), { ...base, request: null, response: new JsonTemplate(body) });
    }
    for (const op of CTS_OPERATIONS) {
      map.set(op.traceName, spec(op.traceName, op.resourceType, "CTS", "v3", "tracker", "/cts"));
    }
    for (const name in PAYLOAD_VARIANTS) {
      const base = map.get(name);
      if (base === undefined) continue;
      for (const [variant, body] of Object.entries(PAYLOAD_VARIANTS[name] ?? {})) {
        map.set(variantKey(name, variant), {
          ...base,
          request: body.request == null ? null : new JsonTemplate(body.request),
          response: body.response == null ? null : new JsonTemplate(body.response),
        });
      }
    }
    table = map;
    tables.set(revision, table);
  }
  return table;
}

/**
 * Key of the result trace of an asynchronous operation in {@link opTable}: the same trace name,
 * with the result body of {@link RESULT_PAYLOADS} (present only when the revision has the
 * operation).
 */
export function resultKey(traceName: string, end: "ok" | "failed"): string {
  return `${traceName}:${end}`;
}

function apiVersionOf(row: {
  category: Category;
  resourceType: string;
  traceName: string;
}): string {
  const type = row.resourceType.toLowerCase();
  if (type === "iam") return "v3";
  if (type === "networksv1") return "v1";
  // Operations named …V2 (training jobs, algorithms, API keys) belong to the v2 APIs
  // (`/v2/{project_id}/training-jobs`, …) whatever their table.
  if (/V2$/.test(row.traceName)) return "v2";
  return API_VERSION[row.category];
}

/** What an operation outside ModelArts's payload tables sets itself (see {@link spec}). */
export interface SpecOverrides {
  /** HTTP status of a success. */
  readonly successCode: string;
  /** Probability that a call fails. */
  readonly failRate: number;
  readonly eventType: string;
  readonly trackerName: string;
}

/**
 * One {@link OpSpec}; `readOnly` is CTS's `read_only`; `overrides` (for IAM and OBS operations) replaces the payload tables,
 * the success code, the failure rate and the placement (`system` tracker and event type), and
 * leaves `request` and `response` empty.
 */
export function spec(
  traceName: string,
  resourceType: string,
  serviceType: string,
  apiVersion: string,
  consoleRoute: string,
  consolePath: string,
  readOnly = false,
  overrides?: SpecOverrides,
): OpSpec {
  const verb = verbOf(traceName);
  const payload = overrides === undefined ? (PAYLOADS[traceName] ?? {}) : NO_BODIES;
  const fallback = DEFAULT_PAYLOADS[verb];
  const request = payload.request === undefined ? fallback.request : payload.request;
  const response = payload.response === undefined ? fallback.response : payload.response;
  const successCode =
    overrides?.successCode ??
    (CREATED_201.has(traceName) ? "201" : NO_CONTENT_204.has(traceName) ? "204" : "200");
  const apiMid = flat(`","api_version":"${apiVersion}","message":null,"request_id":"`);
  const apiTail = flat(`","read_only":${readOnly},"operation_id":"${traceName}","user":`);
  return {
    traceName,
    resourceType,
    serviceType,
    apiVersion,
    eventType: overrides?.eventType ?? "system",
    trackerName: overrides?.trackerName ?? "system",
    verb,
    readOnly,
    successCode,
    failRate: overrides?.failRate ?? FAIL_RATE[traceName] ?? (verb === "create" ? 0.035 : 0.015),
    request: request === null ? null : new JsonTemplate(request),
    response: response === null ? null : new JsonTemplate(response),
    consoleRoute,
    consolePath,
    apiHead: Object.keys(RATING_INDEX).flatMap((rating) =>
      Object.keys(SOURCE_INDEX).map((source) =>
        flat(
          `","trace_name":"${traceName}","trace_rating":"${rating}","trace_type":"${source}","service_type":"${serviceType}","resource_type":"${resourceType}","resource_id":"`,
        ),
      ),
    ),
    apiMid,
    apiCodeMid: flat(`,"code":"${successCode}${apiMid}`),
    apiTail,
    apiTailEp0: flat(`,"enterprise_project_id":"0${apiTail}`),
    apiQuoteTailEp0: flat(`","enterprise_project_id":"0${apiTail}`),
    apiEndpointUrl: new Map(),
    apiEndpoint: new Map(),
  };
}

const NO_BODIES = { request: null, response: null } as const;

/** The fragment `","location_info":null,"endpoint":"…","resource_url":` of an op and console host. */
export function endpointFragment(op: OpSpec, consoleHost: string): string {
  let fragment = op.apiEndpoint.get(consoleHost);
  if (fragment === undefined) {
    fragment = flat(
      `","location_info":null,"endpoint":"${consoleHost}${op.consolePath}","resource_url":`,
    );
    op.apiEndpoint.set(consoleHost, fragment);
  }
  return fragment;
}

/**
 * {@link endpointFragment} followed by the opening quote of `resource_url` and its path up to the
 * resource id (`"/?region=<region>#/<route>/`), for a successful call in a region.
 */
export function endpointUrlFragment(op: OpSpec, region: RegionInfo): string {
  let fragment = op.apiEndpointUrl.get(region.name);
  if (fragment === undefined) {
    fragment = flat(
      `${endpointFragment(op, region.console)}"/?region=${region.name}#/${op.consoleRoute}/`,
    );
    op.apiEndpointUrl.set(region.name, fragment);
  }
  return fragment;
}

/** The verb a trace name starts with. */
export function verbOf(traceName: string): Verb {
  // Tag operations (`CreateJobTags`, `BatchDeletePoolTags`) change the tagged resource, which
  // exists before and after them (IAM authorizes them as the resource's update).
  if (/^(batch)?(create|delete)\w*Tags$/i.test(traceName)) return "update";
  if (/^(create|add|publish_activity)/i.test(traceName) && traceName !== "createClusterResult") {
    return "create";
  }
  if (/^(delete|batchDelete)/i.test(traceName)) return "delete";
  if (/^(update|modify)/i.test(traceName)) return "update";
  return "action";
}
