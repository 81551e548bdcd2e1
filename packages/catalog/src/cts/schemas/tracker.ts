import { type Static, Type } from "@sinclair/typebox";
import {
  AGENCY_NAMES,
  COMPRESS_TYPES,
  DATA_EVENTS,
  EXCLUDABLE_SERVICES,
  SETTABLE_TRACKER_STATUSES,
  TRACKER_ERROR_DETAILS,
  TRACKER_STATUSES,
  TRACKER_TYPES,
} from "../enums.js";
import { EpochMillis, StringEnum } from "./schema-helpers.js";

/** OBS transfer settings in a CreateTracker/UpdateTracker request. */
export const TrackerObsInfoSchema = Type.Object({
  bucket_name: Type.Optional(Type.String()),
  file_prefix_name: Type.Optional(Type.String()),
  is_obs_created: Type.Optional(Type.Boolean()),
  bucket_lifecycle: Type.Optional(Type.Integer()),
  compress_type: Type.Optional(StringEnum(COMPRESS_TYPES)),
  is_sort_by_service: Type.Optional(Type.Boolean()),
});

/** OBS transfer settings as a tracker reports them. */
export const ObsInfoSchema = Type.Object({
  bucket_name: Type.Optional(Type.String()),
  file_prefix_name: Type.Optional(Type.String()),
  is_obs_created: Type.Optional(Type.Boolean()),
  is_authorized_bucket: Type.Optional(Type.Boolean()),
  bucket_lifecycle: Type.Optional(Type.Integer()),
  compress_type: Type.Optional(StringEnum(COMPRESS_TYPES)),
  is_sort_by_service: Type.Optional(Type.Boolean()),
});

/** The bucket a data tracker records, in a request. */
export const DataBucketSchema = Type.Object({
  data_bucket_name: Type.Optional(Type.String()),
  data_event: Type.Optional(Type.Array(StringEnum(DATA_EVENTS))),
});

/** `management_event_selector`: services whose traces are not transferred. */
export const ManagementEventSelectorSchema = Type.Object({
  exclude_service: Type.Optional(Type.Array(StringEnum(EXCLUDABLE_SERVICES))),
});

/** Body of `POST /v3/{project_id}/tracker`. */
export const CreateTrackerRequestSchema = Type.Object(
  {
    tracker_type: StringEnum(TRACKER_TYPES),
    tracker_name: Type.String(),
    agency_name: Type.Optional(StringEnum(AGENCY_NAMES)),
    is_organization_tracker: Type.Optional(Type.Boolean()),
    management_event_selector: Type.Optional(ManagementEventSelectorSchema),
    is_lts_enabled: Type.Optional(Type.Boolean()),
    obs_info: Type.Optional(TrackerObsInfoSchema),
    is_support_trace_files_encryption: Type.Optional(Type.Boolean()),
    kms_id: Type.Optional(Type.String()),
    is_support_validate: Type.Optional(Type.Boolean()),
    data_bucket: Type.Optional(DataBucketSchema),
  },
  { $id: "CreateTrackerRequest" },
);
export type CreateTrackerRequest = Static<typeof CreateTrackerRequestSchema>;

/** Body of `PUT /v3/{project_id}/tracker`: the create body plus `status`. */
export const UpdateTrackerRequestSchema = Type.Composite(
  [
    CreateTrackerRequestSchema,
    Type.Object({ status: Type.Optional(StringEnum(SETTABLE_TRACKER_STATUSES)) }),
  ],
  { $id: "UpdateTrackerRequest" },
);
export type UpdateTrackerRequest = Static<typeof UpdateTrackerRequestSchema>;

/** A tracker as ListTrackers and CreateTracker return it (reference §6.1). */
export const TrackerSchema = Type.Object(
  {
    id: Type.String(),
    create_time: EpochMillis,
    tracker_type: StringEnum(TRACKER_TYPES),
    tracker_name: Type.String(),
    domain_id: Type.String(),
    project_id: Type.String(),
    status: StringEnum(TRACKER_STATUSES),
    detail: Type.Optional(StringEnum(TRACKER_ERROR_DETAILS)),
    agency_name: Type.Optional(StringEnum(AGENCY_NAMES)),
    is_organization_tracker: Type.Optional(Type.Boolean()),
    management_event_selector: Type.Optional(ManagementEventSelectorSchema),
    lts: Type.Optional(
      Type.Object({
        is_lts_enabled: Type.Boolean(),
        log_group_name: Type.Optional(Type.String()),
        log_topic_name: Type.Optional(Type.String()),
      }),
    ),
    group_id: Type.Optional(Type.String()),
    stream_id: Type.Optional(Type.String()),
    is_support_trace_files_encryption: Type.Optional(Type.Boolean()),
    kms_id: Type.Optional(Type.String()),
    is_support_validate: Type.Optional(Type.Boolean()),
    obs_info: Type.Optional(ObsInfoSchema),
    data_bucket: Type.Optional(
      Type.Object({
        data_bucket_name: Type.Optional(Type.String()),
        search_enabled: Type.Optional(Type.Boolean()),
        data_event: Type.Optional(Type.Array(StringEnum(DATA_EVENTS))),
      }),
    ),
  },
  { $id: "Tracker" },
);
export type Tracker = Static<typeof TrackerSchema>;

/** Response of `GET /v3/{project_id}/trackers`. */
export const ListTrackersResponseSchema = Type.Object(
  { trackers: Type.Array(TrackerSchema) },
  { $id: "ListTrackersResponse" },
);
export type ListTrackersResponse = Static<typeof ListTrackersResponseSchema>;
