import type { UpdateConfigurationRequest } from "@ctsim/catalog";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import { emptyReply, jsonReply } from "./replies.js";
import { schemaBody } from "./request-input.js";

/**
 * `GET /v3/{project_id}/configuration` → the project's trace configuration (reference §1.7;
 * documented by the Terraform provider only). A project starts with every switch off.
 */
export function showConfiguration(context: HandlerContext): Reply {
  return jsonReply(200, context.projects.get(context.scopeId).configuration);
}

/**
 * `PUT /v3/{project_id}/configuration` → 204. Fields the body leaves out keep their values.
 * The switches change what CTS records; the mock stores them and does not act on them.
 */
export function updateConfiguration(context: HandlerContext): Reply {
  const parsed = schemaBody<UpdateConfigurationRequest>(
    context.request.body,
    "UpdateConfigurationRequest",
  );
  if ("reply" in parsed) return parsed.reply;
  const body = parsed.value;
  const state = context.projects.get(context.scopeId);
  state.configuration = {
    is_sync_global_trace: body.is_sync_global_trace ?? state.configuration.is_sync_global_trace,
    is_support_read_only: body.is_support_read_only ?? state.configuration.is_support_read_only,
    support_read_only_services: [
      ...(body.support_read_only_services ?? state.configuration.support_read_only_services),
    ],
  };
  return emptyReply(204);
}
