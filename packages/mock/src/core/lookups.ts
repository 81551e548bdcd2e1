import {
  type CheckObsBucketsResponse,
  type ListOperationsResponse,
  validatorFor,
} from "@ctsim/catalog";
import type { TraceStore } from "../store/trace-store.js";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import { ctsError, jsonReply } from "./replies.js";
import { badParameter, objectBody, queryParam } from "./request-input.js";
import { DATA_TRACKER_QUOTA } from "./tracker-rules.js";

/** Key event notifications per project (quota `smn_notification`). */
const NOTIFICATION_QUOTA = 100;
/** CTS's own operations, as the documentation example lists them. */
const CTS_OPERATIONS = {
  service_type: "cts",
  resource_type: "tracker",
  operation_list: ["createTracker", "updateTracker", "deleteTracker"],
};

/** `GET /v3/{project_id}/quotas`: quotas with what exists now. */
export function listQuotas(context: HandlerContext): Reply {
  const state = context.projects.get(context.scopeId);
  return jsonReply(200, {
    resources: [
      { type: "system_tracker", used: state.systemTracker() === undefined ? 0 : 1, quota: 1 },
      { type: "data_tracker", used: state.dataTrackers().length, quota: DATA_TRACKER_QUOTA },
      { type: "smn_notification", used: state.notifications.length, quota: NOTIFICATION_QUOTA },
    ],
  });
}

/** `GET /v3/{project_id}/operations`: trace names per service and resource type in the store. */
export function listOperations(context: HandlerContext): Reply {
  const service = queryParam(context.query, "service_type");
  const resource = queryParam(context.query, "resource_type");
  if (resource !== undefined && service === undefined) {
    return badParameter(context, "resource_type requires service_type");
  }
  const operations = operationsOf(context.options.store).filter(
    (op) =>
      (service === undefined || op.service_type === service) &&
      (resource === undefined || op.resource_type === resource),
  );
  return jsonReply(200, { operations });
}

/** `GET /v3/{project_id}/user-resources`: users seen in the project's stored traces. */
export function listUserResources(context: HandlerContext): Reply {
  const names = context.options.store.distinctValues("user", context.scopeId).sort();
  return jsonReply(200, { users: names.map((name) => ({ name })) });
}

/** `GET /v3/{domain_id}/resources`: resource types per service in the store. */
export function listTraceResources(context: HandlerContext): Reply {
  const byService = new Map<string, Set<string>>();
  for (const op of operationsOf(context.options.store)) {
    const set = byService.get(op.service_type) ?? new Set<string>();
    set.add(op.resource_type);
    byService.set(op.service_type, set);
  }
  const resources = [...byService].map(([service_type, set]) => ({
    service_type,
    resource: [...set].sort(),
  }));
  return jsonReply(200, { resources });
}

/** `POST /v3/{domain_id}/checkbucket`: whether CTS could write to each bucket. */
export function checkObsBuckets(context: HandlerContext): Reply {
  const parsed = objectBody(context.request.body);
  if ("reply" in parsed) return parsed.reply;
  const validator = validatorFor("CheckObsBucketsRequest");
  const issue = validator.issues(parsed.value, 1)[0];
  if (issue !== undefined || !validator.check(parsed.value)) {
    return ctsError("CTS.0003", `(${issue?.message ?? "invalid body"})`);
  }
  const known = context.options.buckets;
  const buckets: CheckObsBucketsResponse["buckets"] = parsed.value.buckets.map((bucket) => {
    const missing = known !== undefined && !known.has(bucket.bucket_name);
    const noKey = bucket.is_support_trace_files_encryption === true && (bucket.kms_id ?? "") === "";
    const failure = missing ? ("CTS.0211" as const) : noKey ? ("CTS.0221" as const) : undefined;
    return {
      ...bucket,
      check_bucket_response:
        failure === undefined
          ? { response_code: 200, success: true }
          : {
              error_code: failure,
              error_message:
                failure === "CTS.0211"
                  ? "The tracked OBS bucket does not exist."
                  : "The KMS ID is empty.",
              response_code: failure === "CTS.0211" ? 404 : 400,
              success: false,
            },
    };
  });
  return jsonReply(200, { buckets });
}

const operationCache = new WeakMap<
  TraceStore,
  { version: number; operations: ListOperationsResponse["operations"] }
>();

/** Distinct (service, resource type) → trace names in the store, cached per store version. */
function operationsOf(store: TraceStore): ListOperationsResponse["operations"] {
  const cached = operationCache.get(store);
  if (cached?.version === store.version) return cached.operations;
  const groups = new Map<
    string,
    { service_type: string; resource_type: string; names: Set<string> }
  >();
  store.distinctTuples(
    ["service_type", "resource_type", "trace_name"],
    ([service, resource, name]) => {
      const key = `${service}\u0000${resource}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { service_type: service!, resource_type: resource!, names: new Set() };
        groups.set(key, group);
      }
      group.names.add(name!);
    },
  );
  const operations = [
    CTS_OPERATIONS,
    ...[...groups.values()].map((g) => ({
      service_type: g.service_type,
      resource_type: g.resource_type,
      operation_list: [...g.names].sort(),
    })),
  ];
  operationCache.set(store, { version: store.version, operations });
  return operations;
}
