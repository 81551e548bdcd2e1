import { NODE_FAILURE } from "../operations/failures.js";
import { resultKey } from "../operations/op-table.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/** How an asynchronous operation ended. */
export type AsyncEnd = "ok" | "failed" | "node-failure";

/**
 * Records the platform's result trace of an asynchronous operation (`traceName` is the request's
 * operation) at the session clock: a `SystemAction` with the end state in `response`; a failure
 * is `warning` with a 2xx (the error is in the body), a node failure an `incident`. Draws the end
 * from `failRate` and `nodeFailureRate` unless `end` is given; returns it. The status is the
 * operation's success status (201 for a pool), as the platform's call itself succeeded.
 */
export function asyncResult(
  s: SessionBuilder,
  traceName: string,
  res: Resource,
  options: {
    readonly failRate?: number;
    readonly nodeFailureRate?: number;
    readonly end?: AsyncEnd;
  } = {},
): AsyncEnd {
  const roll = s.rng.next();
  const failRate = options.failRate ?? 0.1;
  const end: AsyncEnd =
    options.end ??
    (roll < (options.nodeFailureRate ?? 0)
      ? "node-failure"
      : roll < (options.nodeFailureRate ?? 0) + failRate
        ? "failed"
        : "ok");
  if (end === "ok") s.system(resultKey(traceName, "ok"), res, { failRate: 0, withResponse: true });
  else
    s.system(resultKey(traceName, "failed"), res, {
      outcome: end === "failed" ? { rating: "warning" } : NODE_FAILURE,
      withResponse: true,
    });
  return end;
}
