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

/** Picks how a call of this verb fails (logins fail with 401, wrong password). */
export function pickFailure(rng: Prng, verb: Verb, traceName: string): Failure {
  if (traceName === "workerLoginLabelConsole") return LOGIN;
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
 * `trace_rating` for a status: 2xx/3xx normal, 4xx warning, 5xx warning or (with probability
 * `incidentShare`) incident.
 */
export function ratingOf(code: string, rng: Prng, incidentShare = 0.2): TraceRating {
  const first = code.charCodeAt(0);
  if (first <= 51) return "normal"; // '1'..'3'
  if (first === 52) return "warning"; // '4'
  return rng.chance(incidentShare) ? "incident" : "warning";
}

function failure(code: string, errorCode: string, message: string): Failure {
  const body = errorCode.startsWith("APIGW")
    ? `{"error_code":"${errorCode}","error_msg":"${message}","request_id":"$requestId"}`
    : `{"error_code":"${errorCode}","error_msg":"${message}"}`;
  return { code, errorCode, bodyEscaped: flat(JSON.stringify(body).slice(1, -1)) };
}
