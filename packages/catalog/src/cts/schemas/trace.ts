import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { ROOT_USER_FLAGS, TRACE_RATINGS, TRACE_SOURCES } from "../enums.js";
import type { ObsOnlyField } from "../obs-only-fields.js";
import { EpochMillis, Nullable, StringEnum, TRACE_NAME_PATTERN } from "./schema-helpers.js";

/** Account (`domain`) of a user: `{id, name}`. */
export const BaseUserSchema = Type.Object(
  { id: Type.String(), name: Type.String() },
  { $id: "BaseUser", description: "An account (domain): id and name." },
);

/** `session_context` of a user: when the credentials were issued and whether MFA was used. */
export const SessionContextSchema = Type.Object({
  attributes: Type.Object({
    created_at: Type.String({ description: "ms timestamp as text" }),
    mfa_authenticated: Type.String({ description: '"true" or "false" as text' }),
  }),
});

/**
 * `user` of a trace: the 12 fields of the SDKs' UserInfo (reference §2.2), plus `OriginUser`,
 * which the trace-structure table lists for agency sessions (reference "Corrections"). Every
 * field is optional in the SDKs; only `id`, `name` and `domain` existed before 2024-07.
 */
export const UserInfoSchema = Type.Object(
  {
    id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    user_name: Type.Optional(Type.String()),
    domain: Type.Optional(BaseUserSchema),
    account_id: Type.Optional(Type.String()),
    access_key_id: Type.Optional(Type.String()),
    principal_urn: Type.Optional(Type.String()),
    principal_id: Type.Optional(Type.String()),
    principal_is_root_user: Type.Optional(StringEnum(ROOT_USER_FLAGS)),
    type: Type.Optional(
      Type.String({
        description: 'identity type: "User" for IAM users (examples); others unconfirmed',
      }),
    ),
    invoked_by: Type.Optional(Type.Array(Type.String())),
    session_context: Type.Optional(SessionContextSchema),
    OriginUser: Type.Optional(
      Type.String({ description: "the user who assumed the agency session (format undocumented)" }),
    ),
  },
  { $id: "UserInfo", description: "Who performed the operation." },
);
export type UserInfo = Static<typeof UserInfoSchema>;

/** Fields shared by both wire shapes of a trace. */
const commonTraceFields = {
  trace_id: Type.String({ minLength: 1, description: "trace ID (a time-based UUID)" }),
  trace_name: Type.String({ pattern: TRACE_NAME_PATTERN, description: "operation name" }),
  trace_rating: StringEnum(TRACE_RATINGS),
  trace_type: StringEnum(TRACE_SOURCES),
  service_type: Type.String({ minLength: 1 }),
  resource_type: Type.String({ minLength: 1 }),
  resource_id: Type.Optional(Nullable(Type.String())),
  resource_name: Type.Optional(Nullable(Type.String())),
  time: EpochMillis,
  record_time: EpochMillis,
  source_ip: Type.Optional(Nullable(Type.String())),
  request: Type.Optional(Nullable(Type.String({ description: "request body as JSON text" }))),
  response: Type.Optional(Nullable(Type.String({ description: "response body as JSON text" }))),
  api_version: Type.Optional(Nullable(Type.String())),
  message: Type.Optional(Nullable(Type.String())),
  request_id: Type.Optional(Nullable(Type.String())),
  location_info: Type.Optional(Nullable(Type.String())),
  endpoint: Type.Optional(Nullable(Type.String())),
  resource_url: Type.Optional(Nullable(Type.String())),
  enterprise_project_id: Type.Optional(Nullable(Type.String())),
  resource_account_id: Type.Optional(Nullable(Type.String())),
  read_only: Type.Optional(Nullable(Type.Boolean())),
  operation_id: Type.Optional(Nullable(Type.String())),
};

/**
 * A trace as `GET /v3/{project_id}/traces` returns it (25 fields, SDK types: `code`, `request`
 * and `response` are strings). Unknown extra fields are allowed, as the SDKs ignore them.
 */
export const ApiTraceSchema = Type.Object(
  {
    ...commonTraceFields,
    user: Type.Optional(Nullable(UserInfoSchema)),
    code: Type.Optional(Nullable(Type.String({ description: "HTTP status as text" }))),
  },
  { $id: "ApiTrace", description: "A CTS trace in the ListTraces (API) shape." },
);
export type ApiTrace = Static<typeof ApiTraceSchema>;

/**
 * The schemas of the `OBS_ONLY_FIELDS` (`../obs-only-fields.ts`): exactly those fields (a missing
 * or an extra one does not compile), so the list and the schema state one fact.
 */
const obsOnlyFields = {
  event_type: Type.String({ description: "observed: system, global" }),
  project_id: Type.String(),
  tracker_name: Type.String(),
  domain_id: Type.Optional(Type.String({ description: "account that triggered the trace" })),
  user_agent: Type.Optional(Nullable(Type.String({ description: "client of the call" }))),
  content_length: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, description: "bytes of the request body" })),
  ),
  total_time: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, description: "response time of the call, ms" })),
  ),
} satisfies Record<ObsOnlyField, TSchema>;

/**
 * A trace as CTS writes it into OBS trace files (reference §7.1 and "Corrections"): numeric
 * `code`, `user` as JSON text, plus `event_type`, `project_id`, `tracker_name`, `domain_id`
 * (mandatory in Huawei's table; optional here so that older files validate), and the call's
 * `user_agent`, `content_length` and `total_time`.
 */
export const ObsTraceSchema = Type.Object(
  {
    ...commonTraceFields,
    code: Type.Optional(Nullable(Type.Integer({ description: "HTTP status" }))),
    user: Type.Optional(Nullable(Type.String({ description: "UserInfo as JSON text" }))),
    ...obsOnlyFields,
  },
  { $id: "ObsTrace", description: "A CTS trace in the OBS trace-file shape." },
);
export type ObsTrace = Static<typeof ObsTraceSchema>;
