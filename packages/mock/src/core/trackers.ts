import { TRACKER_TYPES, type Tracker } from "@ctsim/catalog";
import { randomHex, randomUuid } from "../internal/prng.js";
import type { InitialTransfer } from "./cts-core-options.js";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import { ctsError, emptyReply, jsonReply } from "./replies.js";
import { badParameter, objectBody, queryParam } from "./request-input.js";
import {
  checkCreateConflicts,
  checkTrackerBody,
  checkUpdateConflicts,
  type TrackerRuleContext,
} from "./tracker-rules.js";

/** `POST /v3/{project_id}/tracker` → 201 with the tracker (without `group_id`/`stream_id`). */
export function createTracker(context: HandlerContext): Reply {
  const parsed = objectBody(context.request.body);
  if ("reply" in parsed) return parsed.reply;
  const body = parsed.value;
  const state = context.projects.get(context.scopeId);
  const invalid =
    checkTrackerBody(body, "create", ruleContext(context)) ?? checkCreateConflicts(body, state);
  if (invalid !== undefined) return invalid;
  const tracker = buildTracker(context, body);
  state.trackers.push(tracker);
  const { group_id: _group, stream_id: _stream, ...created } = tracker;
  return jsonReply(201, created);
}

/** `GET /v3/{project_id}/trackers` → `{trackers}`; a missing tracker is an empty list. */
export function listTrackers(context: HandlerContext): Reply {
  const type = queryParam(context.query, "tracker_type");
  if (type !== undefined && !(TRACKER_TYPES as readonly string[]).includes(type)) {
    return ctsError("CTS.0202");
  }
  const name = queryParam(context.query, "tracker_name");
  const trackers = context.projects
    .get(context.scopeId)
    .trackers.filter(
      (tracker) =>
        (type === undefined || tracker.tracker_type === type) &&
        (name === undefined || tracker.tracker_name === name),
    );
  return jsonReply(200, { trackers });
}

/** `PUT /v3/{project_id}/tracker` → 200 with an empty body. */
export function updateTracker(context: HandlerContext): Reply {
  const parsed = objectBody(context.request.body);
  if ("reply" in parsed) return parsed.reply;
  const body = parsed.value;
  const invalid = checkTrackerBody(body, "update", ruleContext(context));
  if (invalid !== undefined) return invalid;
  const state = context.projects.get(context.scopeId);
  const index = state.trackers.findIndex(
    (tracker) =>
      tracker.tracker_type === body.tracker_type && tracker.tracker_name === body.tracker_name,
  );
  const existing = state.trackers[index];
  if (existing === undefined) return ctsError("CTS.0214");
  const conflict = checkUpdateConflicts(body, existing, state);
  if (conflict !== undefined) return conflict;
  const updated = mergeTracker(existing, body);
  if (typeof body.status === "string") updated.status = body.status as Tracker["status"];
  state.trackers[index] = updated;
  return emptyReply(200);
}

/**
 * `DELETE /v3/{project_id}/trackers` → 204. Without `tracker_name` every data tracker goes;
 * `tracker_type` defaults to `data`.
 */
export function deleteTracker(context: HandlerContext): Reply {
  const type = queryParam(context.query, "tracker_type") ?? "data";
  if (!(TRACKER_TYPES as readonly string[]).includes(type)) return ctsError("CTS.0202");
  const name = queryParam(context.query, "tracker_name");
  if (type === "system" && name !== undefined && name !== "system") return ctsError("CTS.0204");
  if (type === "system" && name === undefined) {
    return badParameter(
      context,
      "tracker_name=system is required to delete the management tracker",
    );
  }
  const state = context.projects.get(context.scopeId);
  const doomed = state.trackers.filter(
    (tracker) =>
      tracker.tracker_type === type && (name === undefined || tracker.tracker_name === name),
  );
  if (name !== undefined && doomed.length === 0) return ctsError("CTS.0214");
  state.removeTrackers(doomed);
  return emptyReply(204);
}

/**
 * The management tracker every project starts with (doc example: no transfer configured), or
 * with `transfer` configured as UpdateTracker would.
 */
