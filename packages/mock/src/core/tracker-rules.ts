import {
  type CtsErrorCode,
  DATA_EVENTS,
  SETTABLE_TRACKER_STATUSES,
  TRACKER_TYPES,
  type Tracker,
  validatorFor,
} from "@ctsim/catalog";
import type { Reply } from "./cts-request.js";
import type { ProjectState } from "./project-state.js";
import { ctsError } from "./replies.js";

/** Tracker names: 1–32 characters, not starting with `_` or `-` (one regional error table). */
const TRACKER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
/** OBS bucket names (CTS.0231). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{2,62}$/;
/** Trace file prefixes (CTS.0218). */
const FILE_PREFIX = /^[0-9A-Za-z._-]{0,64}$/;
/** Names reserved for the management tracker and its LTS stream. */
const RESERVED_DATA_NAMES = ["system", "system-trace"];
/** Data trackers per project (quota `data_tracker`). */
export const DATA_TRACKER_QUOTA = 100;

/** Where the rules look for existing buckets and other trackers. */
export interface TrackerRuleContext {
  readonly state: ProjectState;
  /** Existing OBS buckets; undefined means "any tracked bucket exists". */
  readonly buckets: ReadonlySet<string> | undefined;
  /** Whether another project of the account already has an organization tracker. */
  readonly organizationTrackerElsewhere: boolean;
}

/**
 * The CTS checks of a CreateTracker/UpdateTracker body, in the order CTS reports them
 * (CTS.0202–CTS.0231, reference §4.2); `undefined` when the body passes. Other schema violations
 * give CTS.0003.
 */
export function checkTrackerBody(
  body: Record<string, unknown>,
  mode: "create" | "update",
  context: TrackerRuleContext,
): Reply | undefined {
  const type = body.tracker_type;
  if (typeof type !== "string" || !(TRACKER_TYPES as readonly string[]).includes(type)) {
    return ctsError("CTS.0202");
  }
  const name = body.tracker_name;
  if (typeof name !== "string") return ctsError("CTS.0203");
  const nameCode = trackerNameCode(type, name);
  if (nameCode !== undefined) return ctsError(nameCode);
  if (mode === "update" && body.status !== undefined) {
    if (!(SETTABLE_TRACKER_STATUSES as readonly unknown[]).includes(body.status)) {
      return ctsError("CTS.0205");
    }
  }
  if (type === "system" && body.data_bucket !== undefined) return ctsError("CTS.0206");
  const needsBucket = type === "data" && (mode === "create" || body.data_bucket !== undefined);
  const bucketReply = needsBucket ? checkDataBucket(body.data_bucket, context) : undefined;
  if (bucketReply !== undefined) return bucketReply;
  const obsReply = checkObsInfo(body, context);
  if (obsReply !== undefined) return obsReply;
  if (body.is_support_trace_files_encryption === true) {
    if (typeof body.kms_id !== "string" || body.kms_id === "") return ctsError("CTS.0221");
  }
  const validator = validatorFor(
    mode === "create" ? "CreateTrackerRequest" : "UpdateTrackerRequest",
  );
  const issue = validator.issues(body, 1)[0];
  if (issue !== undefined) return ctsError("CTS.0003", `(${issue.message})`);
  if (
    type === "system" &&
    body.is_organization_tracker === true &&
    context.organizationTrackerElsewhere
  ) {
    return ctsError("CTS.0229");
  }
  return undefined;
}

/** The code CTS refuses a tracker's name with (CTS.0203/0204/0207), or `undefined`. */
export function trackerNameCode(type: string, name: string): CtsErrorCode | undefined {
  if (type === "system" && name !== "system") return "CTS.0204";
  if (type === "data" && RESERVED_DATA_NAMES.includes(name)) return "CTS.0207";
  if (!TRACKER_NAME.test(name)) return "CTS.0203";
  return undefined;
}

/**
 * The code CTS refuses a tracker's OBS transfer settings with: a bad bucket name (CTS.0231) or
 * file prefix (CTS.0218), or transfer to the bucket it tracks (CTS.0213); `undefined` if none.
 */
export function obsNamesCode(
  bucket: unknown,
  prefix: unknown,
  tracked: unknown,
): CtsErrorCode | undefined {
  if (typeof bucket === "string" && bucket !== "" && !BUCKET_NAME.test(bucket)) return "CTS.0231";
  if (typeof prefix === "string" && !FILE_PREFIX.test(prefix)) return "CTS.0218";
  if (typeof bucket === "string" && bucket !== "" && bucket === tracked) return "CTS.0213";
  return undefined;
}

