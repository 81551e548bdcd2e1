import type { IncomingMessage } from "node:http";
import type { RequestErrorKind } from "../core/request-errors.js";

/** APIG's limits on a request's target and on each header (its error table). */
const MAX_TARGET_BYTES = 32 * 1024;
const MAX_HEADER_BYTES = 32 * 1024;
/** APIG's limit on all headers together; `node:http`'s parser enforces it (`maxHeaderSize`). */
export const MAX_HEADERS_BYTES = 128 * 1024;

/** Why a parsed request's head is refused before it reaches CTS. */
export interface HeadProblem {
  readonly kind: RequestErrorKind;
  readonly detail: string;
}

/**
 * What is wrong with a request's head that `node:http` let through: a target over 32 KiB
 * (414), one header over 32 KiB (431), an HTTP/1.1 request without `Host` (400); `undefined`
 * when it is acceptable.
 */
export function headProblem(req: IncomingMessage): HeadProblem | undefined {
  const target = req.url ?? "";
  if (target.length > MAX_TARGET_BYTES) {
    return { kind: "uriTooLarge", detail: `(${target.length} bytes; at most 32 KiB)` };
  }
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const size = raw[i]!.length + raw[i + 1]!.length;
    if (size > MAX_HEADER_BYTES) {
      return { kind: "headersTooLarge", detail: `(${raw[i]} has ${size} bytes; at most 32 KiB)` };
    }
  }
  if (req.httpVersion === "1.1" && req.headers.host === undefined) {
    return { kind: "malformed", detail: "(an HTTP/1.1 request needs a Host header)" };
  }
  return undefined;
}
