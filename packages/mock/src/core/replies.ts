import {
  CTS_ERRORS,
  type CtsErrorCode,
  GATEWAY_ERRORS,
  type GatewayErrorCode,
} from "@ctsim/catalog";
import type { Reply } from "./cts-request.js";
import { REQUEST_ERROR_CODE, REQUEST_ERRORS, type RequestErrorKind } from "./request-errors.js";

/** A JSON reply. */
export function jsonReply(status: number, body: unknown): Reply {
  return { status, body: JSON.stringify(body) };
}

/** An empty reply (e.g. 204, or UpdateTracker's empty 200). */
export function emptyReply(status: number): Reply {
  return { status, body: "" };
}

/**
 * A CTS error reply `{error_code, error_msg}` with the documented status and message; `detail`
 * adds what exactly was wrong after the verbatim message.
 */
export function ctsError(code: CtsErrorCode, detail?: string): Reply {
  const definition = CTS_ERRORS[code];
  const message = detail === undefined ? definition.message : `${definition.message} ${detail}`;
  return jsonReply(definition.status, { error_code: code, error_msg: message });
}

/** An API Gateway error reply: `{error_code, error_msg, request_id}` (reference §4.1). */
export function gatewayError(
  code: GatewayErrorCode | "APIGW.0308",
  requestId: string,
  detail?: string,
): Reply {
  const definition =
    code === "APIGW.0308"
      ? { status: 429, message: "The throttling threshold has been reached" }
      : GATEWAY_ERRORS[code];
  const message = detail === undefined ? definition.message : `${definition.message}: ${detail}`;
  return jsonReply(definition.status, {
    error_code: code,
    error_msg: message,
    request_id: requestId,
  });
}

/** A gateway answer to a request refused before it reached CTS (see {@link REQUEST_ERRORS}). */
export function requestError(kind: RequestErrorKind, requestId: string, detail?: string): Reply {
  const { status, message } = REQUEST_ERRORS[kind];
  return jsonReply(status, {
    error_code: REQUEST_ERROR_CODE,
    error_msg: detail === undefined ? message : `${message} ${detail}`,
    request_id: requestId,
  });
}
