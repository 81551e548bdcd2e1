/**
 * Choices where the reference marks CTS's behaviour unconfirmed (reference "Uncertain" 2–4).
 * Each default is the most likely behaviour; every one is listed in the README.
 */
export interface CtsBehaviour {
  /** Reject a ListTraces request without `trace_type` (the SDK marks it required). Default: false (treated as `system`). */
  readonly requireTraceType: boolean;
  /** `limit` below 1 or above 200: `reject` with a 400, or `clamp` into range. Default: `reject`. */
  readonly limitOutOfRange: "reject" | "clamp";
  /** System-only filters sent with `trace_type=data`: `ignore` them or `reject` with a 400. Default: `ignore`. */
  readonly systemOnlyFiltersWithData: "ignore" | "reject";
  /** `from` older than the 7-day retention: `clamp` to the retention or `reject`. Default: `clamp`. */
  readonly outsideRetention: "clamp" | "reject";
  /** Whether `from` and `to` themselves are included. Default: `exclusive` (the Chinese SDK text). */
  readonly windowBounds: "exclusive" | "inclusive";
  /** Whether the last page still carries a marker (the doc example shows one). Default: false (null). */
  readonly markerOnLastPage: boolean;
  /** Whether `trace_id` also overrides `from`/`to`/`next` (not only the field filters). Default: true. */
  readonly traceIdIgnoresWindow: boolean;
  /** Error code for a bad query parameter (always HTTP 400). Default: `CTS.0300` ("Query failed."). */
  readonly badParameterCode: "CTS.0300" | "CTS.0003";
  /** Whether each project starts with its management tracker, as real accounts do. Default: true. */
  readonly defaultSystemTracker: boolean;
  /**
   * The answer to a request for a project or account id the credential may not use: another
   * account's, one no account has, or a malformed one (with auth `none`: one no account has).
   * No source shows the real answer. `CTS.0002`: 403 in CTS's shape, "Authentication failed or
   * you do not have the permissions required." (CTS's own code for it); `APIGW.0302`: 403 in the
   * gateway's shape, "The IAM user is not authorized to access the API."; `APIGW.0301`: 401,
   * the gateway refusing the credential for that project. Default: `CTS.0002`.
   */
  readonly outOfScope: "CTS.0002" | "APIGW.0302" | "APIGW.0301";
}

/** The default {@link CtsBehaviour}. */
export const DEFAULT_BEHAVIOUR: CtsBehaviour = {
  requireTraceType: false,
  limitOutOfRange: "reject",
  systemOnlyFiltersWithData: "ignore",
  outsideRetention: "clamp",
  windowBounds: "exclusive",
  markerOnLastPage: false,
  traceIdIgnoresWindow: true,
  badParameterCode: "CTS.0300",
  defaultSystemTracker: true,
  outOfScope: "CTS.0002",
};
