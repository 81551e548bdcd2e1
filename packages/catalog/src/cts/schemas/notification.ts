import { type Static, Type } from "@sinclair/typebox";
import {
  AGENCY_NAMES,
  FILTER_CONDITIONS,
  NOTIFICATION_OPERATION_TYPES,
  NOTIFICATION_STATUSES,
  NOTIFICATION_TYPES,
} from "../enums.js";
import { EpochMillis, StringEnum } from "./schema-helpers.js";

/** Operations a customized notification fires on. */
export const NotificationOperationSchema = Type.Object({
  service_type: Type.String(),
  resource_type: Type.String(),
  trace_names: Type.Array(Type.String()),
});

/** Users to notify, by IAM group (at most 10 groups and 50 users). */
export const NotifyUserListSchema = Type.Object({
  user_group: Type.String(),
  user_list: Type.Array(Type.String()),
});

/** Advanced filter: rules like `"code != 200"` combined with AND or OR. */
export const NotificationFilterSchema = Type.Object({
  condition: StringEnum(FILTER_CONDITIONS),
  is_support_filter: Type.Boolean(),
  rule: Type.Array(Type.String()),
});

const notificationBodyFields = {
  notification_name: Type.String(),
  operation_type: StringEnum(NOTIFICATION_OPERATION_TYPES),
  agency_name: Type.Optional(StringEnum(AGENCY_NAMES)),
  operations: Type.Optional(Type.Array(NotificationOperationSchema)),
  notify_user_list: Type.Optional(Type.Array(NotifyUserListSchema, { maxItems: 10 })),
  topic_id: Type.Optional(Type.String()),
  filter: Type.Optional(NotificationFilterSchema),
};

/** Body of `POST /v3/{project_id}/notifications`. */
export const CreateNotificationRequestSchema = Type.Object(notificationBodyFields, {
  $id: "CreateNotificationRequest",
});
export type CreateNotificationRequest = Static<typeof CreateNotificationRequestSchema>;

/** Body of `PUT /v3/{project_id}/notifications`. */
export const UpdateNotificationRequestSchema = Type.Object(
  {
    ...notificationBodyFields,
    notification_id: Type.String(),
    status: StringEnum(NOTIFICATION_STATUSES),
  },
  { $id: "UpdateNotificationRequest" },
);
export type UpdateNotificationRequest = Static<typeof UpdateNotificationRequestSchema>;

/** A key event notification (reference §6.3). */
export const NotificationSchema = Type.Object(
  {
    notification_id: Type.String(),
    notification_name: Type.String(),
    notification_type: StringEnum(NOTIFICATION_TYPES),
    operation_type: StringEnum(NOTIFICATION_OPERATION_TYPES),
    operations: Type.Optional(Type.Array(NotificationOperationSchema)),
    notify_user_list: Type.Optional(Type.Array(NotifyUserListSchema)),
    status: StringEnum(NOTIFICATION_STATUSES),
    topic_id: Type.Optional(Type.String()),
    agency_name: Type.Optional(StringEnum(AGENCY_NAMES)),
    project_id: Type.String(),
    /** The project's account id; listed by the OTC docs only, not by the SDK models. */
    domain_id: Type.Optional(Type.String()),
    create_time: EpochMillis,
    filter: Type.Optional(NotificationFilterSchema),
  },
  { $id: "Notification" },
);
export type Notification = Static<typeof NotificationSchema>;

/** Response of `GET /v3/{project_id}/notifications/{notification_type}`. */
export const ListNotificationsResponseSchema = Type.Object(
  { notifications: Type.Array(NotificationSchema) },
  { $id: "ListNotificationsResponse" },
);
export type ListNotificationsResponse = Static<typeof ListNotificationsResponseSchema>;
