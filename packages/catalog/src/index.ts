// ── ModelArts operations recorded by CTS ──────────────────────────────────────
export {
  CATEGORIES,
  categoryOf,
  DEFAULT_REVISION,
  deriveTraits,
  diffRevisions,
  findByResourceType,
  findByTraceName,
  isCategory,
  isRevision,
  isValidTraceName,
  kindOfTraceName,
  OPERATION_KINDS,
  operationsByCategory,
  operationsOf,
  RESPELLABLE_FIELDS,
  REVISIONS,
  Revision,
  revisionInfo,
  traitsOf,
} from "./operations/index.js";
export type {
  CatalogOperation,
  CatalogTable,
  Category,
  CategoryCoverage,
  Cloud,
  Coverage,
  DeriveTraitsOptions,
  FieldChange,
  OperationKind,
  OperationTraits,
  RespellableField,
  RespelledOperation,
  RevisionDiff,
  RevisionMetadata,
  TraitField,
} from "./operations/index.js";

// ── IAM and OBS operations recorded by CTS (the tenant's context) ──────────────
export {
  CONTEXT_OPERATIONS,
  CONTEXT_SERVICES,
  findContextOperation,
  IAM_OPERATIONS,
  OBS_BUCKET_OPERATIONS,
  OBS_DATA_OPERATIONS,
} from "./context/index.js";
export type { ContextOperation, ContextService, ContextTraceName } from "./context/index.js";

// ── CTS enums ─────────────────────────────────────────────────────────────────
export {
  AGENCY_NAMES,
  COMPRESS_TYPES,
  DATA_EVENTS,
  EVENT_TYPES,
  EXCLUDABLE_SERVICES,
  FILTER_CONDITIONS,
  MANAGEMENT_TRACE_SOURCES,
  NOTIFICATION_OPERATION_TYPES,
  NOTIFICATION_STATUSES,
  NOTIFICATION_TYPES,
  QUOTA_TYPES,
  ROOT_USER_FLAGS,
  SETTABLE_TRACKER_STATUSES,
  TAG_RESOURCE_TYPES,
  TRACE_QUERY_TYPES,
  TRACE_RATINGS,
  TRACE_SOURCES,
  TRACKER_ERROR_DETAILS,
  TRACKER_STATUSES,
  TRACKER_TYPES,
  VERSION_STATUSES,
} from "./cts/enums.js";
export type {
  AgencyName,
  CompressType,
  DataEvent,
  EventType,
  ExcludableService,
  FilterCondition,
  ManagementTraceSource,
  NotificationOperationType,
  NotificationStatus,
  NotificationType,
  QuotaType,
  RootUserFlag,
  SettableTrackerStatus,
  TagResourceType,
  TraceQueryType,
  TraceRating,
  TraceSource,
  TrackerErrorDetail,
  TrackerStatus,
  TrackerType,
  VersionStatus,
} from "./cts/enums.js";

// ── Error codes ───────────────────────────────────────────────────────────────
export { CTS_ERRORS, findErrorDefinition, GATEWAY_ERRORS } from "./cts/error-codes.js";
export type { CtsErrorCode, CtsErrorDefinition, GatewayErrorCode } from "./cts/error-codes.js";

// ── Wire types and schemas ────────────────────────────────────────────────────
export { ApiTraceSchema, ObsTraceSchema, UserInfoSchema } from "./cts/schemas/trace.js";
export type { ApiTrace, ObsTrace, UserInfo } from "./cts/schemas/trace.js";
export {
  DEFAULT_QUERY_WINDOW_MS,
  LIST_TRACES_LIMIT,
  ListTracesQuerySchema,
  ListTracesResponseSchema,
  TRACE_RETENTION_MS,
} from "./cts/schemas/list-traces.js";
export type { ListTracesQuery, ListTracesResponse } from "./cts/schemas/list-traces.js";

