import type { TSchema } from "@sinclair/typebox";
import {
  CtsConfigurationSchema,
  UpdateConfigurationRequestSchema,
} from "./schemas/configuration.js";
import { ErrorBodySchema } from "./schemas/error-body.js";
import { ListTracesQuerySchema, ListTracesResponseSchema } from "./schemas/list-traces.js";
import {
  CheckObsBucketsRequestSchema,
  CheckObsBucketsResponseSchema,
  ListOperationsResponseSchema,
  ListTraceResourcesResponseSchema,
  ListUserResourcesResponseSchema,
  ListVersionsResponseSchema,
  ShowVersionResponseSchema,
  VersionSchema,
} from "./schemas/lookups.js";
import {
  CreateNotificationRequestSchema,
  ListNotificationsResponseSchema,
  NotificationSchema,
  UpdateNotificationRequestSchema,
} from "./schemas/notification.js";
import { ListQuotasResponseSchema, QuotaSchema } from "./schemas/quota.js";
import {
  BatchCreateResourceTagsRequestSchema,
  BatchDeleteResourceTagsRequestSchema,
  ListProjectTagsResponseSchema,
  ListResourcesByTagsRequestSchema,
  ListResourcesByTagsResponseSchema,
  ListResourceTagsResponseSchema,
  ProjectTagSchema,
  ResourceTagSchema,
  TaggedResourceSchema,
} from "./schemas/tags.js";
import { ApiTraceSchema, ObsTraceSchema, UserInfoSchema } from "./schemas/trace.js";
import {
  CreateTrackerRequestSchema,
  ListTrackersResponseSchema,
  TrackerSchema,
  UpdateTrackerRequestSchema,
} from "./schemas/tracker.js";

/**
 * Every named CTS schema, keyed by its `$id`. This is the single source the validators, the
 * JSON Schema files and the OpenAPI document are made from.
 */
export const CTS_SCHEMAS = {
  ApiTrace: ApiTraceSchema,
  ObsTrace: ObsTraceSchema,
  UserInfo: UserInfoSchema,
  ListTracesQuery: ListTracesQuerySchema,
  ListTracesResponse: ListTracesResponseSchema,
  Tracker: TrackerSchema,
  CreateTrackerRequest: CreateTrackerRequestSchema,
  UpdateTrackerRequest: UpdateTrackerRequestSchema,
  ListTrackersResponse: ListTrackersResponseSchema,
  Notification: NotificationSchema,
  CreateNotificationRequest: CreateNotificationRequestSchema,
  UpdateNotificationRequest: UpdateNotificationRequestSchema,
  ListNotificationsResponse: ListNotificationsResponseSchema,
  Quota: QuotaSchema,
  ListQuotasResponse: ListQuotasResponseSchema,
  ListOperationsResponse: ListOperationsResponseSchema,
  ListUserResourcesResponse: ListUserResourcesResponseSchema,
  ListTraceResourcesResponse: ListTraceResourcesResponseSchema,
  CheckObsBucketsRequest: CheckObsBucketsRequestSchema,
  CheckObsBucketsResponse: CheckObsBucketsResponseSchema,
  Version: VersionSchema,
  ListVersionsResponse: ListVersionsResponseSchema,
  ShowVersionResponse: ShowVersionResponseSchema,
  ResourceTag: ResourceTagSchema,
  BatchCreateResourceTagsRequest: BatchCreateResourceTagsRequestSchema,
  BatchDeleteResourceTagsRequest: BatchDeleteResourceTagsRequestSchema,
  ListResourceTagsResponse: ListResourceTagsResponseSchema,
  ProjectTag: ProjectTagSchema,
  ListProjectTagsResponse: ListProjectTagsResponseSchema,
  ListResourcesByTagsRequest: ListResourcesByTagsRequestSchema,
  TaggedResource: TaggedResourceSchema,
  ListResourcesByTagsResponse: ListResourcesByTagsResponseSchema,
  CtsConfiguration: CtsConfigurationSchema,
  UpdateConfigurationRequest: UpdateConfigurationRequestSchema,
  ErrorBody: ErrorBodySchema,
} as const satisfies Record<string, TSchema>;

/** Name of a schema in {@link CTS_SCHEMAS}. */
export type CtsSchemaName = keyof typeof CTS_SCHEMAS;
