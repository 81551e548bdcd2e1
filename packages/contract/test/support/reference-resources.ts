import type { Notification, Tracker } from "@ctsim/catalog";
import type { Defect } from "./defects.js";
import { errorReply, type Reply } from "./reference-traces.js";

const QUOTAS = { system_tracker: 1, data_tracker: 100, smn_notification: 100 } as const;
const TRACKER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** Trackers, notifications and quotas of one project, per reference §1.3–§1.5 and §6. */
export class ReferenceResources {
  private trackers: Tracker[] = [];
  private notifications: Notification[] = [];
  private ids = 0;
  private leakedNotifications = 0;

  constructor(
    private readonly projectId: string,
    private readonly now: number,
    private readonly defects: ReadonlySet<Defect>,
  ) {
    this.trackers.push(this.tracker("system", "system"));
  }

  createTracker(body: Record<string, unknown>): Reply {
    const { tracker_type: type, tracker_name: name } = body;
    if (type !== "system" && type !== "data")
      return errorReply(400, "CTS.0202", "The value of the tracker_type parameter is incorrect.");
    if (typeof name !== "string")
      return errorReply(
        400,
        "CTS.0203",
        "The value of tracker_name parameter is in an incorrect format.",
      );
    if (type === "system") {
      if (name !== "system")
        return errorReply(
          400,
          "CTS.0204",
          "The tracker_name parameter of a management tracker can only be set to system.",
        );
      if (this.trackers.some((t) => t.tracker_type === "system"))
        return errorReply(400, "CTS.0201", "A management tracker has been created.");
    } else {
      if (name === "system")
        return errorReply(
          400,
          "CTS.0207",
          "The tracker_name parameter in the message body cannot be set to system for a data tracker.",
        );
      if (!TRACKER_NAME.test(name))
        return errorReply(
          400,
          "CTS.0203",
          "The value of tracker_name parameter is in an incorrect format.",
        );
      const duplicate = this.trackers.some(
        (t) => t.tracker_type === "data" && t.tracker_name === name,
      );
      if (duplicate && !this.defects.has("duplicate-tracker-accepted"))
        return errorReply(400, "CTS.0208", "The tracker already exists.");
      if (this.count("data") >= QUOTAS.data_tracker)
        return errorReply(400, "CTS.0200", "The number of trackers has reached the upper limit.");
      if (typeof body.data_bucket !== "object" || body.data_bucket === null)
        return errorReply(400, "CTS.0210", "The OBS bucket to track cannot be empty.");
    }
    const tracker = this.tracker(type, name);
    this.trackers.push(tracker);
    return { status: 201, body: tracker };
  }

  updateTracker(body: Record<string, unknown>): Reply {
    if (body.status !== undefined && body.status !== "enabled" && body.status !== "disabled") {
      return errorReply(
        400,
        "CTS.0205",
        "The status parameter can only be set to enabled or disabled.",
      );
    }
    const tracker = this.trackers.find(
      (t) => t.tracker_type === body.tracker_type && t.tracker_name === body.tracker_name,
    );
    if (!tracker) return errorReply(404, "CTS.0214", "The tracker does not exist.");
    if (body.status === "enabled" || body.status === "disabled") tracker.status = body.status;
    return { status: 200 };
  }

  deleteTrackers(params: URLSearchParams): Reply {
    const type = params.get("tracker_type") ?? "data";
    const name = params.get("tracker_name");
    const doomed = this.trackers.filter(
      (t) => t.tracker_type === type && (name === null || t.tracker_name === name),
    );
    if (name !== null && doomed.length === 0)
      return errorReply(404, "CTS.0214", "The tracker does not exist.");
    this.trackers = this.trackers.filter((t) => !doomed.includes(t));
    return { status: 204 };
  }

  /** Every tracker, for the tag routes. */
  allTrackers(): readonly Tracker[] {
    return this.trackers;
  }

  listTrackers(params: URLSearchParams): Reply {
    const name = params.get("tracker_name");
    const type = params.get("tracker_type");
    const trackers = this.trackers.filter(
      (t) =>
        (name === null || t.tracker_name === name) && (type === null || t.tracker_type === type),
    );
    return { status: 200, body: { trackers } };
  }

  createNotification(body: Record<string, unknown>): Reply {
    const name = body.notification_name;
    if (
      typeof name !== "string" ||
      (body.operation_type !== "complete" && body.operation_type !== "customized")
    ) {
      return errorReply(400, "CTS.0003", "The message body is empty or invalid.");
    }
    if (this.notifications.some((n) => n.notification_name === name))
      return errorReply(400, "CTS.0400", "NotificationV3 name is existed already.");
    const topic = typeof body.topic_id === "string" ? body.topic_id : undefined;
    const notification: Notification = {
      notification_id: this.nextId(),
      notification_name: name,
      notification_type: topic?.startsWith("urn:fss:") ? "fun" : "smn",
      operation_type: body.operation_type,
      status: "enabled",
      project_id: this.projectId,
      create_time: this.now,
      ...(topic ? { topic_id: topic } : {}),
    };
    this.notifications.push(notification);
    return { status: 201, body: notification };
  }

  updateNotification(body: Record<string, unknown>): Reply {
    const notification = this.notifications.find((n) => n.notification_id === body.notification_id);
    if (!notification || (body.status !== "enabled" && body.status !== "disabled"))
      return errorReply(400, "CTS.0003", "The message body is empty or invalid.");
    const clash = this.notifications.some(
      (n) => n !== notification && n.notification_name === body.notification_name,
    );
    if (clash) return errorReply(400, "CTS.0400", "NotificationV3 name is existed already.");
    notification.status = body.status;
    if (typeof body.notification_name === "string")
      notification.notification_name = body.notification_name;
    return { status: 200, body: notification };
  }

  deleteNotifications(params: URLSearchParams): Reply {
    const ids = (params.get("notification_id") ?? "").split(",").filter(Boolean);
    if (ids.length === 0)
      return errorReply(400, "CTS.0003", "The message body is empty or invalid.");
    const before = this.notifications.length;
    this.notifications = this.notifications.filter((n) => !ids.includes(n.notification_id));
    if (this.defects.has("notification-quota-leak"))
      this.leakedNotifications += before - this.notifications.length;
    return { status: 204 };
  }

  listNotifications(type: string, params: URLSearchParams): Reply {
    const name = params.get("notification_name");
    const notifications = this.notifications.filter(
      (n) => n.notification_type === type && (name === null || n.notification_name === name),
    );
    return { status: 200, body: { notifications } };
  }

  quotas(): Reply {
    const resources = [
      { type: "system_tracker", used: this.count("system"), quota: QUOTAS.system_tracker },
      { type: "data_tracker", used: this.count("data"), quota: QUOTAS.data_tracker },
      {
        type: "smn_notification",
        used: this.notifications.length + this.leakedNotifications,
        quota: QUOTAS.smn_notification,
      },
    ];
    return { status: 200, body: { resources } };
  }

  private count(type: string): number {
    return this.trackers.filter((t) => t.tracker_type === type).length;
  }

  private tracker(type: "system" | "data", name: string): Tracker {
    return {
      id: this.nextId(),
      create_time: this.now,
      tracker_type: type,
      tracker_name: name,
      domain_id: "d0000000000000000000000000000001",
      project_id: this.projectId,
      status: "enabled",
    };
  }

  private nextId(): string {
    this.ids += 1;
    return `00000000-0000-4000-8000-${String(this.ids).padStart(12, "0")}`;
  }
}
