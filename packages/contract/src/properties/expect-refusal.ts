import { validatorFor } from "@ctsim/catalog";
import type { CtsResponse } from "../internal/cts-client.js";
import { ensure } from "./contract-violation.js";

/** Statuses a request for a project outside the caller's account may get. */
const PROJECT_REFUSAL_STATUSES: readonly number[] = [401, 403, 404];

/** Error codes of the API Gateway (`APIGW.` or, in some regions' docs, `APIG.`), reference §4.3. */
const GATEWAY_CODE = /^APIGW?\.[0-9]{4}$/;

/** Checks the error body: CTS's or the gateway's shape, and `request_id` on gateway errors. */
function expectErrorShape(what: string, response: CtsResponse, gatewayOnly: boolean): void {
  ensure(
    response.json !== undefined && validatorFor("ErrorBody").check(response.json),
    () =>
      `${what}: the ${response.status} body is not an error body: ${response.text.slice(0, 200)}`,
  );
  const { error_code: code, request_id: requestId } = response.json as {
    error_code: string;
    request_id?: string;
  };
  const gateway = GATEWAY_CODE.test(code);
  ensure(
    !gatewayOnly || gateway,
    () => `${what}: error_code ${code} is not the gateway's (APIGW.)`,
  );
  ensure(
    !gateway || typeof requestId === "string",
    () => `${what}: the gateway error ${code} has no request_id`,
  );
}

/**
 * Fails unless the provider refused authentication as the API Gateway does (reference §4.3):
 * 401 with `{error_code: "APIGW.xxxx" | "APIG.xxxx", error_msg, request_id}`. The code number is
 * not pinned: which one the gateway uses for each refusal is not documented.
 */
export function expectAuthRefusal(what: string, response: CtsResponse): void {
  ensure(
    response.status === 401,
    () => `${what}: answered ${response.status}, not 401: ${response.text.slice(0, 200)}`,
  );
  expectErrorShape(what, response, true);
}

/**
 * Fails unless a request for a project the caller may not use was refused: 401, 403 or 404 with
 * CTS's (`CTS.xxxx`) or the gateway's error body. Which of them Huawei answers is unconfirmed.
 */
export function expectProjectRefusal(what: string, response: CtsResponse): void {
  ensure(
    PROJECT_REFUSAL_STATUSES.includes(response.status),
    () =>
      `${what}: answered ${response.status}, not 401, 403 or 404: ${response.text.slice(0, 200)}`,
  );
  expectErrorShape(what, response, false);
}
