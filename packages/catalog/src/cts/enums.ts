/**
 * Closed sets of CTS values (reference §2.3). Each is an `as const` array; the union type of the
 * same name derives from it.
 */

/** `trace_type` query parameter of ListTraces: management (`system`) or data (OBS object) traces. */
export const TRACE_QUERY_TYPES = ["system", "data"] as const;
export type TraceQueryType = (typeof TRACE_QUERY_TYPES)[number];

/** Source of a recorded operation (`trace_type` field of a trace record). */
export const TRACE_SOURCES = [
  "ApiCall",
  "ConsoleAction",
  "SystemAction",
  "ObsSDK",
  "ObsAPI",
  "Others",
] as const;
export type TraceSource = (typeof TRACE_SOURCES)[number];

/** Management trace sources (the first three of {@link TRACE_SOURCES}). */
export const MANAGEMENT_TRACE_SOURCES = ["ApiCall", "ConsoleAction", "SystemAction"] as const;
export type ManagementTraceSource = (typeof MANAGEMENT_TRACE_SOURCES)[number];

/** `trace_rating`: `normal` succeeded, `warning` failed, `incident` had serious consequences. */
export const TRACE_RATINGS = ["normal", "warning", "incident"] as const;
export type TraceRating = (typeof TRACE_RATINGS)[number];

/** `event_type` of transferred trace files; only these two have been observed (unconfirmed beyond). */
export const EVENT_TYPES = ["system", "global"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** `principal_is_root_user` is a string enum, not a JSON boolean. */
export const ROOT_USER_FLAGS = ["true", "false"] as const;
export type RootUserFlag = (typeof ROOT_USER_FLAGS)[number];

/** Tracker kinds: one management (`system`) tracker, up to 100 data trackers. */
export const TRACKER_TYPES = ["system", "data"] as const;
export type TrackerType = (typeof TRACKER_TYPES)[number];

/** Tracker status; `error` is documented but absent from the SDK enums. */
export const TRACKER_STATUSES = ["enabled", "disabled", "error"] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** Status values a client may set with UpdateTracker (CTS.0205 otherwise). */
export const SETTABLE_TRACKER_STATUSES = ["enabled", "disabled"] as const;
export type SettableTrackerStatus = (typeof SETTABLE_TRACKER_STATUSES)[number];

/** Why a tracker is in `error` status. */
export const TRACKER_ERROR_DETAILS = ["bucketPolicyError", "noBucket", "arrears"] as const;
export type TrackerErrorDetail = (typeof TRACKER_ERROR_DETAILS)[number];

/** Trace-file compression of a tracker's OBS transfer (`json` means uncompressed). */
export const COMPRESS_TYPES = ["gzip", "json"] as const;
export type CompressType = (typeof COMPRESS_TYPES)[number];

/** OBS operations a data tracker records. */
export const DATA_EVENTS = ["WRITE", "READ"] as const;
export type DataEvent = (typeof DATA_EVENTS)[number];

/** Key event notification scope: every operation or a chosen list. */
export const NOTIFICATION_OPERATION_TYPES = ["complete", "customized"] as const;
export type NotificationOperationType = (typeof NOTIFICATION_OPERATION_TYPES)[number];

/** Key event notification status. */
export const NOTIFICATION_STATUSES = ["enabled", "disabled"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Notification target: an SMN topic or a FunctionGraph function. */
export const NOTIFICATION_TYPES = ["smn", "fun"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The only agency CTS accepts. */
export const AGENCY_NAMES = ["cts_admin_trust"] as const;
export type AgencyName = (typeof AGENCY_NAMES)[number];

/** How a notification filter combines its rules. */
export const FILTER_CONDITIONS = ["AND", "OR"] as const;
export type FilterCondition = (typeof FILTER_CONDITIONS)[number];

/** Resource type of the tag APIs. */
export const TAG_RESOURCE_TYPES = ["cts-tracker"] as const;
export type TagResourceType = (typeof TAG_RESOURCE_TYPES)[number];

/** Status of an API version. */
export const VERSION_STATUSES = ["CURRENT", "SUPPORTED", "DEPRECATED"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Quota resource types reported by ListQuotas. */
export const QUOTA_TYPES = ["system_tracker", "data_tracker", "smn_notification"] as const;
export type QuotaType = (typeof QUOTA_TYPES)[number];

/** Services whose traces a management tracker may exclude (only KMS is supported). */
export const EXCLUDABLE_SERVICES = ["KMS"] as const;
export type ExcludableService = (typeof EXCLUDABLE_SERVICES)[number];