export {
  CreateTrackerRequestSchema,
  ListTrackersResponseSchema,
  TrackerSchema,
  UpdateTrackerRequestSchema,
} from "./cts/schemas/tracker.js";
export type {
  CreateTrackerRequest,
  ListTrackersResponse,
  Tracker,
  UpdateTrackerRequest,
} from "./cts/schemas/tracker.js";
export {
  CreateNotificationRequestSchema,
  ListNotificationsResponseSchema,
  NotificationSchema,
  UpdateNotificationRequestSchema,
} from "./cts/schemas/notification.js";
export type {
  CreateNotificationRequest,
  ListNotificationsResponse,
  Notification,
  UpdateNotificationRequest,
} from "./cts/schemas/notification.js";
export { ListQuotasResponseSchema, QuotaSchema } from "./cts/schemas/quota.js";
export type { ListQuotasResponse, Quota } from "./cts/schemas/quota.js";
export {
  CheckObsBucketsRequestSchema,
  CheckObsBucketsResponseSchema,
  ListOperationsResponseSchema,
  ListTraceResourcesResponseSchema,
  ListUserResourcesResponseSchema,
  VersionSchema,
} from "./cts/schemas/lookups.js";
export type {
  CheckObsBucketsRequest,
  CheckObsBucketsResponse,
  ListOperationsResponse,
  ListTraceResourcesResponse,
  ListUserResourcesResponse,
  Version,
} from "./cts/schemas/lookups.js";
export {
  BatchCreateResourceTagsRequestSchema,
  BatchDeleteResourceTagsRequestSchema,
  ListProjectTagsResponseSchema,
  ListResourcesByTagsRequestSchema,
  ListResourcesByTagsResponseSchema,
  ListResourceTagsResponseSchema,
  ProjectTagSchema,
  ResourceTagSchema,
  TaggedResourceSchema,
} from "./cts/schemas/tags.js";
export type {
  BatchCreateResourceTagsRequest,
  BatchDeleteResourceTagsRequest,
  ListProjectTagsResponse,
  ListResourcesByTagsRequest,
  ListResourcesByTagsResponse,
  ListResourceTagsResponse,
  ProjectTag,
  ResourceTag,
  TaggedResource,
} from "./cts/schemas/tags.js";
export {
  CtsConfigurationSchema,
  UpdateConfigurationRequestSchema,
} from "./cts/schemas/configuration.js";
export type {
  CtsConfiguration,
  UpdateConfigurationRequest,
} from "./cts/schemas/configuration.js";
export { ErrorBodySchema } from "./cts/schemas/error-body.js";
export type { ErrorBody } from "./cts/schemas/error-body.js";
export { TRACE_NAME_PATTERN } from "./cts/schemas/schema-helpers.js";

// ── ListTraces filters ────────────────────────────────────────────────────────
export { traceFilterValue } from "./cts/trace-filter-value.js";
export {
  isNarrowingTraceFilter,
  isTraceFieldFilter,
  SYSTEM_ONLY_FILTERS,
  TRACE_FILTER_NAMES,
  TRACE_FILTERS,
} from "./cts/trace-filters.js";
export type {
  NarrowingTraceFilter,
  SystemOnlyTraceFilter,
  TraceFieldFilter,
  TraceFieldPath,
  TraceFilter,
  TraceFilterDefinition,
} from "./cts/trace-filters.js";

// ── API ↔ OBS trace shapes ────────────────────────────────────────────────────
export type { ObsOnlyField, ObsPlacement } from "./wire/index.js";
export { OBS_ONLY_FIELDS, toApiTrace, toObsTrace } from "./wire/index.js";

// ── Validation, JSON Schema, OpenAPI ──────────────────────────────────────────
export { CTS_SCHEMAS } from "./cts/schema-registry.js";
export type { CtsSchemaName } from "./cts/schema-registry.js";
export { compileValidator, validatorFor } from "./cts/validators.js";
export { SchemaIssueCode } from "./wire/index.js";
export type { SchemaIssue, Validator } from "./cts/validators.js";
export { JSON_SCHEMA_DIALECT, jsonSchemaOf } from "./cts/json-schema.js";
export type { JsonObject } from "./cts/json-schema.js";
export { ctsOpenApiDocument } from "./cts/openapi.js";
