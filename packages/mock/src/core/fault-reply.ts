import type { InjectedFailure } from "../faults/fault-injector.js";
import type { Reply } from "./cts-request.js";
import { ctsError, gatewayError } from "./replies.js";

/**
 * The answer to an injected failure: a page failure is `CTS.0005` with the chosen 5xx status,
 * throttling API Gateway's 429 `APIGW.0308` with the request id, an error `CTS.0005`.
 */
export function faultReply(failure: InjectedFailure, requestId: string): Reply {
  switch (failure.kind) {
    case "page":
      return {
        ...ctsError("CTS.0005", `(injected fault: page ${failure.page})`),
        status: failure.status,
      };
    case "throttle":
      return gatewayError("APIGW.0308", requestId);
    case "error":
      return ctsError("CTS.0005", "(injected fault)");
  }
}
