import { type Static, Type } from "@sinclair/typebox";

/** The three settings of `/v3/{project_id}/configuration` (reference §1.7). */
const configurationFields = {
  is_sync_global_trace: Type.Boolean({
    description: "copy traces of global services (IAM etc.) from the central region",
  }),
  is_support_read_only: Type.Boolean({ description: "record read-only (query) operations" }),
  support_read_only_services: Type.Array(Type.String(), {
    description: "services whose read-only operations are recorded, e.g. ECS, EVS, VPC",
  }),
};

/**
 * Response of `GET /v3/{project_id}/configuration` (not in the SDK; from Terraform only, reference
 * §1.7).
 */
export const CtsConfigurationSchema = Type.Object(configurationFields, {
  $id: "CtsConfiguration",
  description: "Project-wide CTS settings: global-trace sync and read-only recording.",
});
export type CtsConfiguration = Static<typeof CtsConfigurationSchema>;

/**
 * Body of `PUT /v3/{project_id}/configuration` (answered with 204): the same fields, each optional
 * here (Terraform always sends the two booleans; what CTS does with a missing one is unconfirmed).
 */
export const UpdateConfigurationRequestSchema = Type.Object(
  {
    is_sync_global_trace: Type.Optional(configurationFields.is_sync_global_trace),
    is_support_read_only: Type.Optional(configurationFields.is_support_read_only),
    support_read_only_services: Type.Optional(configurationFields.support_read_only_services),
  },
  {
    $id: "UpdateConfigurationRequest",
    description: "CTS settings to set.",
  },
);
export type UpdateConfigurationRequest = Static<typeof UpdateConfigurationRequestSchema>;