export function defaultSystemTracker(
  projectId: string,
  domainId: string,
  id: string,
  createTime: number,
  transfer?: InitialTransfer,
): Tracker {
  const tracker: Tracker = {
    id,
    create_time: createTime,
    tracker_type: "system",
    tracker_name: "system",
    domain_id: domainId,
    project_id: projectId,
    status: "enabled",
    kms_id: "",
    is_organization_tracker: false,
    management_event_selector: { exclude_service: [] },
    lts: { is_lts_enabled: false, log_group_name: "CTS", log_topic_name: "system-trace" },
    is_support_trace_files_encryption: false,
    is_support_validate: false,
    obs_info: emptyObsInfo(),
  };
  if (transfer === undefined) return tracker;
  return mergeTracker(tracker, {
    is_support_validate: transfer.validate ?? false,
    obs_info: { bucket_name: transfer.bucketName, file_prefix_name: transfer.filePrefixName ?? "" },
  });
}

function ruleContext(context: HandlerContext): TrackerRuleContext {
  let elsewhere = false;
  for (const state of context.projects.all()) {
    const system = state.systemTracker();
    if (system?.project_id !== context.scopeId && system?.is_organization_tracker === true) {
      elsewhere = true;
    }
  }
  return {
    state: context.projects.get(context.scopeId),
    buckets: context.options.buckets,
    organizationTrackerElsewhere: elsewhere,
  };
}

function emptyObsInfo(): NonNullable<Tracker["obs_info"]> {
  return {
    bucket_name: "",
    file_prefix_name: "",
    is_obs_created: false,
    is_authorized_bucket: false,
    bucket_lifecycle: 0,
    compress_type: "gzip",
    is_sort_by_service: true,
  };
}

function buildTracker(context: HandlerContext, body: Record<string, unknown>): Tracker {
  const type = body.tracker_type as Tracker["tracker_type"];
  const base: Tracker = {
    id: randomUuid(context.ids),
    create_time: context.now,
    tracker_type: type,
    tracker_name: body.tracker_name as string,
    domain_id: context.domainId,
    project_id: context.scopeId,
    status: "enabled",
    // Every field of the SDK's CreateTrackerResponse / TrackerResponseBody, data trackers too,
    // except `detail`, which CTS returns only for a tracker in error (API reference, "Querying a
    // Tracker"): no tracker of the mock is.
    kms_id: "",
    is_organization_tracker: false,
    management_event_selector: { exclude_service: [] },
    lts: { is_lts_enabled: false, log_group_name: "CTS", log_topic_name: "system-trace" },
    is_support_trace_files_encryption: false,
    is_support_validate: false,
    obs_info: emptyObsInfo(),
    ...(type === "data"
      ? { data_bucket: { data_bucket_name: "", search_enabled: false, data_event: [] } }
      : {}),
  };
  const tracker = mergeTracker(base, body);
  if (tracker.lts?.is_lts_enabled === true) {
    return { ...tracker, group_id: randomUuid(context.ids), stream_id: randomHex(context.ids, 32) };
  }
  return tracker;
}

/**
 * Applies the fields CreateTracker and UpdateTracker bodies share to a tracker. `status` is not
 * one of them: only UpdateTracker sets it (a new tracker is enabled).
 */
function mergeTracker(tracker: Tracker, body: Record<string, unknown>): Tracker {
  const next: Tracker = { ...tracker };
  if (body.agency_name !== undefined) next.agency_name = body.agency_name as "cts_admin_trust";
  if (typeof body.is_organization_tracker === "boolean" && tracker.tracker_type === "system") {
    next.is_organization_tracker = body.is_organization_tracker;
  }
  if (body.management_event_selector !== undefined) {
    next.management_event_selector =
      body.management_event_selector as Tracker["management_event_selector"] & object;
  }
  if (typeof body.is_lts_enabled === "boolean") {
    const topic = tracker.tracker_type === "system" ? "system-trace" : tracker.tracker_name;
    next.lts = {
      is_lts_enabled: body.is_lts_enabled,
      log_group_name: "CTS",
      log_topic_name: topic,
    };
  }
  if (typeof body.is_support_trace_files_encryption === "boolean") {
    next.is_support_trace_files_encryption = body.is_support_trace_files_encryption;
  }
  if (typeof body.kms_id === "string") next.kms_id = body.kms_id;
  if (typeof body.is_support_validate === "boolean")
    next.is_support_validate = body.is_support_validate;
  if (body.obs_info !== undefined) {
    const obs = { ...tracker.obs_info, ...(body.obs_info as object) };
    next.obs_info = { ...obs, is_authorized_bucket: (obs.bucket_name ?? "") !== "" };
  }
  if (body.data_bucket !== undefined && tracker.tracker_type === "data") {
    next.data_bucket = {
      search_enabled: false,
      ...tracker.data_bucket,
      ...(body.data_bucket as object),
    };
  }
  return next;
}
