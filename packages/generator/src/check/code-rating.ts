import { TRACE_RATINGS } from "@ctsim/catalog";
import { CheckCode } from "./check-code.js";

/** A `code`/`trace_rating` rule a trace broke. */
export interface CodeRatingProblem {
  readonly code: typeof CheckCode.code | typeof CheckCode.codeRating;
  readonly message: string;
}

/** Ratings CTS gives each final HTTP status class (reference §2.1, issue 3). */
const RATINGS_BY_CLASS: Readonly<Record<number, readonly string[]>> = {
  2: ["normal"],
  3: ["normal"],
  4: ["warning"],
  5: ["warning", "incident"],
};

/**
 * Checks that a trace's `code` (an HTTP status, as text in the API shape and a number in OBS
 * files) agrees with its `trace_rating`: 2xx and 3xx are `normal`, 4xx `warning`, 5xx `warning`
 * or `incident`; a 2xx may be `warning` when `response` carries an `error_code` (the error is
 * inside the body, as in Huawei's example). A missing, null or empty `code` is allowed (the service FAQ says it may be
 * empty); a rating outside `normal`/`warning`/`incident` is left to the schema check.
 *
 * @returns the broken rule, or undefined when the pair is fine
 * @example
 * codeRatingProblem("404", "normal"); // { code: "trace.code-rating", message: … }
 */
export function codeRatingProblem(
  code: unknown,
  rating: unknown,
  response?: unknown,
): CodeRatingProblem | undefined {
  if (code === undefined || code === null || code === "") return undefined;
  const status = typeof code === "string" && /^\d{3}$/.test(code) ? Number(code) : code;
  const allowed =
    typeof status === "number" && Number.isInteger(status)
      ? RATINGS_BY_CLASS[Math.floor(status / 100)]
      : undefined;
  if (allowed === undefined) {
    return {
      code: CheckCode.code,
      message: `code ${JSON.stringify(code)} is not a final HTTP status (200–599)`,
    };
  }
  if (!isRating(rating) || allowed.includes(rating)) return undefined;
  // Huawei's example pairs `warning` with 200 when the operation's error is inside `response`.
  if (rating === "warning" && allowed === RATINGS_BY_CLASS[2] && carriesError(response))
    return undefined;
  return {
    code: CheckCode.codeRating,
    message: `trace_rating "${rating}" does not match code ${JSON.stringify(code)} (expected ${allowed.map((r) => `"${r}"`).join(" or ")})`,
  };
}

/** Whether a response (JSON text or object) reports an error: an `error_code` in it. */
function carriesError(response: unknown): boolean {
  const text = typeof response === "string" ? response : JSON.stringify(response ?? null);
  return text.includes('"error_code"');
}

function isRating(value: unknown): value is string {
  return (TRACE_RATINGS as readonly unknown[]).includes(value);
}
