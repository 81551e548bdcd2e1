import { checkScope } from "../gateway/check-scope.js";
import { authenticateRequest } from "./authenticate-request.js";
import type { ResolvedCoreOptions } from "./cts-core-options.js";
import type { CtsRequest, Reply } from "./cts-request.js";
import { scopeRefusal } from "./scope-refusal.js";

/** The gateway's verdict on a request for a project's data: its account, or the refusal. */
export type ProjectAuthorization =
  | { readonly ok: true; readonly domainId: string }
  | { readonly ok: false; readonly reply: Reply };

/**
 * What the gateway decides for a request that reads `projectId`'s data outside the CTS API
 * (e.g. ctsim's scenario labels): authenticated as any API request (401 `APIGW.0301`), then
 * the scope rule of `/v3/{project_id}/…` (a credential only for its own account's projects, a
 * token only for its project; an unknown project refused as the API refuses it). Pure; never
 * throws.
 *
 * @example
 * const verdict = authorizeProject(request, projectId, resolved, requestId);
 * if (verdict.ok) labelsOf(verdict.domainId);
 */
export function authorizeProject(
  request: CtsRequest,
  projectId: string,
  resolved: ResolvedCoreOptions,
  requestId: string,
): ProjectAuthorization {
  const authentication = authenticateRequest(request, resolved, resolved.now(), requestId);
  if (!authentication.ok) return authentication;
  const scope = checkScope("project", projectId, authentication.caller, resolved.directory);
  if (!scope.ok) {
    return {
      ok: false,
      reply: scopeRefusal(resolved.behaviour.outOfScope, requestId, scope.detail),
    };
  }
  return { ok: true, domainId: scope.domainId };
}
