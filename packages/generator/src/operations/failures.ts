import type { TraceRating } from "@ctsim/catalog";
import { flat } from "../internal/flat.js";
import type { Prng } from "../internal/prng.js";
import type { Verb } from "./op-table.js";

/** A way a call can fail: HTTP status and the error body the service answers with. */
export interface Failure {
  readonly code: string;
  /** The error body as escaped JSON text (ready to sit inside a JSON string literal). */
  readonly bodyEscaped: string;
  /** The `error_code` (shown in `location_info`). */
  readonly errorCode: string;
  /**
   * `warning` when the service answered 2xx with the error inside the body (Huawei's example
   * pairs `warning` with `code` 200); absent when the rating follows the status.
   */
  readonly rating?: TraceRating;
}

/**
 * Failure modes with relative weights. ModelArts error codes are not documented in the CTS
 * reference: the `ModelArts.xxxx` codes here are illustrative; `APIGW.0308` (throttling) follows
 * the API Gateway's code family. Body shape: `{"error_code","error_msg"}` (reference §4.1).
 */
const MODES: readonly (readonly [
  weight: number,
  code: string,
  errorCode: string,
  message: string,
  verbs: string,
])[] = [
  [30, "400", "ModelArts.4101", "Invalid parameter. Check the request body.", "cuda"],
  [
    12,
    "400",
    "ModelArts.4704",
    "Insufficient quota. Release resources or apply for a higher quota.",
    "c",
  ],
  [14, "409", "ModelArts.4209", "The resource name already exists.", "c"],
  [
    12,
    "403",
    "ModelArts.0203",
    "Permission denied. The IAM user has no permission to perform this operation.",
    "cuda",
  ],
  [8, "404", "ModelArts.4104", "The resource does not exist or has been deleted.", "ud"],
  [
    10,
    "409",
    "ModelArts.4210",
    "The resource is in a state that does not allow this operation.",
    "uda",
  ],
  [6, "429", "APIGW.0308", "The throttling threshold has been reached.", "cuda"],
  [6, "500", "ModelArts.0001", "Internal server error. Try again later.", "cuda"],
  [3, "503", "ModelArts.0002", "The service is temporarily unavailable. Try again later.", "cuda"],
];

const LOGIN: Failure = failure("401", "ModelArts.4901", "Incorrect email or password.");

const byVerb = new Map<Verb, { total: number; modes: { weight: number; failure: Failure }[] }>();
for (const verb of ["create", "update", "delete", "action"] as const) {
  const letter = verb === "action" ? "a" : verb[0];
  const modes = MODES.filter((m) => m[4].includes(letter as string)).map((m) => ({
    weight: m[0],
    failure: failure(m[1], m[2], m[3]),
  }));
  byVerb.set(verb, { total: modes.reduce((sum, m) => sum + m.weight, 0), modes });
}

/**
 * Operations whose API answers 200 with the error inside the body, and the share of their
 * failures that come that way. Dataset batch operations (samples, labels, workers) answer
 * `{"success":false,"results":[…]}` with per-item errors (ModelArts API reference, batch
 * responses); the v1 training API carries `is_success`/`error_code`/`error_msg` in its bodies,
 * and we assume (unsure: no trace example) that state and quota errors come back that way.
 */
const IN_BODY: Readonly<Record<string, readonly [share: number, failure: Failure]>> = (() => {
  const batch = inBody(
    '{"success":false,"results":[{"success":false,"error_code":"ModelArts.4302","error_msg":"Some samples do not exist or cannot be processed."}]}',
    "ModelArts.4302",
  );
  const v1 = inBody(
    '{"is_success":false,"error_code":"ModelArts.2791","error_msg":"The training job is in a state that does not allow this operation."}',
    "ModelArts.2791",
  );
  const out: Record<string, readonly [number, Failure]> = {};
  for (const name of [
    "uploadSamples",
    "deleteSamples",
    "updateSamples",
    "acceptSamples",
    "reviewSamples",
    "updateWorkforceTaskSamples",
    "createLabel",
    "batchDeleteWorker",
  ])
    out[name] = [0.7, batch];
  for (const name of [
    "createModelArtsTrainVersion",
    "stopModelArtsTrainVersion",
    "updateModelArtsTrainDesc",
    "updateModelArtsTrainConfig",
    "stopModelArtsTensorboardJob",
    "restartModelArtsgTensorboardJob",
  ])
    out[name] = [0.5, v1];
  return out;
})();

/**
 * Picks how a call of this verb fails (logins fail with 401, wrong password; some operations
 * answer 200 with the error in the body, see {@link IN_BODY}).
 */
export function pickFailure(rng: Prng, verb: Verb, traceName: string): Failure {
  if (traceName === "workerLoginLabelConsole") return LOGIN;
  const inBodyFailure = IN_BODY[traceName];
  if (inBodyFailure !== undefined && rng.chance(inBodyFailure[0])) return inBodyFailure[1];
  const table = byVerb.get(verb);
  if (table === undefined) return LOGIN;
  let roll = rng.next() * table.total;
  for (const mode of table.modes) {
    roll -= mode.weight;
    if (roll < 0) return mode.failure;
  }
  return (table.modes[0] as { failure: Failure }).failure;
}

/**
 * `trace_rating` of a call's status: 2xx/3xx normal, 4xx and 5xx warning. `incident` marks
 * serious, usually platform-side consequences (reference, "Corrections and additions"): the
 * platform's own traces carry it (see {@link NODE_FAILURE}), never a user's failed call.
 */
export function ratingOf(code: string): TraceRating {
  return code.charCodeAt(0) <= 51 ? "normal" : "warning"; // '1'..'3'
}

/**
 * A platform-side incident: a node of the job's or service's pool failed and the platform
 * ended the workload (a system trace rated `incident`; the status is our assumption).
 */
export const NODE_FAILURE: Failure = {
  ...failure(
    "500",
    "ModelArts.2762",
    "The node running the workload became faulty; the platform stopped the workload.",
  ),
  rating: "incident",
};

/**
 * A failure that comes back 2xx with the error inside `body` (JSON text with an `error_code`):
 * rated `warning` (Huawei's example pairs `warning` with 200).
 */
export function inBody(body: string, errorCode: string): Failure {
  return {
    code: "200",
    errorCode,
    bodyEscaped: flat(JSON.stringify(body).slice(1, -1)),
    rating: "warning",
  };
}

function failure(code: string, errorCode: string, message: string): Failure {
  const body = errorCode.startsWith("APIGW")
    ? `{"error_code":"${errorCode}","error_msg":"${message}","request_id":"$requestId"}`
    : `{"error_code":"${errorCode}","error_msg":"${message}"}`;
  return { code, errorCode, bodyEscaped: flat(JSON.stringify(body).slice(1, -1)) };
}