/**
 * Whether `tracker` records one of `events` on `bucket` (CTS.0209: each kind of operation on a
 * bucket is tracked by at most one tracker).
 */
export function tracksAny(tracker: Tracker, bucket: string, events: readonly string[]): boolean {
  return (
    tracker.data_bucket?.data_bucket_name === bucket &&
    (tracker.data_bucket?.data_event ?? []).some((event) => events.includes(event))
  );
}

/** The state checks of CreateTracker: one management tracker, unique names, quota, bucket use. */
export function checkCreateConflicts(
  body: Record<string, unknown>,
  state: ProjectState,
): Reply | undefined {
  if (body.tracker_type === "system") {
    return state.systemTracker() === undefined ? undefined : ctsError("CTS.0201");
  }
  const data = state.dataTrackers();
  if (data.some((tracker) => tracker.tracker_name === body.tracker_name))
    return ctsError("CTS.0208");
  if (data.length >= DATA_TRACKER_QUOTA) return ctsError("CTS.0200");
  return bucketTakenBy(body, data, undefined);
}

/** The state checks of UpdateTracker against the tracker it changes. */
export function checkUpdateConflicts(
  body: Record<string, unknown>,
  existing: Tracker,
  state: ProjectState,
): Reply | undefined {
  if (existing.tracker_type !== "data") return undefined;
  const bucket = (body.data_bucket as { data_bucket_name?: string } | undefined)?.data_bucket_name;
  if (bucket !== undefined && bucket !== existing.data_bucket?.data_bucket_name) {
    return ctsError("CTS.0212");
  }
  return bucketTakenBy(body, state.dataTrackers(), existing);
}

/** CTS.0209: each kind of operation on a bucket is tracked by at most one tracker. */
function bucketTakenBy(
  body: Record<string, unknown>,
  trackers: readonly Tracker[],
  self: Tracker | undefined,
): Reply | undefined {
  const wanted = body.data_bucket as
    | { data_bucket_name?: string; data_event?: string[] }
    | undefined;
  if (wanted?.data_bucket_name === undefined) return undefined;
  const bucket = wanted.data_bucket_name;
  const events = wanted.data_event ?? [];
  const clash = trackers.some((tracker) => tracker !== self && tracksAny(tracker, bucket, events));
  return clash ? ctsError("CTS.0209") : undefined;
}

function checkDataBucket(value: unknown, context: TrackerRuleContext): Reply | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return ctsError("CTS.0210");
  const bucket = value as { data_bucket_name?: unknown; data_event?: unknown };
  if (typeof bucket.data_bucket_name !== "string" || bucket.data_bucket_name === "") {
    return ctsError("CTS.0210");
  }
  const events = bucket.data_event;
  if (events === undefined || (Array.isArray(events) && events.length === 0))
    return ctsError("CTS.0219");
  if (
    !Array.isArray(events) ||
    events.some((e) => !(DATA_EVENTS as readonly unknown[]).includes(e))
  ) {
    return ctsError("CTS.0225");
  }
  if (context.buckets !== undefined && !context.buckets.has(bucket.data_bucket_name)) {
    return ctsError("CTS.0211");
  }
  return undefined;
}

function checkObsInfo(
  body: Record<string, unknown>,
  context: TrackerRuleContext,
): Reply | undefined {
  const obs = body.obs_info;
  if (typeof obs !== "object" || obs === null || Array.isArray(obs)) return undefined;
  const {
    bucket_name: bucket,
    file_prefix_name: prefix,
    is_obs_created: create,
  } = obs as Record<string, unknown>;
  const tracked = (body.data_bucket as { data_bucket_name?: unknown } | undefined)
    ?.data_bucket_name;
  const code = obsNamesCode(bucket, prefix, tracked);
  if (code !== undefined) return ctsError(code);
  if (create === true && typeof bucket === "string" && bucketExists(bucket, context)) {
    return ctsError("CTS.0215");
  }
  return undefined;
}

function bucketExists(bucket: string, context: TrackerRuleContext): boolean {
  if (context.buckets?.has(bucket) === true) return true;
  return context.state.trackers.some((tracker) => tracker.obs_info?.bucket_name === bucket);
}
