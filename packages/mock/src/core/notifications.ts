import {
  type CreateNotificationRequest,
  NOTIFICATION_TYPES,
  type Notification,
  type UpdateNotificationRequest,
  validatorFor,
} from "@ctsim/catalog";
import { randomUuid } from "../internal/prng.js";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import { notificationBodyProblem, notificationTypeOf } from "./notification-rules.js";
import type { ProjectState } from "./project-state.js";
import { ctsError, emptyReply, jsonReply } from "./replies.js";
import { badParameter, objectBody, queryParam } from "./request-input.js";

/** `POST /v3/{project_id}/notifications` → 201 with the notification. */
export function createNotification(context: HandlerContext): Reply {
  const body = validBody(context, "CreateNotificationRequest");
  if ("reply" in body) return body.reply;
  const state = context.projects.get(context.scopeId);
  if (nameTaken(state, body.value.notification_name, undefined)) return ctsError("CTS.0400");
  const notification = build(body.value, {
    notification_id: randomUuid(context.ids),
    project_id: context.scopeId,
    domain_id: context.domainId,
    create_time: context.now,
    status: body.value.topic_id === undefined ? "disabled" : "enabled",
  });
  state.notifications.push(notification);
  return jsonReply(201, notification);
}

/** `GET /v3/{project_id}/notifications/{notification_type}` → `{notifications}`. */
export function listNotifications(context: HandlerContext): Reply {
  const type = context.pathParam;
  if (!(NOTIFICATION_TYPES as readonly string[]).includes(type)) {
    return badParameter(
      context,
      `notification_type must be smn or fun, got ${JSON.stringify(type)}`,
    );
  }
  const name = queryParam(context.query, "notification_name");
  const notifications = context.projects
    .get(context.scopeId)
    .notifications.filter(
      (n) => n.notification_type === type && (name === undefined || n.notification_name === name),
    );
  return jsonReply(200, { notifications });
}

/** `PUT /v3/{project_id}/notifications` → 200 with the updated notification. */
export function updateNotification(context: HandlerContext): Reply {
  const body = validBody(context, "UpdateNotificationRequest");
  if ("reply" in body) return body.reply;
  const update = body.value;
  const state = context.projects.get(context.scopeId);
  const index = state.notifications.findIndex((n) => n.notification_id === update.notification_id);
  const existing = state.notifications[index];
  // No "notification not found" code is documented; an unknown id makes the body invalid.
  if (existing === undefined) {
    return ctsError(
      "CTS.0003",
      `(no notification has notification_id ${JSON.stringify(update.notification_id)})`,
    );
  }
  if (update.status === "enabled" && update.topic_id === undefined) {
    return ctsError("CTS.0003", "(topic_id is required when status is enabled)");
  }
  if (nameTaken(state, update.notification_name, existing)) return ctsError("CTS.0400");
  const notification = build(update, {
    notification_id: existing.notification_id,
    project_id: existing.project_id,
    domain_id: context.domainId,
    create_time: existing.create_time,
    status: update.status,
  });
  state.notifications[index] = notification;
  return jsonReply(200, notification);
}

/**
 * `DELETE /v3/{project_id}/notifications?notification_id=id1,id2` → 204. Unknown ids are ignored,
 * so deleting is idempotent.
 */
export function deleteNotification(context: HandlerContext): Reply {
  const raw = queryParam(context.query, "notification_id");
  if (raw === undefined) return badParameter(context, "notification_id is required");
  const ids = new Set(raw.split(",").map((id) => id.trim()));
  const state = context.projects.get(context.scopeId);
  state.notifications = state.notifications.filter((n) => !ids.has(n.notification_id));
  return emptyReply(204);
}

type BodyOf<N> = N extends "CreateNotificationRequest"
  ? CreateNotificationRequest
  : UpdateNotificationRequest;

function validBody<N extends "CreateNotificationRequest" | "UpdateNotificationRequest">(
  context: HandlerContext,
  schema: N,
): { readonly value: BodyOf<N> } | { readonly reply: Reply } {
  const parsed = objectBody(context.request.body);
  if ("reply" in parsed) return parsed;
  const issue = validatorFor(schema).issues(parsed.value, 1)[0];
  if (issue !== undefined) return { reply: ctsError("CTS.0003", `(${issue.message})`) };
  const value = parsed.value as BodyOf<N>;
  const problem = notificationBodyProblem(value);
  if (problem !== undefined) return { reply: ctsError("CTS.0003", `(${problem})`) };
  return { value };
}

function nameTaken(state: ProjectState, name: string, self: Notification | undefined): boolean {
  return state.notifications.some((n) => n !== self && n.notification_name === name);
}

function build(
  body: CreateNotificationRequest,
  fixed: Pick<Notification, "notification_id" | "project_id" | "create_time" | "status"> & {
    readonly domain_id: string;
  },
): Notification {
  return {
    notification_id: fixed.notification_id,
    notification_name: body.notification_name,
    notification_type: notificationTypeOf(body.topic_id),
    operation_type: body.operation_type,
    ...(body.operations === undefined ? {} : { operations: body.operations }),
    ...(body.notify_user_list === undefined ? {} : { notify_user_list: body.notify_user_list }),
    status: fixed.status,
    ...(body.topic_id === undefined ? {} : { topic_id: body.topic_id }),
    // CTS publishes through its cts_admin_trust agency, the only value the API takes
    // (reference §6.3): it is reported whether or not the request named it.
    agency_name: body.agency_name ?? "cts_admin_trust",
    project_id: fixed.project_id,
    domain_id: fixed.domain_id,
    create_time: fixed.create_time,
    ...(body.filter === undefined ? {} : { filter: body.filter }),
  };
}
