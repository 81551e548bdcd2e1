import { type Static, Type } from "@sinclair/typebox";
import { VERSION_STATUSES } from "../enums.js";
import { StringEnum } from "./schema-helpers.js";

/** Response of `GET /v3/{project_id}/operations`. */
export const ListOperationsResponseSchema = Type.Object(
  {
    operations: Type.Array(
      Type.Object({
        service_type: Type.String(),
        resource_type: Type.String(),
        operation_list: Type.Array(Type.String()),
      }),
    ),
  },
  { $id: "ListOperationsResponse" },
);
export type ListOperationsResponse = Static<typeof ListOperationsResponseSchema>;

/** Response of `GET /v3/{project_id}/user-resources`: users seen in traces of the last 30 days. */
export const ListUserResourcesResponseSchema = Type.Object(
  { users: Type.Array(Type.Object({ name: Type.String() })) },
  { $id: "ListUserResourcesResponse" },
);
export type ListUserResourcesResponse = Static<typeof ListUserResourcesResponseSchema>;

/** Response of `GET /v3/{domain_id}/resources`: resource types per service. */
export const ListTraceResourcesResponseSchema = Type.Object(
  {
    resources: Type.Array(
      Type.Object({ service_type: Type.String(), resource: Type.Array(Type.String()) }),
    ),
  },
  { $id: "ListTraceResourcesResponse" },
);
export type ListTraceResourcesResponse = Static<typeof ListTraceResourcesResponseSchema>;

/** Body of `POST /v3/{domain_id}/checkbucket`. */
export const CheckObsBucketsRequestSchema = Type.Object(
  {
    buckets: Type.Array(
      Type.Object({
        bucket_name: Type.String(),
        bucket_location: Type.String(),
        is_support_trace_files_encryption: Type.Optional(Type.Boolean()),
        kms_id: Type.Optional(Type.String()),
      }),
      { minItems: 1 },
    ),
  },
  { $id: "CheckObsBucketsRequest" },
);
export type CheckObsBucketsRequest = Static<typeof CheckObsBucketsRequestSchema>;

/** Response of `POST /v3/{domain_id}/checkbucket`. */
export const CheckObsBucketsResponseSchema = Type.Object(
  {
    buckets: Type.Array(
      Type.Object({
        bucket_name: Type.String(),
        bucket_location: Type.String(),
        kms_id: Type.Optional(Type.String()),
        is_support_trace_files_encryption: Type.Optional(Type.Boolean()),
        check_bucket_response: Type.Object({
          error_code: Type.Optional(Type.String()),
          error_message: Type.Optional(Type.String()),
          response_code: Type.Integer(),
          success: Type.Boolean(),
        }),
      }),
    ),
  },
  { $id: "CheckObsBucketsResponse" },
);
export type CheckObsBucketsResponse = Static<typeof CheckObsBucketsResponseSchema>;

/** An API version (`GET /` and `GET /{version}`); `links` is one object, as the examples show. */
export const VersionSchema = Type.Object(
  {
    id: Type.String(),
    links: Type.Object({ href: Type.String(), rel: Type.String() }),
    version: Type.String(),
    min_version: Type.String(),
    status: StringEnum(VERSION_STATUSES),
    updated: Type.String(),
  },
  { $id: "Version" },
);
export type Version = Static<typeof VersionSchema>;

/** Response of `GET /`. */
export const ListVersionsResponseSchema = Type.Object(
  { versions: Type.Array(VersionSchema) },
  { $id: "ListVersionsResponse" },
);

/** Response of `GET /{version}`. */
export const ShowVersionResponseSchema = Type.Object(
  { version: VersionSchema },
  { $id: "ShowVersionResponse" },
);
