import { GATEWAY_ERRORS } from "@ctsim/catalog";
import type { CtsBehaviour } from "./cts-behaviour.js";
import type { Reply } from "./cts-request.js";
import { ctsError, jsonReply } from "./replies.js";

/**
 * The refusal of a request for a project or account the credential may not use, in the shape
 * `answer` picks (see `CtsBehaviour.outOfScope`), with `detail` saying which rule it broke.
 *
 * @example scopeRefusal("CTS.0002", requestId, "no account has 0a1b…") // 403 CTS.0002
 */
export function scopeRefusal(
  answer: CtsBehaviour["outOfScope"],
  requestId: string,
  detail: string,
): Reply {
  if (answer === "CTS.0002") return ctsError("CTS.0002", `(${detail})`);
  const { status, message } = GATEWAY_ERRORS[answer];
  const text = answer === "APIGW.0301" ? `${message}: ${detail}` : `${message} (${detail})`;
  return jsonReply(status, { error_code: answer, error_msg: text, request_id: requestId });
}
