import { CTS_ERRORS, type CtsErrorCode, type Notification, type Tracker } from "@ctsim/catalog";
import type { MockState } from "./mock-state-data.js";
import { notificationBodyProblem, notificationTypeOf } from "./notification-rules.js";
import { DATA_TRACKER_QUOTA, obsNamesCode, trackerNameCode, tracksAny } from "./tracker-rules.js";

/** Where a state breaks a rule of the API (a path into the state) and what is wrong. */
export interface StateProblem {
  readonly path: string;
  readonly problem: string;
}

/**
 * The first thing in `state` (valid against the catalog's schemas) that the API could never
 * have produced, because it refuses every request that would: trackers and notifications of
 * another project, repeated ids, names and bucket names CTS refuses, two trackers of one name,
 * more data trackers than the quota, data trackers without a bucket or operations, two trackers
 * recording the same operations on a bucket, two organization trackers, notifications of one
 * name or that fail CTS's body rules. `undefined` when there is none.
 */
export function stateProblem(state: MockState): StateProblem | undefined {
  const ids = new Set<string>();
  let organizationTracker: string | undefined;
  for (const [projectId, project] of Object.entries(state.projects)) {
    const at = `projects.${projectId}`;
    for (const [index, tracker] of project.trackers.entries()) {
      const path = `${at}.trackers[${index}]`;
      if (tracker.project_id !== projectId) {
        return { path: `${path}.project_id`, problem: `is not the project's id ${projectId}` };
      }
      if (ids.has(tracker.id)) return { path: `${path}.id`, problem: `repeats ${tracker.id}` };
      ids.add(tracker.id);
      const problem = trackerProblem(tracker, project.trackers.slice(0, index));
      if (problem !== undefined) return { path, problem };
      if (tracker.tracker_type === "system" && tracker.is_organization_tracker === true) {
        if (organizationTracker !== undefined) {
          return { path, problem: `is a second organization tracker (${refused("CTS.0229")})` };
        }
        organizationTracker = path;
      }
    }
    if (
      project.trackers.filter((tracker) => tracker.tracker_type === "data").length >
      DATA_TRACKER_QUOTA
    ) {
      return {
        path: `${at}.trackers`,
        problem: `holds more than ${DATA_TRACKER_QUOTA} data trackers (${refused("CTS.0200")})`,
      };
    }
    for (const [index, notification] of project.notifications.entries()) {
      const path = `${at}.notifications[${index}]`;
      if (notification.project_id !== projectId) {
        return { path: `${path}.project_id`, problem: `is not the project's id ${projectId}` };
      }
      const id = notification.notification_id;
      if (ids.has(id)) return { path: `${path}.notification_id`, problem: `repeats ${id}` };
      ids.add(id);
      const problem = notificationProblem(notification, project.notifications.slice(0, index));
      if (problem !== undefined) return { path, problem };
    }
  }
  return undefined;
}

/** What CTS would refuse in a tracker, given the project's trackers before it. */
function trackerProblem(tracker: Tracker, before: readonly Tracker[]): string | undefined {
  const type = tracker.tracker_type;
  const nameCode = trackerNameCode(type, tracker.tracker_name);
  if (nameCode !== undefined)
    return `has the name "${tracker.tracker_name}" (${refused(nameCode)})`;
  if (
    before.some(
      (other) => other.tracker_type === type && other.tracker_name === tracker.tracker_name,
    )
  ) {
    const code = type === "system" ? "CTS.0201" : "CTS.0208";
    return `repeats the ${type} tracker "${tracker.tracker_name}" (${refused(code)})`;
  }
  // Not CTS.0213 (transfer to the tracked bucket) nor CTS.0221 (encryption without kms_id):
  // UpdateTracker checks them within its body only, so a tracker can end up that way.
  const obs = tracker.obs_info;
  const obsCode = obsNamesCode(obs?.bucket_name, obs?.file_prefix_name, undefined);
  if (obsCode !== undefined) return `has obs_info the API refuses (${refused(obsCode)})`;
  const bucket = tracker.data_bucket;
  if (type === "system") {
    return bucket === undefined
      ? undefined
      : `is a management tracker with a data_bucket (${refused("CTS.0206")})`;
  }
  if ((bucket?.data_bucket_name ?? "") === "")
    return `tracks no OBS bucket (${refused("CTS.0210")})`;
  const events = bucket?.data_event ?? [];
  if (events.length === 0) return `tracks no operation (${refused("CTS.0219")})`;
  const name = bucket?.data_bucket_name as string;
  const rival = before.find((other) => tracksAny(other, name, events));
  if (rival !== undefined) {
    return `records operations on ${name} that "${rival.tracker_name}" records (${refused("CTS.0209")})`;
  }
  return undefined;
}

/** What CTS would refuse in a notification, given the project's notifications before it. */
function notificationProblem(
  notification: Notification,
  before: readonly Notification[],
): string | undefined {
  const name = notification.notification_name;
  if (before.some((other) => other.notification_name === name)) {
    return `repeats the name "${name}" (${refused("CTS.0400")})`;
  }
  const problem = notificationBodyProblem(notification);
  if (problem !== undefined) return `${problem} (${refused("CTS.0003")})`;
  if (notification.notification_type !== notificationTypeOf(notification.topic_id)) {
    return `has notification_type ${notification.notification_type}, which its topic_id does not give`;
  }
  if (notification.status === "enabled" && notification.topic_id === undefined) {
    return `is enabled without a topic_id (${refused("CTS.0003")})`;
  }
  return undefined;
}

function refused(code: CtsErrorCode): string {
  return `the API refuses it: ${code} "${CTS_ERRORS[code].message}"`;
}
