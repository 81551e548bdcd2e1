import { authenticate } from "../auth/index.js";
import type { CallerScope } from "../gateway/check-scope.js";
import type { ResolvedCoreOptions } from "./cts-core-options.js";
import type { CtsRequest, Reply } from "./cts-request.js";
import { jsonReply } from "./replies.js";

/** Who sent a request, or the gateway's refusal (401 `APIGW.0301` and its kin). */
export type RequestAuthentication =
  | { readonly ok: true; readonly caller: CallerScope }
  | { readonly ok: false; readonly reply: Reply };

/**
 * Authenticates a request as the API gateway does (signature, token, account), at `now`, and
 * shapes a refusal as the gateway answers it. Pure; never throws.
 *
 * @example
 * const authentication = authenticateRequest(request, resolved, resolved.now(), requestId);
 * if (!authentication.ok) return authentication.reply;
 */
export function authenticateRequest(
  request: CtsRequest,
  resolved: ResolvedCoreOptions,
  now: number,
  requestId: string,
): RequestAuthentication {
  const result = authenticate(
    {
      method: request.method.toUpperCase(),
      rawPath: request.path,
      rawQuery: request.query,
      headers: request.headers,
      body: request.body,
      host: request.headers.host ?? "",
    },
    resolved.auth,
    now,
  );
  if (result.ok) return { ok: true, caller: result };
  const body = { error_code: result.errorCode, error_msg: result.errorMsg, request_id: requestId };
  return { ok: false, reply: jsonReply(result.status, body) };
}
