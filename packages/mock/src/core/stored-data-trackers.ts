import type { Tracker } from "@ctsim/catalog";
import type { TraceStore } from "../store/trace-store.js";

/** Where a data tracker found in the store belongs. */
export interface StoredTrackerOwner {
  readonly projectId: string;
  readonly domainId: string;
  /** The tracker's creation time. */
  readonly createTime: number;
  /** A fresh tracker id. */
  readonly newId: () => string;
}

const decoder = new TextDecoder();

/**
 * The data trackers behind the data traces the store holds for a project: data traces exist
 * only under a data tracker (reference, "Corrections"), so a project whose loaded traces name
 * data trackers starts with them, enabled, recording reads and writes of the bucket their
 * traces name (a data trace's `resource_id` is `<bucket>/<object key>`, the generator's
 * spelling). Derived from the store when the project is first used: traces added later name no
 * new tracker, and a tracker deleted through the API stays deleted while its traces remain, as
 * CTS keeps historical traces.
 */
export function storedDataTrackers(store: TraceStore, owner: StoredTrackerOwner): Tracker[] {
  const trackers: Tracker[] = [];
  for (const name of store.distinctValues("tracker_name", owner.projectId).sort()) {
    if (name === "system") continue;
    const page = store.query({
      projectId: owner.projectId,
      kind: "data",
      filters: { tracker_name: name },
      after: Number.NEGATIVE_INFINITY,
      before: Number.POSITIVE_INFINITY,
      limit: 1,
    });
    const record = page.traces[0];
    if (record === undefined) continue;
    const trace = JSON.parse(decoder.decode(record)) as { resource_id?: unknown };
    const id = typeof trace.resource_id === "string" ? trace.resource_id : "";
    const bucket = id.includes("/") ? id.slice(0, id.indexOf("/")) : id;
    trackers.push(dataTracker(name, bucket, owner));
  }
  return trackers;
}

function dataTracker(name: string, bucket: string, owner: StoredTrackerOwner): Tracker {
  return {
    id: owner.newId(),
    create_time: owner.createTime,
    tracker_type: "data",
    tracker_name: name,
    domain_id: owner.domainId,
    project_id: owner.projectId,
    status: "enabled",
    kms_id: "",
    is_organization_tracker: false,
    management_event_selector: { exclude_service: [] },
    lts: { is_lts_enabled: false, log_group_name: "CTS", log_topic_name: name },
    is_support_trace_files_encryption: false,
    is_support_validate: false,
    obs_info: {
      bucket_name: "",
      file_prefix_name: "",
      is_obs_created: false,
      is_authorized_bucket: false,
      bucket_lifecycle: 0,
      compress_type: "gzip",
      is_sort_by_service: true,
    },
    data_bucket: { data_bucket_name: bucket, search_enabled: true, data_event: ["READ", "WRITE"] },
  };
}
